// Command rowspeer reads every cell of every sheet of a workbook with excelize's bare streaming
// Rows() iterator and nothing else: the library's own floor, which bench/checkpeers.sh compares
// `tonghop check` with.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: rowspeer FILE.xlsx")
	}
	f, err := excelize.OpenFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	cells := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			log.Fatal(err)
		}
		for rows.Next() {
			row, err := rows.Columns()
			if err != nil {
				log.Fatal(err)
			}
			cells += len(row)
		}
		if err := rows.Close(); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Println(cells, "cells")
}

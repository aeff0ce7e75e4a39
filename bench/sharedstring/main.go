// Command sharedstring writes the shared-string bomb of issue 16 for the office's BM.04.01/KH: its
// template, signed with the office's template key, whose one shared string of many characters is
// shown by thousands of cells of the work program (bench/sharedstring.sh).
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/tonghop/tonghop/internal/xlsxbomb"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

func main() {
	cfgPath := flag.String("config", "", "configuration file")
	cells := flag.Int("cells", 3000, "cells showing the string")
	chars := flag.Int("chars", 300_000, "characters of the string")
	out := flag.String("o", "bomb.xlsx", "output file")
	flag.Parse()
	of, err := office.LoadOffline(*cfgPath)
	if err != nil {
		log.Fatal(err)
	}
	f, ok := of.Form("BM.04.01/KH")
	if !ok {
		log.Fatal("no BM.04.01/KH in the configuration")
	}
	p, _ := period.Parse("2026-W48")
	meta, err := of.TemplateMeta(f, of.FormUnits(f)[0], p, nil)
	if err != nil {
		log.Fatal(err)
	}
	var tpl bytes.Buffer
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		log.Fatal(err)
	}
	bomb := xlsxbomb.SharedString{Sheet: f.Tables[0].Title, FirstRow: templates.HeaderRow + 1,
		Columns: len(f.Tables[0].Columns), Cells: *cells, Chars: *chars}
	data, err := bomb.Build(tpl.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

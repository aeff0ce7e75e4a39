// Command bigform writes a filled work program (BM.04.01/KH) with many tasks, signed with the
// office's template key, for measuring `tonghop check` on large submissions (bench/check.sh).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

func main() {
	cfgPath := flag.String("config", "", "configuration file")
	rows := flag.Int("rows", 5000, "tasks in the work program")
	out := flag.String("o", "big.xlsx", "output file")
	flag.Parse()
	of, err := office.LoadOffline(*cfgPath)
	if err != nil {
		log.Fatal(err)
	}
	f, ok := of.Form("BM.04.01/KH")
	if !ok {
		log.Fatal("no BM.04.01/KH in the configuration")
	}
	unit := of.FormUnits(f)[0]
	p, _ := period.Parse("2026-W48")
	meta, err := of.TemplateMeta(f, unit, p, nil)
	if err != nil {
		log.Fatal(err)
	}
	var tpl bytes.Buffer
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		log.Fatal(err)
	}
	data := form.Filled{Tables: map[string][]form.Row{}}
	for i := range *rows {
		data.Tables["tasks"] = append(data.Tables["tasks"], form.Row{Values: map[string]string{
			"content":    fmt.Sprintf("Nhiệm vụ số %d: rà soát, tổng hợp hồ sơ dự án đầu tư trong khu công nghiệp", i+1),
			"lead":       unit.Name,
			"coordinate": "Phòng Quy hoạch - Xây dựng; Văn phòng",
			"person":     "Nguyễn Văn An",
			"deadline":   fmt.Sprintf("2026-11-%02d", 23+i%5),
			"level":      "Trưởng Ban",
		}})
	}
	filled, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, filled, 0o644); err != nil {
		log.Fatal(err)
	}
}

package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// upstreamTable is the office reporting its monthly report to the provincial committee.
const upstreamTable = `
[[upstream]]
name = "UBND tỉnh"
emails = ["tonghop@ubnd.example.vn"]
hold = "3h"
[[upstream.forms]]
code = "BM.02.01/KH"
from = "BM.02.01/KH"
`

func TestParse_Upstream(t *testing.T) {
	c, err := Parse([]byte(minimal+upstreamTable), "t.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	up, ok := c.UpstreamByEmail("TongHop@ubnd.example.vn")
	if !ok || up.Name != "UBND tỉnh" || up.HoldFor() != 3*time.Hour {
		t.Fatalf("upstream by email: %+v, %v", up, ok)
	}
	uf, ok := up.Form("BM.02.01/KH")
	if !ok {
		t.Fatal("upstream form not found")
	}
	layout, ok := c.UpstreamLayout(*uf)
	if !ok || len(layout.Indicators) != 1 || layout.Title == "" || layout.Version != 1 {
		t.Errorf("layout from our form of the same code: %+v", layout)
	}
	if (Upstream{}).HoldFor() != DefaultUpstreamHold || (Upstream{Hold: "0"}).HoldFor() != 0 {
		t.Error("hold: default 2h, 0 at once")
	}
}

// TestParse_UpstreamOwnLayout: an upper form of a code we neither have nor know carries its
// layout as [[forms]] do.
func TestParse_UpstreamOwnLayout(t *testing.T) {
	src := minimal + strings.Replace(upstreamTable, `code = "BM.02.01/KH"
from`, `code = "KTXH/TP"
title = "Báo cáo kinh tế - xã hội"
period = "month"
from`, 1) + `
  [[upstream.forms.indicators]]
  key = "ktxh"
  title = "Chỉ tiêu"
  columns = [{ key = "period", title = "Thực hiện", type = "decimal" }]
    [[upstream.forms.indicators.rows]]
    code = "1"
    name = "Số dự án cấp mới"
`
	c, err := Parse([]byte(src), "t.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	layout, ok := c.UpstreamLayout(c.Upstream[0].Forms[0])
	if !ok || layout.Indicators[0].Rows[0].Code != "1" || layout.Code != "KTXH/TP" {
		t.Errorf("own layout: %+v", layout)
	}
}

func TestParse_UpstreamProblems(t *testing.T) {
	for _, c := range []struct{ name, old, new, want string }{
		{"no name", `name = "UBND tỉnh"`, `name = ""`, "upstream[0].name"},
		{"no address", `emails = ["tonghop@ubnd.example.vn"]`, `emails = []`, "upstream[0].emails"},
		{"our own address", `emails = ["tonghop@ubnd.example.vn"]`, `emails = ["tonghop@example.vn"]`, "upstream[0].emails"},
		{"a unit's address", `emails = ["tonghop@ubnd.example.vn"]`, `emails = ["qldn@example.vn"]`, "upstream[0].emails"},
		{"a person's address", `emails = ["tonghop@ubnd.example.vn"]`, `emails = ["an@example.vn"]`, "upstream[0].emails"},
		{"bad hold", `hold = "3h"`, `hold = "3 giờ"`, "upstream[0].hold"},
		{"negative hold", `hold = "3h"`, `hold = "-1h"`, "upstream[0].hold"},
		{"unknown form of ours", `from = "BM.02.01/KH"`, `from = "BM.99"`, "upstream[0].forms[0].from"},
		{"unknown layout", `code = "BM.02.01/KH"
from`, `code = "KHONG-BIET"
from`, "upstream[0].forms[0]"},
		{"no forms", "[[upstream.forms]]\ncode = \"BM.02.01/KH\"\nfrom = \"BM.02.01/KH\"\n", "", "upstream[0].forms"},
		{"no mail authentication", "[mail_auth]\ntrusted_servers = [\"mx.example.vn\"]", "", "upstream: needs [mail_auth]"},
		{"colon in code", `code = "BM.02.01/KH"
from`, `code = "BM:1"
from`, "upstream[0].forms[0].code"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(minimal+upstreamTable, c.old, c.new, 1)
			if src == minimal+upstreamTable {
				t.Fatalf("case changes nothing: %q", c.old)
			}
			_, err := Parse([]byte(src), "t.toml")
			var errs *Errors
			if !errors.As(err, &errs) || !containsPrefix(errs.Problems, c.want) {
				t.Errorf("problems %v, want one under %s", err, c.want)
			}
		})
	}
}

// TestParse_UpstreamPeriodKinds: a weekly report of ours cannot fill a monthly upper form.
func TestParse_UpstreamPeriodKinds(t *testing.T) {
	src := minimal + `
[[forms]]
code = "BM.04.01/KH"
deadline = "thu 15:00"
` + strings.Replace(upstreamTable, `from = "BM.02.01/KH"`, `from = "BM.04.01/KH"`, 1)
	_, err := Parse([]byte(src), "t.toml")
	var errs *Errors
	if !errors.As(err, &errs) || !containsPrefix(errs.Problems, "upstream[0].forms[0].from") {
		t.Errorf("problems %v, want a period kind mismatch", err)
	}
}

// TestUpstreamLayout_Group: an upper form with parts limited to groups is laid out as the
// upper office's template for our group holds it.
func TestUpstreamLayout_Group(t *testing.T) {
	c, err := Parse([]byte(wardForm+strings.Replace(upstreamTable, `code = "BM.02.01/KH"
from = "BM.02.01/KH"`, `code = "KTXH/T"
from = "KTXH/T"
group = "phong"`, 1)), "t.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	layout, ok := c.UpstreamLayout(c.Upstream[0].Forms[0])
	if !ok || len(layout.Indicators) != 1 || len(layout.Indicators[0].Rows) != 1 || layout.Indicators[0].Rows[0].Code != "3" {
		t.Errorf("layout for group phong: %+v", layout.Indicators)
	}
	c.Upstream[0].Forms[0].Group = "phuong"
	if layout, _ := c.UpstreamLayout(c.Upstream[0].Forms[0]); len(layout.Indicators[0].Rows) != 2 {
		t.Errorf("layout for group phuong: %+v", layout.Indicators)
	}
}

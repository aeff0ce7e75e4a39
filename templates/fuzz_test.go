package templates

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
)

// FuzzRead feeds Read arbitrary bytes: it must answer with data or a sentinel error and an
// explained problem, and never panic (a panic it recovered from shows as "panic:" in the error).
func FuzzRead(f *testing.F) {
	fm := builtin(f, "BM.04.02/KH")
	tpl := generate(f, fm)
	f.Add(tpl)
	f.Add(fill(f, tpl, fm, sampleData(fm)))
	for _, name := range []string{"readxl__missing-v-node.xlsx", "calamine__date_libreoffice74.xlsx", "poi__fuzz-truncated-zip.xlsx"} {
		f.Add(corpusFile(f, name))
	}
	f.Add([]byte("PK\x03\x04"))
	forms := allForms()
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := Read(data, forms, testSecret, Limits{MaxCells: 20000})
		if rep == nil {
			t.Fatal("nil report")
		}
		if err != nil {
			if !errors.Is(err, ErrUnreadable) && !errors.Is(err, ErrUnknownForm) {
				t.Fatalf("got err %v, want a sentinel", err)
			}
			if strings.Contains(err.Error(), "panic:") {
				t.Fatalf("Read recovered from %v", err)
			}
			if len(rep.Errors) != 1 || rep.Errors[0].Message == "" {
				t.Fatalf("got errors %+v, want one explained problem", rep.Errors)
			}
		}
		if rep.Filled.Tables == nil || rep.Filled.Indicators == nil || rep.Filled.Narrative == nil || rep.Filled.Header == nil {
			t.Fatal("report with nil maps")
		}
	})
}

// FuzzParseValue checks that every value accepted is in its normalised form.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"1.234,5", "18/11/2026", "85%", "0912 345 678", "abc@x.vn", "2026-11-18T00:00:00Z", "−3", "1,2,3"} {
		f.Add(s, false, uint8(0))
		f.Add(s, true, uint8(1))
	}
	types := []form.ColumnType{form.Text, form.Integer, form.Decimal, form.Percent, form.Date, form.Choice, form.Email, form.Phone}
	f.Fuzz(func(t *testing.T, raw string, numeric bool, kind uint8) {
		for _, ct := range types {
			c := form.Column{Key: "x", Title: "X", Type: ct, Choices: []string{"Hoàn thành", "Quá hạn"}}
			v := parseValue(c, cellIn{raw: raw, numeric: numeric, kind: fmtKind(kind % 3)}, kind%2 == 1)
			if v.code != "" {
				continue
			}
			switch ct {
			case form.Integer, form.Decimal, form.Percent:
				if n, err := strconv.ParseFloat(v.value, 64); err != nil || formatNumber(n) != v.value {
					t.Fatalf("%s %q: value %q is not a normalised number", ct, raw, v.value)
				}
			case form.Date:
				if _, err := time.Parse(isoLayout, v.value); err != nil {
					t.Fatalf("date %q: value %q is not YYYY-MM-DD", raw, v.value)
				}
			}
		}
	})
}

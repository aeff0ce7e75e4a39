package templates

import (
	"errors"
	"math"
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
		// Small limits keep each run fast: a part may inflate to its limit, and the fuzzer finds
		// such parts; TestRead_Unreadable covers the default limits.
		rep, err := Read(data, forms, testSecret, Limits{MaxCells: 20000, MaxXMLBytes: 1 << 20, MaxUnzipBytes: 4 << 20})
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

// FuzzParseNumberText checks the reading of numbers typed as text: a number accepted is finite,
// rounds to itself, and reads the same when written back the Vietnamese way.
func FuzzParseNumberText(f *testing.F) {
	for _, s := range []string{"1.234.567", "12,5", "1,234.5", "1.234,5", " 1 234 ", "\u00a012,5\u00a0", "+3", "−3", "0.125", "1.234", "1,2,3", ".5", "5.", "1e5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, ok := parseNumberText(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || roundExcel(v) != v {
			t.Fatalf("%q: got %v, not a finite 15-digit number", s, v)
		}
		back, _, ok := parseNumberText(viNumber(v))
		if !ok || back != v {
			t.Fatalf("%q: read %v, written %q, read back %v (ok %v)", s, v, viNumber(v), back, ok)
		}
	})
}

// FuzzParseDateText checks the reading of dates typed as text: a date accepted is a real day of
// a four-digit year, and reads the same when written back dd/mm/yyyy.
func FuzzParseDateText(f *testing.F) {
	for _, s := range []string{"20/11/2026", "20-11-2026", "20/11/26", "2026-11-20", "2026-11-20T00:00:00Z", "ngày 20 tháng 11 năm 2026", "31/02/2026", "11/18/2026", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _, ok := parseDateText(s)
		if !ok {
			return
		}
		if d.Year() < 1900 || d.Year() > 9999 || d.Hour() != 0 || d.Location() != time.UTC {
			t.Fatalf("%q: got %v", s, d)
		}
		back, cleaned, ok := parseDateText(d.Format(viLayout))
		if !ok || cleaned || !back.Equal(d) {
			t.Fatalf("%q: read %v, written %q, read back %v (ok %v, cleaned %v)", s, d, d.Format(viLayout), back, ok, cleaned)
		}
	})
}

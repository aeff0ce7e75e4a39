package reportbook

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

var ict = time.FixedZone("ICT", 7*3600)

// deadline of every test period: 17:00 on Friday 20 November 2026, office time.
var deadline = time.Date(2026, 11, 20, 17, 0, 0, 0, ict)

// fixture is one consolidation: the input, its book and status, and the workbook's meta.
type fixture struct {
	form  form.Form
	in    consolidate.Input
	book  consolidate.Book
	st    status.Matrix
	meta  Meta
	units []consolidate.Unit
}

func builtin(t testing.TB, code string) form.Form {
	t.Helper()
	f, ok := form.Builtins()[code]
	if !ok {
		t.Fatalf("no built-in form %s", code)
	}
	return f
}

func builtinCodes() []string {
	var codes []string
	for code := range form.Builtins() {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return codes
}

// periodOf is the test period of a form: week 47 or November 2026.
func periodOf(t testing.TB, f form.Form) period.Period {
	t.Helper()
	s := "2026-11"
	if f.Period.Has("week") {
		s = "2026-W47"
	}
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// testUnits are n units "U01"…; the first three have names of real desks.
func testUnits(n int) []consolidate.Unit {
	names := []string{"Phòng Kế hoạch - Đầu tư", "Văn phòng", "Phòng Quản lý doanh nghiệp"}
	out := make([]consolidate.Unit, n)
	for i := range out {
		code := fmt.Sprintf("U%02d", i+1)
		name := "Đơn vị " + code
		if i < len(names) {
			name = names[i]
		}
		out[i] = consolidate.Unit{Code: code, Name: name}
	}
	return out
}

// sampleValue is a plausible normalised value of a column.
func sampleValue(c form.Column, unit string, i int) string {
	switch c.Type {
	case form.Integer:
		return strconv.Itoa(10 + i)
	case form.Decimal:
		return strconv.FormatFloat(2.5+float64(i), 'f', -1, 64)
	case form.Percent:
		return "75"
	case form.Date:
		return fmt.Sprintf("2026-11-%02d", 20+i%5)
	case form.Choice:
		return c.Choices[i%len(c.Choices)]
	case form.Email:
		return "canbo@kcn.gov.vn"
	case form.Phone:
		return "0912345678"
	}
	return fmt.Sprintf("%s %d của %s", c.Title, i+1, unit)
}

// sampleFilled fills every part of f for a unit: rows lines 10…, figures 1, 2, 3… per
// indicator (plan ten times that), a text per section.
func sampleFilled(f form.Form, unit string, rows int) form.Filled {
	out := form.Filled{Tables: map[string][]form.Row{}, Indicators: map[string]map[string]map[string]string{},
		Narrative: map[string]string{}}
	for _, t := range f.Tables {
		for i := range rows {
			values := map[string]string{}
			for _, c := range t.Columns {
				values[c.Key] = sampleValue(c, unit, i)
			}
			out.Tables[t.Key] = append(out.Tables[t.Key], form.Row{Line: 10 + i, Values: values})
		}
	}
	for _, t := range f.Indicators {
		cells := map[string]map[string]string{}
		for i, ind := range t.Rows {
			v := strconv.Itoa(i + 1)
			cells[ind.Code] = map[string]string{"plan": v + "0", "period": v, "ytd": v}
		}
		out.Indicators[t.Key] = cells
	}
	for _, s := range f.Narrative {
		out.Narrative[s.Key] = s.Title + " của " + unit + ".\nĐoạn thứ hai."
	}
	return out
}

// newFixture consolidates form code for n units, all of which report except those listed
// as missing.
func newFixture(t testing.TB, code string, n, rows int, missing ...string) *fixture {
	t.Helper()
	f := builtin(t, code)
	p := periodOf(t, f)
	fx := &fixture{form: f, units: testUnits(n)}
	fx.in = consolidate.Input{Form: f, Period: p, Units: fx.units, Current: map[string]consolidate.Source{}}
	for i, u := range fx.units {
		if slices.Contains(missing, u.Code) {
			continue
		}
		fx.in.Current[u.Code] = consolidate.Source{
			Unit: u.Code, Version: 1 + i%2, ReceivedAt: deadline.Add(time.Duration(i-1) * time.Hour),
			Late: i > 1, FileName: code + "_" + u.Code + ".xlsx", SHA256: fmt.Sprintf("%064x", i+1),
			MessageID: fmt.Sprintf("<m%d@kcn.gov.vn>", i+1), Filled: sampleFilled(f, u.Code, rows),
		}
	}
	fx.meta = Meta{Office: "Ban Quản lý các khu công nghiệp tỉnh X", Desk: "Văn phòng",
		PeriodLabel: p.Label() + " (số liệu đến 14/11/2026)", Draft: 2,
		BuiltAt: time.Date(2026, 11, 21, 1, 30, 0, 0, time.UTC), Location: ict,
		LedgerState: "submissions=57 events=1234"}
	fx.rebuild(t)
	return fx
}

// rebuild consolidates the input again and rebuilds the status from its sources.
func (fx *fixture) rebuild(t testing.TB) {
	t.Helper()
	book, err := consolidate.Build(fx.in)
	if err != nil {
		t.Fatalf("consolidate.Build: %v", err)
	}
	fx.book = book
	var units []status.Unit
	var subs []status.Submission
	var reminders []status.Reminder
	per := fx.in.Period.String()
	for _, u := range fx.in.Units {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
		reminders = append(reminders, status.Reminder{Form: fx.form.Code, Unit: u.Code, Period: per,
			Kind: "reminder", N: 1, SentAt: deadline.Add(-9*time.Hour - 30*time.Minute)})
		src, ok := fx.in.Current[u.Code]
		if !ok {
			reminders = append(reminders, status.Reminder{Form: fx.form.Code, Unit: u.Code, Period: per,
				Kind: "nag", N: 2, SentAt: deadline.Add(62*time.Hour + 30*time.Minute), Cc: []string{"lãnh đạo"}})
			continue
		}
		for v := 1; v <= src.Version; v++ {
			subs = append(subs, status.Submission{Form: fx.form.Code, Unit: u.Code, Period: per, Version: v,
				Valid: true, ReceivedAt: src.ReceivedAt.Add(time.Duration(v-src.Version) * time.Hour)})
		}
	}
	periods := []status.Period{{Form: fx.form.Code, Period: per, Deadline: deadline, Closed: true}}
	fx.st = status.Build(units, periods, subs, reminders, deadline.Add(72*time.Hour))
}

// write writes the fixture's workbook and opens it again.
func (fx *fixture) write(t testing.TB) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, fx.book, fx.st, fx.meta); err != nil {
		t.Fatalf("Write: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, buf.Bytes()
}

// rows returns a sheet's raw cell values, failing the test when the sheet is absent.
func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	out, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %q: %v", sheet, err)
	}
	return out
}

// rowWith returns the first row whose cell in column col (0-based) is want, and its number
// (1-based).
func rowWith(t testing.TB, all [][]string, col int, want string) ([]string, int) {
	t.Helper()
	for i, r := range all {
		if col < len(r) && r[col] == want {
			return r, i + 1
		}
	}
	t.Fatalf("no row with %q in column %d", want, col)
	return nil, 0
}

// at returns cell i of a row, "" past its end.
func at(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// cellValue returns a cell's formatted value.
func cellValue(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

// contains reports whether some cell of the sheet holds exactly want.
func contains(all [][]string, want string) bool {
	for _, r := range all {
		if slices.Contains(r, want) {
			return true
		}
	}
	return false
}

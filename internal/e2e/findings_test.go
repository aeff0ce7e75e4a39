package e2e

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
	"github.com/tonghop/tonghop/templates"
)

// coverSheet is the template's first sheet, where the unit writes who prepared the report and
// when.
const coverSheet = templates.CoverSheet

// checkFindings is what `tonghop check --unit U --at <now>` reports for the workbook: the
// errors and the warnings of the receive stage's judgement, which check prints in this order.
func (c *cycle) checkFindings(t testing.TB, u unit, data []byte) (errs, warns []form.Problem) {
	t.Helper()
	cu, ok := c.o.cfg.Unit(u.Code)
	if !ok {
		t.Fatalf("no unit %s", u.Code)
	}
	now := c.o.clock.Now()
	ctx := context.Background()
	j := receive.Judge{Office: c.o.office, Ledger: receive.NoLedger{}, Events: c.o.office.EventTimes(ctx, nil, nil),
		Now: func() time.Time { return now }}
	v, err := j.Workbook(ctx, office.Sender{Unit: &cu}, intake.Attachment{Name: c.tmpl[u.Code].Name, Data: data, Size: int64(len(data))}, "")
	if err != nil {
		t.Fatal(err)
	}
	return v.Errors, v.Warnings
}

// sheetOrder is the order of the sheets of unit u's file with mistakes, as Excel shows them.
func (c *cycle) sheetOrder(t testing.TB, u unit) []string {
	t.Helper()
	f := c.openFilled(t, u)
	defer f.Close()
	return f.GetSheetList()
}

// coverDateCell is the cell of the cover where the file with mistakes has badDate.
func (c *cycle) coverDateCell(t testing.TB, u unit) string {
	t.Helper()
	f := c.openFilled(t, u)
	defer f.Close()
	cells, err := f.SearchSheet(coverSheet, badDate)
	if err != nil || len(cells) != 1 {
		t.Fatalf("the cover of the file with mistakes: %s in %v (%v), want one cell", badDate, cells, err)
	}
	return cells[0]
}

func (c *cycle) openFilled(t testing.TB, u unit) *excelize.File {
	t.Helper()
	i := slices.Index(units, u)
	f, err := excelize.OpenReader(bytes.NewReader(c.filled(t, i, true)))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// hasWarningAt reports whether one of the warnings is about sheet!cell.
func hasWarningAt(warns []form.Problem, sheet, cell string) bool {
	return slices.ContainsFunc(warns, func(p form.Problem) bool { return p.Sheet == sheet && p.Cell == cell })
}

// assertInReadingOrder checks that the problems come sheet by sheet in the workbook's order
// (the whole file first), and within a sheet by row, then column (the whole sheet first).
func assertInReadingOrder(t testing.TB, what string, ps []form.Problem, sheets []string) {
	t.Helper()
	key := func(p form.Problem) []int {
		k := []int{0, -1, -1}
		if p.Sheet != "" {
			k[0] = 1 + slices.Index(sheets, p.Sheet)
		}
		if col, row, err := excelize.CellNameToCoordinates(p.Cell); err == nil {
			k[1], k[2] = row, col
		}
		return k
	}
	for i := 1; i < len(ps); i++ {
		if slices.Compare(key(ps[i-1]), key(ps[i])) > 0 {
			t.Errorf("%s out of sheet, row, column order: [%s!%s] before [%s!%s]:\n%s", what,
				ps[i-1].Sheet, ps[i-1].Cell, ps[i].Sheet, ps[i].Cell, findingList(ps))
		}
	}
}

// assertListsFindings checks that the error mail lists every finding — its sheet, its cell and
// its message — in check's order and nothing else: its numbered problems are the findings,
// one by one.
func assertListsFindings(t testing.TB, body string, findings []form.Problem) {
	t.Helper()
	var listed []string
	for _, line := range strings.Split(body, "\n") {
		if n, _, ok := strings.Cut(strings.TrimSpace(line), ". "); ok {
			if _, err := strconv.Atoi(n); err == nil {
				listed = append(listed, oneLine(line))
			}
		}
	}
	if len(listed) != len(findings) {
		t.Errorf("the error mail lists %d problems, check finds %d:\n%s\nmail:\n%s", len(listed), len(findings), findingList(findings), body)
	}
	for i := range min(len(listed), len(findings)) {
		if !lists(listed[i], findings[i]) {
			t.Errorf("problem %d of the error mail is %q, check's is [%s!%s] %s", i+1, listed[i],
				findings[i].Sheet, findings[i].Cell, findings[i].Message)
		}
	}
}

// lists reports whether a numbered line of the error mail is the finding p: its sheet, its
// cell and its message (the letter may capitalise the message's first word).
func lists(line string, p form.Problem) bool {
	_, rest, _ := strings.Cut(oneLine(p.Message), " ")
	return strings.Contains(line, rest) && strings.Contains(line, p.Cell) && strings.Contains(line, p.Sheet)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func findingList(ps []form.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  [" + p.Sheet + "!" + p.Cell + "] " + p.Message + "\n")
	}
	return b.String()
}

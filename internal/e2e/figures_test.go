package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
	"github.com/tonghop/tonghop/templates"
)

// filled is unit i's template, received by mail, filled in as its clerk would: every indicator
// with this month's figure, the year's plan, the year to date and the same month last year as
// the unit typed them, the narrative. With mistakes, subtotal 1 does not add up, indicator 2 is
// written in words and a required heading is left empty.
func (c *cycle) filled(t testing.TB, i int, mistakes bool) []byte {
	t.Helper()
	return c.fill(t, i, func(f form.Form) form.Filled { return figures(f, i, mistakes) })
}

// version is unit i's valid file with its n-th wording of the narrative: each is a new file, so
// each is answered with its own receipt.
func (c *cycle) version(t testing.TB, i, n int) []byte {
	t.Helper()
	return c.fill(t, i, func(f form.Form) form.Filled {
		d := figures(f, i, false)
		d.Narrative[f.Narrative[0].Key] += " Bản " + strconv.Itoa(n) + "."
		return d
	})
}

// fill writes what data returns into unit i's template.
func (c *cycle) fill(t testing.TB, i int, data func(form.Form) form.Filled) []byte {
	t.Helper()
	f, ok := c.o.cfg.Form(formCode)
	if !ok {
		t.Fatalf("no form %s", formCode)
	}
	out, err := templates.Fill(c.tmpl[units[i].Code].Data, f.Form, data(f.Form))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// figures are unit i's values: base figures whose subtotals add up, the year's plan twelve
// times this month's, the year to date ten times (a unit that reports from January on,
// although the office went live in November) and last year's month nine times.
func figures(f form.Form, i int, mistakes bool) form.Filled {
	d := form.Filled{Indicators: map[string]map[string]map[string]string{}, Narrative: map[string]string{}}
	it := f.Indicators[0]
	base := map[string]float64{}
	for n, row := range it.Rows {
		base[row.Code] = float64((i+1)*(n+2)%17 + 3)
	}
	for _, row := range it.Rows {
		if len(row.Children) > 0 {
			base[row.Code] = 0
			for _, ch := range row.Children {
				base[row.Code] += base[ch]
			}
		}
	}
	values := map[string]map[string]string{}
	for _, row := range it.Rows {
		v := base[row.Code]
		values[row.Code] = map[string]string{"plan": num(v * 12), "period": num(v), "ytd": num(v * 10),
			"last_year": num(v * 9), "pct_plan": "83", "pct_last_year": "111"}
	}
	for _, s := range f.Narrative {
		d.Narrative[s.Key] = s.Title + ": nội dung do " + units[i].Name + " tổng hợp trong tháng."
	}
	if mistakes {
		values["1"]["period"] = num(base["1"] + 5)
		values["2"]["period"] = "mười hai"
		delete(d.Narrative, f.Narrative[0].Key)
	}
	d.Indicators[it.Key] = values
	return d
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// checkFindings is what `tonghop check --unit U --at <now>` reports for the workbook: the
// errors and warnings of the receive stage's judgement, which check prints.
func (c *cycle) checkFindings(t testing.TB, u unit, data []byte) []form.Problem {
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
	return append(append([]form.Problem(nil), v.Errors...), v.Warnings...)
}

// assertListsFindings checks that the error mail lists every finding — its sheet, its cell and
// its message — and nothing else: as many numbered problems as findings.
func assertListsFindings(t testing.TB, body string, findings []form.Problem) {
	t.Helper()
	flat := oneLine(body)
	for _, p := range findings {
		msg := oneLine(p.Message)
		_, rest, _ := strings.Cut(msg, " ") // the letter may capitalise the message's first word
		if !strings.Contains(flat, rest) || !strings.Contains(flat, p.Cell) || !strings.Contains(flat, p.Sheet) {
			t.Errorf("the error mail does not list check's finding [%s!%s] %s; mail:\n%s", p.Sheet, p.Cell, p.Message, body)
		}
	}
	listed := 0
	for _, line := range strings.Split(body, "\n") {
		if n, _, ok := strings.Cut(strings.TrimSpace(line), ". "); ok {
			if _, err := strconv.Atoi(n); err == nil {
				listed++
			}
		}
	}
	if listed != len(findings) {
		t.Errorf("the error mail lists %d problems, check finds %d:\n%s\nmail:\n%s", listed, len(findings), findingList(findings), body)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func findingList(ps []form.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  [" + p.Sheet + "!" + p.Cell + "] " + p.Message + "\n")
	}
	return b.String()
}

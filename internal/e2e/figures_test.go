package e2e

import (
	"strconv"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/templates"
)

// filled is unit i's template, received by mail, filled in as its clerk would: every indicator
// with this month's figure, the year's plan, the year to date and the same month last year as
// the unit typed them, the narrative. With mistakes, subtotal 1 does not add up, indicator 2 is
// written in words, a required heading is left empty and the cover's date does not exist.
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
		d.Header = map[string]string{templates.HeaderDate: badDate}
	}
	d.Indicators[it.Key] = values
	return d
}

// badDate is the date a unit's clerk typed on the cover of the file with mistakes: a warning,
// not an error, since the cover is for people.
const badDate = "32/12/2026"

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

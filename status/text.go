package status

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// WriteText writes the matrix for a clerk reading a terminal: a title with the form(s) and
// the time of the matrix, a table with one row per unit (by code) and one column per period,
// one line of rates per period, and a legend. Times are shown in loc; nil keeps each time's
// own location. Columns are aligned by rune count, which is the terminal width of NFC
// Vietnamese text; every table row has the same width.
func (m Matrix) WriteText(w io.Writer, loc *time.Location) error {
	multiForm := len(m.Forms()) > 1
	var b strings.Builder
	b.WriteString(titleLine(orDash(m.Forms()), inZone(m.Now, loc)) + "\n\n")
	writeTable(&b, m.textRows(multiForm))
	b.WriteString("\n")
	for p, per := range m.Periods {
		b.WriteString(rateLine(periodName(per, multiForm), per, m.Rates[p], m.Now, loc) + "\n")
	}
	b.WriteString("\n" + strings.Join(m.legend(), "\n") + "\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write status text: %w", err)
	}
	return nil
}

// textRows returns the table's header row then one row per unit.
func (m Matrix) textRows(multiForm bool) [][]string {
	header := []string{labelUnitColumn}
	for _, p := range m.Periods {
		header = append(header, columnName(p, multiForm))
	}
	rows := [][]string{header}
	for u, unit := range m.Units {
		row := []string{unit.Code}
		for p, c := range m.Cells[u] {
			row = append(row, c.labelIn(m.Periods[p]))
		}
		rows = append(rows, row)
	}
	return rows
}

// periodName names a period in a rate line: its label ("Tuần 48 (23/11 – 29/11/2026)"), or its
// code when it has none; the form is added only when the matrix mixes forms.
func periodName(p Period, multiForm bool) string {
	name := p.Label
	if name == "" {
		name = p.Period
	}
	if multiForm {
		return p.Form + " " + name
	}
	return name
}

// columnName names a period column: periodName without the days in parentheses ("Tuần 48"),
// which the rate line under the table gives, so that many weeks fit a terminal.
func columnName(p Period, multiForm bool) string {
	name := periodName(p, multiForm)
	if head, _, ok := strings.Cut(name, " ("); ok {
		return head
	}
	return name
}

// writeTable writes rows as a pipe table with a rule under the first row, each column as
// wide as its widest cell.
func writeTable(b *strings.Builder, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i := range row {
			row[i] = printable(row[i])
			widths[i] = max(widths[i], utf8.RuneCountInString(row[i]))
		}
	}
	for r, row := range rows {
		b.WriteString(joinRow(row, widths) + "\n")
		if r == 0 {
			rule := make([]string, len(widths))
			for i, wd := range widths {
				rule[i] = strings.Repeat("-", wd)
			}
			b.WriteString("|-" + strings.Join(rule, "-|-") + "-|\n")
		}
	}
}

func joinRow(row []string, widths []int) string {
	padded := make([]string, len(row))
	for i, cell := range row {
		padded[i] = cell + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
	}
	return "| " + strings.Join(padded, " | ") + " |"
}

// printable makes outside text (unit codes, period names) safe for one table cell: NFC, so
// each Vietnamese letter is one rune and one column, and no tabs or line breaks.
func printable(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

func orDash(forms []string) []string {
	if len(forms) == 0 {
		return []string{"—"}
	}
	return forms
}

// inZone converts t to loc; nil loc leaves t as it is.
func inZone(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		return t
	}
	return t.In(loc)
}

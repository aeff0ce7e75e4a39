package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/prefill"
	"github.com/tonghop/tonghop/vnenc"
)

// sampleData invents what unit number i writes in form f for period p: plausible figures whose
// subtotals add up (the year to date and last year's figure agreeing with the office's history,
// see history.go), tasks with deadlines in the coming weeks and a few lines of narrative. With mistakes it
// makes the slips clerks make: a subtotal that does not add up, words in a number cell, an
// impossible date, a required part left empty. Unit number 2 types casually, as people do
// without a Vietnamese keyboard or with Vietnamese number habits: its files are accepted with
// warnings showing how each value was understood.
func sampleData(f form.Form, p period.Period, i int, now time.Time, mistakes bool) form.Filled {
	d := form.Filled{Tables: map[string][]form.Row{}, Indicators: map[string]map[string]map[string]string{}, Narrative: map[string]string{}}
	casual := i == casualUnit
	for _, t := range f.Tables {
		d.Tables[t.Key] = sampleRows(t, i, now, mistakes)
		if casual {
			typeCasually(t, d.Tables[t.Key])
		}
	}
	for _, it := range f.Indicators {
		d.Indicators[it.Key] = sampleIndicators(it, p, i, mistakes)
		if casual {
			last := it.Rows[len(it.Rows)-1].Code // neither a subtotal nor part of one
			d.Indicators[it.Key][last]["plan"] = "1.234,5"
		}
	}
	for _, s := range f.Narrative {
		if mistakes && s.Required {
			continue
		}
		d.Narrative[s.Key] = fmt.Sprintf("%s: nội dung do đơn vị số %d tổng hợp trong kỳ.", s.Title, i+1)
	}
	return d
}

// casualUnit is the index of the unit that types choices without diacritics and numbers with
// Vietnamese separators.
const casualUnit = 2

// typeCasually writes the first row's choices in lower case without diacritics ("hoan thanh").
func typeCasually(t form.Table, rows []form.Row) {
	for _, c := range t.Columns {
		if v, ok := rows[0].Values[c.Key]; ok && c.Type == form.Choice {
			rows[0].Values[c.Key] = strings.ToLower(vnenc.StripMarks(v))
		}
	}
}

var sampleTasks = []string{
	"Thẩm định hồ sơ đề nghị cấp Giấy chứng nhận đăng ký đầu tư",
	"Kiểm tra việc chấp hành pháp luật về môi trường tại các doanh nghiệp",
	"Tổng hợp tình hình lao động trong các khu công nghiệp",
	"Tham mưu báo cáo kết quả thu hút đầu tư",
}

func sampleRows(t form.Table, i int, now time.Time, mistakes bool) []form.Row {
	var rows []form.Row
	for r := range 3 {
		v := map[string]string{}
		for _, c := range t.Columns {
			v[c.Key] = sampleValue(c, i, r, now)
		}
		rows = append(rows, form.Row{Values: v})
	}
	if mistakes {
		for _, c := range t.Columns {
			if c.Type == form.Date {
				rows[0].Values[c.Key] = "31/11/2026" // no 31 November
				break
			}
		}
		for _, c := range t.Columns[1:] {
			if c.Required && c.Type == form.Text {
				delete(rows[1].Values, c.Key)
				break
			}
		}
	}
	return rows
}

func sampleValue(c form.Column, i, r int, now time.Time) string {
	switch c.Type {
	case form.Date:
		return now.AddDate(0, 0, 7+r*3).Format("2006-01-02")
	case form.Choice:
		return c.Choices[(i+r)%len(c.Choices)]
	case form.Integer, form.Decimal:
		return strconv.Itoa(10 + i + r)
	case form.Percent:
		return "90" // percent points, as Read returns them
	case form.Email:
		return fmt.Sprintf("canbo%d@%s", r+1, domain)
	case form.Phone:
		return "0912345678"
	}
	if c.Key == "content" || c.Key == "task" {
		return sampleTasks[(i+r)%len(sampleTasks)]
	}
	return fmt.Sprintf("%s %d", c.Title, r+1)
}

// sampleIndicators fills every value column of period p. Every month the unit's figure of an
// indicator is the same (monthlyFigures), so its year to date is that figure times the months
// gone, and last year's is last year's monthly figure: what the office's opening figures hold.
func sampleIndicators(it form.IndicatorTable, p period.Period, i int, mistakes bool) map[string]map[string]string {
	out := map[string]map[string]string{}
	this, last := monthlyFigures(it, i)
	months := float64(max(p.N, 1))
	for _, row := range it.Rows {
		v := this[row.Code]
		vals := map[string]string{}
		for _, c := range it.Columns {
			vals[c.Key] = indicatorValue(c.Key, v, v*months, last[row.Code])
		}
		out[row.Code] = vals
	}
	if mistakes && len(it.Rows) > 2 {
		out[it.Rows[0].Code]["period"] = strconv.FormatFloat(this[it.Rows[0].Code]+5, 'f', -1, 64)
		out[it.Rows[2].Code]["period"] = "mười hai"
	}
	return out
}

// monthlyFigures are unit number i's figure of every indicator in a month of this year and of
// last year; subtotals are the sums of their rows.
func monthlyFigures(it form.IndicatorTable, i int) (this, last map[string]float64) {
	this, last = map[string]float64{}, map[string]float64{}
	for n, row := range it.Rows {
		this[row.Code] = float64((i+1)*(n+2)%17 + 3)
		last[row.Code] = this[row.Code] - float64((i+n)%3) // a little less than this year
	}
	for _, row := range it.Rows {
		if len(row.Children) > 0 {
			this[row.Code], last[row.Code] = 0, 0
			for _, c := range row.Children {
				this[row.Code] += this[c]
				last[row.Code] += last[c]
			}
		}
	}
	return this, last
}

func indicatorValue(col string, v, ytd, lastYear float64) string {
	switch col {
	case "plan":
		return strconv.FormatFloat(v*12, 'f', -1, 64)
	case "ytd":
		return strconv.FormatFloat(ytd, 'f', -1, 64)
	case "last_year":
		return strconv.FormatFloat(lastYear, 'f', -1, 64)
	case "pct_plan":
		return "83"
	case "pct_last_year":
		return "111"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// carriedOverReason is why a task was not done, as a clerk writes it.
const carriedOverReason = "Đang chờ ý kiến của các đơn vị phối hợp, chuyển sang kỳ sau."

// answerResults marks each task the template listed (rows as read, at their lines) with a result,
// giving a reason for those not done, as the clerk of unit number i would.
func answerResults(f form.Form, listed []form.Row, i int) []form.Row {
	t, ok := f.Table(prefill.ResultsTable)
	if !ok {
		return nil
	}
	var choices []string
	for _, c := range t.Columns {
		if c.Key == "status" {
			choices = c.Choices
		}
	}
	if len(choices) == 0 {
		return nil
	}
	out := make([]form.Row, 0, len(listed))
	for r, row := range listed {
		status := choices[0] // done, mostly
		if (i+r)%3 == 2 {
			status = choices[(i+r)%len(choices)]
		}
		v := map[string]string{"status": status}
		if status != choices[0] {
			v["reason"] = carriedOverReason
		}
		out = append(out, form.Row{Line: row.Line, Values: v})
	}
	return out
}

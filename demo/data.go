package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/vnenc"
)

// sampleData invents what unit number i writes in form f: plausible figures whose subtotals add
// up, tasks with deadlines in the coming weeks and a few lines of narrative. With mistakes it
// makes the slips clerks make: a subtotal that does not add up, words in a number cell, an
// impossible date, a required part left empty. Unit number 2 types casually, as people do
// without a Vietnamese keyboard or with Vietnamese number habits: its files are accepted with
// warnings showing how each value was understood.
func sampleData(f form.Form, i int, now time.Time, mistakes bool) form.Filled {
	d := form.Filled{Tables: map[string][]form.Row{}, Indicators: map[string]map[string]map[string]string{}, Narrative: map[string]string{}}
	casual := i == casualUnit
	for _, t := range f.Tables {
		d.Tables[t.Key] = sampleRows(t, i, now, mistakes)
		if casual {
			typeCasually(t, d.Tables[t.Key])
		}
	}
	for _, it := range f.Indicators {
		d.Indicators[it.Key] = sampleIndicators(it, i, mistakes)
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

// sampleIndicators fills every value column; rows with children get the sum of their children.
func sampleIndicators(it form.IndicatorTable, i int, mistakes bool) map[string]map[string]string {
	out := map[string]map[string]string{}
	base := map[string]float64{}
	for n, row := range it.Rows {
		base[row.Code] = float64((i+1)*(n+2)%17 + 3)
	}
	for _, row := range it.Rows {
		if len(row.Children) > 0 {
			sum := 0.0
			for _, c := range row.Children {
				sum += base[c]
			}
			base[row.Code] = sum
		}
	}
	for _, row := range it.Rows {
		v := base[row.Code]
		vals := map[string]string{}
		for _, c := range it.Columns {
			vals[c.Key] = indicatorValue(c.Key, v)
		}
		out[row.Code] = vals
	}
	if mistakes && len(it.Rows) > 2 {
		out[it.Rows[0].Code]["period"] = strconv.FormatFloat(base[it.Rows[0].Code]+5, 'f', -1, 64)
		out[it.Rows[2].Code]["period"] = "mười hai"
	}
	return out
}

func indicatorValue(col string, v float64) string {
	switch col {
	case "plan":
		return strconv.FormatFloat(v*12, 'f', -1, 64)
	case "ytd":
		return strconv.FormatFloat(v*10, 'f', -1, 64)
	case "last_year":
		return strconv.FormatFloat(v*9, 'f', -1, 64)
	case "pct_plan":
		return "83"
	case "pct_last_year":
		return "111"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

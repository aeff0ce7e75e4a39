package consolidate

// Everything a clerk reads from this package is here, in Vietnamese (NFC).

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/period"
)

// msgYTDMismatch: a unit's typed year to date differs from what its submissions (and the
// imported figures of earlier periods, when imported) add up to.
func msgYTDMismatch(unit, indicator, rule string, own, ledger float64, imported bool) string {
	how := map[string]string{
		ruleSum: "số liệu các kỳ đã gửi cộng lại là",
		ruleAvg: "bình quân số liệu các kỳ đã gửi là",
		ruleMin: "số nhỏ nhất trong các kỳ đã gửi là",
		ruleMax: "số lớn nhất trong các kỳ đã gửi là",
	}[rule]
	source := ""
	if imported {
		source = " (gồm số liệu các kỳ trước nhập từ tệp)"
	}
	return fmt.Sprintf("Đơn vị %s ghi lũy kế chỉ tiêu %s là %s, %s %s%s.",
		unit, indicator, formatNumber(own), how, formatNumber(ledger), source)
}

// msgYTDMissing: a unit's year to date of some indicators is unknown: the ledger lacks the
// unit's figures of these periods and the unit typed none.
func msgYTDMissing(unit string, indicators []string, missing []period.Period) string {
	which, these := "chỉ tiêu "+indicators[0], "chỉ tiêu này"
	if len(indicators) > 1 {
		which, these = "các chỉ tiêu "+strings.Join(indicators, ", "), "các chỉ tiêu này"
	}
	return fmt.Sprintf("Đơn vị %s chưa có lũy kế từ đầu năm của %s: chưa có số liệu của đơn vị %s và đơn vị không ghi lũy kế; lũy kế tổng hợp của %s để trống.",
		unit, which, PeriodRuns(missing), these)
}

// PeriodRuns names periods in a sentence, each run of consecutive periods as its first and
// last: "tháng 01/2026 đến tháng 10/2026, tháng 12/2026".
func PeriodRuns(ps []period.Period) string {
	var runs []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j].Next() == ps[j+1] {
			j++
		}
		run := lowerFirst(ps[i].Label())
		if j > i {
			run += " đến " + lowerFirst(ps[j].Label())
		}
		runs = append(runs, run)
		i = j + 1
	}
	return strings.Join(runs, ", ")
}

// msgSubtotal: an aggregated subtotal differs from the sum of its children.
func msgSubtotal(code, name string, total float64, children []string, sum float64) string {
	return fmt.Sprintf("Chỉ tiêu %s (%s): số tổng hợp kỳ báo cáo là %s, khác tổng các chỉ tiêu %s là %s.",
		code, name, formatNumber(total), strings.Join(children, ", "), formatNumber(sum))
}

// msgUnexpectedUnit: a submission from a unit the office does not expect.
func msgUnexpectedUnit(unit string) string {
	return fmt.Sprintf("Đơn vị %s không có trong danh sách đơn vị phải báo cáo; báo cáo của đơn vị này không được tổng hợp.", unit)
}

// msgDuplicateUnit: a unit code configured twice.
func msgDuplicateUnit(unit string) string {
	return fmt.Sprintf("Mã đơn vị %s được khai báo nhiều lần trong danh sách đơn vị; chỉ tính một lần.", unit)
}

// msgBadNumber: a figure that is not a number.
func msgBadNumber(unit string, p period.Period, indicator, column, text string) string {
	return fmt.Sprintf("Đơn vị %s, %s: chỉ tiêu %s, cột “%s” có giá trị “%s” không phải là số; giá trị này không được tổng hợp.",
		unit, lowerFirst(p.Label()), indicator, column, text)
}

// lowerFirst lowers the first letter, for a period label inside a sentence ("tháng 11/2026").
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// msgUnknownAggregate: an indicator configured with a rule this package does not know. The
// clerk reads it: the rules are named in words, not by the configuration's values.
func msgUnknownAggregate(indicator, rule string) string {
	return fmt.Sprintf("Chỉ tiêu %s được khai báo với cách tổng hợp “%s” không hợp lệ, nên không được tổng hợp; cách tổng hợp chỉ có thể là cộng, bình quân, lấy số nhỏ nhất, lấy số lớn nhất hoặc không tổng hợp.",
		indicator, rule)
}

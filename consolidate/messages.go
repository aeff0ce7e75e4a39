package consolidate

// Everything a clerk reads from this package is here, in Vietnamese (NFC).

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/period"
)

// msgYTDMismatch: a unit's typed year to date differs from what its submissions add up to.
func msgYTDMismatch(unit, indicator, rule string, own, ledger float64) string {
	how := map[string]string{
		ruleSum: "số liệu các kỳ đã nộp cộng lại là",
		ruleAvg: "bình quân số liệu các kỳ đã nộp là",
		ruleMin: "số nhỏ nhất trong các kỳ đã nộp là",
		ruleMax: "số lớn nhất trong các kỳ đã nộp là",
	}[rule]
	return fmt.Sprintf("Đơn vị %s ghi lũy kế chỉ tiêu %s là %s, %s %s.",
		unit, indicator, formatNumber(own), how, formatNumber(ledger))
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
	return fmt.Sprintf("Đơn vị %s, %s: chỉ tiêu %s, cột «%s» có giá trị «%s» không phải là số; giá trị này không được tổng hợp.",
		unit, lowerFirst(p.Label()), indicator, column, text)
}

// lowerFirst lowers the first letter, for a period label inside a sentence ("tháng 11/2026").
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// msgUnknownAggregate: an indicator configured with a rule this package does not know.
func msgUnknownAggregate(indicator, rule string) string {
	return fmt.Sprintf("Chỉ tiêu %s có cách tổng hợp «%s» không hợp lệ (chỉ dùng sum, avg, min, max, none); chỉ tiêu này không được tổng hợp.",
		indicator, rule)
}

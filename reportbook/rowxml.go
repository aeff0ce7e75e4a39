package reportbook

import (
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Rows are encoded here rather than by excelize's StreamWriter.SetRow, byte for byte as it
// would (rowxml_test.go compares the two on hostile values): its per-cell cost (a cell name
// built and parsed, every text escaped twice and run through a regexp, its length counted in
// UTF-16) was two thirds of writing a thousand units' book. Only the value kinds this package
// writes are handled; anything else is an error, never a cell written differently.

// appendRow appends row r (1-based) of cells from column A with the given height in points
// (0: none).
func appendRow(buf []byte, r int, height float64, cells []any) ([]byte, error) {
	if height > excelize.MaxRowHeight {
		return buf, excelize.ErrMaxRowHeight
	}
	buf = append(buf, `<row r="`...)
	buf = strconv.AppendInt(buf, int64(r), 10)
	buf = append(buf, '"')
	if height > 0 {
		buf = append(buf, ` ht="`...)
		buf = strconv.AppendFloat(buf, height, 'f', -1, 64)
		buf = append(buf, `" customHeight="1"`...)
	}
	buf = append(buf, '>')
	var err error
	for i, v := range cells {
		if v == nil {
			continue
		}
		if i >= excelize.MaxColumns {
			return buf, excelize.ErrColumnNumber
		}
		style := 0
		switch c := v.(type) {
		case excelize.Cell:
			if c.Formula != "" {
				return buf, fmt.Errorf("cell %d: formulas are not written here", i+1)
			}
			style, v = c.StyleID, c.Value
		case *excelize.Cell:
			if c != nil {
				if c.Formula != "" {
					return buf, fmt.Errorf("cell %d: formulas are not written here", i+1)
				}
				style, v = c.StyleID, c.Value
			}
		}
		if buf, err = appendCell(buf, i+1, r, style, v); err != nil {
			return buf, err
		}
	}
	return append(buf, `</row>`...), nil
}

// appendCell appends one cell, as excelize's writeCell does for the value's type.
func appendCell(buf []byte, col, row, style int, v any) ([]byte, error) {
	start := len(buf)
	buf = append(buf, `<c r="`...)
	buf = appendColumnName(buf, col)
	buf = strconv.AppendInt(buf, int64(row), 10)
	buf = append(buf, '"')
	if style != 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(style), 10)
		buf = append(buf, '"')
	}
	switch v := v.(type) {
	case nil:
		return append(buf, `></c>`...), nil
	case int:
		buf = append(buf, `><v>`...)
		buf = strconv.AppendInt(buf, int64(v), 10)
		return append(buf, `</v></c>`...), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return appendInlineText(buf, fmt.Sprint(v)), nil
		}
		buf = append(buf, `><v>`...)
		buf = append(buf, formatCellFloat(v)...)
		return append(buf, `</v></c>`...), nil
	case string:
		return appendInlineText(buf, v), nil
	case time.Time:
		if style == 0 {
			// excelize would add a date style of its own to the workbook.
			return buf[:start], fmt.Errorf("cell %d of row %d: a time without a style", col, row)
		}
		return appendTime(buf, v)
	}
	return buf[:start], fmt.Errorf("cell %d of row %d: a %T is not written here", col, row, v)
}

// appendInlineText ends a cell opened up to its attributes with an inline string.
func appendInlineText(buf []byte, v string) []byte {
	if len(v) > excelize.TotalCellChars && countUTF16(v) > excelize.TotalCellChars {
		v = truncateUTF16(v, excelize.TotalCellChars)
	}
	buf = append(buf, ` t="inlineStr"><is><t`...)
	if preserveSpace(v) {
		buf = append(buf, ` xml:space="preserve"`...)
	}
	buf = append(buf, '>')
	buf = appendText(buf, v)
	return append(buf, `</t></is></c>`...)
}

// appendTime writes a date or time as excelize's setCellTime does: the Excel serial number
// (no epoch of 1904 here: excelize.NewFile's workbook has none), or RFC 3339 text before 1900.
func appendTime(buf []byte, t time.Time) ([]byte, error) {
	_, offset := t.In(t.Location()).Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	serial := excelTime(t)
	if serial > 0 {
		buf = append(buf, `><v>`...)
		buf = strconv.AppendFloat(buf, serial, 'f', -1, 64)
		return append(buf, `</v></c>`...), nil
	}
	text := t.Format(time.RFC3339Nano)
	if _, err := strconv.ParseFloat(text, 64); err == nil {
		return buf, fmt.Errorf("time %v reads as a number", t)
	}
	buf = append(buf, ` t="inlineStr"><is><t`...)
	if preserveSpace(text) {
		buf = append(buf, ` xml:space="preserve"`...)
	}
	buf = append(buf, '>')
	buf = append(buf, text...) // excelize writes it unescaped: RFC 3339 has nothing to escape
	return append(buf, `</t></is></c>`...), nil
}

// Excel's epoch as excelize counts it (date.go), and the day Lotus's 29 February 1900 shifts.
var (
	excelMinTime1900      = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelBuggyPeriodStart = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

const (
	dayNanoseconds = 24 * time.Hour
	maxDuration    = 290 * 364 * dayNanoseconds
)

// excelTime is excelize's timeToExcelTime for the 1900 date system.
func excelTime(t time.Time) float64 {
	if t.Before(excelMinTime1900) {
		return 0
	}
	tt, diff, result := t, t.Sub(excelMinTime1900), 0.0
	for diff >= maxDuration {
		result += float64(maxDuration / dayNanoseconds)
		tt = tt.Add(-maxDuration)
		diff = tt.Sub(excelMinTime1900)
	}
	rem := diff % dayNanoseconds
	result += float64(diff-rem)/float64(dayNanoseconds) + float64(rem)/float64(dayNanoseconds)
	if t.After(excelBuggyPeriodStart) {
		result++
	}
	return result
}

// appendColumnName appends the letters of a 1-based column number.
func appendColumnName(buf []byte, col int) []byte {
	var letters [4]byte
	i := len(letters)
	for col > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	return append(buf, letters[i:]...)
}

// preserveSpace is excelize's rule: text starting or ending with a tab, line feed, carriage
// return or space keeps its white space.
func preserveSpace(v string) bool {
	if v == "" {
		return false
	}
	return isSpaceByte(v[0]) || isSpaceByte(v[len(v)-1])
}

func isSpaceByte(b byte) bool { return b == 9 || b == 10 || b == 13 || b == 32 }

// appendText appends a text value, cut to Excel's 32,767 UTF-16 units already, as excelize's
// trimCellValue makes it: escaped as encoding/xml escapes text except that line feeds stay
// as they are, and "_xHHHH_" sequences escaped as _x005F_. Plain text (the usual cell) is
// copied as it is; anything else takes excelize's own steps.
func appendText(buf []byte, v string) []byte {
	if plainText(v) {
		return append(buf, v...)
	}
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(v))
	return append(buf, bstrMarshal(strings.ReplaceAll(b.String(), "&#xA;", "\n"))...)
}

// plainText reports text that excelize would write unchanged: valid UTF-8,
// nothing encoding/xml escapes or replaces, no "_x" that could start an escape sequence.
func plainText(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				return false
			}
			i += size - 1
		case c < 0x20, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		case c == '_' && i+1 < len(v) && v[i+1] == 'x':
			return false
		}
	}
	return true
}

func countUTF16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// truncateUTF16 is excelize's truncateUTF16Units: at most n UTF-16 units, whole runes.
func truncateUTF16(s string, n int) string {
	cnt := 0
	for i, r := range s {
		if cnt+utf16.RuneLen(r) > n {
			return s[:i]
		}
		cnt += utf16.RuneLen(r)
	}
	return s
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's: a literal "_xHHHH_" in a text is written "_x005F_xHHHH_", so
// that it does not read back as the escaped character.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// formatCellFloat is excelize's formatCellFloat with automatic precision: the shortest
// decimal form, cut to Excel's 15 significant digits.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

package templates

import (
	"testing"

	"github.com/tonghop/tonghop/form"
)

func TestParseNumberText(t *testing.T) {
	tests := []struct {
		name, in string
		want     float64
		cleaned  bool
		ok       bool
	}{
		{"Plain", "1234", 1234, false, true},
		{"DecimalPoint", "2.5", 2.5, false, true},
		{"Negative", "-12.25", -12.25, false, true},
		{"LeadingZeroDot", "0.125", 0.125, false, true},
		{"VietnameseFull", "1.234,5", 1234.5, true, true},
		{"EnglishFull", "1,234.5", 1234.5, true, true},
		{"VietnameseDecimal", "1,5", 1.5, true, true},
		{"SingleCommaThree", "1,234", 1.234, true, true},
		{"SingleDotThree", "1.234", 1234, true, true},
		{"DotsGroup", "1.234.567", 1234567, true, true},
		{"CommasGroup", "1,234,567", 1234567, true, true},
		{"SpacesGroup", "1 234 567", 1234567, true, true},
		{"NBSPGroup", "12\u00a0500", 12500, true, true},
		{"Plus", "+7", 7, true, true},
		{"UnicodeMinus", "−3", -3, true, true},
		{"Trimmed", "  42 ", 42, false, true},
		{"BadGroups", "1.23.4", 0, false, false},
		{"TwoDecimalMarks", "1,2,3.4,5", 0, false, false},
		{"Words", "khoảng 5", 0, false, false},
		{"Empty", "", 0, false, false},
		{"TrailingDot", "5.", 0, false, false},
		{"Exponent", "1e5", 0, false, false},
		{"Infinity", "Inf", 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, cleaned, ok := parseNumberText(tc.in)
			if ok != tc.ok || (ok && (v != tc.want || cleaned != tc.cleaned)) {
				t.Errorf("parseNumberText(%q): got %v, %v, %v; want %v, %v, %v", tc.in, v, cleaned, ok, tc.want, tc.cleaned, tc.ok)
			}
		})
	}
}

func TestParseDateText(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" means refused
		cleaned        bool
	}{
		{"DayFirst", "18/11/2026", "2026-11-18", false},
		{"Short", "5/1/2027", "2027-01-05", false},
		{"Dashes", "18-11-2026", "2026-11-18", false},
		{"Dots", "18.11.2026", "2026-11-18", false},
		{"ISO", "2026-11-18", "2026-11-18", false},
		{"ISOTime", "2026-11-18T00:00:00Z", "2026-11-18", false},
		{"WithTime", "18/11/2026 08:30", "2026-11-18", false},
		{"Long", "ngày 18 tháng 11 năm 2026", "2026-11-18", false},
		{"TwoDigitYear", "18/11/26", "2026-11-18", true},
		{"Feb31", "31/2/2026", "", false},
		{"USOrder", "11/18/2026", "", false},
		{"Leap", "29/02/2028", "2028-02-29", false},
		{"NotLeap", "29/02/2027", "", false},
		{"Words", "cuối tháng", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, cleaned, ok := parseDateText(tc.in)
			got := ""
			if ok {
				got = d.Format(isoLayout)
			}
			if got != tc.want || (ok && cleaned != tc.cleaned) {
				t.Errorf("parseDateText(%q): got %q, %v; want %q, %v", tc.in, got, cleaned, tc.want, tc.cleaned)
			}
		})
	}
}

func TestParseValue(t *testing.T) {
	pct := form.Column{Title: "Tỷ lệ", Type: form.Percent}
	date := form.Column{Title: "Hạn", Type: form.Date}
	phone := form.Column{Title: "Điện thoại", Type: form.Phone}
	integer := form.Column{Title: "Số", Type: form.Integer, Max: f64(100)}
	text := form.Column{Title: "Ghi chú", Type: form.Text}
	choice := form.Column{Title: "Kết quả", Type: form.Choice, Choices: []string{"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn"}}
	tests := []struct {
		name      string
		col       form.Column
		in        cellIn
		want      string
		code      string
		warnCode  string
		date1904  bool
		wantEmpty bool
	}{
		{name: "PercentFormatted", col: pct, in: cellIn{raw: "0.855", numeric: true, kind: fmtPercent}, want: "85.5"},
		{name: "PercentFormattedExact", col: pct, in: cellIn{raw: "0.07", numeric: true, kind: fmtPercent}, want: "7"},
		{name: "PercentText", col: pct, in: cellIn{raw: "85 %"}, want: "85"},
		{name: "PercentTextComma", col: pct, in: cellIn{raw: "85,5%"}, want: "85.5", warnCode: CodeNumberAsText},
		{name: "PercentPoints", col: pct, in: cellIn{raw: "85", numeric: true}, want: "85"},
		{name: "PercentSmall", col: pct, in: cellIn{raw: "0.85", numeric: true}, want: "0.85", warnCode: CodePercentSmall},
		{name: "DateSerial", col: date, in: cellIn{raw: "46344", numeric: true, kind: fmtDate}, want: "2026-11-18"},
		{name: "DateSerial1904", col: date, in: cellIn{raw: "44882", numeric: true, kind: fmtDate}, date1904: true, want: "2026-11-18"},
		{name: "DateSerialUnformatted", col: date, in: cellIn{raw: "46344", numeric: true}, want: "2026-11-18", warnCode: CodeDateReformat},
		{name: "DateSmallNumber", col: date, in: cellIn{raw: "2026", numeric: true}, code: CodeNotADate},
		{name: "DateISOCell", col: date, in: cellIn{raw: "2026-11-18T00:00:00Z", isoDate: true}, want: "2026-11-18"},
		{name: "PhoneSpaced", col: phone, in: cellIn{raw: "0912 345 678"}, want: "0912345678"},
		{name: "PhoneLostZero", col: phone, in: cellIn{raw: "912345678", numeric: true}, want: "0912345678", warnCode: CodePhoneZero},
		{name: "PhoneInternational", col: phone, in: cellIn{raw: "+84 912 345 678"}, want: "+84912345678"},
		{name: "PhoneLetters", col: phone, in: cellIn{raw: "09xx"}, code: CodeBadPhone},
		{name: "IntegerFraction", col: integer, in: cellIn{raw: "2.5", numeric: true}, code: CodeNotAnInteger},
		{name: "IntegerAboveMax", col: integer, in: cellIn{raw: "101", numeric: true}, code: CodeAboveMax},
		{name: "FloatNoise", col: integer, in: cellIn{raw: "30.000000000000004", numeric: true}, want: "30"},
		{name: "TextNumber", col: text, in: cellIn{raw: "0.30000000000000004", numeric: true}, want: "0.3"},
		{name: "TextDate", col: text, in: cellIn{raw: "46344", numeric: true, kind: fmtDate}, want: "18/11/2026"},
		{name: "ChoiceNoDiacritics", col: choice, in: cellIn{raw: "hoan thanh"}, want: "Hoàn thành", warnCode: CodeChoiceGuessed},
		{name: "ChoiceNoDiacriticsUpper", col: choice, in: cellIn{raw: "QUA HAN"}, want: "Quá hạn", warnCode: CodeChoiceGuessed},
		{name: "ChoiceDiacriticsOtherCase", col: choice, in: cellIn{raw: "ĐANG THỰC HIỆN"}, want: "Đang thực hiện"},
		{name: "ChoiceNoDiacriticsD", col: choice, in: cellIn{raw: "dang thuc hien"}, want: "Đang thực hiện", warnCode: CodeChoiceGuessed},
		{name: "ChoiceNFD", col: choice, in: cellIn{raw: "Hoa\u0300n tha\u0300nh"}, want: "Hoàn thành"},
		{name: "ChoiceUnknown", col: choice, in: cellIn{raw: "xong"}, code: CodeBadChoice},
		{name: "TextNFC", col: text, in: cellIn{raw: " Hoa\u0300n tha\u0300nh\r\nxong "}, want: "Hoàn thành\nxong"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := parseValue(tc.col, tc.in, tc.date1904)
			if v.value != tc.want || v.code != tc.code || v.warnCode != tc.warnCode {
				t.Errorf("got value %q code %q warning %q; want %q, %q, %q", v.value, v.code, v.warnCode, tc.want, tc.code, tc.warnCode)
			}
		})
	}
}

func f64(v float64) *float64 { return &v }

func TestClassifyFormat(t *testing.T) {
	tests := []struct {
		code string
		want fmtKind
	}{
		{"dd/mm/yyyy", fmtDate},
		{"[$-42A]dd/mm/yyyy;@", fmtDate},
		{"mmm-yy", fmtDate},
		{"h:mm", fmtPlain},
		{"[h]:mm:ss", fmtPlain},
		{"0.0%", fmtPercent},
		{`0.00"%"`, fmtPlain},
		{"#,##0.00", fmtPlain},
		{`#,##0 "ngày"`, fmtPlain},
		{"General", fmtPlain},
		{"[Red]#,##0;[Blue]-#,##0", fmtPlain},
	}
	for _, tc := range tests {
		if got := classifyFormat(tc.code); got != tc.want {
			t.Errorf("classifyFormat(%q): got %v, want %v", tc.code, got, tc.want)
		}
	}
}

func TestViNumber(t *testing.T) {
	tests := map[float64]string{1234.5: "1.234,5", 0: "0", -1234567: "-1.234.567", 12: "12", 0.25: "0,25"}
	for in, want := range tests {
		if got := viNumber(in); got != want {
			t.Errorf("viNumber(%v): got %q, want %q", in, got, want)
		}
	}
}

func TestNorm2(t *testing.T) {
	tests := map[string]string{
		"Nội dung công việc (*)":    "nội dung công việc",
		"  NỘI   DUNG\ncông việc *": "nội dung công việc",
		"No\u0302\u0323i dung":      "nội dung",
		"Người lập biểu:":           "người lập biểu",
	}
	for in, want := range tests {
		if got := norm2(in); got != want {
			t.Errorf("norm2(%q): got %q, want %q", in, got, want)
		}
	}
}

// TestSayf: a value typed by the unit is quoted “…” on one line, and counts take the thousands
// dot, as in every message a unit reads.
func TestSayf(t *testing.T) {
	got := bad(CodeNotANumber, msgNotANumber, "12\nabc\t").msg
	if want := "“12 abc ” không phải là số; đề nghị nhập số, ví dụ 1234,5."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := sayf(msgTooManyCells, viCount(200000)), "Tệp có quá nhiều ô dữ liệu (hơn 200.000 ô); đề nghị xóa các trang, dòng thừa rồi gửi lại."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := sayf(dvText, viCount(20000)), "Tối đa 20.000 ký tự."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

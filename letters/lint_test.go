package letters

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestLint: each rule catches what it is for, and lets a letter's ordinary words, quoted names,
// addresses, dates and phone numbers pass.
func TestLint(t *testing.T) {
	tests := []struct {
		name, text string
		rule       string // "": no finding
		match      string
	}{
		{"Command", "tổng hợp lại bằng lệnh tonghop consolidate ngay", RuleCommand, "tonghop c"},
		{"Backtick", "chạy `status`", RuleCommand, "`"},
		{"TableKey", "(mục [mail_auth])", RuleConfigKey, "[mail_auth]"},
		{"ArrayKey", "mục [[units]], thư điện tử", RuleConfigKey, "[[units]]"},
		{"UnderscoreKey", "theo cấu hình deadline_overrides", RuleConfigKey, "deadline_overrides"},
		{"DottedKey", "giới hạn mailbox.max_attachments", RuleConfigKey, "mailbox.max_attachments"},
		{"English", "chỉ dùng sum, avg", RuleEnglish, "sum"},
		{"EnglishPhrase", "5 working days after issue of BM.02.01/KH", RuleEnglish, "working"},
		{"EnglishCapital", "Mã định danh Message-ID", RuleEnglish, "Message"},
		{"Hay", "Hãy nhập số.", RuleHay, "Hãy"},
		{"HayInside", "chưa nhập; hãy kiểm tra lại", RuleHay, "hãy"},
		{"BigNumber", "quá 20000 ký tự", RuleNumber, "20000"},
		{"BigDecimal", "số 12345,5", RuleNumber, "12345"},
		{"Nested", "(hạn trước 17:00 ngày 18/11/2026 (thứ Tư))", RuleParentheses, "(thứ Tư))"},
		{"StraightQuote", `Mục "I. Kết quả" chưa có nội dung`, RuleQuote, `Mục "I. Kết quả" chưa có nội dung`},
		{"Apostrophe", "Ô C9: 'abc'", RuleQuote, "Ô C9: 'abc'"},
		{"PeriodCode", "Sổ tổng hợp kỳ 2026-11", RuleCode, "2026-11"},
		{"WeekCode", "tuần 2026-W48", RuleCode, "2026-W48"},
		{"VersionCode", "bản tổng hợp v2", RuleCode, "v2"},

		{"Vietnamese", "Kính gửi: Đồng chí Lê Văn Cường, Chánh Văn phòng", "", ""},
		{"NoDiacritics", "Kinh gui: anh An, to bao cao thang nay can in lai", "", ""},
		{"ThousandsDot", "quá 20.000 ký tự, 1.234,5 tỷ đồng", "", ""},
		{"Phone", "điện thoại 0912345678 hoặc 0218 3 000 000", "", ""},
		{"Date", "17:00 ngày 18/11/2026, thứ Tư", "", ""},
		{"Address", "thư điện tử tonghop@bqlkcn.example", "", ""},
		{"QuotedFile", "tệp “BM.04.01-KH_2026-11_QLDN.xlsx” (giữ nguyên tên “Báo cáo (1).xlsx”)", "", ""},
		{"QuotedSubject", `với tiêu đề “Re: report "final" please”`, "", ""},
		{"QuotedLine", "Nội dung thư:\n> Please find the report attached.\n    \"ok\" (a (b))", "", ""},
		{"Brands", "Mở tệp bằng Microsoft Excel hoặc LibreOffice Calc, lưu ở định dạng Excel (.xlsx)", "", ""},
		{"Identifier", "mã nhận dạng của thư: 0123456789abcdef", "", ""},
		{"Parentheses", "(biểu mẫu BM.04.01/KH), (lần gửi thứ 2)", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lint(tt.text)
			if tt.rule == "" {
				if len(got) > 0 {
					t.Errorf("got %v, want nothing", got)
				}
				return
			}
			// The marks are found with some text around them.
			if !slices.ContainsFunc(got, func(f Finding) bool { return f.Rule == tt.rule && strings.Contains(f.Match, tt.match) }) {
				t.Errorf("got %v, want %v", got, Finding{tt.rule, tt.match})
			}
		})
	}
}

// TestLintLetter: a subject's tokens carry codes on purpose; the words around them do not.
func TestLintLetter(t *testing.T) {
	ok := Letter{Subject: "Xin ý kiến duyệt: Báo cáo tháng 11/2026 (dự thảo lần 1) [TH BM.02.01/KH 2026-11 v1 k3f9a1c0e]",
		Body: "Kính gửi: Đồng chí Lê Văn Cường, Chánh Văn phòng\n"}
	if got := LintLetter(ok); len(got) > 0 {
		t.Errorf("got %v, want nothing", got)
	}
	bad := Letter{Subject: "Re: [TH BM.02.01/KH 2026-11 v1] Draft 2026-11 v1", Body: "Kính gửi:\n"}
	want := []Finding{{RuleEnglish, "Draft"}, {RuleCode, "2026-11"}, {RuleCode, "v1"}}
	if got := LintLetter(bad); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func FuzzLint(f *testing.F) {
	f.Add("Kính gửi: (a (b “c)” d)) 20000 \"x\"")
	f.Add("“”“")
	f.Fuzz(func(t *testing.T, text string) {
		for _, fd := range Lint(text) {
			if fd.Rule == "" || fd.Match == "" {
				t.Fatalf("empty finding %v in %q", fd, text)
			}
		}
	})
}

// TestTokenRuns: the scan finds the runs the regexp it replaced finds, on a thousand distinct
// lines of the letters' golden files and on edge cases (invalid UTF-8, marks alone, runs at
// both ends).
func TestTokenRuns(t *testing.T) {
	re := regexp.MustCompile(`[\p{L}\p{M}\p{N}_@.\-/+]+`)
	lines := []string{"", " ", "a", "Kính gửi: Phòng QLDN (qldn@kcn.example), 12.345.678 đồng/tháng.",
		"\u0301\u0303 tách", "x\xffy \xc3", "2026-W48+v2_a", "\uFFFDa\uFFFD", "٣٤ ௫ Ⅻ ½"}
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if !slices.Contains(lines, line) && len(lines) < 1000 { // the regexp is slow under -race
				lines = append(lines, line)
			}
		}
	}
	for _, line := range lines {
		if got, want := tokenRuns(line), re.FindAllString(line, -1); !slices.Equal(got, want) {
			t.Errorf("tokenRuns(%q): got %q, want %q", line, got, want)
		}
	}
	if len(lines) < 100 {
		t.Errorf("compared %d lines, want the golden files' too", len(lines))
	}
}

package letters_test

// The catalogue of what a person reads outside mail: the consolidated and the issued workbook,
// the templates' cover, prompts and problems, the status and deadlines listings. Each is
// rendered by a test into testdata/letters/ (books-*.txt, templates-*.txt, cli-*.txt), beside
// the letters' golden files, to be read side by side; go test ./letters -update rewrites them.
// Every line is checked by checkPersonText, the rules of issue 24.

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The -update flag may be the letters' catalogue's too: registered once, by whichever comes
// first (package variables, the letters' way, are set before init runs).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files of testdata/letters")
	}
}

func booksUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// booksGoldenDir holds the golden files, the letters' and these.
const booksGoldenDir = "testdata/letters"

// booksPrefixes start the names of the golden files this catalogue owns.
var booksPrefixes = []string{"books-", "templates-", "cli-"}

// booksGoldenFiles lists every golden file this catalogue writes, so that a file no test
// writes any more is noticed (TestBooksCatalogue_NoStaleFiles).
var booksGoldenFiles = []string{
	"books-consolidated-draft.txt", "books-consolidated-issued.txt", "books-consolidated-list.txt",
	"books-consolidated-units.txt",
	"templates-bm-04-01-kh.txt", "templates-bm-04-02-kh.txt", "templates-bm-02-01-kh.txt", "templates-kt-xh.txt",
	"templates-bc-th-tn.txt",
	"templates-problems.txt",
	"cli-status.txt", "cli-deadlines.txt",
}

// booksGolden compares text with the golden file name, or writes it with -update, and checks
// with checkPersonText what a person reads of every line: read returns it ("" for a line that
// is not such text: the identification line a program reads); nil reads the whole line.
func booksGolden(t *testing.T, name, text string, read func(line string) string) {
	t.Helper()
	if !slices.Contains(booksGoldenFiles, name) {
		t.Fatalf("%s is not in booksGoldenFiles", name)
	}
	for i, line := range strings.Split(text, "\n") {
		if read != nil {
			line = read(line)
		}
		for _, p := range checkPersonText(line) {
			t.Errorf("%s:%d: %s\n\t%s", name, i+1, p, line)
		}
		for _, p := range checkNoCodes(line) {
			t.Errorf("%s:%d: %s\n\t%s", name, i+1, p, line)
		}
	}
	path := filepath.Join(booksGoldenDir, name)
	if booksUpdating() {
		if err := os.MkdirAll(booksGoldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./letters -update to write it)", err)
	}
	if string(want) != text {
		got, exp := strings.Split(text, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(got), len(exp)); i++ {
			g, w := lineAt(got, i), lineAt(exp, i)
			if g != w {
				t.Fatalf("%s differs from line %d:\n got %q\nwant %q\n(run go test ./letters -update, then read the diff)", name, i+1, g, w)
			}
		}
	}
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<no line>"
}

// TestBooksCatalogue_NoStaleFiles: every golden file with this catalogue's prefixes is one it
// writes.
func TestBooksCatalogue_NoStaleFiles(t *testing.T) {
	entries, err := os.ReadDir(booksGoldenDir)
	if err != nil {
		t.Skipf("no golden files yet: %v", err)
	}
	for _, e := range entries {
		for _, p := range booksPrefixes {
			if strings.HasPrefix(e.Name(), p) && !slices.Contains(booksGoldenFiles, e.Name()) {
				t.Errorf("%s: no test writes it; remove it or add it to booksGoldenFiles", e.Name())
			}
		}
	}
}

// The rules of issue 24 for a text a person reads. The letters' catalogue has its own checker
// (letters.Lint); this one applies the same rules to the workbooks, templates and listings.

// englishStoplist holds English words that reached people, or would: each is a whole word, in
// any case. Vietnamese written without diacritics is ASCII too, so this is a list, not "any
// ASCII word": "an", "in", "do", "to", "no", "con", "ban" are Vietnamese words and stay out.
var englishStoplist = map[string]bool{
	"the": true, "and": true, "or": true, "of": true, "for": true, "with": true, "from": true,
	"after": true, "before": true, "within": true, "working": true, "day": true, "days": true,
	"week": true, "month": true, "year": true, "next": true, "last": true, "period": true,
	"start": true, "end": true, "issue": true, "issued": true, "deadline": true, "deadlines": true,
	"override": true, "overrides": true, "draft": true, "version": true, "sheet": true,
	"file": true, "files": true, "mail": true, "email": true, "emails": true, "message": true,
	"subject": true, "reply": true, "status": true, "late": true, "report": true, "unit": true,
	"units": true, "form": true, "forms": true, "template": true, "sum": true, "avg": true,
	"min": true, "max": true, "none": true, "save": true, "workbook": true, "please": true,
	"error": true, "warning": true, "pending": true, "missing": true, "invalid": true,
	"approved": true, "approval": true, "config": true, "ledger": true, "outbox": true,
}

// commandNames are tonghop's commands; "tonghop consolidate" must not reach a person.
var commandNames = []string{"run", "check", "ingest", "consolidate", "status", "deadlines", "calendar",
	"template", "import", "decide", "config", "demo"}

var (
	reWord        = regexp.MustCompile(`\p{L}+`)
	reSnakeKey    = regexp.MustCompile(`\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b`)
	reTOMLTable   = regexp.MustCompile(`\[\[?[a-z_]+(\.[a-z_]+)*\]\]?`)
	reDottedKey   = regexp.MustCompile(`\b(office|mailbox|mail_auth|smtp|imap|forms|units|people|mail|approval)\.[a-z_]+\b`)
	reCommand     = regexp.MustCompile(`\btonghop\s+(` + strings.Join(commandNames, "|") + `)\b|(^|\s)--[a-z]`)
	reHay         = regexp.MustCompile(`(?i)(^|[^\p{L}])hãy([^\p{L}]|$)`)
	reSubjectCode = regexp.MustCompile(`\[TH [^\]]*\]`)
	reQuoted      = regexp.MustCompile(`“[^”]*”`)
	reBigNumber   = regexp.MustCompile(`(^|[^\p{L}\p{N}.,/:@_\-])([1-9][0-9]{4,})($|[^\p{L}\p{N}_@\-])`)
)

// checkPersonText returns what is wrong with text a person reads: English words outside the
// subject token, configuration keys, command names, "hãy", a number of 10,000 or more without
// its thousands dot (outside “…”: a value quoted as the unit typed it), nested parentheses,
// straight quotes.
func checkPersonText(text string) []string {
	text = reSubjectCode.ReplaceAllString(text, "")
	var out []string
	for _, w := range reWord.FindAllString(text, -1) { // whole words: "thể" is not "th"
		if englishStoplist[strings.ToLower(w)] {
			out = append(out, "English word “"+w+"”")
		}
	}
	for _, re := range []*regexp.Regexp{reSnakeKey, reTOMLTable, reDottedKey} {
		for _, k := range re.FindAllString(text, -1) {
			out = append(out, "configuration key “"+k+"”")
		}
	}
	if m := reCommand.FindString(text); m != "" {
		out = append(out, "command “"+strings.TrimSpace(m)+"”")
	}
	if reHay.MatchString(text) {
		out = append(out, "“hãy”")
	}
	for _, m := range reBigNumber.FindAllStringSubmatch(reQuoted.ReplaceAllString(text, "“”"), -1) { // not what a person typed
		out = append(out, "number “"+m[2]+"” without its thousands dot")
	}
	if nestedParentheses(text) {
		out = append(out, "nested parentheses")
	}
	if strings.ContainsAny(text, "\"'") {
		out = append(out, "straight quotes")
	}
	return out
}

func nestedParentheses(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(':
			if depth++; depth > 1 {
				return true
			}
		case ')':
			depth = max(0, depth-1)
		}
	}
	return false
}

// reInternalCode matches the codes people never read outside a subject token: a period's
// canonical text (2026-11, 2026-W48) or a version (v2).
var reInternalCode = regexp.MustCompile(`\b[12][0-9]{3}-(W[0-9]{2}|[0-9]{2})\b|\bv[0-9]+\b`)

// checkNoCodes returns the internal codes in text, outside the subject token.
func checkNoCodes(text string) []string {
	var out []string
	for _, c := range reInternalCode.FindAllString(reSubjectCode.ReplaceAllString(text, ""), -1) {
		out = append(out, "internal code “"+c+"”")
	}
	return out
}

func TestCheckPersonText(t *testing.T) {
	clean := []string{
		"Kính gửi: Đồng chí Nguyễn Văn An, Chánh Văn phòng",
		"Tệp có quá nhiều ô dữ liệu (hơn 200.000 ô); đề nghị xóa các trang, dòng thừa rồi gửi lại.",
		"Nhập số điện thoại, ví dụ 0912345678.",
		"Lập lúc 08:30 ngày 21/11/2026; in báo cáo do Văn phòng lập, số liệu to nhỏ khác nhau.",
		"Mã kiểm tra tệp (SHA-256): 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
		"Nhập số; phần thập phân 3,14159 ngăn cách bằng dấu phẩy.",
		"Xin ý kiến duyệt: Báo cáo tháng 11/2026 (dự thảo lần 1) [TH BM.02.01/KH 2026-11 v1]",
		"Giá trị xuất khẩu: 1.234,5 triệu USD (FDI), xem trang “Nguồn số liệu”.",
	}
	for _, s := range clean {
		if got := append(checkPersonText(s), checkNoCodes(s)...); len(got) > 0 {
			t.Errorf("%q: got %q, want nothing", s, got)
		}
	}
	dirty := []struct{ text, want string }{
		{"chỉ dùng sum, avg, min, max, none", "English word “sum”"},
		{"theo cấu hình (deadline_overrides)", "configuration key “deadline_overrides”"},
		{"(mục [[units]], emails)", "configuration key “[[units]]”"},
		{"giới hạn mailbox.max_attachments", "configuration key “mailbox.max_attachments”"},
		{"bằng lệnh “tonghop consolidate”", "command “tonghop consolidate”"},
		{"Hãy nhập số.", "“hãy”"},
		{"Tối đa 20000 ký tự.", "number “20000” without its thousands dot"},
		{"hạn trước 17:00 ngày 18/11/2026 (thứ Tư (tuần 47))", "nested parentheses"},
		{`"31/2/2026" không phải ngày`, "straight quotes"},
		{"xem sheet «Nguồn số liệu»", "English word “sheet”"},
	}
	for _, tt := range dirty {
		if got := checkPersonText(tt.text); !slices.Contains(got, tt.want) {
			t.Errorf("%q: got %q, want %q among them", tt.text, got, tt.want)
		}
	}
	for _, s := range []string{"BM.02.01/KH — 2026-11", "Tuần 2026-W48", "đúng hạn v2"} {
		if len(checkNoCodes(s)) == 0 {
			t.Errorf("%q: got no internal code", s)
		}
	}
}

// indentLines indents every line after the first of a multi-line cell, so a dump stays one
// item per line.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(strings.TrimRightFunc(s, unicode.IsSpace), "\n", "\n"+indent)
}

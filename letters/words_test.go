package letters

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// What a person must never be told to type or look up: a command ("tonghop consolidate"), text
// in backticks, or a key of the configuration ("[mail_auth]", "[[units]]", "mailbox.max_attachments",
// "deadline_overrides"). A letter says what will happen and what the person can do by mail; the
// configuration is the administrator's, not the reader's.
var (
	commandWords = regexp.MustCompile("\\btonghop\\s+[a-z]|`")
	configWords  = regexp.MustCompile(`\[\[?[a-z][a-z0-9_]*\]\]?|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+\.[a-z][a-z0-9_]*_[a-z0-9_]*\b`)
)

// commandOrKey returns the command or configuration key text tells a person about, or "".
func commandOrKey(text string) string {
	if m := commandWords.FindString(text); m != "" {
		return m
	}
	return configWords.FindString(text)
}

// personTexts are the sources of texts people read: every file of package letters, and the
// messages other packages put in workbooks and letters (the problems found in a workbook, the
// consolidated report's notes, the reasons a mail failed authentication).
var personTexts = []string{"*.go", "../templates/messages.go", "../reportbook/messages.go", "../mailauth/messages.go"}

// TestTexts_NoCommandOrConfigKey reads every string in the sources of person-read texts: one
// that is a sentence (it has a Vietnamese letter) must name no command and no configuration
// key; no string at all may ask to run tonghop. Codes and patterns stay ASCII and are left
// alone.
func TestTexts_NoCommandOrConfigKey(t *testing.T) {
	checked := 0
	for _, pattern := range personTexts {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no file (%v)", pattern, err)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			for _, lit := range stringLiterals(t, file) {
				checked++
				if m := commandOrKey(lit.text); m != "" && (isSentence(lit.text) || commandWords.MatchString(lit.text)) {
					t.Errorf("%s: %q names %q, which a person cannot act on", lit.pos, lit.text, m)
				}
			}
		}
	}
	if checked < 300 {
		t.Fatalf("read %d strings, want the hundreds the letters hold", checked)
	}
}

// TestLetters_NoCommandOrConfigKey holds every sample letter, whole, to the same rule: what a
// letter assembles from parts must not spell a command or a key either.
func TestLetters_NoCommandOrConfigKey(t *testing.T) {
	for name, l := range sampleLetters() {
		for _, text := range []string{l.Subject, l.Body} {
			if m := commandOrKey(text); m != "" {
				t.Errorf("%s: names %q:\n%s", name, m, text)
			}
		}
	}
}

// TestCommandOrKey: the rule catches what it is for and lets a letter's ordinary words pass.
func TestCommandOrKey(t *testing.T) {
	for _, bad := range []string{
		"tổng hợp lại bằng lệnh “tonghop consolidate”", "chạy `status`", "(mục [mail_auth])", "mục [[units]], emails",
		"theo cấu hình (deadline_overrides)", "giới hạn mailbox.max_attachments",
	} {
		if commandOrKey(bad) == "" {
			t.Errorf("%q: got nothing, want the command or key found", bad)
		}
	}
	for _, good := range []string{
		"[BM.04.01/KH] Đề nghị gửi Chương trình công tác trọng tâm", "tệp “BM.04.01-KH_2026-11_QLDN.xlsx”",
		"Hệ thống tổng hợp báo cáo", "thư điện tử tonghop@bqlkcn.example", "[TH BM.04.01/KH 2026-11 v2 k1a2b3c4d]",
	} {
		if m := commandOrKey(good); m != "" {
			t.Errorf("%q: got %q, want nothing", good, m)
		}
	}
}

type literal struct {
	pos  token.Position
	text string
}

// stringLiterals parses a Go file and returns the value of every string literal in it.
func stringLiterals(t *testing.T, file string) []literal {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []literal
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil {
				out = append(out, literal{fset.Position(lit.Pos()), s})
			}
		}
		return true
	})
	return out
}

// isSentence tells text a person reads from codes and patterns: it has a letter outside ASCII.
func isSentence(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) >= 0
}

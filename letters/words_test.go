package letters

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

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
				for _, f := range CommandOrKey(lit.text) {
					if isSentence(lit.text) || f.Rule == RuleCommand {
						t.Errorf("%s: %q names %q, which a person cannot act on", lit.pos, lit.text, f.Match)
					}
				}
			}
		}
	}
	if checked < 300 {
		t.Fatalf("read %d strings, want the hundreds the letters hold", checked)
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

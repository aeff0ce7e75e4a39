package letters_test

// The catalogue of what a person reads outside mail: the consolidated and the issued workbook,
// the templates' cover, prompts and problems, the status and deadlines listings. Each is
// rendered by a test into testdata/letters/ (books-*.txt, templates-*.txt, cli-*.txt), beside
// the letters' golden files, to be read side by side; go test ./letters -update rewrites them.
// Every line is held to letters.Lint, the rules the letters' catalogue holds letters to.

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/tonghop/tonghop/letters"
)

// booksUpdating reads the letters' catalogue's -update flag (package letters registers it: its
// test variables are set before this package's tests run).
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

// booksGolden compares text with the golden file name, or writes it with -update (the letters'
// catalogue's CheckGoldenFindings), and holds to letters.Lint what a person reads of every line:
// read returns it ("" for a line that is not such text: the identification line a program
// reads); nil reads the whole line.
func booksGolden(t *testing.T, name, text string, read func(line string) string) {
	t.Helper()
	if !slices.Contains(booksGoldenFiles, name) {
		t.Fatalf("%s is not in booksGoldenFiles", name)
	}
	var findings []letters.Finding
	for i, line := range strings.Split(text, "\n") {
		if read != nil {
			line = read(line)
		}
		for _, f := range letters.Lint(line) {
			f.Match = fmt.Sprintf("line %d: %s", i+1, f.Match)
			findings = append(findings, f)
		}
	}
	letters.CheckGoldenFindings(t, strings.TrimSuffix(name, ".txt"), text, findings)
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

// indentLines indents every line after the first of a multi-line cell, so a dump stays one
// item per line.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(strings.TrimRightFunc(s, unicode.IsSpace), "\n", "\n"+indent)
}

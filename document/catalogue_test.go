package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/letters"
)

// The catalogue of the document (issue 20): the built-in layout of a sample report, read back
// from the .docx it writes, paragraph by paragraph with how each is printed, as a person reviews
// it. Package letters (floor 2) cannot import this one (floor 3), so the golden lives here with
// letters' -update convention: go test ./document -run TestCatalogue -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/catalogue")

func TestCatalogue_Document(t *testing.T) {
	draft := sampleDoc()
	draft.Number, draft.Draft, draft.DraftVersion = "", true, 2
	for _, c := range []struct {
		name string
		doc  Doc
	}{
		{"issued", sampleDoc()},
		{"draft", draft},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := Build(c.doc)
			if err != nil {
				t.Fatal(err)
			}
			got := readable(t, data)
			if !norm.NFC.IsNormalString(got) {
				t.Error("text is not NFC")
			}
			for _, f := range letters.Lint(labelsOnly(got)) {
				t.Errorf("lint: %s", f)
			}
			golden(t, filepath.Join("testdata", "catalogue", c.name+".txt"), got)
		})
	}
}

// labelsOnly keeps the lines a reader lints: the layout's, not the sample's figures and codes.
func labelsOnly(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, " | ") || strings.Contains(line, ".xlsx") || strings.HasPrefix(line, "page") {
			continue // table rows and the appendix's file name carry figures and codes on purpose
		}
		if i := strings.Index(line, "] "); i >= 0 {
			line = line[i+2:]
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run with -update and review the diff):\n%s", path, got)
	}
}

// readable reads a .docx's document part back: one line per paragraph, "[center b 13 rule]"
// before its text; a table row on a line, its cells joined by " | " and a cell's paragraphs by
// " / ", each table between "┌" and "└".
func readable(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var part []byte
	for _, f := range zr.File {
		if f.Name == documentPart {
			rc, _ := f.Open()
			part, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	var out []string
	var cell, cells []string
	var marks []string
	var text strings.Builder
	depth := 0
	dec := xml.NewDecoder(bytes.NewReader(part))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				depth++
				out = append(out, "┌")
			case "tr":
				cells = nil
			case "tc":
				cell = nil
			case "p":
				text.Reset()
				marks = nil
			case "sz":
				marks = appendOnce(marks, fmt.Sprint(atoiHalf(attr(e, "val"))))
			case "b":
				marks = appendOnce(marks, "b")
			case "i":
				marks = appendOnce(marks, "i")
			case "jc":
				marks = appendOnce(marks, attr(e, "val"))
			case "bottom":
				marks = appendOnce(marks, "rule")
			case "pgMar":
				out = append(out, fmt.Sprintf("page margins (twips): top %s bottom %s left %s right %s",
					attr(e, "top"), attr(e, "bottom"), attr(e, "left"), attr(e, "right")))
			case "pgSz":
				out = append(out, fmt.Sprintf("page (twips): %s × %s", attr(e, "w"), attr(e, "h")))
			}
		case xml.CharData:
			text.Write(e)
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				p := "[" + strings.Join(marks, " ") + "] " + text.String()
				if depth > 0 {
					cell = append(cell, p)
				} else {
					out = append(out, p)
				}
			case "tc":
				cells = append(cells, strings.Join(cell, " / "))
			case "tr":
				out = append(out, strings.Join(cells, " | "))
			case "tbl":
				depth--
				out = append(out, "└")
			}
		}
	}
	return strings.Join(out, "\n") + "\n"
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func atoiHalf(s string) string {
	var n int
	fmt.Sscan(s, &n)
	return fmt.Sprint(n / 2)
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

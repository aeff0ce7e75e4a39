package document

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"

	"github.com/tonghop/tonghop/internal/zipflate"
)

// The issued document is the approved draft's own .docx — the text the leaders approved, their
// edits included — with what only the issue knows written in: the number, the date, the signer
// who decided, the appendix's name, and the draft's mark removed. Never rebuilt from the ledger:
// a rebuild could print what the leaders did not see.

// Change replaces a text of the draft's document part by the issued one. A Required change
// whose text is not found fails the issue: a document must not leave without its number.
type Change struct {
	From, To string
	Required bool
	Last     bool // the last occurrence: the signer's block ends the document, a name may be in its body
}

// IssueChanges are the changes from draft to issued, both built from the configuration (the
// issued one with the number, the issue's date and signer, Draft false).
func IssueChanges(draft, issued Doc) []Change {
	blank := numberBlank + "/" + draft.Symbol
	out := []Change{
		{From: blank, To: strings.TrimPrefix(issued.NumberLine(), labelNumber), Required: true},
		{From: PlaceDate(draft.Place, draft.Date), To: PlaceDate(issued.Place, issued.Date), Required: true},
	}
	if draft.Draft {
		out = append(out, Change{From: draftMark(draft)})
	}
	ds, is := draft.Signer, issued.Signer
	if ds != is {
		for _, c := range [][2]string{{upper(ds.Authority), upper(is.Authority)}, {upper(ds.Title), upper(is.Title)}, {ds.Name, is.Name}} {
			if c[0] != "" && c[0] != c[1] {
				out = append(out, Change{From: c[0], To: c[1], Last: true})
			}
		}
	}
	return out
}

// RedraftChanges are the changes from one draft's document to the next version's: the date
// and the draft's mark; the number line stays blank, and must be there.
func RedraftChanges(from, to Doc) []Change {
	blank := numberBlank + "/" + from.Symbol
	return []Change{
		{From: blank, To: blank, Required: true},
		{From: PlaceDate(from.Place, from.Date), To: PlaceDate(to.Place, to.Date), Required: true},
		{From: draftMark(from), To: draftMark(to)},
	}
}

func draftMark(d Doc) string {
	if !d.Draft {
		return ""
	}
	if d.DraftVersion > 0 {
		return labelDraft + " " + fmt.Sprintf(labelVersion, d.DraftVersion)
	}
	return labelDraft
}

// Finalize applies changes to the document part of docx, a .docx read within the template's
// budgets, and returns the new package with every other part as it was.
func Finalize(docx []byte, changes []Change) ([]byte, error) {
	files, parts, err := readTemplate(docx)
	if err != nil {
		return nil, fmt.Errorf("issued document: %w", err)
	}
	part := string(parts[documentPart])
	for _, c := range changes {
		from := escape(c.From)
		if !strings.Contains(part, from) {
			var found bool
			if part, found = replaceAcrossRuns(part, from, escape(c.To), c.Last); !found && c.Required {
				return nil, fmt.Errorf("issued document: %q is not in the draft's document", c.From)
			}
			continue
		}
		i := strings.Index(part, from)
		if c.Last {
			i = strings.LastIndex(part, from)
		}
		part = part[:i] + escape(c.To) + part[i+len(from):]
	}
	parts[documentPart] = []byte(part)
	return writeParts(files, parts)
}

// MissingForIssue lists the texts of changes an edited draft lost: what the issue could not
// write in (see Finalize). Empty: the draft can be issued.
func MissingForIssue(docx []byte, changes []Change) ([]string, error) {
	_, parts, err := readTemplate(docx)
	if err != nil {
		return nil, err
	}
	part := string(parts[documentPart])
	var out []string
	for _, c := range changes {
		if c.Required && !strings.Contains(part, escape(c.From)) && !findAcrossRuns(part, escape(c.From)) {
			out = append(out, c.From)
		}
	}
	return out, nil
}

func writeParts(files []*zip.File, parts map[string][]byte) ([]byte, error) {
	var out bytes.Buffer
	zw := zipflate.NewWriter(&out)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(parts[f.Name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

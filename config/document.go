package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OfficeDocument is what the administrative document a report is issued as (issue 20, Decree
// 30/2020) prints about the office: keys of [office].
type OfficeDocument struct {
	// GoverningBody is the body above the office in the header ("UBND tỉnh Bắc Ninh"); ""
	// when the office has none.
	GoverningBody string `toml:"governing_body"`
	// DocumentName is the office's name as the header prints it, when shorter than Name
	// ("Ban Quản lý các khu công nghiệp" under the governing body); "" prints Name.
	DocumentName string `toml:"document_name"`
	Place        string `toml:"place"`        // the place in "Bắc Ninh, ngày … tháng … năm …"
	Abbreviation string `toml:"abbreviation"` // the office's in symbols: "BQL" in "BC-BQL"
	// Archive is the drafting desk's abbreviation after "Lưu: VT," ("KHTH"); "" prints "VT" only.
	Archive string `toml:"archive"`
	// Letterhead is an office's own .docx with placeholders ({{so}}, {{ngay}}, {{trich_yeu}},
	// {{noi_dung}}, {{nguoi_ky}}, {{noi_nhan}}, …) used instead of the built-in layout; a path
	// relative to the configuration file. LetterheadData is the file, read at load.
	Letterhead     string `toml:"letterhead"`
	LetterheadData []byte `toml:"-"`
}

// FormDocument is what a form's issued document is: keys of [[forms]].
type FormDocument struct {
	// DocumentType is the kind of document: "bao_cao" (BÁO CÁO, the default), "thong_bao",
	// "chuong_trinh" or "ke_hoach".
	DocumentType string `toml:"document_type"`
	// Summary is the trích yếu; "{ky}" in it is replaced by the period ("tháng 11 năm 2026").
	// Default: the form's title and the period.
	Summary string `toml:"summary"`
}

// DocumentTypes are the kinds a form's document_type may name (package document's Kinds).
var DocumentTypes = []string{"bao_cao", "thong_bao", "chuong_trinh", "ke_hoach"}

// MaxLetterhead bounds the letterhead file read at load.
const MaxLetterhead = 4 << 20

// SummaryPeriod is the placeholder of a form's summary replaced by the period.
const SummaryPeriod = "{ky}"

// DocumentKind is the form's document type, the default filled in.
func (f *Form) DocumentKind() string {
	if f.DocumentType == "" {
		return DocumentTypes[0]
	}
	return f.DocumentType
}

// DocumentSummary is the form's trích yếu for a period labelled label.
func (f *Form) DocumentSummary(label string) string {
	label = lowerFirst(label) // "Tháng 11/2026" inside a sentence
	if f.Summary == "" {
		return strings.TrimSpace(f.Title + " " + label)
	}
	return strings.ReplaceAll(f.Summary, SummaryPeriod, label)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func (c *Config) completeDocument(base string) {
	if l := &c.Office.Letterhead; *l != "" && !filepath.IsAbs(*l) {
		*l = filepath.Join(base, *l)
	}
}

// loadLetterhead reads the office's letterhead: a file named but unreadable, empty or too large
// is a problem, never the built-in layout in its place. Its placeholders are checked when the
// office is compiled (package document reads .docx).
func (c *Config) loadLetterhead(v *validator) {
	o := &c.Office
	if o.Letterhead == "" {
		return
	}
	st, err := os.Stat(o.Letterhead)
	switch {
	case err != nil:
		v.add("office.letterhead", "cannot read %q: %v", o.Letterhead, errors.Unwrap(err))
		return
	case !st.Mode().IsRegular():
		v.add("office.letterhead", "%q is not a file", o.Letterhead)
		return
	case st.Size() == 0 || st.Size() > MaxLetterhead:
		v.add("office.letterhead", "%q is %d bytes: want a .docx of at most %d", o.Letterhead, st.Size(), MaxLetterhead)
		return
	}
	data, err := os.ReadFile(o.Letterhead)
	if err != nil {
		v.add("office.letterhead", "cannot read %q: %v", o.Letterhead, errors.Unwrap(err))
		return
	}
	o.LetterheadData = data
}

func (c *Config) validateDocument(v *validator) {
	for i := range c.Forms {
		f := &c.Forms[i]
		if f.DocumentType != "" && !slices.Contains(DocumentTypes, f.DocumentType) {
			v.add(fmt.Sprintf("forms[%d].document_type", i), "%q: want one of %s", f.DocumentType, strings.Join(DocumentTypes, ", "))
		}
	}
	if a := c.Office.Abbreviation; strings.ContainsAny(a, "/ ") {
		v.add("office.abbreviation", "%q: an abbreviation has no space or slash (\"BQL\")", a)
	}
}

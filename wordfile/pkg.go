package wordfile

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// pkg is the opened zip: its parts by their name in lower case (part names are
// case-insensitive), and what has been unzipped from it so far.
type pkg struct {
	lim      Limits
	parts    map[string]*zip.File
	unzipped int64
	tokens   int
	main     string // the main document part
}

// maxTokens bounds the XML tokens read from all parts: each costs about 100 bytes of garbage
// and a little time beyond its bytes, and a genuine 60-page report has about 200,000.
const maxTokens = 2_000_000

func openPackage(data []byte, lim Limits) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d entries in the zip, at most %d", ErrTooComplex, len(zr.File), maxEntries)
	}
	p := &pkg{lim: lim, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := partName(f.Name)
		if _, dup := p.parts[name]; dup {
			// Two parts of one name: which one a reader takes is not defined, so neither is.
			return nil, fmt.Errorf("%w: part %q twice", ErrNotDocx, f.Name)
		}
		p.parts[name] = f
	}
	return p, nil
}

// partName is a zip entry's or a part name's key: no leading slash, forward slashes, lower case.
func partName(s string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(s, `\`, "/"), "/"))
}

// budgetReader charges every byte unzipped to the package's budget.
type budgetReader struct {
	p *pkg
	r io.Reader
}

func (b *budgetReader) Read(buf []byte) (int, error) {
	n, err := b.r.Read(buf)
	b.p.unzipped += int64(n)
	if b.p.unzipped > b.p.lim.MaxUnzipped {
		return n, fmt.Errorf("%w: more than %d bytes unzipped", ErrTooLarge, b.p.lim.MaxUnzipped)
	}
	return n, err
}

// walk streams the tokens of a part to fn, within the package's budgets of bytes, tokens and
// depth. A missing part is no error when optional.
func (p *pkg) walk(name string, optional bool, fn func(xml.Token) error) error {
	f, ok := p.parts[partName(name)]
	if !ok {
		if optional {
			return nil
		}
		return fmt.Errorf("%w: no part %s", ErrNotDocx, name)
	}
	// A part that says it is larger than the budget left is refused before it is unzipped; one
	// that lies about its size is stopped by the budget as it is read.
	if f.UncompressedSize64 > uint64(p.lim.MaxUnzipped-p.unzipped) {
		return fmt.Errorf("%w: %s unzips to %d bytes, more than %d in all", ErrTooLarge, name, f.UncompressedSize64, p.lim.MaxUnzipped)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNotDocx, name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(&budgetReader{p: p, r: rc})
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return err
			}
			return fmt.Errorf("%w: %s: %v", ErrNotDocx, name, err)
		}
		if p.tokens++; p.tokens > maxTokens {
			return fmt.Errorf("%w: more than %d XML tokens", ErrTooComplex, maxTokens)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return fmt.Errorf("%w: XML nested deeper than %d in %s", ErrTooComplex, maxDepth, name)
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

// Namespaces of the elements and relationships read.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT  = "http://schemas.openxmlformats.org/package/2006/content-types"
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// attr is the value of the attribute of local name local, in any namespace.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// check refuses what is never read: macros and active content, embedded objects, imported
// chunks and links to outside resources; and finds the main document, which must be Word's.
func (p *pkg) check() error {
	for name := range p.parts {
		base := path.Base(name)
		if base == "vbaproject.bin" || base == "vbadata.xml" || strings.HasPrefix(name, "word/activex/") {
			return fmt.Errorf("%w: %s", ErrMacros, name)
		}
	}
	types, err := p.contentTypes()
	if err != nil {
		return err
	}
	for name := range p.parts {
		if strings.HasSuffix(name, ".rels") {
			if err := p.checkRels(name); err != nil {
				return err
			}
		}
	}
	if p.main, err = p.target("_rels/.rels", "/officeDocument"); err != nil {
		return err
	}
	switch types[p.main] {
	case ctDocument, ctTemplate:
		return nil
	default:
		return fmt.Errorf("%w: main part %s is %q", ErrNotDocx, p.main, types[p.main])
	}
}

// Content types of a Word document's and a Word template's main part, without macros.
const (
	ctDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
)

// contentTypes reads [Content_Types].xml: the overrides by part name, after refusing any type
// that is macro-enabled, active or an embedded object.
func (p *pkg) contentTypes() (map[string]string, error) {
	types := map[string]string{}
	err := p.walk("[Content_Types].xml", false, func(tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Space != nsCT {
			return nil
		}
		ct := attr(t, "ContentType")
		lower := strings.ToLower(ct)
		switch {
		case strings.Contains(lower, "macroenabled"), strings.Contains(lower, "vbaproject"),
			strings.Contains(lower, "activex"), strings.Contains(lower, "ms-office.vba"):
			return fmt.Errorf("%w: content type %s", ErrMacros, ct)
		case strings.Contains(lower, "oleobject"):
			return fmt.Errorf("%w: content type %s", ErrEmbedded, ct)
		}
		if t.Name.Local == "Override" {
			types[partName(attr(t, "PartName"))] = ct
		}
		return nil
	})
	return types, err
}

// checkRels refuses the relationships of one part that name macros, embedded objects or
// chunks, or a resource outside the package, but for hyperlinks, which are never followed.
func (p *pkg) checkRels(name string) error {
	return p.walk(name, false, func(tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok || t.Name.Local != "Relationship" {
			return nil
		}
		typ := attr(t, "Type")
		kind := typ[strings.LastIndexByte(typ, '/')+1:]
		switch kind {
		case "vbaProject", "control", "activeXControlBinary", "wordVbaData", "keyMapCustomizations":
			return fmt.Errorf("%w: relationship %s in %s", ErrMacros, kind, name)
		case "oleObject", "aFChunk", "subDocument":
			return fmt.Errorf("%w: relationship %s in %s", ErrEmbedded, kind, name)
		case "package":
			// A chart keeps its figures as an embedded workbook (never opened here; a
			// macro-enabled one is refused by its content type); anything else embeds a file.
			if !strings.HasPrefix(name, "word/charts/") {
				return fmt.Errorf("%w: embedded package in %s", ErrEmbedded, name)
			}
		}
		if strings.EqualFold(attr(t, "TargetMode"), "External") && kind != "hyperlink" {
			return fmt.Errorf("%w: %s to %q in %s", ErrExternal, kind, attr(t, "Target"), name)
		}
		return nil
	})
}

// target is the part that the first relationship of the given type suffix in relsName names,
// resolved against the part the relationships belong to; "" with no error for none, but for
// the package's main document.
func (p *pkg) target(relsName, typeSuffix string) (string, error) {
	var target string
	err := p.walk(relsName, relsName != "_rels/.rels", func(tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if ok && t.Name.Local == "Relationship" && target == "" && strings.HasSuffix(attr(t, "Type"), typeSuffix) {
			target = attr(t, "Target")
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if target == "" {
		if relsName == "_rels/.rels" {
			return "", fmt.Errorf("%w: no main document", ErrNotDocx)
		}
		return "", nil
	}
	// The relationships of dir/x.xml are in dir/_rels/x.xml.rels; targets are relative to dir.
	dir := path.Dir(path.Dir(relsName))
	if strings.HasPrefix(target, "/") {
		return partName(target), nil
	}
	return partName(path.Join(dir, target)), nil
}

// docRels is the name of the main document's relationships part.
func (p *pkg) docRels() string {
	return path.Join(path.Dir(p.main), "_rels", path.Base(p.main)+".rels")
}

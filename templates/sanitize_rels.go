package templates

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// The new package is built from the relationships, from the root down: only the parts a plain
// workbook of values needs are followed, by the type of the relationship that names them, and
// each is written under its usual name with its usual content type, whatever the original said.

// Relationship types, transitional and strict.
const (
	relTransitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	relStrict       = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
	relCore         = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relCoreOld      = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
)

const ctWorksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

// role is what a part is to the new package.
type role int

const (
	roleNone role = iota
	roleWorkbook
	roleCore
	roleApp
	roleCustom
	roleSheet
	roleStyles
	roleTheme
	roleStrings
)

var roleNames = map[string]role{
	"officeDocument": roleWorkbook, "extended-properties": roleApp, "custom-properties": roleCustom,
	"extendedProperties": roleApp, "customProperties": roleCustom, // strict
	"worksheet": roleSheet, "styles": roleStyles, "theme": roleTheme, "sharedStrings": roleStrings,
}

// roleParts are the name and content type of each single part in the new package.
var roleParts = map[role][2]string{
	roleWorkbook: {"xl/workbook.xml", contentTypeMain},
	roleCore:     {"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	roleApp:      {"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	roleCustom:   {"docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"},
	roleStyles:   {"xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"},
	roleTheme:    {"xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"},
	roleStrings:  {"xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"},
}

func roleOf(typ string) role {
	if typ == relCore || typ == relCoreOld {
		return roleCore
	}
	for _, prefix := range []string{relTransitional, relStrict} {
		if r, ok := strings.CutPrefix(typ, prefix); ok {
			return roleNames[r]
		}
	}
	return roleNone
}

// rel is one relationship of a part.
type rel struct {
	id, typ string
	role    role
	part    string // the part it names, lower-case; "" when external or missing
}

type relSet []rel

// first returns the first relationship of a role naming a part of the package.
func (rs relSet) first(r role) (rel, bool) {
	for _, x := range rs {
		if x.role == r && x.part != "" {
			return x, true
		}
	}
	return rel{}, false
}

// rels reads the relationships of a part ("" for the package's), noting the external ones and
// those to macros.
func (s *sanitizer) rels(source string) (relSet, error) {
	dir, file := path.Split(source)
	name := partName(dir + "_rels/" + file + ".rels")
	if _, ok := s.files[name]; !ok {
		return nil, nil
	}
	var x struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := s.decode(name, &x); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out relSet
	seen := map[string]bool{}
	for _, r := range x.Rels {
		switch r.Type[strings.LastIndex(r.Type, "/")+1:] {
		case "externalLink", "connections":
			s.rep.External++
		case "vbaProject", "xlMacrosheet", "xlIntlMacrosheet":
			s.rep.Macros = true
		}
		if strings.EqualFold(r.Mode, "External") {
			s.rep.External++
			continue
		}
		if r.ID == "" || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		x := rel{id: r.ID, typ: r.Type, role: roleOf(r.Type)}
		if part := partName(resolvePart(dir, r.Target)); s.files[part] != nil {
			x.part = part
		}
		out = append(out, x)
	}
	return out, nil
}

// outRel is a relationship of the new package.
type outRel struct{ id, typ, target string }

// bookPlan is what the new package keeps of the workbook.
type bookPlan struct {
	from   string      // the workbook part
	sheets [][3]string // part, new name, sheet name
	rels   []outRel
	copies [][2]string // styles, theme, shared strings: part, new name
	types  [][2]string // new name, content type
	book   *bookCleaner
}

// planBook decides which sheets and workbook parts are carried over: the sheet entries that
// name a worksheet part (each part once), the styles, the theme and the shared strings.
func (s *sanitizer) planBook(book string, rels relSet) (*bookPlan, error) {
	list, err := s.sheetList(book)
	if err != nil {
		return nil, err
	}
	byID := map[string]rel{}
	for _, r := range rels {
		byID[r.id] = r
	}
	p := &bookPlan{from: book}
	keep, seen := map[string]bool{}, map[string]bool{}
	for _, sh := range list {
		r, ok := byID[sh.ID]
		if !ok || r.role != roleSheet || r.part == "" || seen[r.part] {
			continue
		}
		keep[sh.ID], seen[r.part] = true, true
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", len(p.sheets)+1)
		p.sheets = append(p.sheets, [3]string{r.part, name, sh.Name})
		p.rels = append(p.rels, outRel{r.id, r.typ, strings.TrimPrefix(name, "xl/")})
		p.types = append(p.types, [2]string{name, ctWorksheet})
	}
	if len(p.sheets) == 0 {
		return nil, fmt.Errorf("%w: no worksheet", errNotWorkbook)
	}
	for _, ro := range []role{roleStyles, roleTheme, roleStrings} {
		if r, ok := rels.first(ro); ok {
			to := roleParts[ro]
			p.rels = append(p.rels, outRel{r.id, r.typ, strings.TrimPrefix(to[0], "xl/")})
			p.copies = append(p.copies, [2]string{r.part, to[0]})
			p.types = append(p.types, to)
		}
	}
	p.book = newBookCleaner(list, keep)
	return p, nil
}

// sheetList reads the workbook's list of sheets with their relationship ids.
func (s *sanitizer) sheetList(book string) ([]bookSheet, error) {
	rc, err := s.files[book].Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	in := newXMLIn(rc)
	var list []bookSheet
	for {
		tok, err := in.next()
		if err == io.EOF {
			return list, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", book, err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "sheet" && in.depth() == 3 && in.stack[1].Local == "sheets" {
			name, _ := attr(el, "name")
			list = append(list, bookSheet{Name: name, ID: relID(el)})
		}
	}
}

// write writes the new package.
func (s *sanitizer) write(root relSet, p *bookPlan) error {
	book, _ := root.first(roleWorkbook)
	rootRels := []outRel{{book.id, book.typ, roleParts[roleWorkbook][0]}}
	types := [][2]string{roleParts[roleWorkbook]}
	var props [][2]string
	for _, ro := range []role{roleCore, roleApp, roleCustom} {
		if r, ok := root.first(ro); ok {
			to := roleParts[ro]
			rootRels = append(rootRels, outRel{r.id, r.typ, to[0]})
			props = append(props, [2]string{r.part, to[0]})
			types = append(types, to)
		}
	}
	if err := s.writeTypes(append(types, p.types...)); err != nil {
		return err
	}
	if err := s.writeRels("_rels/.rels", rootRels); err != nil {
		return err
	}
	for _, c := range append(props, p.copies...) {
		if err := s.copyPart(c[0], c[1]); err != nil {
			return err
		}
	}
	err := s.rewrite(p.from, roleParts[roleWorkbook][0], func(in *xmlIn, out *xmlOut) error {
		p.book.in, p.book.out, p.book.rep = in, out, s.rep
		return p.book.run()
	})
	if err != nil {
		return err
	}
	if err := s.writeRels("xl/_rels/workbook.xml.rels", p.rels); err != nil {
		return err
	}
	for _, sh := range p.sheets {
		err := s.rewrite(sh[0], sh[1], func(in *xmlIn, out *xmlOut) error {
			return (&sheetCleaner{in: in, out: out, rep: s.rep, sheet: sh[2], cells: &s.cells}).run()
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *sanitizer) writeRels(name string, rels []outRel) error {
	w, err := s.create(name)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	b.WriteString(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		b.WriteString(`<Relationship Id="`)
		escape(b, r.id, true)
		b.WriteString(`" Type="`)
		escape(b, r.typ, true)
		b.WriteString(`" Target="`)
		escape(b, r.target, true)
		b.WriteString(`"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Flush()
}

func (s *sanitizer) writeTypes(parts [][2]string) error {
	w, err := s.create("[Content_Types].xml")
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	b.WriteString(xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, p := range parts {
		fmt.Fprintf(b, `<Override PartName="/%s" ContentType="%s"/>`, p[0], p[1])
	}
	b.WriteString(`</Types>`)
	return b.Flush()
}

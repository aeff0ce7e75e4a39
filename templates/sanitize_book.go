package templates

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// bookChildren are the children of the workbook part carried over. Left out: external
// references, pivot caches, function groups, custom views, web publishing, extensions.
var bookChildren = map[string]bool{
	"fileVersion": true, "fileSharing": true, "workbookPr": true, "workbookProtection": true,
	"bookViews": true, "sheets": true, "definedNames": true, "calcPr": true, "fileRecoveryPr": true,
}

// bookSheet is one entry of the workbook's sheet list.
type bookSheet struct {
	Name string `xml:"name,attr"`
	ID   string `xml:"id,attr"`
}

// bookCleaner rewrites the workbook part: the sheets not carried over (chart, dialog and macro
// sheets, sheets whose part is missing) leave the list, with the names that belong to them or
// reach outside the workbook.
type bookCleaner struct {
	in      *xmlIn
	out     *xmlOut
	rep     *SanitizeReport
	keep    map[string]bool // relationship ids of the sheet entries kept
	index   []int           // new position of each sheet of the list, -1 when left out
	dropped []string        // names of the sheets left out
}

func newBookCleaner(sheets []bookSheet, keep map[string]bool) *bookCleaner {
	b := &bookCleaner{keep: keep}
	n := 0
	for _, sh := range sheets {
		if !keep[sh.ID] {
			b.index = append(b.index, -1)
			b.dropped = append(b.dropped, sh.Name)
			continue
		}
		b.index = append(b.index, n)
		n++
	}
	return b
}

func (b *bookCleaner) run() error {
	for {
		tok, err := b.in.next()
		if err == io.EOF {
			return b.out.flush()
		}
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			b.out.token(tok)
			continue
		}
		if err := b.element(el); err != nil {
			return err
		}
	}
}

func (b *bookCleaner) element(el xml.StartElement) error {
	depth, local := b.in.depth(), el.Name.Local
	parent := ""
	if depth > 1 {
		parent = b.in.stack[depth-2].Local
	}
	switch {
	case depth == 1 && local != "workbook":
		return fmt.Errorf("%w: the workbook's part holds <%s>", errNotWorkbook, local)
	case depth == 2 && !bookChildren[local], leftOut(local):
		return b.in.skip()
	case depth == 2 && local == "definedNames":
		return b.names(el)
	case parent == "sheets":
		if err := b.in.skip(); err != nil || local != "sheet" || !b.keep[relID(el)] {
			return err
		}
		b.out.element(el, "") // with its relationship id
		return nil
	case parent == "bookViews" && len(b.dropped) > 0:
		// The active and first tabs are positions in the sheet list, which changed.
		el = withoutAttrs(el, "activeTab", "firstSheet")
	}
	b.out.start(withoutAttrs(el))
	return nil
}

// names writes the defined names kept, and the list only if one is.
func (b *bookCleaner) names(list xml.StartElement) error {
	type name struct {
		el   xml.StartElement
		body string
	}
	var kept []name
	d := b.in.depth()
	for b.in.depth() >= d {
		tok, err := b.in.next()
		if err != nil {
			return err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "definedName" {
			if err := b.in.skip(); err != nil {
				return err
			}
			continue
		}
		body, err := b.in.text()
		if err != nil {
			return err
		}
		if el, ok := b.keepName(el, body); ok {
			kept = append(kept, name{el, body})
			continue
		}
		n, _ := attr(el, "name")
		b.rep.Names = append(b.rep.Names, n)
		if r := reachOf(body); r.dde || r.book {
			b.rep.External++
		}
	}
	if len(kept) == 0 {
		return nil
	}
	b.out.start(withoutAttrs(list))
	for _, n := range kept {
		b.out.element(n.el, n.body)
	}
	b.out.end(list.Name)
	return nil
}

// keepName decides on a defined name, renumbering the sheet it belongs to. A name stays when
// it is a constant or a reference into the workbook's sheets kept: a name that links
// elsewhere (DDE, another workbook), computes (a function call: nothing would compute it any
// more, and Excel 4.0 macro functions run from names), runs a macro, or refers to a sheet
// left out, goes.
func (b *bookCleaner) keepName(el xml.StartElement, body string) (xml.StartElement, bool) {
	for _, macro := range []string{"function", "vbProcedure", "xlm"} {
		if v, _ := attr(el, macro); v == "1" || v == "true" {
			return el, false
		}
	}
	if r := reachOf(body); r.dde || r.book || r.call {
		return el, false
	}
	for _, sheet := range b.dropped {
		if refersTo(body, sheet) {
			return el, false
		}
	}
	v, local := attr(el, "localSheetId")
	if !local {
		return withoutAttrs(el), true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n >= len(b.index) || b.index[n] < 0 {
		return el, false
	}
	out := withoutAttrs(el, "localSheetId")
	out.Attr = append(out.Attr, xml.Attr{Name: xml.Name{Local: "localSheetId"}, Value: strconv.Itoa(b.index[n])})
	return out, true
}

// refersTo reports whether a formula refers to a sheet by name, quoted or not.
func refersTo(body, sheet string) bool {
	return strings.Contains(body, sheet+"!") || strings.Contains(body, "'"+strings.ReplaceAll(sheet, "'", "''")+"'!")
}

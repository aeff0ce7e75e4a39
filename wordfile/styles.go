package wordfile

import (
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/vnenc"
)

// style is what a paragraph style gives its paragraphs: an outline level, a list, and the style
// it is based on.
type style struct {
	name    string
	basedOn string
	outline int // 1-based outline level, 0 for none
	numID   string
	ilvl    int
	hasNum  bool
}

type styles map[string]*style

// styles reads the styles part named by the main document's relationships; a document without
// one has only direct formatting.
func (p *pkg) styles() (styles, error) {
	st := styles{}
	name, err := p.target(p.docRels(), "/styles")
	if err != nil || name == "" {
		return st, err
	}
	r := &stylesReader{st: st}
	return st, p.walk(name, true, r.token)
}

// stylesReader follows the tokens of the styles part: the paragraph style it is in, and whether
// in that style's paragraph properties.
type stylesReader struct {
	st    styles
	cur   *style
	inPPr bool
}

func (r *stylesReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		if t.Name.Space == nsW {
			r.open(t)
		}
	case xml.EndElement:
		switch t.Name.Local {
		case "style":
			r.cur, r.inPPr = nil, false
		case "pPr":
			r.inPPr = false
		}
	}
	return nil
}

func (r *stylesReader) open(t xml.StartElement) {
	switch t.Name.Local {
	case "style":
		r.cur = nil
		if typ := attr(t, "type"); typ == "paragraph" || typ == "" {
			r.cur = &style{}
			r.st[attr(t, "styleId")] = r.cur
		}
	case "pPr":
		r.inPPr = r.cur != nil
	case "name":
		if r.cur != nil {
			r.cur.name = attr(t, "val")
		}
	case "basedOn":
		if r.cur != nil {
			r.cur.basedOn = attr(t, "val")
		}
	case "outlineLvl":
		if r.inPPr {
			r.cur.outline = outlineLevel(attr(t, "val"))
		}
	case "numId":
		if r.inPPr {
			r.cur.numID, r.cur.hasNum = attr(t, "val"), true
		}
	case "ilvl":
		if r.inPPr {
			r.cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
		}
	}
}

// outlineLevel turns w:outlineLvl's 0–8 into a heading level 1–9; 9, "body text", and anything
// else is 0.
func outlineLevel(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 8 {
		return 0
	}
	return n + 1
}

// chain is the style and those it is based on, nearest first, at most maxStyleChain long (a
// loop in basedOn ends there).
func (st styles) chain(id string) []*style {
	var out []*style
	for i := 0; i < maxStyleChain && id != ""; i++ {
		s := st[id]
		if s == nil {
			break
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

// heading is the outline level a style gives: its own or inherited outline level, else the
// level its or its ancestors' name or ID says ("heading 2", "Heading2", "Tiêu đề 2").
func (st styles) heading(id string) int {
	chain := st.chain(id)
	for _, s := range chain {
		if s.outline > 0 {
			return s.outline
		}
	}
	if n := headingName(id); n > 0 {
		return n
	}
	for _, s := range chain {
		if n := headingName(s.name); n > 0 {
			return n
		}
		if n := headingName(s.basedOn); n > 0 {
			return n
		}
	}
	return 0
}

// headingNameRe matches heading style names and IDs once folded: Word's "heading 1" and
// "Heading1", Vietnamese Word's and LibreOffice's "Tiêu đề 1" ("tieu de 1"), "Đề mục 1".
var headingNameRe = regexp.MustCompile(`^(?:heading|tieu ?de|de ?muc)\s*([1-9])$`)

func headingName(s string) int {
	m := headingNameRe.FindStringSubmatch(strings.TrimSpace(strings.ToLower(vnenc.StripMarks(s))))
	if m == nil {
		return 0
	}
	return int(m[1][0] - '0')
}

// numbering is the list a style gives its paragraphs, its own or inherited.
func (st styles) numbering(id string) (numID string, ilvl int, ok bool) {
	for _, s := range st.chain(id) {
		if s.hasNum {
			return s.numID, s.ilvl, true
		}
	}
	return "", 0, false
}

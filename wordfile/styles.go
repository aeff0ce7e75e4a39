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
	var cur *style
	inPPr := false
	err = p.walk(name, true, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != nsW {
				return nil
			}
			switch t.Name.Local {
			case "style":
				cur = nil
				if attr(t, "type") == "paragraph" || attr(t, "type") == "" {
					cur = &style{}
					st[attr(t, "styleId")] = cur
				}
			case "pPr":
				inPPr = cur != nil
			case "name":
				if cur != nil {
					cur.name = attr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if inPPr {
					cur.outline = outlineLevel(attr(t, "val"))
				}
			case "numId":
				if inPPr {
					cur.numID, cur.hasNum = attr(t, "val"), true
				}
			case "ilvl":
				if inPPr {
					cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "style":
				cur, inPPr = nil, false
			case "pPr":
				inPPr = false
			}
		}
		return nil
	})
	return st, err
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

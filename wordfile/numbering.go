package wordfile

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// level is one level of a list definition: where it starts, how its number is written and the
// label's pattern ("%1.", "%1.%2.", "%2)").
type level struct {
	start  int
	format string
	text   string
	set    bool
}

// list is an abstract list definition with the counters of its paragraphs so far: Word counts
// the paragraphs of all the lists that share a definition together.
type list struct {
	levels  [9]level
	counter [9]int
	started [9]bool
}

// numbering holds the document's lists: the definitions, and each list instance (numId) with
// its definition and the levels it restarts.
type numbering struct {
	abstract map[string]*list
	nums     map[string]numInstance
}

type numInstance struct {
	abstract string
	restart  map[int]int // level → start override, applied once, when the list is first used
}

// numbering reads the numbering part named by the main document's relationships.
func (p *pkg) numbering() (*numbering, error) {
	nb := &numbering{abstract: map[string]*list{}, nums: map[string]numInstance{}}
	name, err := p.target(p.docRels(), "/numbering")
	if err != nil || name == "" {
		return nb, err
	}
	var (
		cur    *list
		lvl    = -1
		numID  string
		ovrLvl = -1
	)
	err = p.walk(name, true, func(tok xml.Token) error {
		t, ok := tok.(xml.StartElement)
		if !ok {
			if e, ok := tok.(xml.EndElement); ok {
				switch e.Name.Local {
				case "abstractNum":
					cur, lvl = nil, -1
				case "lvl":
					lvl = -1
				case "num":
					numID = ""
				}
			}
			return nil
		}
		if t.Name.Space != nsW {
			return nil
		}
		v := attr(t, "val")
		switch t.Name.Local {
		case "abstractNum":
			cur = &list{}
			nb.abstract[attr(t, "abstractNumId")] = cur
		case "lvl":
			lvl = -1
			if n, err := strconv.Atoi(attr(t, "ilvl")); err == nil && n >= 0 && n < 9 && cur != nil {
				lvl = n
				cur.levels[n] = level{start: 1, format: "decimal", set: true}
			}
		case "start":
			if lvl >= 0 && cur != nil {
				cur.levels[lvl].start, _ = strconv.Atoi(v)
			}
		case "numFmt":
			if lvl >= 0 && cur != nil {
				cur.levels[lvl].format = v
			}
		case "lvlText":
			if lvl >= 0 && cur != nil {
				cur.levels[lvl].text = v
			}
		case "num":
			numID = attr(t, "numId")
			nb.nums[numID] = numInstance{restart: map[int]int{}}
		case "abstractNumId":
			if numID != "" {
				n := nb.nums[numID]
				n.abstract = v
				nb.nums[numID] = n
			}
		case "lvlOverride":
			ovrLvl, _ = strconv.Atoi(attr(t, "ilvl"))
		case "startOverride":
			if numID != "" && ovrLvl >= 0 && ovrLvl < 9 && len(nb.nums[numID].restart) < 9 {
				n, _ := strconv.Atoi(v)
				nb.nums[numID].restart[ovrLvl] = n
			}
		}
		return nil
	})
	return nb, err
}

// next counts a paragraph of list numID at level ilvl and returns its label as shown; ok is
// false when the list is unknown or its label uses a format this reader does not write, and
// the label is "" for bullets and unlabelled levels.
func (nb *numbering) next(numID string, ilvl int) (label string, ok bool) {
	inst, found := nb.nums[numID]
	if numID == "0" || !found || ilvl < 0 || ilvl > 8 {
		return "", false // numId 0 takes a paragraph out of its style's list
	}
	l := nb.abstract[inst.abstract]
	if l == nil || !l.levels[ilvl].set {
		return "", false
	}
	for lv, start := range inst.restart {
		l.counter[lv], l.started[lv] = start-1, true
		delete(inst.restart, lv)
	}
	if !l.started[ilvl] {
		l.counter[ilvl], l.started[ilvl] = l.levels[ilvl].start-1, true
	}
	l.counter[ilvl]++
	for d := ilvl + 1; d < 9; d++ {
		l.started[d] = false
	}
	return l.label(ilvl)
}

// label writes the pattern of level ilvl with the counters of the levels it names.
func (l *list) label(ilvl int) (string, bool) {
	lv := l.levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return "", true
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 == len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		n := int(text[i+1] - '1')
		i++
		if !l.levels[n].set {
			return "", false
		}
		c := l.counter[n]
		if !l.started[n] {
			c = l.levels[n].start
		}
		s, ok := formatNumber(c, l.levels[n].format)
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return strings.TrimSpace(b.String()), true
}

// formatNumber writes n as a list does in the given format, for the formats reports use.
func formatNumber(n int, format string) (string, bool) {
	switch format {
	case "decimal":
		return strconv.Itoa(n), true
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n), true
		}
		return strconv.Itoa(n), true
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		s, ok := roman(n)
		return strings.ToLower(s), ok
	case "upperLetter":
		s, ok := letter(n)
		return strings.ToUpper(s), ok
	case "lowerLetter":
		return letter(n)
	}
	return "", false
}

func roman(n int) (string, bool) {
	if n < 1 || n > 3999 {
		return "", false
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for ; n >= v; n -= v {
			b.WriteString(syms[i])
		}
	}
	return b.String(), true
}

// letter is Word's lowerLetter: a…z, then aa…zz, and so on.
func letter(n int) (string, bool) {
	if n < 1 || n > 780 {
		return "", false
	}
	return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1), true
}

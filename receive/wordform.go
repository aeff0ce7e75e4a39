package receive

import (
	"slices"
	"strings"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/wordfile"
)

// wordCandidate is a form a unit's Word report may be for, with how well the document fits it.
type wordCandidate struct {
	form     *config.Form
	layout   form.Form // as the unit fills it
	named    bool      // its code is in the document, subject or file name
	title    float64   // share of its title's words in the document's opening
	sections int       // its sections the headings match
}

// narrativeOnly: the unit fills no table or indicator of the form.
func (c wordCandidate) narrativeOnly() bool {
	return len(c.layout.Tables) == 0 && len(c.layout.Indicators) == 0
}

// wordForm picks the form of a Word report among those the unit reports on with narrative
// sections for it (see Word); named says the document named its form, so that it is no
// covering letter. A form not picked comes with the problem to answer.
func (j *Judge) wordForm(unit config.Unit, doc *wordfile.Doc, text, file string) (*config.Form, form.Form, []form.Problem, bool) {
	folded := strings.ToUpper(text)
	var cands []wordCandidate
	for i := range j.Office.Forms {
		f := &j.Office.Forms[i]
		layout := j.Office.Workbook(f, unit)
		if len(layout.Narrative) == 0 || !slices.ContainsFunc(j.Office.FormUnits(f), func(u config.Unit) bool { return u.Code == unit.Code }) {
			continue
		}
		c := wordCandidate{form: f, layout: layout, named: strings.Contains(folded, strings.ToUpper(f.Code)) ||
			strings.Contains(folded, strings.ToUpper(form.Slug(f.Code)))}
		c.title = titleScore(sectionDef{words: foldWords(f.Title)}, heading{words: foldWords(text)})
		c.sections = len(matchSections(sectionDefs(layout.Narrative), doc).heading)
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil, form.Form{}, []form.Problem{letters.ProblemWordNoForm(file, unit.Name)}, false
	}
	best := bestCandidates(cands)
	if len(best) > 1 {
		titles := make([]string, len(best))
		for i, c := range best {
			titles[i] = c.form.Title
		}
		return nil, form.Form{}, []form.Problem{letters.ProblemWordFormUnclear(file, titles)}, false
	}
	c := best[0]
	evidence := c.named || c.title >= titleMatch || c.sections > 0
	if !c.narrativeOnly() {
		return nil, form.Form{}, []form.Problem{letters.ProblemWordNeedsWorkbook(c.form.Code, c.form.Title)}, evidence
	}
	return c.form, c.layout, nil, evidence
}

// bestCandidates keeps the forms that fit best: named first, then by title and sections
// matched, a form of narrative alone before one with figures.
func bestCandidates(cands []wordCandidate) []wordCandidate {
	score := func(c wordCandidate) [4]int {
		t := 0
		if c.title >= titleMatch {
			t = 1
		}
		return [4]int{b2i(c.named), t, c.sections, b2i(c.narrativeOnly())}
	}
	top := score(cands[0])
	for _, c := range cands[1:] {
		if s := score(c); slices.Compare(s[:], top[:]) > 0 {
			top = s
		}
	}
	var out []wordCandidate
	for _, c := range cands {
		if s := score(c); s == top {
			out = append(out, c)
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

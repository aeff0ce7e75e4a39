package templates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/form"
)

// identify decides which of forms the workbook is, filling r.rep.Filled.Ident.
func (r *reader) identify(forms []form.Form, keys Keys) (*form.Form, error) {
	kv, err := r.hiddenIdent()
	if err != nil {
		return nil, err
	}
	if kv == nil {
		// The names carry the tag too: the identification is as good as the hidden sheet's, only
		// the sheet was lost on the way.
		kv = r.namedIdent()
	}
	if id, tag, ok := identFrom(kv); ok {
		r.verify(&id, keys.check(id, tag, kv[identKeyKeyID]))
		r.rep.Filled.Ident = id
		return r.formByCode(forms, id)
	}
	if id, ok, err := r.visibleIdent(); err != nil {
		return nil, err
	} else if ok {
		r.rep.Filled.Ident = id
		r.warnf(CoverSheet, "", "", CodeIdentGuessed, msgGuessedCover)
		return r.formByCode(forms, id)
	}
	f, err := r.guess(forms)
	if err != nil || f == nil {
		return nil, fmt.Errorf("%w: no identification and no matching layout", ErrUnknownForm)
	}
	r.rep.Filled.Ident = form.Ident{Form: f.Code, FormVersion: f.Version, Guessed: true}
	r.warnf("", "", "", CodeIdentGuessed, msgGuessedLayout, f.Code)
	return f, nil
}

// verify records what the tag says of the identification. Its problems are about the whole file,
// never the hidden sheet, which the unit cannot see.
func (r *reader) verify(id *form.Ident, c tagCheck) {
	id.TagOK = c == tagCurrent || c == tagPrevious
	id.OldKey = c == tagPrevious
	switch c {
	case tagPrevious:
		r.warnf("", "", "", CodeOldKey, msgOldKey)
	case tagAltered:
		r.errorf("", "", "", CodeTagMismatch, msgTagMismatch)
	case tagOtherKey:
		r.errorf("", "", "", CodeOtherKey, msgOtherKey)
	case tagUnknown:
		r.errorf("", "", "", CodeTagMismatch, msgTagUnknown)
	}
}

// hiddenIdent reads the key/value identification sheet; nil when there is none or it names no form.
func (r *reader) hiddenIdent() (map[string]string, error) {
	name, ok := r.b.sheetNamed(IdentSheet)
	if !ok {
		return nil, nil
	}
	g, err := r.b.grid(name)
	if err != nil {
		return nil, err
	}
	kv := map[string]string{}
	for _, row := range g.rows {
		if len(row.cells) >= 2 {
			kv[strings.ToLower(strings.TrimSpace(row.cells[0]))] = strings.TrimSpace(row.cells[1])
		}
	}
	if kv[identKeyForm] == "" {
		return nil, nil
	}
	return kv, nil
}

// identFrom reads the identification keys (identPairs) into an Ident and its tag.
func identFrom(kv map[string]string) (form.Ident, string, bool) {
	if kv[identKeyForm] == "" {
		return form.Ident{}, "", false
	}
	version, _ := strconv.Atoi(kv[identKeyVersion])
	id := form.Ident{Form: kv[identKeyForm], FormVersion: version, Unit: kv[identKeyUnit], Period: kv[identKeyPeriod]}
	return id, kv[identKeyTag], true
}

// namedIdent reads the identification repeated in workbook-level defined names.
func (r *reader) namedIdent() map[string]string {
	kv := map[string]string{}
	for _, n := range r.b.x.GetDefinedName() {
		key, ok := strings.CutPrefix(strings.ToUpper(n.Name), identNamePrefix)
		if ok && n.Scope == "Workbook" {
			kv[strings.ToLower(key)] = nameConstant(n.RefersTo)
		}
	}
	return kv
}

// nameConstant returns the string a defined name holds, `"2026-11"` or `="2026-11"`, unquoted.
func nameConstant(refersTo string) string {
	s := strings.TrimPrefix(strings.TrimSpace(refersTo), "=")
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

// visibleIdent looks for the "TONGHOP|code|version|unit|period" line, on the cover first.
func (r *reader) visibleIdent() (form.Ident, bool, error) {
	order := append([]string(nil), r.b.sheets...)
	if name, ok := r.b.sheetNamed(CoverSheet); ok {
		order = append([]string{name}, order...)
	}
	for _, s := range order {
		g, err := r.b.head(s)
		if err != nil {
			return form.Ident{}, false, err
		}
		for _, row := range g.rows {
			for _, c := range row.cells {
				if id, ok := parseVisibleIdent(c); ok {
					return id, true, nil
				}
			}
		}
	}
	return form.Ident{}, false, nil
}

func parseVisibleIdent(s string) (form.Ident, bool) {
	f := strings.Split(strings.TrimSpace(s), "|")
	if len(f) != 5 || f[0] != IdentPrefix || f[1] == "" {
		return form.Ident{}, false
	}
	v, err := strconv.Atoi(f[2])
	if err != nil {
		return form.Ident{}, false
	}
	return form.Ident{Form: f[1], FormVersion: v, Unit: f[3], Period: f[4], Guessed: true}, true
}

// formByCode picks the form an identification names; an older layout version is read by the
// current definition with a warning, since parts are located by their titles.
func (r *reader) formByCode(forms []form.Form, id form.Ident) (*form.Form, error) {
	for i := range forms {
		f := &forms[i]
		if !strings.EqualFold(strings.TrimSpace(f.Code), strings.TrimSpace(id.Form)) {
			continue
		}
		if f.Version != id.FormVersion {
			r.warnf("", "", "", CodeOldVersion, msgOldVersion, f.Code)
		}
		return f, nil
	}
	r.errorf("", "", "", CodeUnknownForm, msgUnknownCode, id.Form)
	return nil, fmt.Errorf("%w: form %q", ErrUnknownForm, id.Form)
}

// guess scores every form by how much of its layout the workbook has; the best form wins if at
// least half of it is there. Indicator tables score by the indicators found, so forms sharing
// column titles (monthly reports) are told apart by their rows.
func (r *reader) guess(forms []form.Form) (*form.Form, error) {
	var best *form.Form
	bestScore := 0.5
	for i := range forms {
		f := &forms[i]
		ps := parts(f)
		if len(ps) == 0 {
			continue
		}
		total := 0.0
		for j := range ps {
			s, err := r.partScore(f, &ps[j])
			if err != nil {
				return nil, err
			}
			total += s
		}
		if score := total / float64(len(ps)); score > bestScore {
			best, bestScore = f, score
		}
	}
	return best, nil
}

func (r *reader) partScore(f *form.Form, p *part) (float64, error) {
	switch p.kind {
	case kindNarrative:
		_, rows, _, err := r.b.locateSections(f.Narrative)
		return float64(len(rows)) / float64(len(f.Narrative)), err
	case kindIndicators:
		loc, ok, err := r.b.locate(p)
		if err != nil || !ok {
			return 0, err
		}
		g, err := r.b.head(loc.sheet)
		if err != nil {
			return 0, err
		}
		return float64(len(indicatorRows(g, loc, p.ind))) / float64(len(p.ind.Rows)), nil
	default:
		_, ok, err := r.b.locate(p)
		if ok {
			return 1, err
		}
		return 0, err
	}
}

package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"

	"github.com/tonghop/tonghop/form"
)

func init() {
	RegisterPage(Page{Path: "diff", Template: "diff.html", Title: msgDiffTitle, Data: diffData})
}

// diffView compares two versions of a unit's file cell by cell, from the parsed data the
// ledger kept (form.Filled): what changed, what appeared, what went.
type diffView struct {
	Form, Period, Label, Unit, UnitName, UnitURL string
	A, B                                         int
	Versions                                     []int
	Changes                                      []cellChange
	Same                                         int
}

type cellChange struct {
	Where, Field, Old, New string
}

func diffData(ctx context.Context, env Env, r *http.Request, _ Account) (any, error) {
	q := r.URL.Query()
	f, ok := env.Office.Form(q.Get("f"))
	if !ok {
		return nil, NotFound("form")
	}
	u, ok := env.Office.Unit(q.Get("u"))
	if !ok {
		return nil, NotFound("unit")
	}
	a, errA := strconv.Atoi(q.Get("a"))
	b, errB := strconv.Atoi(q.Get("b"))
	if errA != nil || errB != nil {
		return nil, NotFound("versions")
	}
	subs, err := env.Ledger.Submissions(ctx, f.Code, q.Get("p"))
	if err != nil {
		return nil, err
	}
	v := diffView{Form: f.Code, Period: q.Get("p"), Label: periodLabel(q.Get("p")), Unit: u.Code, UnitName: u.Name,
		UnitURL: UnitURL(u.Code), A: a, B: b}
	var old, cur *form.Filled
	for _, s := range subs {
		if s.Unit != u.Code {
			continue
		}
		v.Versions = append(v.Versions, s.Version)
		switch s.Version {
		case a:
			old = filledOf(s.Data)
		case b:
			cur = filledOf(s.Data)
		}
	}
	if old == nil || cur == nil {
		return nil, NotFound("versions")
	}
	v.Changes, v.Same = compareFilled(flatten(old), flatten(cur))
	return v, nil
}

// filledOf reads a submission's parsed data; a file that could not be read has none, and
// compares as empty.
func filledOf(data []byte) *form.Filled {
	var f form.Filled
	if len(data) > 0 {
		json.Unmarshal(data, &f) //nolint:errcheck // an unreadable file has no cells
	}
	return &f
}

// cellKey places a value of a filled workbook: its part (header, a table's row, an indicator,
// the narrative) and its column.
type cellKey struct{ where, field string }

// flatten lists every value of a filled workbook by its place.
func flatten(f *form.Filled) map[cellKey]string {
	out := map[cellKey]string{}
	for k, v := range f.Header {
		out[cellKey{msgDiffHeader, k}] = v
	}
	for table, rows := range f.Tables {
		for i, row := range rows {
			for col, v := range row.Values {
				out[cellKey{fmt.Sprintf(msgDiffRow, table, i+1), col}] = v
			}
		}
	}
	for table, inds := range f.Indicators {
		for code, cols := range inds {
			for col, v := range cols {
				out[cellKey{fmt.Sprintf(msgDiffIndicator, table, code), col}] = v
			}
		}
	}
	for k, v := range f.Narrative {
		out[cellKey{msgDiffNarrative, k}] = v
	}
	return out
}

// compareFilled returns the cells whose value differs between old and cur, in the order of
// their places, and how many are the same.
func compareFilled(old, cur map[cellKey]string) ([]cellChange, int) {
	keys := map[cellKey]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range cur {
		keys[k] = true
	}
	var out []cellChange
	same := 0
	for k := range keys {
		if old[k] == cur[k] {
			same++
			continue
		}
		out = append(out, cellChange{Where: k.where, Field: k.field, Old: old[k], New: cur[k]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Where != out[j].Where {
			return out[i].Where < out[j].Where
		}
		return out[i].Field < out[j].Field
	})
	return out, same
}

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
	names := namesOf(f.Form)
	v.Changes, v.Same = compareFilled(flatten(old, names), flatten(cur, names))
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
// the narrative) and its column, named as the form's layout names them, with the layout's
// order so the changes read in the workbook's order.
type cellKey struct {
	order        [3]int
	where, field string
}

// layoutNames are the titles a form's layout gives its tables, indicators, columns and
// sections; a key the layout does not know (a layout changed since) is shown as it is.
type layoutNames struct {
	titles map[string]string         // table or section key → title
	order  map[string]int            // table key → place in the form
	cols   map[string]map[string]int // table key → column key → place
	colT   map[string]map[string]string
	inds   map[string]map[string]int    // indicator table → code → place
	indN   map[string]map[string]string // indicator table → code → name
}

func namesOf(f form.Form) layoutNames {
	n := layoutNames{titles: map[string]string{}, order: map[string]int{}, cols: map[string]map[string]int{},
		colT: map[string]map[string]string{}, inds: map[string]map[string]int{}, indN: map[string]map[string]string{}}
	addCols := func(key string, cols []form.Column) {
		n.cols[key], n.colT[key] = map[string]int{}, map[string]string{}
		for i, c := range cols {
			n.cols[key][c.Key], n.colT[key][c.Key] = i, c.Title
		}
	}
	for i, t := range f.Tables {
		n.titles[t.Key], n.order[t.Key] = t.Title, i+1
		addCols(t.Key, t.Columns)
	}
	for i, t := range f.Indicators {
		n.titles[t.Key], n.order[t.Key] = t.Title, len(f.Tables)+i+1
		addCols(t.Key, t.Columns)
		n.inds[t.Key], n.indN[t.Key] = map[string]int{}, map[string]string{}
		for j, r := range t.Rows {
			n.inds[t.Key][r.Code], n.indN[t.Key][r.Code] = j, r.Name
		}
	}
	for i, sec := range f.Narrative {
		n.titles[sec.Key], n.order["narrative:"+sec.Key] = sec.Title, 1000+i
	}
	return n
}

func orKey(title, key string) string {
	if title == "" {
		return key
	}
	return title
}

// flatten lists every value of a filled workbook by its place.
func flatten(f *form.Filled, n layoutNames) map[cellKey]string {
	out := map[cellKey]string{}
	for k, v := range f.Header {
		out[cellKey{[3]int{0, 0, 0}, msgDiffHeader, k}] = v
	}
	for table, rows := range f.Tables {
		for i, row := range rows {
			for col, v := range row.Values {
				where := fmt.Sprintf(msgDiffRow, orKey(n.titles[table], table), i+1)
				out[cellKey{[3]int{n.order[table], i, n.cols[table][col]}, where, orKey(n.colT[table][col], col)}] = v
			}
		}
	}
	for table, inds := range f.Indicators {
		for code, cols := range inds {
			for col, v := range cols {
				where := fmt.Sprintf(msgDiffIndicator, code, orKey(n.indN[table][code], ""))
				out[cellKey{[3]int{n.order[table], n.inds[table][code], n.cols[table][col]}, where, orKey(n.colT[table][col], col)}] = v
			}
		}
	}
	for k, v := range f.Narrative {
		out[cellKey{[3]int{n.order["narrative:"+k], 0, 0}, msgDiffNarrative, orKey(n.titles[k], k)}] = v
	}
	return out
}

// compareFilled returns the cells whose value differs between old and cur, in the layout's
// order, and how many are the same.
func compareFilled(old, cur map[cellKey]string) ([]cellChange, int) {
	keys := map[cellKey]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range cur {
		keys[k] = true
	}
	var order []cellKey
	same := 0
	for k := range keys {
		if old[k] == cur[k] {
			same++
			continue
		}
		order = append(order, k)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.order != b.order {
			return a.order[0] < b.order[0] || a.order[0] == b.order[0] && (a.order[1] < b.order[1] || a.order[1] == b.order[1] && a.order[2] < b.order[2])
		}
		return a.where+a.field < b.where+b.field
	})
	out := make([]cellChange, len(order))
	for i, k := range order {
		out[i] = cellChange{Where: k.where, Field: k.field, Old: old[k], New: cur[k]}
	}
	return out, same
}

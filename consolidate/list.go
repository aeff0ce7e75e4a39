package consolidate

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/form"
)

// Column and table keys the carried-over rule looks at.
const (
	colContent   = "content"
	colStatus    = "status"
	tableResults = "results"
)

// statusDone is the task status that closes a task (the first of the work program's result
// choices in form/builtin.go); any other status, or none, leaves it open.
const statusDone = "Hoàn thành"

// contentKeys turns task texts into comparison keys: NFC, case-folded (simple folding, rune
// by rune, which is exact for Vietnamese), runs of white space made one space, ends trimmed.
type contentKeys struct {
	done string // the key of statusDone
	buf  strings.Builder
}

func newContentKeys() *contentKeys {
	k := &contentKeys{}
	k.done = k.key(statusDone)
	return k
}

func (k *contentKeys) key(s string) string {
	if s == "" {
		return ""
	}
	s = norm.NFC.String(s)
	k.buf.Reset()
	k.buf.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = k.buf.Len() > 0
			continue
		}
		if space {
			k.buf.WriteByte(' ')
			space = false
		}
		switch {
		case r >= utf8.RuneSelf:
			k.buf.WriteRune(unicode.ToLower(unicode.ToUpper(r)))
		case 'A' <= r && r <= 'Z':
			k.buf.WriteByte(byte(r) + 'a' - 'A')
		default:
			k.buf.WriteByte(byte(r))
		}
	}
	return k.buf.String()
}

func (b *builder) lists() []ListTable {
	out := make([]ListTable, 0, len(b.in.Form.Tables))
	for i := range b.in.Form.Tables {
		out = append(out, b.list(&b.in.Form.Tables[i]))
	}
	return out
}

// list gathers the rows of one table from every counted unit, in unit order then line.
func (b *builder) list(t *form.Table) ListTable {
	lt := ListTable{Key: t.Key, Title: t.Title, Columns: t.Columns}
	n := 0
	for _, u := range b.counted {
		n += len(b.in.Current[u.Code].Filled.Tables[t.Key])
	}
	lt.Rows = make([]ListRow, 0, n)
	tracksContent := hasColumn(t.Columns, colContent)
	for _, u := range b.counted {
		var open map[string]bool
		if tracksContent {
			open = b.openTasks(u.Code, t.Key)
		}
		start := len(lt.Rows)
		for _, r := range b.in.Current[u.Code].Filled.Tables[t.Key] {
			row := ListRow{Unit: u.Code, Line: r.Line, Values: r.Values}
			if len(open) > 0 {
				row.CarriedOver = open[b.keys.key(r.Values[colContent])]
			}
			lt.Rows = append(lt.Rows, row)
		}
		byLine := func(x, y ListRow) int { return cmp.Compare(x.Line, y.Line) }
		if own := lt.Rows[start:]; !slices.IsSortedFunc(own, byLine) {
			slices.SortStableFunc(own, byLine)
		}
	}
	return lt
}

// openTasks returns the content keys of the tasks still open in the unit's previous
// submission: the rows of the same table and of the "results" table whose status is not
// "Hoàn thành" (rows without a status column, like planned tasks, are open). nil when the
// unit sent nothing for the previous period.
func (b *builder) openTasks(unit, table string) map[string]bool {
	prev, ok := b.in.Previous[unit]
	if !ok {
		return nil
	}
	same, results := prev.Filled.Tables[table], prev.Filled.Tables[tableResults]
	if table == tableResults {
		results = nil
	}
	open := make(map[string]bool, len(same)+len(results))
	add := func(rows []form.Row) {
		for _, r := range rows {
			content := b.keys.key(r.Values[colContent])
			if content == "" || b.keys.key(r.Values[colStatus]) == b.keys.done {
				continue
			}
			open[content] = true
		}
	}
	add(same)
	add(results)
	return open
}

func hasColumn(cols []form.Column, key string) bool {
	return slices.ContainsFunc(cols, func(c form.Column) bool { return c.Key == key })
}

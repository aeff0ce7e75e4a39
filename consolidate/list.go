package consolidate

import (
	"cmp"
	"slices"
	"sync"
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
// Keys are built in one reused buffer: looking a key up (every current row) allocates
// nothing, only keys kept in a set are copied to strings.
type contentKeys struct {
	done string // the key of statusDone
	buf  []byte
	// isDone memoises whether a status text closes a task: a table has a handful of distinct
	// statuses and hundreds of thousands of rows.
	isDone map[string]bool
}

func newContentKeys() *contentKeys {
	k := &contentKeys{isDone: map[string]bool{}}
	k.done = k.key(statusDone)
	return k
}

// key returns the key of s as a string of its own.
func (k *contentKeys) key(s string) string { return string(k.scratch(s)) }

// scratch returns the key of s in the buffer, valid until the next call.
func (k *contentKeys) scratch(s string) []byte {
	k.buf = k.buf[:0]
	if s == "" {
		return k.buf
	}
	if !nfcStable(s) {
		s = norm.NFC.String(s)
	}
	// ASCII bytes are taken one by one without decoding a rune or calling unicode.IsSpace,
	// and a rune that folds to itself is copied as it is: keys were a tenth of building a
	// thousand units' book.
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || '\t' <= c && c <= '\r' { // unicode.IsSpace's ASCII spaces
				space = len(k.buf) > 0
				continue
			}
			if space {
				k.buf = append(k.buf, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			k.buf = append(k.buf, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = len(k.buf) > 0
			continue
		}
		if space {
			k.buf = append(k.buf, ' ')
			space = false
		}
		if f := fold(r); f != r || r == utf8.RuneError {
			k.buf = utf8.AppendRune(k.buf, f)
		} else {
			k.buf = append(k.buf, s[i-size:i]...)
		}
	}
	return k.buf
}

// nfcStable reports a text that NFC leaves as it is because every rune is below the combining
// marks (U+0300) or a precomposed letter of Latin Extended Additional (Vietnamese's ạ…ỹ): the
// usual Vietnamese text, which then skips the normaliser's own check (reportbook's scanText
// uses the same rule).
func nfcStable(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x300 && (r < 0x1e00 || r > 0x1eff) || r == utf8.RuneError {
			return false
		}
		i += size
	}
	return true
}

// fold is simple case folding of one rune, ToLower(ToUpper(r)): from a table for the runes
// below foldTableSize (every Vietnamese letter and combining mark), as looking the Unicode
// case ranges up for every letter of every task was a third of consolidating a work program.
func fold(r rune) rune {
	if r < foldTableSize {
		return foldTable()[r]
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

const foldTableSize = 0x2000

var foldTable = sync.OnceValue(func() *[foldTableSize]rune {
	var t [foldTableSize]rune
	for r := range rune(foldTableSize) {
		t[r] = unicode.ToLower(unicode.ToUpper(r))
	}
	return &t
})

// closes reports whether a status text closes a task.
func (k *contentKeys) closes(status string) bool {
	done, ok := k.isDone[status]
	if !ok {
		done = string(k.scratch(status)) == k.done
		if len(k.isDone) < maxStatuses {
			k.isDone[status] = done
		}
	}
	return done
}

// maxStatuses bounds the memo of statuses: a unit may type anything in the column.
const maxStatuses = 256

// newLists makes the form's list tables, without rows yet.
func newLists(f *form.Form) []ListTable {
	out := make([]ListTable, 0, len(f.Tables))
	for _, t := range f.Tables {
		out = append(out, ListTable{Key: t.Key, Title: t.Title, Columns: t.Columns})
	}
	return out
}

// addRows appends a unit's rows of list table t to lt, by worksheet line, their values in
// column order. prev is the unit's previous submission (nil: none), for tasks carried over.
// left is how many units, this one included, have yet to add theirs: when lt is full, it
// grows for them all to have as many rows as this one, rather than doubling (a thousand
// units' rows are a book's largest part).
func (b *builder) addRows(lt *ListTable, t *form.Table, unit string, cur, prev *form.Filled, left int) {
	rows := cur.Tables[t.Key]
	if len(rows) == 0 {
		return
	}
	if cap(lt.Rows)-len(lt.Rows) < len(rows) {
		lt.Rows = slices.Grow(lt.Rows, len(rows)*max(left, 1))
	}
	var open map[string]bool
	if prev != nil && hasColumn(t.Columns, colContent) {
		open = b.openTasks(prev, t.Key)
	}
	n := len(t.Columns)
	values := make([]string, len(rows)*n) // one allocation for the unit's rows of the table
	start := len(lt.Rows)
	for i, r := range rows {
		vs := values[i*n : (i+1)*n : (i+1)*n]
		for j, c := range t.Columns {
			vs[j] = r.Values[c.Key]
		}
		row := ListRow{Unit: unit, Line: r.Line, Values: vs}
		if len(open) > 0 {
			row.CarriedOver = open[string(b.keys.scratch(r.Values[colContent]))]
		}
		lt.Rows = append(lt.Rows, row)
	}
	byLine := func(x, y ListRow) int { return cmp.Compare(x.Line, y.Line) }
	if own := lt.Rows[start:]; !slices.IsSortedFunc(own, byLine) {
		slices.SortStableFunc(own, byLine)
	}
}

// openTasks returns the content keys of the tasks still open in the unit's previous
// submission prev: the rows of the same table and of the "results" table whose status is not
// "Hoàn thành" (rows without a status column, like planned tasks, are open).
func (b *builder) openTasks(prev *form.Filled, table string) map[string]bool {
	same, results := prev.Tables[table], prev.Tables[tableResults]
	if table == tableResults {
		results = nil
	}
	open := make(map[string]bool, len(same)+len(results))
	add := func(rows []form.Row) {
		for _, r := range rows {
			if b.keys.closes(r.Values[colStatus]) {
				continue
			}
			if content := b.keys.scratch(r.Values[colContent]); len(content) > 0 {
				open[string(content)] = true
			}
		}
	}
	add(same)
	add(results)
	return open
}

func hasColumn(cols []form.Column, key string) bool {
	return slices.ContainsFunc(cols, func(c form.Column) bool { return c.Key == key })
}

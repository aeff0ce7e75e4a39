package report

import (
	"strings"

	"github.com/tonghop/tonghop/form"
)

// Consolidating a thousand units holds every unit's rows in memory until the workbook is
// written, and most of their strings repeat: encoding/json gives each row its own copy of
// every short value (a status, a date, a lead unit's name). interner makes the repeated ones
// share one copy as each submission is decoded.
type interner struct{ seen map[string]string }

const (
	// maxInterned is the longest string shared: longer ones (task contents) rarely repeat.
	maxInterned = 64
	// maxInternedStrings bounds the table, as the values are outside text.
	maxInternedStrings = 1 << 14
)

func newInterner() *interner { return &interner{seen: map[string]string{}} }

// str returns the shared copy of s.
func (in *interner) str(s string) string {
	if len(s) > maxInterned {
		return s
	}
	if v, ok := in.seen[s]; ok {
		return v
	}
	if len(in.seen) < maxInternedStrings {
		in.seen[s] = s
	}
	return s
}

// own returns a string of its own equal to raw, a part of a larger text that is not to be
// kept alive by it: the shared copy when there is one, found without copying raw first.
func (in *interner) own(raw string) string {
	if len(raw) > maxInterned {
		return strings.Clone(raw)
	}
	if v, ok := in.seen[raw]; ok {
		return v
	}
	v := strings.Clone(raw)
	if len(in.seen) < maxInternedStrings {
		in.seen[v] = v
	}
	return v
}

// rows makes the short values of f's tables' rows the shared copies, in place. The keys
// are left as decoded: consolidate keeps each row's values in column order, not its map.
func (in *interner) rows(f *form.Filled) {
	for _, rows := range f.Tables {
		for i := range rows {
			for k, v := range rows[i].Values {
				rows[i].Values[k] = in.str(v)
			}
		}
	}
}

package form

import (
	"fmt"
	"slices"
	"strings"
)

// Kinds are the period kinds a form is collected by, as its `period` key writes them: one
// kind ("month"), several (["week", "month", "quarter", "year"]: one layout, a deadline per
// kind) or "once" (one-off requests only). The period key of a submission says which kind it
// is ("2026-W48", "2026-11", "2026-Q4", "2026-R03").
type Kinds []string

// UnmarshalTOML reads a string or an array of strings.
func (k *Kinds) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*k = Kinds{v}
		return nil
	case []any:
		out := make(Kinds, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("period: expected a kind or a list of kinds such as [\"week\", \"month\"], got %v", e)
			}
			out = append(out, s)
		}
		*k = out
		return nil
	}
	return fmt.Errorf("period: expected a kind or a list of kinds such as [\"week\", \"month\"], got %v", v)
}

// Has reports whether kind is one of k.
func (k Kinds) Has(kind string) bool { return slices.Contains(k, kind) }

// String writes the kinds as a sentence does: "month", "week, month".
func (k Kinds) String() string { return strings.Join(k, ", ") }

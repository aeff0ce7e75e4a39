package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tonghop/tonghop/period"
)

// ByKind is a setting written once for every kind of a form's periods (deadline = "day 20"),
// or per kind ([forms.deadline] week = "thu 15:00", month = "day 20").
type ByKind struct {
	All  string            // the one value for every kind
	Kind map[string]string // per kind, raw keys: validated against the form's period by validateByKind
}

// UnmarshalTOML reads a string or a table of strings.
func (b *ByKind) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*b = ByKind{All: v}
		return nil
	case map[string]any:
		out := ByKind{Kind: make(map[string]string, len(v))}
		for k, e := range v {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("deadline.%s: expected a rule such as \"day 20\", got %v", k, e)
			}
			out.Kind[k] = s
		}
		*b = out
		return nil
	}
	return fmt.Errorf("deadline: expected a rule such as \"day 20\", or a table of rules by kind such as { week = \"thu 15:00\", month = \"day 20\" }, got %v", v)
}

// For is the value for kind k: its own, else the one for every kind.
func (b ByKind) For(k period.Kind) string {
	if s, ok := b.Kind[string(k)]; ok {
		return s
	}
	return b.All
}

// IsZero reports whether nothing was written.
func (b ByKind) IsZero() bool { return b.All == "" && len(b.Kind) == 0 }

// String writes the setting as a message quotes it: the one rule, or "week: thu 15:00; month: day 20".
func (b ByKind) String() string {
	if len(b.Kind) == 0 {
		return b.All
	}
	keys := make([]string, 0, len(b.Kind))
	for k := range b.Kind {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + b.Kind[k]
	}
	return strings.Join(parts, "; ")
}

// KindSet is plans_next: true (every kind of the form), false, or the kinds listed.
type KindSet struct {
	All   bool
	Kinds []string
}

// UnmarshalTOML reads a boolean or an array of strings.
func (s *KindSet) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case bool:
		*s = KindSet{All: v}
		return nil
	case []any:
		out := KindSet{Kinds: make([]string, 0, len(v))}
		for _, e := range v {
			k, ok := e.(string)
			if !ok {
				return fmt.Errorf("plans_next: expected true, false or a list of kinds such as [\"week\", \"quarter\"], got %v", e)
			}
			out.Kinds = append(out.Kinds, k)
		}
		*s = out
		return nil
	}
	return fmt.Errorf("plans_next: expected true, false or a list of kinds such as [\"week\", \"quarter\"], got %v", v)
}

// Has reports whether kind k plans the next period.
func (s KindSet) Has(k period.Kind) bool { return s.All || slices.Contains(s.Kinds, string(k)) }

// validateByKind checks that the keys of a per-kind setting are kinds of the form (a kind
// left without a value is found where the value is read). Decoding through an Unmarshaler marks
// the whole table as read, so a typo in it is found here or not at all.
func validateByKind(v *validator, path string, f *Form, b ByKind) {
	keys := make([]string, 0, len(b.Kind))
	for k := range b.Kind {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !f.Period.Has(k) || k == string(period.Once) {
			v.add(path+"."+k, "not a kind of this form (%s)", f.Period)
		}
	}
}

// validateKindSet checks that the kinds listed in plans_next are kinds of the form.
func validateKindSet(v *validator, path string, f *Form, s KindSet) {
	for j, k := range s.Kinds {
		if !f.Period.Has(k) {
			v.add(fmt.Sprintf("%s[%d]", path, j), "%q is not a kind of this form (%s)", k, f.Period)
		}
	}
}

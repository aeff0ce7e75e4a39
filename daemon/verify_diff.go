package daemon

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tonghop/tonghop/form"
)

// maxDiffs bounds the differences told per submission: one changed figure is the alarm, a
// thousand are the same alarm.
const maxDiffs = 10

// diffFilled lists where the recorded figures (stored) differ from those read again from the
// file (fresh), each naming its place: "table t, row 12, column c: recorded "5", file "6"". The
// identification counts by form, unit and period; the integrity tag's state is not a figure (a
// template key retired since changes it).
func diffFilled(stored, fresh form.Filled) []string {
	var out []string
	add := func(place, a, b string) {
		if a != b && len(out) < maxDiffs {
			out = append(out, fmt.Sprintf("%s: recorded %q, file %q", place, a, b))
		}
	}
	add("form", stored.Ident.Form, fresh.Ident.Form)
	add("unit", stored.Ident.Unit, fresh.Ident.Unit)
	add("period", stored.Ident.Period, fresh.Ident.Period)
	diffStrings("header", stored.Header, fresh.Header, add)
	diffStrings("narrative", stored.Narrative, fresh.Narrative, add)
	for _, t := range keysOf(stored.Tables, fresh.Tables) {
		a, b := stored.Tables[t], fresh.Tables[t]
		if len(a) != len(b) {
			add(fmt.Sprintf("table %s", t), fmt.Sprintf("%d rows", len(a)), fmt.Sprintf("%d rows", len(b)))
			continue
		}
		for i := range a {
			place := fmt.Sprintf("table %s, row %d", t, a[i].Line)
			add(place+", line", fmt.Sprint(a[i].Line), fmt.Sprint(b[i].Line))
			diffStrings(place+", column", a[i].Values, b[i].Values, add)
		}
	}
	for _, t := range keysOf(stored.Indicators, fresh.Indicators) {
		for _, code := range keysOf(stored.Indicators[t], fresh.Indicators[t]) {
			diffStrings(fmt.Sprintf("table %s, indicator %s, column", t, code),
				stored.Indicators[t][code], fresh.Indicators[t][code], add)
		}
	}
	return out
}

// diffStrings compares two maps key by key, a key missing on one side reading as "".
func diffStrings(place string, a, b map[string]string, add func(place, a, b string)) {
	for _, k := range keysOf(a, b) {
		add(place+" "+k, a[k], b[k])
	}
}

// keysOf is the sorted union of the keys of a and b.
func keysOf[V any](a, b map[string]V) []string {
	set := make(map[string]bool, len(a)+len(b))
	for k := range a {
		set[k] = true
	}
	for k := range b {
		set[k] = true
	}
	return slices.Sorted(maps.Keys(set))
}

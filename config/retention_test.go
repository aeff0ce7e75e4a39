package config

import (
	"strings"
	"testing"

	"github.com/tonghop/tonghop/period"
)

func TestRetention(t *testing.T) {
	years := func(n int) *int { return &n }
	for _, tc := range []struct {
		set         *int
		kind        period.Kind
		want        int
		wantForever bool
		wantProblem bool
	}{
		{nil, period.Month, 5, false, false},
		{nil, period.Year, 0, true, false},
		{years(10), period.Quarter, 10, false, false},
		{years(10), period.Year, 0, true, false},
		{years(0), period.Week, 0, true, false},
		{years(2), period.Month, 2, false, false},
		{years(1), period.Month, 1, false, true},
		{years(-1), period.Month, -1, false, true},
		{years(101), period.Month, 101, false, true},
	} {
		f := &Form{RetentionYears: tc.set}
		got, forever := f.Retention(tc.kind)
		if got != tc.want || forever != tc.wantForever {
			t.Errorf("%v %s: got %d, %v; want %d, %v", tc.set, tc.kind, got, forever, tc.want, tc.wantForever)
		}
		var v validator
		validateRetention(&v, "forms[0]", f)
		if (len(v.problems) > 0) != tc.wantProblem || (tc.wantProblem && !strings.Contains(v.problems[0], "forms[0].retention_years")) {
			t.Errorf("%v: problems %q, want some: %v", tc.set, v.problems, tc.wantProblem)
		}
	}
}

package demo

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
)

// checkResultsArePrefilled: each unit's counted program for week 49 reports on exactly the tasks
// its program for week 48 planned, in order, each marked with a result; it came pre-filled.
func checkResultsArePrefilled(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	l, err := ledger.Open(ctx, filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	planned, err := l.LatestValid(ctx, "BM.04.01/KH", "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	reported, err := l.LatestValid(ctx, "BM.04.01/KH", "2026-W49")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for unit, sub := range reported {
		before, ok := planned[unit]
		if !ok {
			continue
		}
		var w48, w49 form.Filled
		if json.Unmarshal(before.Data, &w48) != nil || json.Unmarshal(sub.Data, &w49) != nil {
			t.Fatalf("%s: submissions do not decode", unit)
		}
		var tasks, results []string
		for _, r := range w48.Tables["tasks"] {
			tasks = append(tasks, r.Values["content"])
		}
		for _, r := range w49.Tables["results"] {
			results = append(results, r.Values["content"])
			if r.Values["status"] == "" {
				t.Errorf("%s week 49: task %q counted without a result", unit, r.Values["content"])
			}
		}
		if !slices.Equal(tasks, results) {
			t.Errorf("%s week 49 results: got %q, want the tasks of week 48 %q", unit, results, tasks)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no unit's program for week 49 was counted after one for week 48")
	}
}

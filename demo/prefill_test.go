package demo

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
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

// TestAnswerResults: every listed task gets a result at its line, those not done a reason that
// reads as Vietnamese office text.
func TestAnswerResults(t *testing.T) {
	f := form.Builtins()["BM.04.01/KH"]
	listed := []form.Row{{Line: 5}, {Line: 6}, {Line: 7}}
	got := answerResults(f, listed, 1)
	if len(got) != 3 {
		t.Fatalf("got %d answers, want 3", len(got))
	}
	notDone := 0
	for i, r := range got {
		if r.Line != listed[i].Line || r.Values["status"] == "" {
			t.Errorf("answer %d: %+v", i, r)
		}
		if r.Values["status"] != "Hoàn thành" {
			notDone++
			if r.Values["reason"] == "" {
				t.Errorf("answer %d not done without a reason", i)
			}
		}
	}
	if notDone == 0 {
		t.Error("every task done: the demo never shows one carried over")
	}
	for _, finding := range letters.Lint(carriedOverReason) {
		t.Errorf("reason: %s", finding)
	}
}

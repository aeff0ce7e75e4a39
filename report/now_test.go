package report_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/report"
)

// DraftNow builds at a clerk's request: again only when forced or changed, recorded with the
// account, refused once the report is issued and not being corrected.
func TestDraftNow(t *testing.T) {
	cfg := cfConfig(t)
	of := cfOffice(t, cfg)
	ctx := context.Background()
	fx := newFixture(t, of, "BM.02.01/KH")
	l := fx.record(t, ctx)
	f, _ := cfg.Form(fx.code)
	now := fx.now.Add(time.Hour)
	steps := []struct {
		name    string
		force   bool
		version int
		built   bool
	}{
		{"First", false, 1, true},
		{"Unchanged", false, 1, false},
		{"Forced", true, 2, true},
	}
	for _, s := range steps {
		d, built, err := report.DraftNow(ctx, of, l, f, fx.target, now, "account:lan", s.force)
		if err != nil || d.Version != s.version || built != s.built {
			t.Fatalf("%s: got v%d built %v (%v), want v%d built %v", s.name, d.Version, built, err, s.version, s.built)
		}
	}
	events, _ := l.Events(ctx, 0, 1000)
	demanded := 0
	for _, e := range events {
		if e.Action == ledger.ActionDraftDemanded && e.Actor == "account:lan" {
			demanded++
		}
	}
	if demanded != 2 {
		t.Errorf("draft.demanded by account:lan: got %d, want 2", demanded)
	}
	err := l.SaveApproval(ctx, ledger.ApprovalUpdate{Form: fx.code, Period: fx.target.String(), State: json.RawMessage(`{}`), At: now,
		ClosePeriod: true, Issue: &ledger.Issue{Number: 1, Version: 2, At: now}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := report.DraftNow(ctx, of, l, f, fx.target, now, "account:lan", true); !errors.Is(err, report.ErrIssued) {
		t.Errorf("issued: got %v, want ErrIssued", err)
	}
}

package report_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/report"
)

// breakArchive puts a file where the archive folder goes, so that no copy can be written.
func breakArchive(t *testing.T, dataDir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dataDir, "archive"), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestAddDraft_ErrNotArchived records the draft though its archive copy cannot be written, and
// says so.
func TestAddDraft_ErrNotArchived(t *testing.T) {
	cfg := cfConfig(t)
	of := cfOffice(t, cfg)
	ctx := context.Background()
	fx := newFixture(t, of, "BM.02.01/KH")
	l := fx.record(t, ctx)
	f, _ := cfg.Form(fx.code)
	breakArchive(t, cfg.DataDir)
	draft, rep, err := report.AddDraft(ctx, of, l, f, fx.target, fx.now, ledger.TriggerDemand)
	if !errors.Is(err, report.ErrNotArchived) {
		t.Fatalf("err: got %v, want ErrNotArchived", err)
	}
	if draft.Version != 1 || len(rep.Workbook) == 0 {
		t.Errorf("draft: got v%d with %d bytes, want v1 with the workbook", draft.Version, len(rep.Workbook))
	}
	head, err := l.LatestDraft(ctx, fx.code, fx.target.String())
	if err != nil || head.Version != 1 || head.FileSHA256 != draft.FileSHA256 {
		t.Errorf("ledger: got v%d sha %s (err %v), want v1 sha %s", head.Version, head.FileSHA256, err, draft.FileSHA256)
	}
}

// TestDrafter_Step builds the draft that is due once, returns a failed archive copy for the
// worker to log, and builds nothing on the next pass while nothing counted has changed.
func TestDrafter_Step(t *testing.T) {
	cfg := cfConfig(t)
	of := cfOffice(t, cfg)
	ctx := context.Background()
	fx := newFixture(t, of, "BM.02.01/KH")
	l := fx.record(t, ctx)
	breakArchive(t, cfg.DataDir)
	dr := &report.Drafter{Office: of, Ledger: l, Now: func() time.Time { return fx.now.Add(7 * 24 * time.Hour) }}
	if err := dr.Step(ctx); !errors.Is(err, report.ErrNotArchived) {
		t.Fatalf("first pass: got %v, want ErrNotArchived", err)
	}
	head, err := l.LatestDraft(ctx, fx.code, fx.target.String())
	if err != nil || head.Version != 1 || head.Trigger != ledger.TriggerDeadline {
		t.Fatalf("draft: got v%d trigger %q (err %v), want v1 %q", head.Version, head.Trigger, err, ledger.TriggerDeadline)
	}
	if err := dr.Step(ctx); err != nil {
		t.Fatalf("second pass: got %v, want nil", err)
	}
	if again, err := l.LatestDraft(ctx, fx.code, fx.target.String()); err != nil || again.Version != 1 {
		t.Errorf("second pass: got v%d (err %v), want still v1", again.Version, err)
	}
}

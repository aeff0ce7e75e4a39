package ask

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

const testKey = "ask-test-key"

// newAsker is the scheduler of the test office on a ledger of its own, on 16/11/2026 at 09:00:
// the monthly report's template (due out on 11/11) is late for every unit.
func newAsker(t testing.TB) *Asker {
	t.Helper()
	o, l := officetest.Site(t, testKey)
	now := time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation())
	return &Asker{Office: o, Ledger: l, Now: func() time.Time { return now }}
}

func outbox(t *testing.T, a *Asker) []ledger.OutMail {
	t.Helper()
	out, err := a.Ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAsker_ScheduleQueuesTemplatesOnce(t *testing.T) {
	a := newAsker(t)
	ctx := context.Background()
	for range 2 {
		if err := a.Schedule(ctx); err != nil {
			t.Fatal(err)
		}
	}
	out := outbox(t, a)
	if got, want := len(out), len(officetest.Units); got != want {
		t.Fatalf("outbox: got %d mails, want %d (one template a unit)", got, want)
	}
	for _, m := range out {
		if m.Kind != ledger.KindTemplate || len(m.Attachments) != 1 {
			t.Errorf("%s: got kind %q with %d attachments, want a template with its workbook", m.Key, m.Kind, len(m.Attachments))
		}
		if !Scheduled(m) {
			t.Errorf("%s: Scheduled got false, want true", m.Key)
		}
		rel := filepath.Join(a.Office.DataDir, "archive", "*", "2026-11", "mau", m.Attachments[0].Name)
		if files, _ := filepath.Glob(rel); len(files) != 1 {
			t.Errorf("%s: archive copies %v, want one", m.Key, files)
		}
	}
	if _, err := a.Ledger.Period(ctx, "BM.02.01/KH", "2026-11"); err != nil {
		t.Errorf("period 2026-11 not recorded: %v", err)
	}
}

func TestAsker_StillNeeded(t *testing.T) {
	a := newAsker(t)
	ctx := context.Background()
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	m := outbox(t, a)[0]
	if needed, why, err := a.StillNeeded(ctx, m); err != nil || !needed {
		t.Errorf("open period: got %v %q %v, want needed", needed, why, err)
	}
	other := ledger.OutMail{Key: "receipt:x", Kind: ledger.KindReceipt}
	if needed, _, err := a.StillNeeded(ctx, other); err != nil || !needed || Scheduled(other) {
		t.Errorf("a receipt: got needed %v scheduled %v (%v), want needed and not scheduled", needed, Scheduled(other), err)
	}
	if err := a.Ledger.SetPeriodStatus(ctx, "BM.02.01/KH", "2026-11", ledger.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	if needed, why, err := a.StillNeeded(ctx, m); err != nil || needed || why != "period closed" {
		t.Errorf("closed period: got %v %q %v, want not needed, period closed", needed, why, err)
	}
	if !Scheduled(ledger.OutMail{Key: "digest:2026-11-16", Kind: ledger.KindDigest}) {
		t.Errorf("the digest: Scheduled got false, want true")
	}
}

// TestAsker_ArchiveFails: a template whose archive copy cannot be written is queued all the
// same, and the failure is returned for the worker loop to log.
func TestAsker_ArchiveFails(t *testing.T) {
	a := newAsker(t)
	if err := os.MkdirAll(a.Office.DataDir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a.Office.DataDir, "archive"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := a.Schedule(context.Background())
	if err == nil || !strings.Contains(err.Error(), "archive") {
		t.Errorf("Schedule: got error %v, want the archive's", err)
	}
	if got, want := len(outbox(t, a)), len(officetest.Units); got != want {
		t.Errorf("outbox: got %d mails, want %d", got, want)
	}
}

// TestAsker_ScheduledMailSaysWhatItAsks: each scheduled mail carries the form, period and unit
// it asks for, and its key is the ledger's, so nobody has to read the key back.
func TestAsker_ScheduledMailSaysWhatItAsks(t *testing.T) {
	a := newAsker(t)
	if err := a.Schedule(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, m := range outbox(t, a) {
		ab := m.About
		if ab.Form != "BM.02.01/KH" || ab.Period != "2026-11" || ab.Step != 0 || m.Key != ledger.TemplateKey(ab.Form, ab.Period, ab.Unit) {
			t.Errorf("%s: got about %+v, want BM.02.01/KH 2026-11, step 0, for the unit of its key", m.Key, ab)
		}
		if _, ok := a.Office.Unit(ab.Unit); !ok {
			t.Errorf("%s: about unit %q is not a unit of the office", m.Key, ab.Unit)
		}
	}
}

// TestAsker_IssuedPeriodUnderCorrection: a period whose report was issued asks nothing more of
// the units, even while a correction has reopened it for counting.
func TestAsker_IssuedPeriodUnderCorrection(t *testing.T) {
	a := newAsker(t)
	ctx := context.Background()
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	m := outbox(t, a)[0]
	sha, err := a.Ledger.PutBlob([]byte("draft v1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ledger.AddDraft(ctx, ledger.Draft{Form: "BM.02.01/KH", Period: "2026-11", FileName: "v1.xlsx", FileSHA256: sha,
		Trigger: ledger.TriggerDeadline, BuiltAt: a.now()}); err != nil {
		t.Fatal(err)
	}
	steps := []ledger.ApprovalUpdate{
		{State: []byte(`{}`), At: a.now(), ClosePeriod: true, Issue: &ledger.Issue{Number: 1, Version: 1, At: a.now()}},
		{State: []byte(`{}`), Revision: 1, At: a.now(), Reopen: &ledger.Correction{Replaces: 1, Cause: ledger.CauseLeader, OpenedBy: "tb", OpenedAt: a.now()}},
	}
	for _, u := range steps {
		u.Form, u.Period = "BM.02.01/KH", "2026-11"
		if err := a.Ledger.SaveApproval(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if p, _ := a.Ledger.Period(ctx, "BM.02.01/KH", "2026-11"); p.Status != ledger.PeriodOpen {
		t.Fatalf("period: %s, want reopened", p.Status)
	}
	if needed, why, err := a.StillNeeded(ctx, m); err != nil || needed || why != "period closed" {
		t.Errorf("issued period under correction: got %v %q %v, want not needed", needed, why, err)
	}
	before := len(outbox(t, a))
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	if after := len(outbox(t, a)); after != before {
		t.Errorf("scheduling queued %d mails for an issued period", after-before)
	}
}

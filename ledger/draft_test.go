package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

func testDraft(t *testing.T, l *Ledger, period, content string, basis map[string]int) Draft {
	t.Helper()
	return Draft{
		Form: testForm, Period: period, FileName: "tong-hop.xlsx", FileSHA256: mustPut(t, l, content),
		Basis: basis, Trigger: TriggerAllIn, BuiltAt: t0,
	}
}

func TestAddDraft_NumbersVersionsPerPeriod(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	for i, p := range []string{testPeriod, testPeriod, "2026-10", testPeriod} {
		d, err := l.AddDraft(ctx, testDraft(t, l, p, p+string(rune('a'+i)), map[string]int{"PKH": i + 1}),
			Event{Action: "draft.built", Object: "form:" + testForm + "/" + p})
		if err != nil {
			t.Fatal(err)
		}
		want := map[int]int{0: 1, 1: 2, 2: 1, 3: 3}[i]
		if d.Version != want {
			t.Errorf("draft %d of %s: got version %d, want %d", i, p, d.Version, want)
		}
	}
	latest, err := l.LatestDraft(ctx, testForm, testPeriod)
	if err != nil || latest.Version != 3 || !reflect.DeepEqual(latest.Basis, map[string]int{"PKH": 4}) {
		t.Fatalf("LatestDraft = v%d %v, %v; want v3 {PKH:4}", latest.Version, latest.Basis, err)
	}
	if !latest.BuiltAt.Equal(t0) || latest.Trigger != TriggerAllIn {
		t.Errorf("LatestDraft: got %v %q, want %v all_in", latest.BuiltAt, latest.Trigger, t0)
	}
	heads, err := l.DraftHeads(ctx)
	if err != nil || len(heads) != 2 || heads[0].Period != "2026-10" || heads[1].Version != 3 {
		t.Fatalf("DraftHeads = %+v, %v; want 2026-10 v1 and %s v3", heads, err, testPeriod)
	}
	all, err := l.Drafts(ctx, testForm, testPeriod)
	if err != nil || len(all) != 3 || all[0].Version != 1 {
		t.Fatalf("Drafts = %d drafts, %v; want 3 from v1", len(all), err)
	}
	evs, err := l.Events(ctx, 0, 10)
	if err != nil || len(evs) != 4 {
		t.Fatalf("events: %d, %v; want one per draft", len(evs), err)
	}
}

func TestAddDraft_Refuses(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	good := testDraft(t, l, testPeriod, "x", nil)
	for name, mutate := range map[string]func(*Draft){
		"missing blob":     func(d *Draft) { d.FileSHA256 = sha256Hex("never stored") },
		"unknown trigger":  func(d *Draft) { d.Trigger = "whim" },
		"no period":        func(d *Draft) { d.Period = "" },
		"no build time":    func(d *Draft) { d.BuiltAt = time.Time{} },
		"version not next": func(d *Draft) { d.Version = 2 },
	} {
		d := good
		mutate(&d)
		if _, err := l.AddDraft(ctx, d); err == nil {
			t.Errorf("%s: AddDraft accepted it", name)
		}
	}
	if _, err := l.LatestDraft(ctx, testForm, testPeriod); !errors.Is(err, ErrNotFound) {
		t.Fatalf("LatestDraft after refusals: got %v, want ErrNotFound", err)
	}
	if d, err := l.AddDraft(ctx, good); err != nil || d.Version != 1 || len(d.Basis) != 0 {
		t.Fatalf("AddDraft(good) = v%d %v, %v", d.Version, d.Basis, err)
	}
}

func TestSaveApproval_RevisionsAndConflicts(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.Approval(ctx, testForm, testPeriod); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Approval before any: got %v, want ErrNotFound", err)
	}
	if _, err := l.EnsurePeriod(ctx, testPeriodOf(testForm, testPeriod, t0)); err != nil {
		t.Fatal(err)
	}
	first := ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{"step":0}`), At: t0,
		Mails: []OutMail{testOutMail("approval:request:1")}, Events: []Event{{Action: "approval.requested"}}}
	if err := l.SaveApproval(ctx, first); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveApproval(ctx, first); !errors.Is(err, ErrConflict) {
		t.Fatalf("second insert: got %v, want ErrConflict", err)
	}
	next := ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{"step":1}`),
		Revision: 1, At: t0.Add(time.Hour), ClosePeriod: true}
	if err := l.SaveApproval(ctx, next); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveApproval(ctx, next); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale revision: got %v, want ErrConflict", err)
	}
	a, err := l.Approval(ctx, testForm, testPeriod)
	if err != nil || a.Revision != 2 || string(a.State) != `{"step":1}` || !a.UpdatedAt.Equal(t0.Add(time.Hour)) {
		t.Fatalf("Approval = %+v, %v; want revision 2, step 1", a, err)
	}
	p, err := l.Period(ctx, testForm, testPeriod)
	if err != nil || p.Status != PeriodClosed {
		t.Fatalf("period: %q, %v; want closed by the last step", p.Status, err)
	}
	if _, err := l.OutMail(ctx, "approval:request:1"); err != nil {
		t.Fatalf("the first step's mail: %v", err)
	}
	if err := l.SaveApproval(ctx, ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{`), At: t0}); err == nil {
		t.Fatal("invalid JSON state accepted")
	}
}

func TestRecordIntake_EditedDraftAndApprovalTogether(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.AddDraft(ctx, testDraft(t, l, testPeriod, "v1", nil)); err != nil {
		t.Fatal(err)
	}
	in := testIntake(t, l, "reply with an edited workbook", true)
	edited := testDraft(t, l, testPeriod, "edited", nil)
	edited.Trigger, edited.Author, edited.Version = TriggerEdited, "truongban", 2
	in.Drafts = []Draft{edited}
	in.Approval = &ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{"version":2}`), At: t0}
	res, err := l.RecordIntake(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Drafts) != 1 || res.Drafts[0].Version != 2 || res.Drafts[0].MailID != res.MailID {
		t.Fatalf("drafts stored: %+v; want v2 tied to mail %d", res.Drafts, res.MailID)
	}
	// A conflicting approval revision rolls back the whole mail: nothing half-recorded.
	in2 := testIntake(t, l, "a second reply", true)
	in2.Approval = &ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), At: t0}
	if _, err := l.RecordIntake(ctx, in2); !errors.Is(err, ErrConflict) {
		t.Fatalf("conflicting approval: got %v, want ErrConflict", err)
	}
	if _, err := l.MailBySHA(ctx, in2.Mail.SHA256); !errors.Is(err, ErrNotFound) {
		t.Fatalf("mail of the rolled-back intake: got %v, want ErrNotFound", err)
	}
}

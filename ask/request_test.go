package ask

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// makeRequest records a one-off request of the monthly form to units, made at the asker's now.
func makeRequest(t *testing.T, a *Asker, due time.Time, units ...string) ledger.Request {
	t.Helper()
	now := a.now().In(a.Office.Location)
	r, err := a.Ledger.CreateRequest(context.Background(), ledger.Request{Form: "BM.02.01/KH", Year: now.Year(),
		Title: "Số liệu lao động trong các khu công nghiệp", Covers: "đến hết tháng 10/2026", Units: units,
		Due: due, CreatedAt: now, CreatedBy: "test"}, ledger.Event{At: now, Actor: "test", Action: ledger.ActionRequestCreated})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// requestMail is the outbox's mail about the form's period p, by key.
func requestMail(t *testing.T, a *Asker, p string) map[string]ledger.OutMail {
	t.Helper()
	out := map[string]ledger.OutMail{}
	for _, m := range outbox(t, a) {
		if m.About.Period == p {
			out[m.Key] = m
		}
	}
	return out
}

// TestAsker_Request: the command's Request queues one template per unit asked, at once, named
// for people by the request's label and title, never by its key; the daemon's passes add
// nothing, and later send the form's reminders to the units asked only.
func TestAsker_Request(t *testing.T) {
	a := newAsker(t) // Mon 16/11/2026 09:00
	ctx := context.Background()
	loc := a.Office.Location
	r := makeRequest(t, a, time.Date(2026, 11, 20, 17, 0, 0, 0, loc), "QLDN", "QLDT")
	if r.Period != "2026-R01" {
		t.Fatalf("period %q, want 2026-R01", r.Period)
	}
	if err := a.Request(ctx, r.Form, r.Period); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := a.Schedule(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got := requestMail(t, a, "2026-R01")
	if len(got) != 2 {
		t.Fatalf("mails for 2026-R01: %d, want 2", len(got))
	}
	for _, unit := range []string{"QLDN", "QLDT"} {
		m, ok := got[ledger.TemplateKey("BM.02.01/KH", "2026-R01", unit)]
		if !ok {
			t.Fatalf("no template for %s among %v", unit, got)
		}
		text := strings.ReplaceAll(m.Subject+"\n"+m.Body, m.Attachments[0].Name, "") // the file name carries the key on purpose
		if !strings.Contains(text, "yêu cầu đột xuất số 01/2026") || !strings.Contains(text, "Số liệu lao động") || strings.Contains(text, "R01") {
			t.Errorf("%s: the letter does not name the request as people read it:\n%s", unit, text)
		}
		if f := letters.LintLetter(letters.Letter{Subject: m.Subject, Body: m.Body}); len(f) > 0 {
			t.Errorf("%s: letter breaks the rules: %v", unit, f)
		}
		if !m.NotBefore.Equal(a.now()) {
			t.Errorf("%s: leaves %v, want at once (%v)", unit, m.NotBefore, a.now())
		}
	}
	later := time.Date(2026, 11, 19, 9, 0, 0, 0, loc) // after the -2d reminder (18/11 17:00)
	a.Now = func() time.Time { return later }
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	for _, unit := range []string{"QLDN", "QLDT"} {
		if _, ok := requestMail(t, a, "2026-R01")[ledger.ReminderKey("BM.02.01/KH", "2026-R01", unit, 1)]; !ok {
			t.Errorf("%s: no reminder", unit)
		}
	}
	if n := len(requestMail(t, a, "2026-R01")); n != 4 {
		t.Errorf("mails for 2026-R01: %d, want 4 (units not asked get none)", n)
	}
}

// TestAsker_RequestDueSoon: a request due the day it is made skips the reminders placed before
// it (-2d): its units get the template, not a reminder, and nothing is worded as late.
func TestAsker_RequestDueSoon(t *testing.T) {
	a := newAsker(t)
	loc := a.Office.Location
	r := makeRequest(t, a, time.Date(2026, 11, 16, 17, 0, 0, 0, loc), "QHXD")
	if err := a.Request(context.Background(), r.Form, r.Period); err != nil {
		t.Fatal(err)
	}
	got := requestMail(t, a, r.Period)
	m, ok := got[ledger.TemplateKey(r.Form, r.Period, "QHXD")]
	if len(got) != 1 || !ok {
		t.Fatalf("mails %v, want the template of QHXD only", got)
	}
	plan, err := a.Office.RequestPlan(r)
	if err != nil {
		t.Fatal(err)
	}
	w, err := plan.Window(period.Period{Kind: period.Once, Year: 2026, N: 1}, a.Office.Calendar, nil)
	if err != nil || !w.TemplateAt.Equal(r.CreatedAt) || !w.Deadline.Equal(r.Due) {
		t.Errorf("window %+v, %v: want the template at creation and the deadline as due", w, err)
	}
	if strings.Contains(m.Body, "đã quá hạn") {
		t.Errorf("template worded as late:\n%s", m.Body)
	}
}

// TestAsker_RequestBesideDaemon: the command and the daemon, each with its own ledger handle on
// the same directory as two processes would have, queue the request's templates at the same
// time; each unit gets one.
func TestAsker_RequestBesideDaemon(t *testing.T) {
	daemon := newAsker(t)
	ctx := context.Background()
	r := makeRequest(t, daemon, time.Date(2026, 11, 20, 17, 0, 0, 0, daemon.Office.Location), "QLDN", "QLDT", "QHXD")
	other, err := ledger.Open(ctx, daemon.Office.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	command := &Asker{Office: daemon.Office, Ledger: other, Now: daemon.Now}
	errs := make(chan error, 2)
	go func() { errs <- command.Request(ctx, r.Form, r.Period) }()
	go func() { errs <- daemon.Schedule(ctx) }()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := len(requestMail(t, daemon, r.Period)); n != 3 {
		t.Errorf("templates of %s: %d, want 3", r.Period, n)
	}
}

package ledger

import (
	"context"
	"errors"
	"testing"
)

// A mail carrying workbooks of two periods stays while one of them is kept; its answers go only
// with it. The purge is recorded, and the rows of the other period are untouched.
func TestPurgePeriod_SharedMail(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	const f = "BM.02.01/KH"
	raw := mustPut(t, l, "mail with two workbooks")
	sep, oct := mustPut(t, l, "september workbook"), mustPut(t, l, "october workbook")
	res, err := l.RecordIntake(ctx, Intake{
		Mail: Mail{SHA256: raw, From: "qldn@example.gov.vn", ReceivedAt: t0, Outcome: OutcomeAccepted},
		Submissions: []Submission{
			{Form: f, Unit: "QLDN", Period: "2025-09", FileName: "a.xlsx", FileSHA256: sep, Valid: true, ReceivedAt: t0},
			{Form: f, Unit: "QLDN", Period: "2025-10", FileName: "b.xlsx", FileSHA256: oct, Valid: true, ReceivedAt: t0},
		},
		Outbox: []OutMail{{Key: ReceiptKey(raw), Kind: KindReceipt, To: []string{"qldn@example.gov.vn"}, CreatedAt: t0, NotBefore: t0}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := l.PurgePeriod(ctx, Purge{Form: f, Period: "2025-09", At: t0, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Purged{Submissions: 1, Blobs: 1}); got != want {
		t.Errorf("purged %+v, want %+v", got, want)
	}
	if _, err := l.Blob(sep); !errors.Is(err, ErrNotFound) {
		t.Errorf("september's workbook: %v, want removed", err)
	}
	for _, sha := range []string{raw, oct} {
		if _, err := l.Blob(sha); err != nil {
			t.Errorf("blob %s: %v, want kept", sha[:8], err)
		}
	}
	if _, err := l.MailByID(ctx, res.MailID); err != nil {
		t.Errorf("the shared mail: %v, want kept", err)
	}
	if _, err := l.OutMail(ctx, ReceiptKey(raw)); err != nil {
		t.Errorf("its receipt: %v, want kept with it", err)
	}
	if _, err := l.FirstEvent(ctx, ActionPeriodPurged, PeriodObject(f, "2025-09")); err != nil {
		t.Errorf("purge event: %v", err)
	}

	got, err = l.PurgePeriod(ctx, Purge{Form: f, Period: "2025-10", At: t0, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Purged{Submissions: 1, Mails: 1, OutMails: 1, Blobs: 2}); got != want {
		t.Errorf("second purge %+v, want %+v", got, want)
	}
	if _, err := l.MailByID(ctx, res.MailID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the mail after both periods: %v, want removed", err)
	}
	if _, err := l.PurgePeriod(ctx, Purge{Form: f, Period: "2025-10"}); err == nil {
		t.Error("a purge without actor and time was accepted")
	}
}

// An upper office's request goes with the period of the form that fills it, and only when the
// purge names its form: its template, the file filled from it and the mail that carried it.
func TestPurgePeriod_UpstreamRequests(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	tpl, filled := mustPut(t, l, "city template"), mustPut(t, l, "filled template")
	r := UpstreamRequest{Upstream: "UBND Thành phố", Form: "TP-01", Period: "2025-09", Unit: "QBD",
		ReplyTo: "tonghop@thanhpho.example", TemplateSHA256: tpl, ReceivedAt: t0}
	recordUpstream(t, l, "city-mail", r)
	got, err := l.UpstreamRequest(ctx, r.Upstream, r.Form, r.Period)
	if err != nil {
		t.Fatal(err)
	}
	to := got
	to.State, to.Issue, to.FilledSHA256, to.UpdatedAt = UpstreamReady, 1, filled, t0
	if err := l.UpdateUpstream(ctx, UpstreamUpdate{From: UpstreamWaiting, To: to}); err != nil {
		t.Fatal(err)
	}
	const f = "BM.02.01/KH"
	if _, err := l.PurgePeriod(ctx, Purge{Form: f, Period: "2025-09", At: t0, Actor: "test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.UpstreamRequest(ctx, r.Upstream, r.Form, r.Period); err != nil {
		t.Fatalf("a purge not naming the upper form removed its request: %v", err)
	}
	res, err := l.PurgePeriod(ctx, Purge{Form: f, Period: "2025-09", UpstreamForms: []string{"TP-01"}, At: t0, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Mails != 1 || res.Blobs != 3 {
		t.Errorf("purged %+v, want the city's mail and 3 blobs (its raw bytes, the template, the filled file)", res)
	}
	if _, err := l.UpstreamRequest(ctx, r.Upstream, r.Form, r.Period); !errors.Is(err, ErrNotFound) {
		t.Errorf("the request after the purge: %v, want removed", err)
	}
	if _, err := l.MailByID(ctx, got.MailID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the city's mail: %v, want removed", err)
	}
	for _, sha := range []string{tpl, filled} {
		if _, err := l.Blob(sha); !errors.Is(err, ErrNotFound) {
			t.Errorf("blob %s: %v, want removed", sha[:8], err)
		}
	}
}

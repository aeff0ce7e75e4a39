package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestUpstream_RecordFillSend: a template recorded with its mail, filled, sent; the same
// template again keeps the state; a move from a state the request left is refused whole.
func TestUpstream_RecordFillSend(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	tpl := putTestBlob(t, l, "template")
	r := UpstreamRequest{Upstream: "UBND Thành phố", Form: "BM.02.01/KH", Period: "2026-11", Unit: "QBD",
		ReplyTo: "tonghop@thanhpho.example", TemplateSHA256: tpl, ReceivedAt: at}
	recordUpstream(t, l, "mail-1", r)
	got, err := l.UpstreamRequest(ctx, r.Upstream, r.Form, r.Period)
	if err != nil || got.State != UpstreamWaiting || got.Unit != "QBD" || got.MailID == 0 || !got.ReceivedAt.Equal(at) {
		t.Fatalf("recorded: %+v, %v", got, err)
	}
	filled := putTestBlob(t, l, "filled")
	to := got
	to.State, to.Issue, to.FilledSHA256, to.SendAfter, to.UpdatedAt = UpstreamReady, 1, filled, at.Add(2*time.Hour), at
	copyMail := OutMail{Key: UpstreamCopyKey(r.Upstream, r.Form, r.Period, 1), Kind: KindUpstreamOffice, To: []string{"vanthu@quan.example"},
		Subject: "s", Body: "b", CreatedAt: at, NotBefore: at, About: About{Form: r.Form, Period: r.Period, Unit: r.Upstream, Step: 1}}
	if err := l.UpdateUpstream(ctx, UpstreamUpdate{From: UpstreamWaiting, To: to, Outbox: []OutMail{copyMail},
		Events: []Event{{Actor: "system", Action: ActionUpstreamFilled, Object: "x"}}}); err != nil {
		t.Fatal(err)
	}
	// The same move again (another writer's, read before the first): refused, nothing written.
	other := to
	other.State = UpstreamSent
	err = l.UpdateUpstream(ctx, UpstreamUpdate{From: UpstreamWaiting, To: other,
		Outbox: []OutMail{{Key: "upstream:other", Kind: KindUpstream, To: []string{"a@b.example"}, Subject: "s", Body: "b", CreatedAt: at, NotBefore: at}}})
	if !errors.Is(err, ErrUpstreamChanged) {
		t.Fatalf("stale move: %v, want ErrUpstreamChanged", err)
	}
	if _, err := l.OutMail(ctx, "upstream:other"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused move queued its mail: %v", err)
	}
	// The template again (a reminder carrying it): the request keeps what was filled.
	recordUpstream(t, l, "mail-2", r)
	got, _ = l.UpstreamRequest(ctx, r.Upstream, r.Form, r.Period)
	if got.State != UpstreamReady || got.Issue != 1 || got.FilledSHA256 != filled || !got.SendAfter.Equal(at.Add(2*time.Hour)) {
		t.Errorf("after the template again: %+v", got)
	}
	if m, err := l.OutMail(ctx, copyMail.Key); err != nil || m.About.Step != 1 || m.About.Unit != r.Upstream {
		t.Errorf("copy queued: %+v, %v", m, err)
	}
	all, err := l.UpstreamRequests(ctx, UpstreamReady)
	if err != nil || len(all) != 1 {
		t.Errorf("ready requests: %d, %v", len(all), err)
	}
	if none, _ := l.UpstreamRequests(ctx, UpstreamSent); len(none) != 0 {
		t.Errorf("sent requests: %d, want none", len(none))
	}
}

// TestUpstream_FailedWaitsAgain: a request that could not be filled waits again when a new
// template comes.
func TestUpstream_FailedWaitsAgain(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	r := UpstreamRequest{Upstream: "U", Form: "F", Period: "2026-11", Unit: "QBD", ReplyTo: "a@b.example",
		TemplateSHA256: putTestBlob(t, l, "t1"), ReceivedAt: at}
	recordUpstream(t, l, "m1", r)
	to := r
	to.State, to.Issue, to.Note, to.UpdatedAt = UpstreamFailed, 1, "why", at
	if err := l.UpdateUpstream(ctx, UpstreamUpdate{From: UpstreamWaiting, To: to}); err != nil {
		t.Fatal(err)
	}
	r.TemplateSHA256 = putTestBlob(t, l, "t2")
	recordUpstream(t, l, "m2", r)
	got, _ := l.UpstreamRequest(ctx, "U", "F", "2026-11")
	if got.State != UpstreamWaiting || got.Issue != 0 || got.TemplateSHA256 != r.TemplateSHA256 {
		t.Errorf("failed request after a new template: %+v", got)
	}
}

func recordUpstream(t *testing.T, l *Ledger, name string, r UpstreamRequest) {
	t.Helper()
	sha := putTestBlob(t, l, "raw "+name)
	in := Intake{Mail: Mail{SHA256: sha, Size: 1, Mailbox: "INBOX", UIDValidity: 1, UID: uint32(len(name)) + uint32(name[len(name)-1]),
		MessageID: "<" + name + "@x>", From: r.ReplyTo, ReceivedAt: r.ReceivedAt, Outcome: OutcomeAccepted}, Upstream: []UpstreamRequest{r}}
	if _, err := l.RecordIntake(context.Background(), in); err != nil {
		t.Fatal(err)
	}
}

func putTestBlob(t *testing.T, l *Ledger, content string) string {
	t.Helper()
	sha, err := l.PutBlob([]byte(content))
	if err != nil {
		t.Fatal(err)
	}
	return sha
}

package ledger

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestMailByMessageID(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	raw := []byte("From: a@x.vn\r\nMessage-ID: <m1@x.vn>\r\n\r\nbody")
	sha, err := l.PutBlob(raw)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	in := Intake{Mail: Mail{SHA256: sha, MessageID: "m1@x.vn", From: "a@x.vn", ReceivedAt: at, Outcome: OutcomeAccepted}}
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, from string
		found          bool
	}{
		{"same sender", "m1@x.vn", "a@x.vn", true},
		{"sender in capitals", "m1@x.vn", "A@X.VN", true},
		{"another sender reusing the id", "m1@x.vn", "b@x.vn", false},
		{"a look-alike sender (Cyrillic а)", "m1@x.vn", "\u0430@x.vn", false},
		{"another id", "m2@x.vn", "a@x.vn", false},
		{"no id", "", "a@x.vn", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := l.MailByMessageID(ctx, tt.id, tt.from)
			if tt.found && (err != nil || m.SHA256 != sha) {
				t.Fatalf("got (%q, %v), want the recorded mail", m.SHA256, err)
			}
			if !tt.found && !errors.Is(err, ErrNotFound) {
				t.Fatalf("got error %v, want ErrNotFound", err)
			}
		})
	}
}

// TestMailByMessageID_LookAlike: a sender is never found by Unicode case folding: a Kelvin
// sign is not the "k" of the recorded sender; an IDN sender is found as recorded.
func TestMailByMessageID_LookAlike(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	for _, from := range []string{"ak@x.vn", "vp@bắcninh.vn"} {
		raw := []byte("From: " + from + "\r\nMessage-ID: <m@x.vn>\r\n\r\nbody")
		sha, err := l.PutBlob(raw)
		if err != nil {
			t.Fatal(err)
		}
		in := Intake{Mail: Mail{SHA256: sha, MessageID: "m@x.vn", From: from, ReceivedAt: at, Outcome: OutcomeAccepted}}
		if _, err := l.RecordIntake(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, from, want string // want: the recorded sender, "" for none
	}{
		{"Capitals", "AK@X.VN", "ak@x.vn"},
		{"KelvinSign", "a\u212A@x.vn", ""},
		{"IDNAsRecorded", "VP@bắcninh.VN", "vp@bắcninh.vn"},
		{"IDNLookAlike", "vp@bắcninh.vn\u0307", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := l.MailByMessageID(ctx, "m@x.vn", tt.from)
			if tt.want == "" && !errors.Is(err, ErrNotFound) || tt.want != "" && (err != nil || m.From != tt.want) {
				t.Errorf("MailByMessageID(%q) = %q, %v; want %q", tt.from, m.From, err, tt.want)
			}
		})
	}
}

func TestCountMailTo(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	base := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	for i, m := range []OutMail{
		{Key: "r1", Kind: "receipt", To: []string{"qldn@kcn.vn"}, CreatedAt: base},
		{Key: "r2", Kind: "rejection", To: []string{"QLDN@kcn.vn"}, CreatedAt: base.Add(30 * time.Minute)},
		{Key: "r3", Kind: "receipt", To: []string{"other@kcn.vn"}, Cc: []string{"qldn@kcn.vn"}, CreatedAt: base.Add(40 * time.Minute)},
		{Key: "t1", Kind: "template", To: []string{"qldn@kcn.vn"}, CreatedAt: base.Add(50 * time.Minute)},
		{Key: "r0", Kind: "receipt", To: []string{"qldn@kcn.vn"}, CreatedAt: base.Add(-2 * time.Hour)},
		{Key: "i1", Kind: "receipt", To: []string{"vp@bắcninh.vn"}, CreatedAt: base},
		{Key: "i2", Kind: "rejection", To: []string{"VP@XN--BCNINH-PF8B.vn"}, CreatedAt: base},
	} {
		m.Subject = "s"
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatalf("enqueue %d: %v", i, err)
		}
	}
	tests := []struct {
		name  string
		addr  string
		since time.Time
		kinds []Kind
		want  int
	}{
		{"replies in the last hour, To and Cc, any case", "qldn@kcn.vn", base, []Kind{"receipt", "rejection"}, 3},
		{"one kind", "Qldn@Kcn.vn", base, []Kind{"rejection"}, 1},
		{"later window", "qldn@kcn.vn", base.Add(35 * time.Minute), []Kind{"receipt", "rejection"}, 1},
		{"other address", "x@kcn.vn", base, []Kind{"receipt"}, 0},
		{"look-alike (Kelvin sign)", "qldn@\u212Acn.vn", base, []Kind{"receipt", "rejection"}, 0},
		{"look-alike (full-width)", "\uff51ldn@kcn.vn", base, []Kind{"receipt", "rejection"}, 0},
		{"IDN in punycode and Unicode", "vp@xn--bcninh-pf8b.vn", base, []Kind{"receipt", "rejection"}, 2},
		{"IDN in Unicode", "VP@bắcninh.vn", base, []Kind{"receipt"}, 1},
		{"no kinds", "qldn@kcn.vn", base, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := l.CountMailTo(ctx, tt.addr, tt.since, tt.kinds...)
			if err != nil || got != tt.want {
				t.Fatalf("got (%d, %v), want %d", got, err, tt.want)
			}
		})
	}
}

func TestOutMailByMessageID(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	id, _, err := l.Enqueue(ctx, testOutMail("approval:request:1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.OutMailByMessageID(ctx, "abc@tonghop.example"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("before sending: got %v, want ErrNotFound", err)
	}
	if claimed, err := l.ClaimDue(ctx, t0.Add(time.Hour), 1); err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %d mails, %v", len(claimed), err)
	}
	if err := l.MarkSent(ctx, id, "<abc@tonghop.example>", t0); err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"abc@tonghop.example", "<abc@tonghop.example>", " <abc@tonghop.example> "} {
		m, err := l.OutMailByMessageID(ctx, ref)
		if err != nil || m.Key != "approval:request:1" {
			t.Errorf("OutMailByMessageID(%q) = %q, %v; want the request", ref, m.Key, err)
		}
	}
	if _, err := l.OutMailByMessageID(ctx, "<>"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty id: got %v, want ErrNotFound", err)
	}
}

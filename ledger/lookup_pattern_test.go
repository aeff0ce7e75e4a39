package ledger

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// CountMailTo's prefilter (outbox_recipients, recipientLocal) must never drop a row the exact comparison
// counts: local parts holding SQL's LIKE wildcards, '&' (which JSON escapes) and other atext, in
// any ASCII case, an address with spaces (Unicode ones too) around it, and one in Cc.
func TestCountMailTo_Pattern(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	base := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	recipients := []string{
		"A_B@kcn.vn", "a%b@kcn.vn", "axb@kcn.vn", "T&M@kcn.vn", "o'hara+x@kcn.vn", " Pad@kcn.vn ",
		"{x}=y?@kcn.vn", "dup@kcn.vn", "DUP@KCN.VN", "\u00a0\tNbsp@kcn.vn",
	}
	for i, to := range recipients {
		m := OutMail{Key: "k" + to, Kind: "receipt", To: []string{to}, Cc: []string{"other@kcn.vn"}, Subject: "s",
			CreatedAt: base.Add(time.Duration(i) * time.Minute)}
		if i == 0 {
			m.Cc = []string{"CC@kcn.vn"}
		}
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatalf("enqueue %q: %v", to, err)
		}
	}
	for addr, want := range map[string]int{
		"a_b@kcn.vn": 1, "a%b@kcn.vn": 1, "aXb@kcn.vn": 1, "t&m@kcn.vn": 1, "O'Hara+X@kcn.vn": 1,
		"pad@kcn.vn": 1, "{X}=Y?@kcn.vn": 1, "dup@kcn.vn": 2, "nbsp@kcn.vn": 1, "cc@kcn.vn": 1, "b@kcn.vn": 0, "a@kcn.vn": 0,
	} {
		if got, err := l.CountMailTo(ctx, addr, base, "receipt"); err != nil || got != want {
			t.Errorf("CountMailTo(%q) = %d, %v; want %d", addr, got, err, want)
		}
	}
	for key, want := range map[string]string{"a_b@kcn.vn": "a_b", "t&m@kcn.vn": "t&m"} {
		if got, ok := recipientLocal(key); !ok || got != want {
			t.Errorf("recipientLocal(%q) = %q, %v; want %q", key, got, ok, want)
		}
	}
	for _, key := range []string{"not an address", "x@\u212Acn.vn"} {
		if got, ok := recipientLocal(key); ok {
			t.Errorf("recipientLocal(%q) = %q; want none", key, got)
		}
	}
}

// Migration 0018 fills outbox_recipients for the outbox rows already there with the same rows
// its trigger writes for a new one.
func TestOutboxRecipients_Backfill(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	for i, to := range []string{"A@kcn.vn", " b@x.vn", "no-at-sign", "\u3000Wide@x.vn"} {
		m := OutMail{Key: fmt.Sprint("k", i), Kind: "receipt", To: []string{to, "c@x.vn"}, Cc: []string{"D@x.vn"}, Subject: "s",
			CreatedAt: time.Date(2026, 11, 16, 9, i, 0, 0, time.UTC)}
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	rows := func() []string {
		r, err := l.db.QueryContext(ctx, `SELECT outbox_id || ' ' || local || ' ' || created_at FROM outbox_recipients ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []string
		for r.Next() {
			var s string
			if err := r.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	byTrigger := rows()
	if len(byTrigger) != 11 {
		t.Fatalf("rows written by the trigger: got %d %q, want 11", len(byTrigger), byTrigger)
	}
	sqlText, err := migrationFiles.ReadFile("migrations/0018_outbox_recipients.sql")
	if err != nil {
		t.Fatal(err)
	}
	_, backfill, ok := strings.Cut(string(sqlText), "END;\n")
	if !ok {
		t.Fatal("0018 has no backfill after its trigger")
	}
	if _, err := l.db.ExecContext(ctx, `DELETE FROM outbox_recipients`); err != nil {
		t.Fatal(err)
	}
	if _, err := l.db.ExecContext(ctx, backfill); err != nil {
		t.Fatal(err)
	}
	if got := rows(); !slices.Equal(got, byTrigger) {
		t.Errorf("backfill:\n got %q\nwant %q", got, byTrigger)
	}
}

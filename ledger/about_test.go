package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestAbout_StoredByEveryWriter checks that what a mail is about goes in with it and comes
// back from every reader, whichever way it was written.
func TestAbout_StoredByEveryWriter(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	reminder := About{Form: testForm, Period: testPeriod, Unit: "QLDN", Step: 2}
	m := testOutMail(ReminderKey(testForm, testPeriod, "QLDN", 2))
	m.Kind, m.About = KindReminder, reminder
	if _, _, err := l.Enqueue(ctx, m); err != nil {
		t.Fatal(err)
	}

	in := testIntake(t, l, "about", true, "QLDT")
	in.Outbox[0].About = About{Form: testForm, Period: testPeriod, Unit: "QLDT"}
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}

	u := ApprovalUpdate{Form: testForm, Period: testPeriod, State: json.RawMessage(`{}`), At: t0,
		Mails: []OutMail{testOutMail("approval:about")}}
	u.Mails[0].About = About{Form: testForm, Period: testPeriod, Step: 1}
	if err := l.SaveApproval(ctx, u); err != nil {
		t.Fatal(err)
	}

	want := map[string]About{m.Key: reminder, in.Outbox[0].Key: in.Outbox[0].About, "approval:about": u.Mails[0].About}
	for key, about := range want {
		got, err := l.OutMail(ctx, key)
		if err != nil || got.About != about {
			t.Errorf("OutMail(%q).About = %+v, %v; want %+v", key, got.About, err, about)
		}
	}
	all, err := l.Outbox(ctx, OutPending)
	if err != nil || len(all) != len(want) {
		t.Fatalf("Outbox: %d mails, %v; want %d", len(all), err, len(want))
	}
	for _, got := range all {
		if got.About != want[got.Key] {
			t.Errorf("Outbox: %q about %+v, want %+v", got.Key, got.About, want[got.Key])
		}
	}
	claimed, err := l.ClaimDue(ctx, t0, 10)
	if err != nil || len(claimed) != len(want) {
		t.Fatalf("ClaimDue: %d mails, %v; want %d", len(claimed), err, len(want))
	}
	for _, got := range claimed {
		if got.About != want[got.Key] {
			t.Errorf("ClaimDue: %q about %+v, want %+v", got.Key, got.About, want[got.Key])
		}
	}
}

// TestMigration_OutboxAbout opens a ledger written before 0005, with the outbox rows the
// scheduler and intake wrote then, and checks that the scheduled ones learn what they are
// about from their keys, and nothing else changes.
func TestMigration_OutboxAbout(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ledger")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, dir)
	migrateTo(t, db, 4)
	rows := []struct{ key, kind, status string }{
		{"template:BM.02.01/KH:2026-11:QLDN", "template", "sent"},
		{"reminder:BM.02.01/KH:2026-11:QLDN:1", "reminder", "cancelled"},
		{"nag:BM.04.01/KH:2026-W48:PHUONG_1:12", "nag", "pending"},
		{"reminder:BM_02%01/KH:2026-Q4:QL-DT:3", "reminder", "sent"},
		{"receipt:0123", "receipt", "sent"},
		{"digest:2026-11-24", "digest", "sent"},
		{"draft:BM.02.01/KH:2026-11:v1", "draft", "sent"},
		{"test:once", "reminder", "sent"}, // not the scheduler's: left empty
	}
	for _, r := range rows {
		_, err := db.Exec(`INSERT INTO outbox (key, kind, to_addrs, status, created_at) VALUES (?, ?, '["a@b.vn"]', ?, ?)`,
			r.key, r.kind, r.status, encodeTime(t0))
		if err != nil {
			t.Fatalf("insert %s with the 0004 schema: %v", r.key, err)
		}
	}
	db.Close()

	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer l.Close()
	if v, err := l.SchemaVersion(ctx); err != nil || v < 5 {
		t.Fatalf("SchemaVersion = %d, %v; want 5 or later", v, err)
	}
	want := map[string]About{
		"template:BM.02.01/KH:2026-11:QLDN":    {Form: "BM.02.01/KH", Period: "2026-11", Unit: "QLDN"},
		"reminder:BM.02.01/KH:2026-11:QLDN:1":  {Form: "BM.02.01/KH", Period: "2026-11", Unit: "QLDN", Step: 1},
		"nag:BM.04.01/KH:2026-W48:PHUONG_1:12": {Form: "BM.04.01/KH", Period: "2026-W48", Unit: "PHUONG_1", Step: 12},
		"reminder:BM_02%01/KH:2026-Q4:QL-DT:3": {Form: "BM_02%01/KH", Period: "2026-Q4", Unit: "QL-DT", Step: 3},
		"receipt:0123":                         {},
		"digest:2026-11-24":                    {},
		"draft:BM.02.01/KH:2026-11:v1":         {},
		"test:once":                            {},
	}
	for _, r := range rows {
		m, err := l.OutMail(ctx, r.key)
		if err != nil {
			t.Fatalf("OutMail(%q): %v", r.key, err)
		}
		if m.About != want[r.key] || string(m.Kind) != r.kind || m.Status != r.status {
			t.Errorf("%q: got %s %s about %+v, want %s %s about %+v", r.key, m.Kind, m.Status, m.About, r.kind, r.status, want[r.key])
		}
	}
}

// migrateTo applies the embedded migrations up to version, as an older tonghop would have.
func migrateTo(t *testing.T, db *sql.DB, version int) {
	t.Helper()
	steps, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if s.version <= version {
			if err := applyMigration(ctx, db, s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

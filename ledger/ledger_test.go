package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// t0 is a fixed instant the tests count from; the ledger never reads the clock.
var t0 = time.Date(2026, 11, 18, 8, 30, 0, 0, time.UTC)

func openTest(t *testing.T) *Ledger {
	t.Helper()
	l, err := Open(context.Background(), filepath.Join(t.TempDir(), "ledger"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := l.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return l
}

// rawDB opens the ledger file directly, to inspect or tamper with it as an outsider would.
func rawDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(dir))
	if err != nil {
		t.Fatalf("open raw db: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpen_Migrations(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string)
	}{
		{"NoDirectory", func(*testing.T, string) {}},
		{"EmptyFile", func(t *testing.T, dir string) {
			if err := os.MkdirAll(dir, 0o750); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "ledger.db"), nil, 0o640); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ledger")
			tt.prepare(t, dir)
			l, err := Open(context.Background(), dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer l.Close()
			checkFreshSchema(t, l)
		})
	}
}

func checkFreshSchema(t *testing.T, l *Ledger) {
	t.Helper()
	ctx := context.Background()
	v, err := l.SchemaVersion(ctx)
	if want := knownVersion(t); err != nil || v != want {
		t.Fatalf("SchemaVersion = %d, %v; want %d, nil", v, err, want)
	}
	for _, p := range []string{"ledger.db", "blobs"} {
		if _, err := os.Stat(filepath.Join(l.Dir(), p)); err != nil {
			t.Errorf("stat %s: %v", p, err)
		}
	}
	db := rawDB(t, l.Dir())
	for _, table := range []string{"schema_migrations", "mails", "submissions", "periods", "outbox", "events", "cursors", "drafts", "approvals"} {
		var n int
		err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&n)
		if err != nil || n != 1 {
			t.Errorf("table %s: got count %d (%v), want 1", table, n, err)
		}
	}
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode: got %q (%v), want wal", mode, err)
	}
}

// TestOpen_Concurrent opens one fresh directory from several goroutines, as two processes
// starting at once would: each migration runs once, and nobody fails.
func TestOpen_Concurrent(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			l, err := Open(context.Background(), dir)
			if err != nil {
				errs <- err
				return
			}
			errs <- l.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
	db := rawDB(t, dir)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != knownSteps(t) {
		t.Errorf("schema_migrations rows: got %d (%v), want %d", n, err, knownSteps(t))
	}
}

func TestOpen_Reopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for i := range 3 {
		l, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		if err := l.SetCursor(ctx, "INBOX", 7, uint32(i)); err != nil {
			t.Fatalf("SetCursor: %v", err)
		}
		if err := l.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
	db := rawDB(t, dir)
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != knownSteps(t) {
		t.Errorf("schema_migrations rows: got %d (%v), want %d", n, err, knownSteps(t))
	}
}

func TestOpen_ErrSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	l.Close()
	db := rawDB(t, dir)
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (99, '')`); err != nil {
		t.Fatalf("insert version 99: %v", err)
	}
	db.Close()

	l, err = Open(ctx, dir)
	if err == nil {
		l.Close()
		t.Fatal("Open of a version 99 database succeeded, want ErrSchemaTooNew")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("got %v, want an error wrapping ErrSchemaTooNew", err)
	}
	want := fmt.Sprintf("ledger schema version 99 is newer than this tonghop binary knows (%d): upgrade tonghop", knownVersion(t))
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got message %q, want it to contain %q", err, want)
	}
}

func TestDSN_EscapesPath(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "a ?b#c%d")
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open %q: %v", dir, err)
	}
	defer l.Close()
	if _, err := os.Stat(filepath.Join(dir, "ledger.db")); err != nil {
		t.Errorf("database not at %s: %v", dir, err)
	}
}

func TestCursor(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	v, u, err := l.Cursor(ctx, "INBOX")
	if err != nil || v != 0 || u != 0 {
		t.Fatalf("Cursor of unread folder = %d, %d, %v; want 0, 0, nil", v, u, err)
	}
	for _, want := range [][2]uint32{{1, 10}, {1, 42}, {4294967295, 4294967295}} {
		if err := l.SetCursor(ctx, "INBOX", want[0], want[1]); err != nil {
			t.Fatalf("SetCursor: %v", err)
		}
		v, u, err := l.Cursor(ctx, "INBOX")
		if err != nil || v != want[0] || u != want[1] {
			t.Errorf("Cursor = %d, %d, %v; want %d, %d, nil", v, u, err, want[0], want[1])
		}
	}
}

// TestConcurrency checks that read-then-write transactions from many goroutines wait for each
// other instead of failing with "database is locked".
func TestConcurrency(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	const workers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	claimed := make(chan int64, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				m := testOutMail(fmt.Sprintf("w%d-%d", w, i))
				if _, _, err := l.Enqueue(ctx, m, Event{Action: "outbox.enqueued"}); err != nil {
					errs <- err
				}
				got, err := l.ClaimDue(ctx, t0, 2)
				if err != nil {
					errs <- err
				}
				for _, m := range got {
					claimed <- m.ID
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	close(claimed)
	for err := range errs {
		t.Errorf("concurrent Enqueue/ClaimDue: %v", err)
	}
	seen := map[int64]bool{}
	for id := range claimed {
		if seen[id] {
			t.Errorf("outbox %d claimed twice", id)
		}
		seen[id] = true
	}
	pending, err := l.Outbox(ctx, OutPending)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(seen) + len(pending); got != workers*each {
		t.Errorf("claimed + pending = %d, want %d", got, workers*each)
	}
}

// knownSteps is how many migrations this binary embeds: one row each once applied (the numbers
// may have a gap while parallel branches each add one).
func knownSteps(t *testing.T) int {
	t.Helper()
	steps, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	return len(steps)
}

// knownVersion is the highest migration this binary embeds.
func knownVersion(t *testing.T) int {
	t.Helper()
	steps, err := loadMigrations()
	if err != nil || len(steps) == 0 {
		t.Fatalf("loadMigrations: %d steps, %v", len(steps), err)
	}
	return steps[len(steps)-1].version
}

package ledger

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLedger_DurableWritesAndRestores: Durable and Probe each commit a change (a WAL frame,
// which a row set to itself would not be), and the connection Durable used goes back to the pool
// committing with synchronous=NORMAL, as every other one does.
func TestLedger_DurableWritesAndRestores(t *testing.T) {
	l := openTest(t)
	ctx := context.Background()
	l.db.SetMaxOpenConns(1) // the next query runs on the connection Durable used
	wal := filepath.Join(l.Dir(), dbFile+"-wal")
	walSize := func() int64 {
		fi, err := os.Stat(wal)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	marks := func() int {
		var n int
		if err := l.db.QueryRowContext(ctx, `SELECT marks FROM sync_marks`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before, size := marks(), walSize()
	if err := l.Durable(ctx); err != nil {
		t.Fatalf("Durable: %v", err)
	}
	if err := l.Probe(ctx); err != nil {
		t.Fatalf("Probe: %v", err)
	}
	if got := marks(); got != before+2 {
		t.Errorf("sync marks: got %d, want %d (each call commits a change)", got, before+2)
	}
	if walSize() <= size {
		t.Errorf("WAL size %d after Durable and Probe, was %d: nothing was written", walSize(), size)
	}
	var mode int
	if err := l.db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != 1 { // NORMAL
		t.Errorf("synchronous after Durable: got %d, want 1 (NORMAL)", mode)
	}
}

package officetest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tonghop/tonghop/ledger"
)

// seed is an empty ledger, migrated once for the test process: migrating a fresh ledger
// (every migration parsed and run) cost each test about a third of a second under the race
// detector. The ledger's own tests still open fresh ones.
var seed struct {
	once sync.Once
	db   []byte
	err  error
}

// SeedLedger writes an empty ledger, migrated once for the test process, into dataDir (created
// 0750, the database 0600, as ledger.Open makes them), so that the first ledger.Open there
// finds its schema up to date: for tests that write their own configuration.
func SeedLedger(t testing.TB, dataDir string) {
	t.Helper()
	seed.once.Do(func() {
		dir, err := os.MkdirTemp("", "officetest-ledger-")
		if err != nil {
			seed.err = err
			return
		}
		defer os.RemoveAll(dir)
		l, err := ledger.Open(context.Background(), dir)
		if err != nil {
			seed.err = err
			return
		}
		// Closing the last connection checkpoints the WAL into the database file.
		if seed.err = l.Close(); seed.err != nil {
			return
		}
		seed.db, seed.err = os.ReadFile(filepath.Join(dir, "ledger.db"))
	})
	if seed.err != nil {
		t.Fatalf("officetest: seed ledger: %v", seed.err)
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dataDir, "ledger.db"), seed.db, 0o600); err != nil {
		t.Fatal(err)
	}
}

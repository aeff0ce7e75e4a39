package ledger

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// snapshotMails opens a snapshot as a ledger of its own and returns its mails by sha256.
func snapshotMails(t *testing.T, snap string) map[string]bool {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "restored")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(snap, filepath.Join(dir, dbFile)); err != nil {
		t.Fatal(err)
	}
	l, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open snapshot: %v", err)
	}
	defer l.Close()
	mails, err := l.Mails(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, m := range mails {
		got[m.SHA256] = true
	}
	return got
}

func TestSnapshot_WhileWriting(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	before := map[string]bool{}
	for i := range 20 {
		in := testIntake(t, l, fmt.Sprintf("before %d", i), true, "PKH")
		if _, err := l.RecordIntake(ctx, in); err != nil {
			t.Fatal(err)
		}
		before[in.Mail.SHA256] = true
	}
	// A writer goes on recording while the snapshot is taken, as the daemon would.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var written int
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := l.RecordIntake(ctx, testIntake(t, l, fmt.Sprintf("during %d", i), true, "VP")); err != nil {
				t.Errorf("record during snapshot: %v", err)
				return
			}
			written++
		}
	})
	snap := filepath.Join(t.TempDir(), "snap.db")
	schema, err := Snapshot(ctx, l.Dir(), snap)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	if want := knownVersion(t); schema != want {
		t.Errorf("schema: got %d, want %d", schema, want)
	}
	info, err := os.Stat(snap)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != dbMode {
		t.Errorf("snapshot mode: got %v, want %v", mode, dbMode)
	}
	got := snapshotMails(t, snap)
	for sha := range before {
		if !got[sha] {
			t.Errorf("mail %s recorded before the snapshot is missing from it", sha)
		}
	}
	if len(got) > len(before)+written {
		t.Errorf("snapshot holds %d mails, more than the %d ever recorded", len(got), len(before)+written)
	}
	t.Logf("%d mails before, %d recorded by the writer, %d in the snapshot", len(before), written, len(got))
}

func TestSnapshot_ClosedLedger(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ledger")
	l, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	in := testIntake(t, l, "only mail", true, "PKH")
	if _, err := l.RecordIntake(ctx, in); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	snap := filepath.Join(t.TempDir(), "snap.db")
	if _, err := Snapshot(ctx, dir, snap); err != nil {
		t.Fatalf("Snapshot of a closed ledger: %v", err)
	}
	if got := snapshotMails(t, snap); !got[in.Mail.SHA256] || len(got) != 1 {
		t.Errorf("snapshot mails: got %v, want only %s", got, in.Mail.SHA256)
	}
}

func TestSnapshot_Refuses(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	t.Run("ExistingTarget", func(t *testing.T) {
		snap := filepath.Join(t.TempDir(), "snap.db")
		if err := os.WriteFile(snap, []byte("keep me"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Snapshot(ctx, l.Dir(), snap); err == nil {
			t.Fatal("Snapshot over an existing file: got nil error")
		}
		if b, _ := os.ReadFile(snap); string(b) != "keep me" {
			t.Errorf("existing file changed to %q", b)
		}
	})
	t.Run("NoLedger", func(t *testing.T) {
		if _, err := Snapshot(ctx, t.TempDir(), filepath.Join(t.TempDir(), "snap.db")); err == nil {
			t.Fatal("Snapshot of a directory with no ledger: got nil error")
		}
	})
}

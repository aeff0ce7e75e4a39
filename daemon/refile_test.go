package daemon

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A received workbook's archive copy is filed beside the judging of the next mails (batch.go), so
// a crash can leave a recorded mail without it. The mail is then still in the inbox: found again
// by its bytes, it is moved and its copy filed again.
func TestPoll_RefilesCopiesOfARecordedMail(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, nil)
	ctx := context.Background()
	raw := mail("qldn@kcn.example", "refile@kcn", "", "BM.02.01-KH_2026-11_QLDN.xlsx", e.workbook(t, "QLDN", false))
	if _, err := e.d.Ingest(ctx, raw); err != nil {
		t.Fatal(err)
	}
	copies := archiveFiles(t, e.cfg.DataDir)
	if len(copies) != 1 {
		t.Fatalf("archive after the first recording: got %q, want the workbook's copy", copies)
	}
	want, err := os.ReadFile(copies[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(copies[0]); err != nil { // the crash came before the copy was filed
		t.Fatal(err)
	}
	e.append(t, raw)
	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(copies[0]); err != nil || string(got) != string(want) {
		t.Errorf("copy after the mail was found again: %v; want it filed again, the same bytes", err)
	}
	if n := e.count(t, "Processed"); n != 1 {
		t.Errorf("Processed: got %d messages, want 1", n)
	}
}

// archiveFiles lists the received workbooks' copies in the archive (named v<version>_…).
func archiveFiles(t *testing.T, dataDir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dataDir, "archive"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), "v") {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

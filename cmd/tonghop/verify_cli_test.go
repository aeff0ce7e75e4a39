package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoOffice copies the package's one run of the demo into a fresh directory and returns its
// config file and data directory.
func demoOffice(t *testing.T) (cfg, dataDir string) {
	t.Helper()
	dir := demoCopy(t, t.TempDir())
	return filepath.Join(dir, "config.toml"), filepath.Join(dir, "data")
}

func runVerifyCLI(t *testing.T, cfg string) (string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"verify", "--config", cfg}, &stdout, &stderr)
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return stdout.String(), code
}

func TestVerify_Demo(t *testing.T) {
	t.Parallel()
	cfg, dataDir := demoOffice(t)
	out, code := runVerifyCLI(t, cfg)
	if code != 0 || !strings.Contains(out, ": 0 problems") || strings.Contains(out, "WRONG") {
		t.Fatalf("verify of the demo: exit %d, want 0; output:\n%s", code, out)
	}

	db, err := sql.Open("sqlite", filepath.Join(dataDir, "ledger.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A changed digit in the figures of submission 1: its row stays sound SQL and JSON.
	var data string
	if err := db.QueryRow(`SELECT data FROM submissions WHERE id = 1`).Scan(&data); err != nil {
		t.Fatal(err)
	}
	const was = `"1":{"last_year":"10"`
	if !strings.Contains(data, was) {
		t.Fatalf("submission 1 no longer holds %s: the demo changed, update the test", was)
	}
	if _, err := db.Exec(`UPDATE submissions SET data = ? WHERE id = 1`, strings.Replace(data, was, `"1":{"last_year":"19"`, 1)); err != nil {
		t.Fatal(err)
	}
	// The stored file of submission 2 lost.
	var sha string
	if err := db.QueryRow(`SELECT file_sha256 FROM submissions WHERE id = 2`).Scan(&sha); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dataDir, "blobs", sha[:2], sha[2:])); err != nil {
		t.Fatal(err)
	}
	// The archive's copy of the issued monthly report changed.
	issued := filepath.Join(dataDir, "archive", "BM.02.01-KH", "2026-11", "_tong-hop", "BaoCao_BM.02.01-KH_2026-11.xlsx")
	if err := os.WriteFile(issued, []byte("PK\x03\x04 not the report"), 0o640); err != nil {
		t.Fatal(err)
	}

	out, code = runVerifyCLI(t, cfg)
	if code != exitFindings {
		t.Errorf("exit code: got %d, want %d", code, exitFindings)
	}
	for _, want := range []string{
		`WRONG submission 1 (BM.02.01/KH QLDN 2026-11 v1, BM.02.01-KH_2026-11_QLDN.xlsx): `, `table kcn, indicator 1, column last_year: recorded "19", file "10"`,
		`WRONG submission 2 (BM.02.01/KH QLDT 2026-11 v1, `, "blob " + sha + " is missing",
		`WRONG issued report BM.02.01/KH 2026-11 issue 1 (` + filepath.Join("archive", "BM.02.01-KH", "2026-11", "_tong-hop", "BaoCao_BM.02.01-KH_2026-11.xlsx") + `): the file hashes to `,
		": 3 problems",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestVerify_Usage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"NoConfig", []string{"verify"}, 2},
		{"Help", []string{"verify", "--help"}, 0},
		{"NoLedger", []string{"verify", "--config", "../../config.example.toml"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
		})
	}
}

package ledger

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

func TestVerifyStore(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	if _, err := l.RecordIntake(ctx, testIntake(t, l, "a mail", true, "QLDN", "SXD")); err != nil {
		t.Fatal(err)
	}
	clean, err := l.VerifyStore(ctx, time.Time{})
	if err != nil || len(clean) != 0 {
		t.Fatalf("VerifyStore of a sound ledger = %v, %v; want nothing", clean, err)
	}
	refs, err := l.BlobRefs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 3 { // the mail, two workbooks (the test outbox mail has no attachment)
		t.Fatalf("BlobRefs: got %d, want 3: %v", len(refs), refs)
	}

	missing, changed := sha256Hex("a mailQLDN"), sha256Hex("a mailSXD")
	if err := os.Remove(l.BlobPath(missing)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(l.BlobPath(changed), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(l.BlobPath(changed), []byte("a mailSXe"), 0o640); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		since time.Time
		want  []string
	}{
		{"HashAll", time.Time{}, []string{
			"submission 1 (" + testForm + " QLDN " + testPeriod + " v1, QLDN.xlsx): blob " + missing + " is missing",
			"submission 2 (" + testForm + " SXD " + testPeriod + " v1, SXD.xlsx): blob " + changed + " no longer matches its hash",
		}},
		// The cheap check: every blob must exist, only recent ones are hashed.
		{"ExistenceOnly", t0.Add(time.Hour), []string{
			"submission 1 (" + testForm + " QLDN " + testPeriod + " v1, QLDN.xlsx): blob " + missing + " is missing",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, err := l.VerifyStore(ctx, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				got = append(got, f.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCheckBlob_BadName(t *testing.T) {
	l := openTest(t)
	if err := l.CheckBlob("../../etc/passwd"); err == nil {
		t.Error("CheckBlob of a path: got nil, want an error")
	}
}

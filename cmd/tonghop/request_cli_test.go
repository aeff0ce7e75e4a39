package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// dueIn is a --due value days from now, at 17:00 office time (the listings' default zone).
func dueIn(days int) string {
	return time.Now().In(period.DefaultLocation()).AddDate(0, 0, days).Format("2006-01-02") + " 17:00"
}

// TestRequest_QueuesTemplates: the command numbers the form's first request of the year,
// queues one template per unit named and no other, prints what it did, and deadlines lists it.
func TestRequest_QueuesTemplates(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", bm0201)
	due := dueIn(10)
	code, stdout, stderr := runCLI(t, "request", "--config", cfg, "--form", "BM.02.01/KH", "--units", "QLDT,QLDN",
		"--due", due, "--title", "Số liệu lao động", "--covers", "6 tháng đầu năm")
	if code != 0 {
		t.Fatalf("exit code %d, want 0 (stderr %q)", code, stderr)
	}
	year := time.Now().In(period.DefaultLocation()).Year()
	key := ledger.RequestPeriod(year, 1)
	if want := "BM.02.01/KH " + key + ": due " + due + ", 2 units, 2 templates queued\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	l, err := ledger.Open(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := l.Outbox(context.Background(), "")
	l.Close()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, m := range out {
		keys = append(keys, m.Key)
	}
	want := []string{ledger.TemplateKey("BM.02.01/KH", key, "QLDN"), ledger.TemplateKey("BM.02.01/KH", key, "QLDT")}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("outbox keys %v, want %v", keys, want)
	}
	lines := deadlineLines(t, cfg, "BM.02.01/KH", year)
	if got, want := lines[key], key+"\t"+due+"\tyêu cầu đột xuất: Số liệu lao động"; got != want {
		t.Errorf("deadlines line %q, want %q", got, want)
	}
	code, stdout, _ = runCLI(t, "request", "--config", cfg, "--form", "BM.02.01/KH", "--units", "all", "--due", due)
	if want := "BM.02.01/KH " + ledger.RequestPeriod(year, 2) + ": due " + due + ", 3 units, 3 templates queued\n"; code != 0 || stdout != want {
		t.Errorf("second request: exit %d, stdout %q, want %q", code, stdout, want)
	}
}

// TestRequest_Refused: a unit not of the form, a due time past, a year ahead or unreadable, an
// unknown form: exit 2, nothing recorded.
func TestRequest_Refused(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", bm0201)
	past := time.Now().In(period.DefaultLocation()).AddDate(0, 0, -1).Format("2006-01-02 15:04")
	cases := []struct{ name, form, units, due, want string }{
		{"UnknownUnit", "BM.02.01/KH", "QLDN,XYZ", dueIn(5), `"XYZ" is not a unit`},
		{"NoUnit", "BM.02.01/KH", ",", dueIn(5), "no unit named"},
		{"Past", "BM.02.01/KH", "all", past, "not after now"},
		{"TooFar", "BM.02.01/KH", "all", dueIn(400), "more than a year ahead"},
		{"BadDue", "BM.02.01/KH", "all", "10/07/2026", "want YYYY-MM-DD HH:MM"},
		{"UnknownForm", "BM.99/KH", "all", dueIn(5), "is not in"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "request", "--config", cfg, "--form", c.form, "--units", c.units, "--due", c.due)
			if code != 2 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.want)
			}
		})
	}
	noLedger(t, dataDir)
}

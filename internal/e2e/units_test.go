package e2e

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// The steps of the units: templates, files and their answers, and the draft all units' files
// make.

// templates: the scheduler sends every unit its pre-filled template of the month at once.
func (c *cycle) templates(t testing.TB) {
	for i, u := range units {
		r := c.units[i].waitFor(t, "template", withWorkbook)
		c.expectKind(t, u.Addr(), r, ledger.KindTemplate)
		c.tmpl[u.Code] = r.msg.Spreadsheets()[0]
	}
}

// validFiles: ten units fill their template and send it, one right after the other, as units
// do near a deadline, and each gets its receipt; each receipt is timed from the unit's server
// accepting the file to the receipt being in the unit's INBOX. The ten reach the daemon in one
// or a few IDLE wake-ups, each bringing several mails; a lone mail waking the daemon is what
// every later step does (fourteen times), so the files need not wait for each other's receipts
// (half a second each of Dovecot's announcing new mail to IDLE).
func (c *cycle) validFiles(t testing.TB) {
	files := make([][]byte, 10)
	for i := range files {
		files[i] = c.filled(t, i, false)
	}
	ids, accepted := make([]string, len(files)), make([]time.Time, len(files))
	for i, data := range files {
		ids[i], accepted[i] = c.submitFile(t, i, data)
	}
	for i, u := range units[:len(files)] {
		r := c.units[i].waitFor(t, "receipt", inReplyTo(ids[i]))
		c.latency = append(c.latency, r.found.Sub(accepted[i]))
		c.expectKind(t, u.Addr(), r, ledger.KindReceipt)
		c.shared[ids[i]] = "Processed"
	}
	s := summarize(c.latency)
	t.Logf("receipt latency over %d files: p50 %v, p95 %v, max %v", len(c.latency), s.p50, s.p95, s.max)
	// A guard against a lost wake-up, not a timing: bench/latency.sh measures.
	if s.max > 10*time.Second {
		t.Errorf("receipt latency: max %v, want at most 10s (all: %v)", s.max, c.latency)
	}
}

// invalidFile: the last unit sends a file with mistakes and a date on its cover that does not
// exist; its error mail lists exactly what `tonghop check` finds in the same file, the errors
// and then the warnings, each list in the order of sheet, row and column.
func (c *cycle) invalidFile(t testing.TB) {
	i := len(units) - 1
	u := units[i]
	id, _ := c.submit(t, i, true)
	r := c.units[i].waitFor(t, "error mail", inReplyTo(id))
	c.expectKind(t, u.Addr(), r, ledger.KindRejection)
	c.shared[id] = "Rejected"
	errs, warns := c.checkFindings(t, u, c.filled(t, i, true))
	if len(errs) == 0 || len(warns) == 0 {
		t.Fatalf("check finds %d errors and %d warnings in the file with mistakes, want some of each: the test's file is wrong", len(errs), len(warns))
	}
	if !hasWarningAt(warns, coverSheet, c.coverDateCell(t, u)) {
		t.Errorf("check does not warn about the cover's date %s:\n%s", badDate, findingList(warns))
	}
	sheets := c.sheetOrder(t, u)
	assertInReadingOrder(t, "check's errors", errs, sheets)
	assertInReadingOrder(t, "check's warnings", warns, sheets)
	assertListsFindings(t, r.msg.Text, append(slices.Clone(errs), warns...))
}

// consolidation: the last unit's corrected file makes every unit in, which builds draft v1 at
// once and sends it to the clerk; the first step of the chain is asked.
func (c *cycle) consolidation(t testing.TB) {
	i := len(units) - 1
	id, _ := c.submit(t, i, false)
	r := c.units[i].waitFor(t, "receipt", inReplyTo(id))
	c.expectKind(t, units[i].Addr(), r, ledger.KindReceipt)
	c.shared[id] = "Processed"

	c.draft = c.people[clerkAddr].waitFor(t, "draft v1", isDraft(1))
	c.expectKind(t, clerkAddr, c.draft, ledger.KindDraft)
	d, err := c.o.ledger.LatestDraft(context.Background(), formCode, month)
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != 1 || d.Trigger != ledger.TriggerAllIn || len(d.Basis) != len(units) {
		t.Errorf("draft: got v%d, trigger %q, %d units; want v1 built when all %d units were in", d.Version, d.Trigger, len(d.Basis), len(units))
	}
}

// submit has unit i fill its template (with mistakes, or not) and send it to the shared
// mailbox; it returns the mail's Message-ID and when the server accepted it.
func (c *cycle) submit(t testing.TB, i int, mistakes bool) (string, time.Time) {
	t.Helper()
	return c.submitFile(t, i, c.filled(t, i, mistakes))
}

// submitFile has unit i send the workbook data to the shared mailbox; it returns the mail's
// Message-ID and when the server accepted it.
func (c *cycle) submitFile(t testing.TB, i int, data []byte) (string, time.Time) {
	t.Helper()
	u, tmpl := units[i], c.tmpl[units[i].Code]
	body := "Kính gửi Văn phòng,\n\n" + u.Name + " gửi kèm báo cáo tháng 11/2026.\n\nTrân trọng."
	m, id := c.units[i].newMail(t, u.Name+" - Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026", body)
	if err := m.AttachReader(tmpl.Name, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	return id, c.units[i].sent(t, m)
}

// latencySummary is the median, 95th percentile and largest of a set of durations.
type latencySummary struct{ p50, p95, max time.Duration }

// summarize computes them by the nearest-rank method.
func summarize(ds []time.Duration) latencySummary {
	if len(ds) == 0 {
		return latencySummary{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return latencySummary{p50: rank(0.50), p95: rank(0.95), max: s[len(s)-1]}
}

package daemon

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// corpusLine is one line of testdata/mail/MANIFEST.tsv: a message and what ingesting it must
// come to.
type corpusLine struct {
	file, outcome, reply string
	recorded, valid      int
	versions             []int
	duplicate, notified  bool
	what                 string
}

// TestMailCorpus ingests the whole corpus in order into one office, ten minutes apart, and
// checks each message against the manifest. The order matters: versions count per unit across
// the run, duplicates follow their first copy, an unknown sender is reported once a day.
func TestMailCorpus(t *testing.T) {
	t.Parallel()
	lines := readCorpusManifest(t)
	if len(lines) < 40 {
		t.Fatalf("manifest: got %d messages, want at least 40", len(lines))
	}
	e := newEnvWith(t, func(o *Options) { o.Converter = nil })
	ctx := context.Background()
	for i, line := range lines {
		if i > 0 {
			e.clock.Advance(10 * time.Minute)
		}
		t.Run(line.file, func(t *testing.T) {
			raw := corpusMail(t, line.file)
			before := lastOutboxID(t, e)
			got, err := e.d.Ingest(ctx, raw)
			if err != nil {
				t.Fatalf("ingest: %v", err)
			}
			notified := clerkNotices(t, e, before) > 0
			checkIngested(t, line, got, notified)
		})
	}
}

// checkIngested compares what Ingest reported with the manifest line.
func checkIngested(t *testing.T, want corpusLine, got Ingested, notified bool) {
	t.Helper()
	valid := 0
	var versions []int
	for _, s := range got.Submissions {
		if s.Valid {
			valid++
		}
		versions = append(versions, s.Version)
	}
	if got.Outcome != want.outcome {
		t.Errorf("outcome: got %s, want %s (note: %s)", got.Outcome, want.outcome, got.Note)
	}
	if got.Reply != want.reply {
		t.Errorf("reply: got %s, want %s", got.Reply, want.reply)
	}
	if len(got.Submissions) != want.recorded || valid != want.valid {
		t.Errorf("submissions: got %d/%d (recorded/valid), want %d/%d", len(got.Submissions), valid, want.recorded, want.valid)
	}
	if !slices.Equal(versions, want.versions) {
		t.Errorf("versions: got %v, want %v", versions, want.versions)
	}
	if got.Duplicate != want.duplicate {
		t.Errorf("duplicate: got %v, want %v", got.Duplicate, want.duplicate)
	}
	if notified != want.notified {
		t.Errorf("clerk notified: got %v, want %v", notified, want.notified)
	}
	if t.Failed() {
		t.Logf("case: %s", want.what)
	}
}

// lastOutboxID is the highest ID in the outbox, 0 when it is empty.
func lastOutboxID(t *testing.T, e *env) int64 {
	t.Helper()
	all, err := e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	for _, m := range all {
		last = max(last, m.ID)
	}
	return last
}

// clerkNotices counts the outbox mails queued after the one with ID after that tell a clerk of
// the Planning Office something: addressed to a clerk, and not the receipt or error list
// answering the clerk's own mail.
func clerkNotices(t *testing.T, e *env, after int64) int {
	t.Helper()
	all, err := e.ledger.Outbox(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var clerks []string
	for _, p := range e.cfg.Clerks() {
		clerks = append(clerks, p.Emails...)
	}
	n := 0
	for _, m := range all {
		if m.ID > after && m.Kind != ledger.KindReceipt && m.Kind != ledger.KindRejection && toAny(m, clerks) {
			n++
		}
	}
	return n
}

func toAny(m ledger.OutMail, addrs []string) bool {
	for _, a := range append(slices.Clone(m.To), m.Cc...) {
		if slices.ContainsFunc(addrs, func(b string) bool { return strings.EqualFold(a, b) }) {
			return true
		}
	}
	return false
}

// corpusMail returns the raw message of a manifest line as the office's MX delivers it: a file
// of testdata/mail, or for "gen:oversize-unit" a unit's mail with a 31 MiB attachment, built
// here rather than checked in.
func corpusMail(t *testing.T, file string) []byte {
	t.Helper()
	if file == "gen:oversize-unit" {
		return oversizeMail()
	}
	raw, err := os.ReadFile(filepath.Join(corpusDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return officetest.Delivered(raw)
}

// oversizeMail is QLDN's mail with a 31 MiB "workbook", over the default
// mailbox.max_message_bytes (30 MiB). The file repeats one 57-byte block, so its base64 is one
// 76-character line repeated: quick to build even under the race detector, the more so as the
// message is written once into a buffer of its exact size (every byte the race detector sees
// written costs it a shadow write, and every fresh page of a large buffer a page fault).
func oversizeMail() []byte {
	block := []byte("tonghop corpus: a unit's file far over the mailbox limit.")[:57]
	line := base64.StdEncoding.EncodeToString(block) + "\r\n"
	head := "From: qldn@kcn.example\r\nTo: tonghop@kcn.example\r\nDate: Mon, 16 Nov 2026 18:50:00 +0700\r\n" +
		"Message-ID: <corpus-oversize@kcn.example>\r\nSubject: =?UTF-8?B?QsOhbyBjw6FvIHRow6FuZyAxMQ==?=\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"big\"\r\n\r\n" +
		"--big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi Văn phòng.\r\n" +
		"--big\r\nContent-Type: " + corpusXLSXType + "; name=\"BM.02.01-KH_2026-11_QLDN.xlsx\"\r\n" +
		"Content-Disposition: attachment; filename=\"BM.02.01-KH_2026-11_QLDN.xlsx\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n"
	const tail = "--big--\r\n"
	lines := (31<<20)/len(block) + 1
	b := make([]byte, len(head)+lines*len(line)+len(tail))
	n := copy(b, head)
	body := b[n : n+lines*len(line)]
	for filled := copy(body, line); filled < len(body); { // doubling, as strings.Repeat does
		filled += copy(body[filled:], body[:filled])
	}
	copy(b[n+len(body):], tail)
	return b
}

// readCorpusManifest reads MANIFEST.tsv and checks it names every .eml of the corpus once.
func readCorpusManifest(t *testing.T) []corpusLine {
	t.Helper()
	rows := manifestRows(t, corpusDir, "file\toutcome\treply\tsubmissions\tversions\tduplicate\tnotified\tcase\tsource")
	var lines []corpusLine
	listed := map[string]bool{}
	for i, row := range rows[1:] {
		line, err := parseCorpusLine(row)
		if err != nil {
			t.Fatalf("manifest line %d: %v", i+2, err)
		}
		if listed[line.file] {
			t.Fatalf("manifest line %d: %s listed twice", i+2, line.file)
		}
		listed[line.file] = true
		lines = append(lines, line)
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("manifest: %s is not listed", filepath.Base(f))
		}
	}
	return lines
}

func parseCorpusLine(row string) (corpusLine, error) {
	f := strings.Split(row, "\t")
	if len(f) != 9 {
		return corpusLine{}, fmt.Errorf("got %d columns, want 9", len(f))
	}
	l := corpusLine{file: f[0], outcome: f[1], reply: f[2], duplicate: f[5] == "yes", notified: f[6] == "yes", what: f[7]}
	if !slices.Contains([]string{"accepted", "invalid", "quarantined", "ignored"}, l.outcome) ||
		!slices.Contains([]string{"receipt", "errors", "receipt+errors", "none"}, l.reply) {
		return l, fmt.Errorf("outcome %q or reply %q is not one Ingest reports", l.outcome, l.reply)
	}
	for _, yn := range f[5:7] {
		if yn != "yes" && yn != "no" {
			return l, fmt.Errorf("duplicate/notified %q: want yes or no", yn)
		}
	}
	rec, val, ok := strings.Cut(f[3], "/")
	var err1, err2 error
	l.recorded, err1 = strconv.Atoi(rec)
	l.valid, err2 = strconv.Atoi(val)
	if !ok || err1 != nil || err2 != nil {
		return l, fmt.Errorf("submissions %q: want recorded/valid", f[3])
	}
	if f[4] != "-" {
		for _, v := range strings.Split(f[4], ",") {
			n, err := strconv.Atoi(v)
			if err != nil {
				return l, fmt.Errorf("versions %q: %v", f[4], err)
			}
			l.versions = append(l.versions, n)
		}
	}
	if len(l.versions) != l.recorded {
		return l, fmt.Errorf("%d versions for %d submissions", len(l.versions), l.recorded)
	}
	return l, nil
}

// manifestRows reads dir's MANIFEST.tsv, checks its header and returns every row, the header
// first (line numbers in messages are the index plus one).
func manifestRows(t *testing.T, dir, header string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if rows[0] != header {
		t.Fatalf("manifest header: got %q, want %q", rows[0], header)
	}
	return rows
}

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// The daemon's mail corpus: real and generated messages, made for the daemon's test office.
const (
	corpusDir = "../../daemon/testdata/mail"
	corpusKey = "daemon-test-key"
)

// TestCheck_AgreesWithDaemon ingests the daemon's mail corpus in order, as the daemon's corpus
// test does, and runs `tonghop check --json --unit U --at T` on every workbook the daemon read
// and recorded: the command and the daemon must agree on form, unit, period, validity and every
// error by sheet and cell. Both call one judgement (package receive); this holds them to it.
func TestCheck_AgreesWithDaemon(t *testing.T) {
	t.Parallel()
	cfgPath, _, site, d, clk := corpusDaemon(t)
	ctx := context.Background()
	compared := 0
	for i, file := range corpusFiles(t) {
		if i > 0 {
			clk.Advance(10 * time.Minute)
		}
		raw, err := os.ReadFile(filepath.Join(corpusDir, file))
		if err != nil {
			t.Fatal(err)
		}
		raw = officetest.Delivered(raw)
		ig, err := d.Ingest(ctx, raw)
		if err != nil {
			t.Fatalf("%s: ingest: %v", file, err)
		}
		if ig.Duplicate {
			continue // recorded before, from another copy: nothing new to compare
		}
		for _, sub := range recordedFrom(t, site.Ledger, raw) {
			t.Run(file+"/"+sub.FileName, func(t *testing.T) {
				got := checkAttachment(t, cfgPath, raw, sub, clk.Now())
				compareVerdicts(t, sub, got)
				compareLetter(t, site.Ledger, raw, sub, got)
			})
			compared++
		}
	}
	t.Logf("check and the daemon agree on %d workbooks", compared)
	if compared < 20 {
		t.Fatalf("compared %d workbooks, want at least 20: the corpus did not reach the check", compared)
	}
}

// corpusFiles lists the corpus in manifest order, leaving out generated lines.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, row := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		name, _, _ := strings.Cut(row, "\t")
		if strings.HasSuffix(name, ".eml") {
			files = append(files, name)
		}
	}
	return files
}

// recordedFrom returns the submissions the daemon recorded from the raw mail.
func recordedFrom(t *testing.T, l *ledger.Ledger, raw []byte) []ledger.Submission {
	t.Helper()
	ctx := context.Background()
	sum := sha256.Sum256(raw)
	m, err := l.MailBySHA(ctx, hex.EncodeToString(sum[:]))
	if err != nil {
		t.Fatalf("mail not recorded: %v", err)
	}
	var out []ledger.Submission
	seen := map[[2]string]bool{}
	for _, f := range []string{"BM.04.01/KH", "BM.04.02/KH", "BM.02.01/KH", "KT-XH"} {
		for _, p := range []string{"2026-W47", "2026-W48", "2026-W49", "2026-10", "2026-11", "2026-12"} {
			if seen[[2]string{f, p}] {
				continue
			}
			seen[[2]string{f, p}] = true
			subs, err := l.Submissions(ctx, f, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range subs {
				if s.MailID == m.ID {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// checkAttachment writes the attachment the submission came from under its own name and runs
// the check command on it as the submission's unit, at the time the daemon received it.
func checkAttachment(t *testing.T, cfgPath string, raw []byte, sub ledger.Submission, at time.Time) checkResult {
	t.Helper()
	msg, err := intake.Parse(raw, intake.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(msg.Attachments, func(a intake.Attachment) bool { return a.Name == sub.FileName && a.Data != nil })
	if i < 0 {
		t.Fatalf("no attachment %q in the mail", sub.FileName)
	}
	file := filepath.Join(t.TempDir(), office.SafeName(sub.FileName))
	if err := os.WriteFile(file, msg.Attachments[i].Data, 0o600); err != nil {
		t.Fatal(err)
	}
	when := at.In(period.DefaultLocation()).Format("2006-01-02 15:04")
	code, stdout, stderr := runCLI(t, "check", "--config", cfgPath, "--json", "--unit", sub.Unit, "--at", when, file)
	var got checkResult
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("check exit %d, not JSON: %v\n%s%s", code, err, stdout, stderr)
	}
	if wantCode := map[bool]int{true: checkValid, false: checkInvalid}[got.Valid]; code != wantCode {
		t.Errorf("check exit %d for valid=%v", code, got.Valid)
	}
	return got
}

// compareVerdicts holds check's answer to what the daemon recorded.
func compareVerdicts(t *testing.T, sub ledger.Submission, got checkResult) {
	t.Helper()
	var rec struct {
		Errors []form.Problem `json:"errors"`
	}
	if err := json.Unmarshal(sub.Problems, &rec); err != nil {
		t.Fatal(err)
	}
	// check names the unit the file says it is; the daemon files it under the unit that sent it
	// and says, with a wrong_unit error, that the two differ.
	unit := got.Unit
	if slices.ContainsFunc(rec.Errors, func(p form.Problem) bool { return p.Code == "wrong_unit" }) {
		unit = sub.Unit
	}
	if got.Form != sub.Form || unit != sub.Unit || got.Period != sub.Period || got.Valid != sub.Valid {
		t.Errorf("check says %s %s %s valid=%v; the daemon recorded %s %s %s valid=%v",
			got.Form, got.Unit, got.Period, got.Valid, sub.Form, sub.Unit, sub.Period, sub.Valid)
	}
	if g, w := problemKeys(got.Errors), problemKeys(rec.Errors); !slices.Equal(g, w) {
		t.Errorf("errors differ:\ncheck:  %v\ndaemon: %v", g, w)
	}
}

// problemKeys names each problem by where it is and what it is: sheet!cell code field.
func problemKeys(ps []form.Problem) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Sheet+"!"+p.Cell+" "+p.Code+" "+p.Field)
	}
	return out
}

// corpusDaemon is the corpus office (its config file and config), opened as a process opens it,
// and a daemon on it whose manual clock starts on Monday 16/11/2026 09:00: what the daemon judged
// of a mail is then compared with what `tonghop check` says of its workbook.
func corpusDaemon(t *testing.T) (string, *config.Config, *office.Site, *daemon.Daemon, *clock.Manual) {
	t.Helper()
	_, cfgPath := officetest.OfficeWith(t, corpusKey, officetest.Options{})
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	site, err := office.Open(context.Background(), cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	clk := clock.NewManual(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	d, err := daemon.New(daemon.Options{Office: site.Office, Ledger: site.Ledger, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return cfgPath, cfg, site, d, clk
}

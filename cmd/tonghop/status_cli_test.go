package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// Tests of the listings a clerk runs by hand: calendar, deadlines and status.

// listingConfig writes a small office configuration into a temporary directory and returns its
// path and data directory (not created). office is added under [office], forms after the
// units. The mail passwords name an environment variable that is not set: the listings must
// not need them.
func statusOffice(t *testing.T) (cfg, dataDir string) {
	t.Helper()
	cfg, dataDir = listingConfig(t, "", bm0201+"[[forms]]\ncode = \"BM.04.01/KH\"\n")
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	at := func(s string) time.Time { return officeTime(t, s) }
	periods := []ledger.Period{
		{Form: "BM.02.01/KH", Period: "2025-09", Start: at("2025-09-01 00:00"), End: at("2025-10-01 00:00"),
			Deadline: at("2025-09-18 17:00"), OpenedAt: at("2025-09-11 08:00")},
		{Form: "BM.02.01/KH", Period: "2025-10", Start: at("2025-10-01 00:00"), End: at("2025-11-01 00:00"),
			Deadline: at("2025-10-17 17:00"), OpenedAt: at("2025-10-09 08:00"), Status: ledger.PeriodClosed},
		{Form: "BM.04.01/KH", Period: "2025-W40", Start: at("2025-09-29 00:00"), End: at("2025-10-06 00:00"),
			Deadline: at("2025-09-25 15:00"), OpenedAt: at("2025-09-22 08:00")},
	}
	for _, p := range periods {
		if _, err := l.EnsurePeriod(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	subs := []struct {
		form, unit, period string
		valid              bool
		at                 string
	}{
		{"BM.02.01/KH", "QLDN", "2025-09", true, "2025-09-17 09:00"},
		{"BM.02.01/KH", "QLDT", "2025-09", true, "2025-09-20 10:00"},
		{"BM.02.01/KH", "QHXD", "2025-09", false, "2025-09-18 16:00"},
		{"BM.02.01/KH", "QLDT", "2025-10", false, "2025-10-15 09:00"},
		{"BM.02.01/KH", "QLDT", "2025-10", true, "2025-10-16 16:30"},
		{"BM.02.01/KH", "QHXD", "2025-10", true, "2025-10-17 17:00"},
		{"BM.04.01/KH", "QLDN", "2025-W40", true, "2025-09-25 11:00"},
	}
	for i, s := range subs {
		raw := []byte(strconv.Itoa(i) + " mail from " + s.unit)
		mailSHA, err := l.PutBlob(raw)
		if err != nil {
			t.Fatal(err)
		}
		fileSHA, err := l.PutBlob(append(raw, " workbook"...))
		if err != nil {
			t.Fatal(err)
		}
		_, err = l.RecordIntake(ctx, ledger.Intake{
			Mail: ledger.Mail{SHA256: mailSHA, From: strings.ToLower(s.unit) + "@kcn.example", Subject: "Báo cáo",
				Size: int64(len(raw)), Mailbox: "INBOX", ReceivedAt: at(s.at), Outcome: ledger.OutcomeAccepted},
			Submissions: []ledger.Submission{{Form: s.form, Unit: s.unit, Period: s.period, FileName: s.unit + ".xlsx",
				FileSHA256: fileSHA, Valid: s.valid}},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sendReminders(t, l)
	return cfg, dataDir
}

// sendReminders puts mails through the outbox: a reminder and a nag to QLDN for BM.02.01/KH
// 2025-10 are sent (the nag copying the supervisor); a template and a receipt are sent too but
// are not reminders; a second nag stays pending and was never sent.
func sendReminders(t *testing.T, l *ledger.Ledger) {
	t.Helper()
	ctx := context.Background()
	const form, period, unit = "BM.02.01/KH", "2025-10", "QLDN"
	step := func(kind ledger.Kind, key string, n int) ledger.OutMail {
		return ledger.OutMail{Key: key, Kind: kind, About: ledger.About{Form: form, Period: period, Unit: unit, Step: n}}
	}
	sentAt := map[string]time.Time{
		"reminder:BM.02.01/KH:2025-10:QLDN:1": officeTime(t, "2025-10-14 08:00"),
		"nag:BM.02.01/KH:2025-10:QLDN:1":      officeTime(t, "2025-10-19 08:00"),
		"template:BM.02.01/KH:2025-10:QLDN":   officeTime(t, "2025-10-09 08:00"),
		"receipt:0123":                        officeTime(t, "2025-10-15 09:01"),
	}
	for _, m := range []ledger.OutMail{
		step(ledger.KindReminder, ledger.ReminderKey(form, period, unit, 1), 1),
		step(ledger.KindNag, ledger.NagKey(form, period, unit, 1), 1),
		step(ledger.KindTemplate, ledger.TemplateKey(form, period, unit), 0),
		{Key: ledger.ReceiptKey("0123"), Kind: ledger.KindReceipt},
	} {
		when := sentAt[m.Key]
		m.To, m.Subject, m.NotBefore, m.CreatedAt = []string{"qldn@kcn.example"}, m.Key, when, when
		if m.Kind == ledger.KindNag {
			m.Cc = []string{"ptb@kcn.example"}
		}
		if _, _, err := l.Enqueue(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	claimed, err := l.ClaimDue(ctx, officeTime(t, "2025-10-20 00:00"), 10)
	if err != nil || len(claimed) != len(sentAt) {
		t.Fatalf("ClaimDue: got %d mails, %v; want %d", len(claimed), err, len(sentAt))
	}
	for _, m := range claimed {
		if err := l.MarkSent(ctx, m.ID, "<"+m.Key+"@kcn.example>", sentAt[m.Key]); err != nil {
			t.Fatal(err)
		}
	}
	pending := step(ledger.KindNag, ledger.NagKey(form, period, unit, 2), 2)
	pending.To, pending.NotBefore, pending.CreatedAt = []string{"qldn@kcn.example"}, officeTime(t, "2025-10-20 08:00"), officeTime(t, "2025-10-19 08:00")
	if _, _, err := l.Enqueue(ctx, pending); err != nil {
		t.Fatal(err)
	}
}

// tableRows reads the pipe table of a text status: row label → cells.
func tableRows(out string) map[string][]string {
	rows := map[string][]string{}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
			cells = append(cells, strings.TrimSpace(c))
		}
		rows[cells[0]] = cells[1:]
	}
	return rows
}

func TestStatus_Text(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	code, stdout, stderr := runCLI(t, "status", "--config", cfg, "--form", "BM.02.01/KH")
	if code != 0 {
		t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
	}
	rows := tableRows(stdout)
	want := map[string][]string{
		"Đơn vị": {"Tháng 9/2025", "Tháng 10/2025"},
		"QLDN":   {"đúng hạn", "chưa gửi"},
		"QLDT":   {"trễ 1n17g", "đúng hạn, lần 2"},
		"QHXD":   {"không hợp lệ", "đúng hạn"},
	}
	for label, cells := range want {
		if strings.Join(rows[label], "|") != strings.Join(cells, "|") {
			t.Errorf("row %s: got %q, want %q\n%s", label, rows[label], cells, stdout)
		}
	}
	if len(rows) != len(want) {
		t.Errorf("table rows: got %d, want %d\n%s", len(rows), len(want), stdout)
	}
	for _, s := range []string{
		"Tình hình gửi báo cáo — biểu mẫu BM.02.01/KH — tính đến ",
		"Tháng 9/2025: thời hạn gửi 17:00 ngày 18/9/2025, thứ Năm. Tỷ lệ báo cáo 2/3 (66,7%), đúng hạn 1/3 (33,3%).\n",
		"Tháng 10/2025: thời hạn gửi 17:00 ngày 17/10/2025, thứ Sáu; đã chốt số liệu. Tỷ lệ báo cáo 2/3 (66,7%), đúng hạn 2/3 (66,7%).\n",
		"Chú thích:",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output lacks %q:\n%s", s, stdout)
		}
	}
	if strings.Contains(stdout, "BM.04.01/KH") || strings.Contains(stdout, "Tuần 40") || strings.Contains(stdout, "2025-") {
		t.Errorf("--form BM.02.01/KH printed the other form:\n%s", stdout)
	}
}

// tsvRecords runs status --tsv and returns its records by "unit form period", each as its
// fields; it checks the header.
func tsvRecords(t *testing.T, args ...string) map[string][]string {
	t.Helper()
	code, stdout, stderr := runCLI(t, append([]string{"status", "--tsv"}, args...)...)
	if code != 0 {
		t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
	}
	recs := map[string][]string{}
	for i, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if line == "unit\tform\tperiod\tstate\tversion\tversions\tfirst_valid\tcounted\tlate_seconds\treminders\tissued_version\tafter_issue" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 12 {
			t.Fatalf("line %d: got %d fields, want 12: %q", i+1, len(f), line)
		}
		recs[f[0]+" "+f[1]+" "+f[2]] = f
	}
	if !strings.HasPrefix(stdout, "unit\tform\t") {
		t.Errorf("tsv: got %q, want it to start with the header", stdout)
	}
	return recs
}

func TestStatus_TSV(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	recs := tsvRecords(t, "--config", cfg)
	// Fields after unit, form and period: state, version, versions, first valid, counted, late
	// seconds ("*": any positive number, the time since the deadline), reminders, the version
	// the issued report counted and a file after the issue (none issued here: both empty).
	want := map[string]string{
		"QLDN BM.02.01/KH 2025-09":  "on_time 1 1 2025-09-17T09:00:00+07:00 2025-09-17T09:00:00+07:00 0   ",
		"QLDN BM.02.01/KH 2025-10":  "missing 0 0   * reminder#1@2025-10-14T08:00+07:00;nag#1@2025-10-19T08:00+07:00  ",
		"QLDT BM.02.01/KH 2025-09":  "late 1 1 2025-09-20T10:00:00+07:00 2025-09-20T10:00:00+07:00 147600   ",
		"QLDT BM.02.01/KH 2025-10":  "on_time 2 2 2025-10-16T16:30:00+07:00 2025-10-16T16:30:00+07:00 0   ",
		"QHXD BM.02.01/KH 2025-09":  "invalid 0 1   *   ",
		"QHXD BM.02.01/KH 2025-10":  "on_time 1 1 2025-10-17T17:00:00+07:00 2025-10-17T17:00:00+07:00 0   ",
		"QLDN BM.04.01/KH 2025-W40": "on_time 1 1 2025-09-25T11:00:00+07:00 2025-09-25T11:00:00+07:00 0   ",
		"QLDT BM.04.01/KH 2025-W40": "missing 0 0   *   ",
		"QHXD BM.04.01/KH 2025-W40": "missing 0 0   *   ",
	}
	for k, w := range want {
		f, ok := recs[k]
		if !ok {
			t.Errorf("no line for %s", k)
			continue
		}
		wf := strings.Split(w, " ")
		if wf[5] == "*" {
			if n, err := strconv.ParseInt(f[8], 10, 64); err != nil || n <= 0 {
				t.Errorf("%s: late_seconds: got %q, want a positive number (time since the deadline)", k, f[8])
			}
			wf[5] = f[8]
		}
		if got := strings.Join(f[3:], " "); got != strings.Join(wf, " ") {
			t.Errorf("%s:\n got %q\nwant %q", k, got, strings.Join(wf, " "))
		}
	}
	if len(recs) != len(want) {
		t.Errorf("tsv records: got %d, want %d: %v", len(recs), len(want), recs)
	}
}

func TestStatus_Filters(t *testing.T) {
	t.Parallel()
	cfg, dataDir := statusOffice(t)
	tests := []struct {
		name string
		args []string
		want []string // the records' keys, in order
	}{
		{"Form", []string{"--form", "BM.04.01/KH"}, []string{"QLDN BM.04.01/KH 2025-W40", "QLDT BM.04.01/KH 2025-W40", "QHXD BM.04.01/KH 2025-W40"}},
		{"Period", []string{"--form", "BM.02.01/KH", "--period", "2025-09"}, []string{"QLDN BM.02.01/KH 2025-09", "QLDT BM.02.01/KH 2025-09", "QHXD BM.02.01/KH 2025-09"}},
		{"Last", []string{"--form", "BM.02.01/KH", "--last", "1"}, []string{"QLDN BM.02.01/KH 2025-10", "QLDT BM.02.01/KH 2025-10", "QHXD BM.02.01/KH 2025-10"}},
		// A period not opened yet: no deadline known, every unit pending.
		{"PeriodNotOpened", []string{"--form", "BM.02.01/KH", "--period", "2025-12"}, []string{"QLDN BM.02.01/KH 2025-12", "QLDT BM.02.01/KH 2025-12", "QHXD BM.02.01/KH 2025-12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append([]string{"status", "--tsv", "--config", cfg}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")[1:] {
				f := strings.Split(line, "\t")
				got = append(got, f[0]+" "+f[1]+" "+f[2])
				if tt.name == "PeriodNotOpened" && f[3] != "pending" {
					t.Errorf("%s: state %q, want pending", line, f[3])
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("records:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	t.Run("PeriodNotOpenedText", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "status", "--config", cfg, "--form", "BM.02.01/KH", "--period", "2025-12")
		if w := "Tháng 12/2025: chưa đến hạn. Tỷ lệ báo cáo 0/3 (0%), đúng hạn 0/3 (0%)."; !strings.Contains(stdout, w) {
			t.Errorf("output lacks %q:\n%s", w, stdout)
		}
		if got := tableRows(stdout)["QLDN"]; len(got) != 1 || got[0] != "chưa đến hạn" {
			t.Errorf("QLDN: got %q, want [chưa đến hạn]", got)
		}
	})
	t.Run("AllForms", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "status", "--config", cfg)
		for _, s := range []string{"biểu mẫu BM.02.01/KH —", "biểu mẫu BM.04.01/KH —",
			"Tuần 40 (29/9 – 05/10/2025): thời hạn gửi 15:00 ngày 25/9/2025, thứ Năm. Tỷ lệ báo cáo 1/3 (33,3%), đúng hạn 1/3 (33,3%)."} {
			if !strings.Contains(stdout, s) {
				t.Errorf("output lacks %q:\n%s", s, stdout)
			}
		}
	})
	// The listing only reads: nothing it prints changes the ledger.
	if _, err := os.Stat(filepath.Join(dataDir, "ledger.db")); err != nil {
		t.Errorf("ledger: %v", err)
	}
}

func TestStatus_Usage(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", bm0201)
	withLedger, _ := statusOffice(t)
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"NoLedger", []string{"--config", cfg}, 1, "no ledger"},
		{"NoLedgerTSV", []string{"--config", cfg, "--tsv", "--form", "BM.02.01/KH"}, 1, "no ledger"},
		{"NoConfig", nil, 2, "want --config FILE"},
		{"LastZero", []string{"--config", withLedger, "--last", "0"}, 2, "--last of at least 1"},
		{"UnknownForm", []string{"--config", withLedger, "--form", "BM.99/KH"}, 2, `form "BM.99/KH" is not in`},
		{"BadPeriod", []string{"--config", withLedger, "--form", "BM.02.01/KH", "--period", "tháng 9"}, 2, "--period"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append([]string{"status"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr, tt.inStderr)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("stderr must be one line, got %q", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
		})
	}
	noLedger(t, dataDir)
}

// Without --form the status covers every form; what it prints must still make sense for each.
// It fails while runStatus builds and writes each form's matrix on its own.
func TestStatus_EveryForm(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	// --period 2025-W40 names a week: the monthly BM.02.01/KH has no such period and must not
	// get a column "2025-W40" of "chưa đến hạn" with a rate of 0/3.
	t.Run("PeriodOfAnotherKind", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, "status", "--config", cfg, "--period", "2025-W40", "--tsv")
		if code != 0 {
			t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
		}
		if strings.Contains(stdout, "BM.02.01/KH\t2025-W40") {
			t.Errorf("got lines for the monthly form in week 2025-W40, want none:\n%s", stdout)
		}
	})
	// A stream of TSV records has one header line, not one per form in the middle of the data.
	t.Run("OneTSVHeader", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "status", "--config", cfg, "--tsv")
		if n := strings.Count(stdout, "unit\tform\tperiod\t"); n != 1 {
			t.Errorf("header lines: got %d, want 1:\n%s", n, stdout)
		}
	})
	// A form with no period opened yet must still be named: a clerk cannot tell which form an
	// anonymous empty table ("biểu mẫu —") belongs to.
	t.Run("FormWithoutPeriods", func(t *testing.T) {
		cfg, dataDir := listingConfig(t, "", bm0201+"[[forms]]\ncode = \"BM.04.01/KH\"\n")
		recordIssued(t, dataDir, "BM.04.01/KH", "2025-W40", officeTime(t, "2025-09-26 10:00")) // creates the ledger
		code, stdout, stderr := runCLI(t, "status", "--config", cfg)
		if code != 0 {
			t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
		}
		for _, form := range []string{"BM.02.01/KH", "BM.04.01/KH"} {
			if !strings.Contains(stdout, form) {
				t.Errorf("output does not name %s:\n%s", form, stdout)
			}
		}
	})
}

// --at shows the matrix as it stood: a file that came later is not yet there.
func TestStatus_At(t *testing.T) {
	t.Parallel()
	cfg, _ := statusOffice(t)
	_, now, _ := runCLI(t, "status", "--config", cfg, "--form", "BM.02.01/KH", "--tsv")
	code, before, stderr := runCLI(t, "status", "--config", cfg, "--form", "BM.02.01/KH", "--tsv", "--at", "2025-08-01 00:00")
	if code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	if strings.Contains(before, "\ton_time\t") || !strings.Contains(now, "\ton_time\t") {
		t.Errorf("--at before any file: want no unit on time, and some now;\nbefore:\n%s\nnow:\n%s", before, now)
	}
	if code, _, _ := runCLI(t, "status", "--config", cfg, "--at", "1/8/2025"); code != 2 {
		t.Errorf("--at 1/8/2025: exit code %d, want 2", code)
	}
}

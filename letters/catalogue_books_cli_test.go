package letters_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

// What the clerk reads at a terminal: `tonghop status` and `tonghop deadlines` for the test
// office, with every state a cell can show.

func TestBooksCatalogue_Status(t *testing.T) {
	var b strings.Builder
	for _, m := range []status.Matrix{booksMonthlyMatrix(t), booksWeeklyMatrix(t)} {
		if err := m.WriteText(&b, booksICT); err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n")
	}
	b.WriteString(status.NoPeriodsLine("KT-XH") + "\n")
	booksGolden(t, "cli-status.txt", b.String(), nil)
}

func booksStatusUnits() []status.Unit {
	var units []status.Unit
	for _, u := range booksUnits {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
	}
	return units
}

func booksPeriod(t *testing.T, form, s string, deadline time.Time) status.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return status.Period{Form: form, Period: s, Label: p.Label(), Deadline: deadline}
}

// booksMonthlyMatrix: September approved counting QLDT's first file, which it sent again
// since; October approved a second time, being corrected again, with a file after the approval
// left out and one waiting for the desk's decision; November open.
func booksMonthlyMatrix(t *testing.T) status.Matrix {
	t.Helper()
	const f = "BM.02.01/KH"
	sep := booksPeriod(t, f, "2026-09", time.Date(2026, 9, 18, 17, 0, 0, 0, booksICT))
	sep.Closed = true
	sep.Issued = &status.Issue{Number: 1, Version: 2, At: time.Date(2026, 9, 22, 10, 0, 0, 0, booksICT),
		Basis: map[string]int{"QLDN": 1, "QLDT": 1, "QHXD": 1}}
	oct := booksPeriod(t, f, "2026-10", time.Date(2026, 10, 16, 17, 0, 0, 0, booksICT))
	oct.Closed, oct.Correcting = true, true
	oct.Issued = &status.Issue{Number: 2, Version: 3, At: time.Date(2026, 10, 23, 15, 0, 0, 0, booksICT),
		Basis: map[string]int{"QLDN": 1, "QLDT": 1, "QHXD": 1}}
	nov := booksPeriod(t, f, "2026-11", booksAt(18, 17, 0))
	sub := func(unit, per string, v int, valid bool, at time.Time, d status.Decision) status.Submission {
		return status.Submission{Form: f, Unit: unit, Period: per, Version: v, Valid: valid, ReceivedAt: at, Decision: d}
	}
	sepAt := func(day, hour int) time.Time { return time.Date(2026, 9, day, hour, 0, 0, 0, booksICT) }
	octAt := func(day, hour int) time.Time { return time.Date(2026, 10, day, hour, 0, 0, 0, booksICT) }
	subs := []status.Submission{
		sub("QLDN", "2026-09", 1, true, sepAt(17, 9), ""), sub("QLDT", "2026-09", 1, true, sepAt(18, 10), ""),
		sub("QLDT", "2026-09", 2, true, sepAt(25, 10), ""), sub("QHXD", "2026-09", 1, true, sepAt(20, 8), ""),
		sub("QHXD", "2026-09", 2, true, sepAt(24, 8), status.DecisionPending),
		sub("QLDN", "2026-10", 1, true, octAt(15, 9), ""), sub("QLDT", "2026-10", 1, true, octAt(16, 16), ""),
		sub("QHXD", "2026-10", 1, true, octAt(19, 11), ""),
		sub("QLMT", "2026-10", 1, true, octAt(26, 9), status.DecisionLeftOut),
		sub("QLDN", "2026-11", 1, true, booksAt(16, 9, 30), ""), sub("QLDT", "2026-11", 1, false, booksAt(17, 10, 0), ""),
	}
	return status.Build(booksStatusUnits(), []status.Period{sep, oct, nov}, subs, nil, booksAt(17, 14, 0))
}

// booksWeeklyMatrix: three weeks of work programs, late files by minutes, hours and days.
func booksWeeklyMatrix(t *testing.T) status.Matrix {
	t.Helper()
	const f = "BM.04.01/KH"
	w46 := booksPeriod(t, f, "2026-W46", booksAt(5, 15, 0))
	w47 := booksPeriod(t, f, "2026-W47", booksAt(12, 15, 0))
	w48 := booksPeriod(t, f, "2026-W48", booksAt(19, 15, 0))
	w46.Closed, w47.Closed = true, true
	sub := func(unit, per string, v int, at time.Time) status.Submission {
		return status.Submission{Form: f, Unit: unit, Period: per, Version: v, Valid: true, ReceivedAt: at}
	}
	subs := []status.Submission{
		sub("QLDN", "2026-W46", 1, booksAt(5, 15, 35)), sub("QLDT", "2026-W46", 1, booksAt(5, 9, 0)),
		sub("QHXD", "2026-W46", 1, booksAt(7, 20, 10)), sub("QLMT", "2026-W46", 1, booksAt(5, 14, 0)),
		sub("QLDN", "2026-W47", 1, booksAt(12, 8, 0)), sub("QLDT", "2026-W47", 1, booksAt(12, 14, 0)),
		sub("QLDT", "2026-W47", 2, booksAt(13, 9, 0)), sub("QHXD", "2026-W47", 1, booksAt(12, 20, 0)),
		sub("QLDN", "2026-W48", 1, booksAt(16, 8, 0)),
	}
	return status.Build(booksStatusUnits(), []status.Period{w46, w47, w48}, subs, nil, booksAt(17, 14, 0))
}

// booksOfficeConfig is the test office with the four built-in forms, a deadline moved with a
// note and one without.
const booksOfficeConfig = `data_dir = "data"
[office]
name = "Ban Quản lý các khu công nghiệp tỉnh Thái Nguyên"
[mailbox]
host = "127.0.0.1"
user = "tonghop@kcn.example"
password_env = "TONGHOP_CATALOGUE_UNSET"
[smtp]
host = "127.0.0.1"
user = "tonghop@kcn.example"
password_env = "TONGHOP_CATALOGUE_UNSET"
from = "tonghop@kcn.example"
[[units]]
code = "QLDN"
name = "Phòng Quản lý doanh nghiệp"
emails = ["qldn@kcn.example"]
[[forms]]
code = "BM.04.01/KH"
[[forms.deadline_overrides]]
period = "2026-W48"
deadline = "2026-11-20 10:00"
note = "Lãnh đạo Ban dời hạn do họp giao ban"
[[forms]]
code = "BM.04.02/KH"
[[forms]]
code = "BM.02.01/KH"
[[forms.deadline_overrides]]
period = "2026-06"
deadline = "2026-06-17 08:00"
[[forms]]
code = "KT-XH"
`

// TestBooksCatalogue_Deadlines: the deadlines listing of 2026, as `tonghop deadlines` prints
// it: the period and the deadline (the keys a clerk matches with the configuration), then in
// words what placed it. The work programs of weeks 47 and 48 are approved, so the assignments
// that follow them have a deadline; the others wait.
func TestBooksCatalogue_Deadlines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tonghop.toml")
	if err := os.WriteFile(path, []byte(booksOfficeConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.LoadListing(path)
	if err != nil {
		t.Fatal(err)
	}
	of, err := office.Compile(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := of.EventTimes(context.Background(), nil, nil)
	events := func(ev period.Event, p period.Period) (time.Time, bool) {
		if ev.Kind == period.EventIssue && (p.String() == "2026-W47" || p.String() == "2026-W48") {
			return booksAt(13+7*(p.N-47), 10, 0), true
		}
		return base(ev, p)
	}
	var b strings.Builder
	for _, f := range cfg.Forms {
		fmt.Fprintf(&b, "Biểu mẫu %s\n", f.Code)
		lines, err := of.Deadlines(context.Background(), nil, &f, 2026, events)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range lines {
			if p := line.Period; f.Code == "BM.04.02/KH" && (p.N < 45 || p.N > 50) {
				continue // a year of weeks waiting for the same approval says the same
			}
			fmt.Fprintln(&b, line.Format(cfg.Location))
		}
		b.WriteString("\n")
	}
	// The period and the time are the listing's keys; the explanation is what a person reads.
	explanation := func(line string) string {
		if fields := strings.Split(line, "\t"); len(fields) == 3 {
			return fields[2]
		}
		return line
	}
	booksGolden(t, "cli-deadlines.txt", b.String(), explanation)
}

// TestBooksCatalogue_OneDeadline: the template's cover (status.FormatDeadline) and the letters
// (letters.FormatDeadline) name the same day and time for a deadline: a deadline at midnight is
// the whole day before in both.
func TestBooksCatalogue_OneDeadline(t *testing.T) {
	dates := regexp.MustCompile(`[0-9]{2}/[0-9]{1,2}/[0-9]{4}`)
	clock := regexp.MustCompile(`[0-9]{2}:[0-9]{2}`)
	for _, d := range []time.Time{booksAt(18, 17, 0), booksAt(16, 0, 0), booksAt(15, 23, 59), booksAt(16, 0, 1),
		time.Date(2027, 1, 1, 0, 0, 0, 0, booksICT), time.Date(2026, 3, 2, 9, 5, 0, 0, booksICT)} {
		cover, letter := status.FormatDeadline(d), letters.FormatDeadline(d)
		if !slices.Equal(dates.FindAllString(cover, -1), dates.FindAllString(letter, -1)) ||
			!slices.Equal(clock.FindAllString(cover, -1), clock.FindAllString(letter, -1)) {
			t.Errorf("%v: the cover says %q, the letters %q", d, cover, letter)
		}
	}
}

// TestBooksCatalogue_OneLateness: the workbooks (status.DelayText) and the letters
// (letters.FormatDuration) write a lateness in the same words.
func TestBooksCatalogue_OneLateness(t *testing.T) {
	for _, d := range []time.Duration{0, 20 * time.Second, 34*time.Minute + 20*time.Second, 5*time.Hour + 20*time.Minute,
		38 * time.Hour, 72 * time.Hour} {
		if got, want := status.DelayText(d), letters.FormatDuration(d); got != want {
			t.Errorf("%v: the workbook writes %q, the letters %q", d, got, want)
		}
	}
}

package main

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// Tests of the listings a clerk runs by hand: calendar, deadlines and status.

// listingConfig writes a small office configuration into a temporary directory and returns its
// path and data directory (not created). office is added under [office], forms after the
// units. The mail passwords name an environment variable that is not set: the listings must
// not need them.
var deadlinesMonthly2027 = []string{
	"2027-01\t2027-01-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-02\t2027-02-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-03\t2027-03-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-04\t2027-04-15 17:00\ttheo quy định: ngày 18 hằng tháng; 18/4/2027 là ngày nghỉ hằng tuần (Chủ nhật), chuyển sang ngày làm việc trước đó",
	"2027-05\t2027-05-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-06\t2027-06-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-07\t2027-07-16 17:00\ttheo quy định: ngày 18 hằng tháng; 18/7/2027 là ngày nghỉ hằng tuần (Chủ nhật), chuyển sang ngày làm việc trước đó",
	"2027-08\t2027-08-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-09\t2027-09-17 17:00\ttheo quy định: ngày 18 hằng tháng; 18/9/2027 là ngày nghỉ hằng tuần (Thứ Bảy), chuyển sang ngày làm việc trước đó",
	"2027-10\t2027-10-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-11\t2027-11-18 17:00\ttheo quy định: ngày 18 hằng tháng",
	"2027-12\t2027-12-17 17:00\ttheo quy định: ngày 18 hằng tháng; 18/12/2027 là ngày nghỉ hằng tuần (Thứ Bảy), chuyển sang ngày làm việc trước đó",
}

func TestDeadlines_Monthly(t *testing.T) {
	t.Parallel()
	builtin, dataDir := listingConfig(t, "", bm0201)
	code, stdout, stderr := runCLI(t, "deadlines", "--config", builtin, "--form", "BM.02.01/KH", "--year", "2027")
	if code != 0 {
		t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
	}
	diffLines(t, stdout, lines(deadlinesMonthly2027...))
	noLedger(t, dataDir)
}

// deadlineLines runs the deadlines listing and returns its lines by period.
func deadlineLines(t *testing.T, cfg, form string, year int) map[string]string {
	t.Helper()
	code, stdout, stderr := runCLI(t, "deadlines", "--config", cfg, "--form", form, "--year", strconv.Itoa(year))
	if code != 0 {
		t.Fatalf("deadlines %s %d: exit code %d, want 0 (stderr %q)", form, year, code, stderr)
	}
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		p, _, _ := strings.Cut(line, "\t")
		if _, dup := out[p]; dup {
			t.Errorf("period %s listed twice", p)
		}
		out[p] = line
	}
	return out
}

func TestDeadlines_Lines(t *testing.T) {
	t.Parallel()
	// A weekly program due "thu 15:00" for the week after (plans_next): the line of week W
	// shows the Thursday of week W-1. An override on the monthly form. The monthly form again,
	// with deadlines on a day off moving to the next working day.
	weekly, weeklyData := listingConfig(t, "", `[[forms]]
code = "BM.04.01/KH"
period = "week"
deadline = "thu 15:00"
plans_next = true
[[forms]]
code = "BM.02.01/KH"
[[forms.deadline_overrides]]
period = "2027-04"
deadline = "2027-04-19 10:00"
note = "Lãnh đạo Ban cho lùi hạn sau dịp Giỗ Tổ"
[[forms.deadline_overrides]]
period = "2027-06"
deadline = "2027-06-17 08:00"
`)
	next, nextData := listingConfig(t, "", `[[forms]]
code = "BM.02.01/KH"
deadline_day_off = "next"
[[forms]]
code = "BM.04.01/KH"
deadline_day_off = "next"
`)
	moved := "chuyển sang ngày làm việc trước đó"
	tests := []struct {
		name, cfg, form string
		year            int
		lines           int // number of periods listed
		period, want    string
	}{
		// Thursday 19/2/2026 is Tết (mùng 3) and the whole week 16–20/2 is off: the program
		// for week 9 is due on Friday 13/2.
		{"WeeklyTet", weekly, "BM.04.01/KH", 2026, 53, "2026-W09",
			"2026-W09\t2026-02-13 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần; 19/02/2026 là Tết Nguyên đán (mùng 3), " + moved},
		{"WeeklyPlain", weekly, "BM.04.01/KH", 2026, 53, "2026-W18", "2026-W18\t2026-04-23 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần"},
		// Thursday 30/4/2026 (week 18) is a holiday: the program for week 19 is due Wednesday 29/4.
		{"WeeklyVictoryDay", weekly, "BM.04.01/KH", 2026, 53, "2026-W19",
			"2026-W19\t2026-04-29 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần; 30/4/2026 là Ngày Chiến thắng (30/4), " + moved},
		// 2026 has 53 ISO weeks (1/1/2026 is a Thursday); the program for 2027-W01 is due on
		// Thursday 31/12/2026 of 2026-W53.
		{"WeeklyAcrossNewYear", weekly, "BM.04.01/KH", 2027, 52, "2027-W01", "2027-W01\t2026-12-31 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần"},
		// Thursday 11/2/2027 is the day given back for mùng 2; 10, 9, 8 and 5/2 are off too.
		{"WeeklyTetCompensation", weekly, "BM.04.01/KH", 2027, 52, "2027-W07",
			"2027-W07\t2027-02-12 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần; 11/02/2027 là Nghỉ bù cho Tết Nguyên đán (mùng 2), chuyển sang ngày làm việc sau đó"},
		// Thursday 2/9/2027 is Quốc khánh: the program for week 36 is due Wednesday 1/9.
		{"WeeklyNationalDay", weekly, "BM.04.01/KH", 2027, 52, "2027-W36",
			"2027-W36\t2027-09-01 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần; 02/9/2027 là Quốc khánh (2/9), " + moved},
		{"Override", weekly, "BM.02.01/KH", 2027, 12, "2027-04",
			"2027-04\t2027-04-19 10:00\thạn được điều chỉnh riêng cho kỳ này: Lãnh đạo Ban cho lùi hạn sau dịp Giỗ Tổ"},
		{"OverrideWithoutNote", weekly, "BM.02.01/KH", 2027, 12, "2027-06",
			"2027-06\t2027-06-17 08:00\thạn được điều chỉnh riêng cho kỳ này"},
		{"OverrideLeavesOthers", weekly, "BM.02.01/KH", 2027, 12, "2027-05", deadlinesMonthly2027[4]},
		{"NextSunday", next, "BM.02.01/KH", 2027, 12, "2027-04",
			"2027-04\t2027-04-19 17:00\ttheo quy định: ngày 18 hằng tháng; 18/4/2027 là ngày nghỉ hằng tuần (Chủ nhật), chuyển sang ngày làm việc sau đó"},
		{"NextSaturday", next, "BM.02.01/KH", 2027, 12, "2027-09",
			"2027-09\t2027-09-20 17:00\ttheo quy định: ngày 18 hằng tháng; 18/9/2027 là ngày nghỉ hằng tuần (Thứ Bảy), chuyển sang ngày làm việc sau đó"},
		{"NextWorkingDayUnchanged", next, "BM.02.01/KH", 2027, 12, "2027-03", deadlinesMonthly2027[2]},
		// 30/4/2026 and 1/5 are holidays, 2–3/5 the weekend: the next working day is Monday 4/5.
		{"NextWeekly", next, "BM.04.01/KH", 2026, 53, "2026-W19",
			"2026-W19\t2026-05-04 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần; 30/4/2026 là Ngày Chiến thắng (30/4), chuyển sang ngày làm việc sau đó"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := deadlineLines(t, tt.cfg, tt.form, tt.year)
			if len(got) != tt.lines {
				t.Errorf("periods listed: got %d, want %d", len(got), tt.lines)
			}
			if got[tt.period] != tt.want {
				t.Errorf("line of %s:\n got %q\nwant %q", tt.period, got[tt.period], tt.want)
			}
		})
	}
	noLedger(t, weeklyData)
	noLedger(t, nextData)
}

// officeTime reads "2026-11-20 10:00" in the office zone.
func officeTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.ParseInLocation("2006-01-02 15:04", s, period.DefaultLocation())
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func mustPeriod(t *testing.T, s string) period.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// recordIssued writes into the ledger of dataDir (creating it) that the report of form for
// period p was issued at.
func recordIssued(t *testing.T, dataDir, form, p string, at time.Time) {
	t.Helper()
	ctx := context.Background()
	l, err := ledger.Open(ctx, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	err = l.Record(ctx, ledger.Event{At: at, Actor: "leader:tb", Action: ledger.ActionReportIssued,
		Object: ledger.PeriodObject(form, mustPeriod(t, p).String())})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDeadlines_AfterIssue(t *testing.T) {
	t.Parallel()
	// Built-in BM.04.02/KH: "5 working days after issue of BM.04.01/KH" of the same week.
	cfg, dataDir := listingConfig(t, "", "[[forms]]\ncode = \"BM.04.01/KH\"\n[[forms]]\ncode = \"BM.04.02/KH\"\n")
	rule := "theo quy định: ngày làm việc thứ 5 sau khi báo cáo theo biểu mẫu BM.04.01/KH được duyệt"
	pending := func(p string) string {
		return p + "\t—\tchưa xác định: hạn là ngày làm việc thứ 5 sau khi báo cáo theo biểu mẫu BM.04.01/KH được duyệt; báo cáo " +
			strings.ToLower(mustPeriod(t, p).Label()[:1]) + mustPeriod(t, p).Label()[1:] + " chưa được duyệt"
	}

	before := deadlineLines(t, cfg, "BM.04.02/KH", 2026)
	if len(before) != 53 {
		t.Errorf("periods listed: got %d, want 53", len(before))
	}
	for _, p := range []string{"2026-W01", "2026-W18", "2026-W48", "2026-W53"} {
		if before[p] != pending(p) {
			t.Errorf("without a ledger, line of %s:\n got %q\nwant %q", p, before[p], pending(p))
		}
	}
	noLedger(t, dataDir)

	// Issued Friday 20/11/2026 10:00: five working days later is Friday 27/11, 17:00.
	recordIssued(t, dataDir, "BM.04.01/KH", "2026-W48", officeTime(t, "2026-11-20 10:00"))
	// Issued Friday 24/4/2026: 27/4 (compensation), 30/4, 1/5 and the weekends are off; the
	// working days after are 28/4, 29/4, 4/5, 5/5, 6/5.
	recordIssued(t, dataDir, "BM.04.01/KH", "2026-W18", officeTime(t, "2026-04-24 16:00"))
	// An issue of another form, or of another week, does not count.
	recordIssued(t, dataDir, "BM.02.01/KH", "2026-11", officeTime(t, "2026-11-20 10:00"))
	recordIssued(t, dataDir, "BM.04.02/KH", "2026-W47", officeTime(t, "2026-11-20 10:00"))

	after := deadlineLines(t, cfg, "BM.04.02/KH", 2026)
	want := map[string]string{
		"2026-W48": "2026-W48\t2026-11-27 17:00\t" + rule,
		"2026-W18": "2026-W18\t2026-05-06 17:00\t" + rule,
		"2026-W47": pending("2026-W47"),
		"2026-W49": pending("2026-W49"),
	}
	for p, w := range want {
		if after[p] != w {
			t.Errorf("with the issue recorded, line of %s:\n got %q\nwant %q", p, after[p], w)
		}
	}
	// The issue of BM.04.01/KH is not the deadline of BM.04.01/KH itself.
	if got, w := deadlineLines(t, cfg, "BM.04.01/KH", 2026)["2026-W48"], "2026-W48\t2026-11-19 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần"; got != w {
		t.Errorf("BM.04.01/KH 2026-W48: got %q, want %q", got, w)
	}
}

func TestDeadlines_Usage(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", bm0201)
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"UnknownForm", []string{"--config", cfg, "--form", "BM.99/KH", "--year", "2027"}, 2, `form "BM.99/KH" is not in`},
		{"FormNotConfigured", []string{"--config", cfg, "--form", "BM.04.01/KH", "--year", "2027"}, 2, `form "BM.04.01/KH" is not in`},
		{"NoForm", []string{"--config", cfg, "--year", "2027"}, 2, "want --config FILE --form CODE --year YYYY"},
		{"NoConfig", []string{"--form", "BM.02.01/KH", "--year", "2027"}, 2, "want --config FILE --form CODE --year YYYY"},
		{"NoYear", []string{"--config", cfg, "--form", "BM.02.01/KH"}, 2, "want --config FILE --form CODE --year YYYY"},
		{"YearOutOfRange", []string{"--config", cfg, "--form", "BM.02.01/KH", "--year", "3000"}, 2, "(1200–2199)"},
		{"BadConfig", []string{"--config", cfg + ".missing", "--form", "BM.02.01/KH", "--year", "2027"}, 1, "read config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append([]string{"deadlines"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr, tt.inStderr)
			}
			if stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
		})
	}
	noLedger(t, dataDir)
}

// An override names the period whose report it moves, as everywhere else (ledger, status,
// reminders' keys): config.example.toml moves the program for 2026-W48, normally due on
// Thursday 19/11 of week 47, to Friday 20/11 10:00. With plans_next the override must apply to
// the line of 2026-W48, and 2026-W49 keep its own Thursday. It fails while schedule.Plan.Window
// looks the override up by the period the deadline falls in (p.Prev()), not the report's period.
func TestDeadlines_OverrideOnPlansNextForm(t *testing.T) {
	t.Parallel()
	cfg, _ := listingConfig(t, "", `[[forms]]
code = "BM.04.01/KH"
[[forms.deadline_overrides]]
period = "2026-W48"
deadline = "2026-11-20 10:00"
note = "Lãnh đạo Ban dời hạn do họp giao ban"
`)
	got := deadlineLines(t, cfg, "BM.04.01/KH", 2026)
	want := map[string]string{
		"2026-W48": "2026-W48\t2026-11-20 10:00\thạn được điều chỉnh riêng cho kỳ này: Lãnh đạo Ban dời hạn do họp giao ban",
		"2026-W49": "2026-W49\t2026-11-26 15:00\ttheo quy định: 15:00 thứ Năm hằng tuần",
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("line of %s:\n got %q\nwant %q", p, got[p], w)
		}
	}
}

// statusOffice writes an office with the monthly BM.02.01/KH and the weekly BM.04.01/KH, and a
// ledger holding, all before today:
//
//	BM.02.01/KH   2025-09 (hạn 18/9 17:00)      2025-10 (hạn 17/10 17:00, closed)
//	QLDN          valid 17/9: on time           nothing: missing; reminder 14/10, nag 19/10
//	QLDT          valid 20/9 10:00: 1n17g late  invalid 15/10, valid 16/10 16:30: on time v2
//	QHXD          invalid 18/9 only             valid 17/10 17:00 sharp: on time
//
//	BM.04.01/KH   2025-W40 (hạn 25/9 15:00): QLDN on time, QLDT and QHXD missing.

// Issue 18, items 1–2 (WP-B): periods a form collects, several cadences per form. Every date
// below was worked out by hand from the 2026–2027 calendar (weekdays, Tết 14–22/02/2026) and
// is compared with the period and time columns of the listing, in the order printed. The rules
// are written canonically ("day 19" for "trước ngày 20") so that they stand without the
// Vietnamese phrases.

// periodTimes runs the deadlines listing and returns "period time" of each line, in order.
func periodTimes(t *testing.T, cfg, form string, year int) []string {
	t.Helper()
	code, stdout, stderr := runCLI(t, "deadlines", "--config", cfg, "--form", form, "--year", strconv.Itoa(year))
	if code != 0 {
		t.Fatalf("deadlines %s %d: exit code %d, want 0 (stderr %q)", form, year, code, stderr)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) != 3 {
			t.Fatalf("line %q: want three columns", line)
		}
		out = append(out, cols[0]+" "+cols[1])
	}
	return out
}

// customForms gives each form one narrative section after its calendar keys.
func customForms(forms ...string) string {
	var b strings.Builder
	for _, f := range forms {
		b.WriteString("[[forms]]\n" + f + "\n[[forms.narrative]]\nkey = \"noi_dung\"\ntitle = \"Nội dung báo cáo\"\nrequired = true\n")
	}
	return b.String()
}

// dostBMVP01 is the Thái Nguyên Department of Science and Technology's periodic report: monthly
// before the 20th, quarterly before the 15th of the quarter's last month, the first half before
// 29/05, the year before 15/12.
const dostBMVP01 = `code = "BM-VP-01"
title = "Báo cáo định kỳ"
period = ["month", "quarter", "half", "year"]
periods = ["H1"]
deadline = { month = "day 19", quarter = "day 14", half = "28/05", year = "14/12" }`

func TestDeadlines_SeveralCadences(t *testing.T) {
	t.Parallel()
	cfg, dataDir := listingConfig(t, "", customForms(dostBMVP01))
	tests := []struct {
		year int
		want []string
	}{
		{2026, []string{
			"2026-01 2026-01-19 17:00", "2026-02 2026-02-13 17:00", // 19/02 in Tết (14–22/02)
			"2026-Q1 2026-03-13 17:00", "2026-03 2026-03-19 17:00", // 14/03 Sat
			"2026-04 2026-04-17 17:00", "2026-05 2026-05-19 17:00", // 19/04 Sun
			"2026-H1 2026-05-28 17:00", "2026-Q2 2026-06-12 17:00", // 14/06 Sun
			"2026-06 2026-06-19 17:00", "2026-H2 —", // not collected: placed at its start, 01/07
			"2026-07 2026-07-17 17:00", "2026-08 2026-08-19 17:00", // 19/07 Sun
			"2026-Q3 2026-09-14 17:00", "2026-09 2026-09-18 17:00", // 19/09 Sat
			"2026-10 2026-10-19 17:00", "2026-11 2026-11-19 17:00",
			"2026-Q4 2026-12-14 17:00", "2026 2026-12-14 17:00", // a tie: the kinds in the order of period
			"2026-12 2026-12-18 17:00", // 19/12 Sat
		}},
		{2027, []string{
			"2027-01 2027-01-19 17:00", "2027-02 2027-02-19 17:00",
			"2027-Q1 2027-03-12 17:00", "2027-03 2027-03-19 17:00", // 14/03 Sun
			"2027-04 2027-04-19 17:00", "2027-05 2027-05-19 17:00",
			"2027-H1 2027-05-28 17:00", "2027-Q2 2027-06-14 17:00",
			"2027-06 2027-06-18 17:00", "2027-H2 —", // 19/06 Sat
			"2027-07 2027-07-19 17:00", "2027-08 2027-08-19 17:00",
			"2027-Q3 2027-09-14 17:00", "2027-09 2027-09-17 17:00", // 19/09 Sun
			"2027-10 2027-10-19 17:00", "2027-11 2027-11-19 17:00",
			"2027-Q4 2027-12-14 17:00", "2027 2027-12-14 17:00",
			"2027-12 2027-12-17 17:00", // 19/12 Sun
		}},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.year), func(t *testing.T) {
			diffLines(t, strings.Join(periodTimes(t, cfg, "BM-VP-01", tt.year), "\n")+"\n", lines(tt.want...))
		})
	}
	noLedger(t, dataDir)
}

func TestDeadlines_OnlySomePeriods(t *testing.T) {
	t.Parallel()
	cfg, _ := listingConfig(t, "", customForms(`code = "BM.02.02/KH"
title = "Báo cáo kết quả thực hiện quý, 6 tháng"
period = ["quarter", "half"]
periods = ["H1"]
deadline = { quarter = "day 15", half = "15/06" }`, `code = "KTXH/DK"
title = "Báo cáo đánh giá thực hiện kế hoạch 3, 6, 9 tháng và năm"
period = ["quarter", "half", "9m", "year"]
periods = ["Q1", "H1"]
deadline = "day 20"`, `code = "TD.KCN/6T"
title = "Báo cáo kết quả phong trào thi đua 6 tháng đầu năm"
period = "half"
periods = ["H1"]
deadline = "07/07"`))
	tests := []struct {
		form string
		want []string
	}{
		{"BM.02.02/KH", []string{
			"2026-Q1 2026-03-13 17:00", // 15/03 Sun
			"2026-Q2 2026-06-15 17:00", "2026-H1 2026-06-15 17:00",
			"2026-H2 —", "2026-Q3 2026-09-15 17:00", "2026-Q4 2026-12-15 17:00",
		}},
		{"KTXH/DK", []string{
			"2026-Q1 2026-03-20 17:00", "2026-Q2 —", "2026-H1 2026-06-19 17:00", // 20/06 Sat
			"2026-Q3 —", "2026-H2 —", "2026-9M 2026-09-18 17:00", "2026-Q4 —", // 20/09 Sun; Q4 at its start
			"2026 2026-12-18 17:00", // 20/12 Sun
		}},
		// One kind: period order, H2 not collected.
		{"TD.KCN/6T", []string{"2026-H1 2026-07-07 17:00", "2026-H2 —"}},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			diffLines(t, strings.Join(periodTimes(t, cfg, tt.form, 2026), "\n")+"\n", lines(tt.want...))
		})
	}
	h2 := deadlineLines(t, cfg, "BM.02.02/KH", 2026)["2026-H2"]
	if !strings.HasSuffix(h2, "không thu: biểu mẫu không thu báo cáo 6 tháng cuối năm 2026") {
		t.Errorf("2026-H2: %q, want the note that the form does not collect it", h2)
	}
}

func TestDeadlines_WorkProgramEveryCadence(t *testing.T) {
	t.Parallel()
	cfg, _ := listingConfig(t, "", `[[forms]]
code = "BM.04.01/KH"
period = ["week", "month", "quarter", "year"]
plans_next = true
[forms.deadline]
week = "thu 15:00"
month = "day 20"
quarter = "day 15"
year = "31/12"
`)
	got := periodTimes(t, cfg, "BM.04.01/KH", 2027)
	if len(got) != 52+12+4+1 {
		t.Fatalf("got %d lines, want 69 (52 weeks, 12 months, 4 quarters, the year)", len(got))
	}
	// Each is due in the period before the one it plans.
	diffLines(t, strings.Join(got[:7], "\n")+"\n", lines(
		"2027-Q1 2026-12-15 17:00", "2027-01 2026-12-18 17:00", // 20/12/2026 Sun
		"2027-W01 2026-12-31 15:00", "2027 2026-12-31 17:00",
		"2027-W02 2027-01-07 15:00", "2027-W03 2027-01-14 15:00", "2027-02 2027-01-20 17:00"))
	for _, want := range []string{"2027-Q2 2027-03-15 17:00", "2027-05 2027-04-20 17:00", "2027-12 2027-11-19 17:00"} {
		if !slices.Contains(got, want) {
			t.Errorf("no line %q", want)
		}
	}
	if last := got[len(got)-1]; last != "2027-W52 2027-12-23 15:00" {
		t.Errorf("last line %q, want the program of the last week, due Thu 23/12/2027", last)
	}
	for i := 1; i < len(got); i++ {
		a, b := strings.Fields(got[i-1]), strings.Fields(got[i])
		if len(a) == 3 && len(b) == 3 && a[1]+a[2] > b[1]+b[2] {
			t.Errorf("%q listed before %q", got[i-1], got[i])
		}
	}
}

// The Ethnic Committee's work plans: weekly, monthly, quarterly for Q1 and Q3, for the second
// half and for the year, each due in the period before the one it plans. periods name the
// periods planned, as their files do.
func TestDeadlines_PlansAheadForSomePeriods(t *testing.T) {
	t.Parallel()
	cfg, _ := listingConfig(t, "", customForms(`code = "KH.CT"
title = "Kế hoạch công tác"
period = ["week", "month", "quarter", "half", "year"]
periods = ["Q1", "Q3", "H2"]
plans_next = true
deadline = { week = "fri 17:00", month = "day 15", quarter = "day 15", half = "day 15", year = "30/11" }`))
	got := map[string]string{}
	for _, year := range []int{2026, 2027} {
		for _, line := range periodTimes(t, cfg, "KH.CT", year) {
			p, at, _ := strings.Cut(line, " ")
			got[p] = at
		}
	}
	for p, want := range map[string]string{
		"2026-W20": "2026-05-08 17:00",
		"2026-W19": "2026-04-29 17:00", // Fri 01/05 and Thu 30/04 are holidays
		"2026-W08": "—",                // 16–22/02/2026: Tết, not asked
		"2026-W09": "2026-02-13 17:00", // due in week 8, all Tết: the Friday before
		"2026-03":  "2026-02-13 17:00", // 15/02 Sun (and Tết)
		"2026-Q1":  "2025-12-15 17:00",
		"2026-Q2":  "—",
		"2026-Q3":  "2026-06-15 17:00",
		"2026-Q4":  "—",
		"2026-H1":  "—",
		"2026-H2":  "2026-06-15 17:00",
		"2026":     "2025-11-28 17:00", // 30/11/2025 Sun
		"2027-Q1":  "2026-12-15 17:00",
		"2027":     "2026-11-30 17:00",
	} {
		if got[p] != want {
			t.Errorf("%s: %q, want %q", p, got[p], want)
		}
	}
}

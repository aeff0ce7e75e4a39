package config

import (
	"strings"
	"testing"
)

func TestParse_CalendarErrors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"PublicHolidays", `[mailbox]`, "public_holidays = \"china\"\n[mailbox]", `office.public_holidays: "china"`},
		{"Adjacent", `[mailbox]`, "national_day_adjacent = \"3/9\"\n[mailbox]", `office.national_day_adjacent: "3/9"`},
		{"TetDays", `[mailbox]`, "tet_days_after = 12\n[mailbox]", `office.tet_days_after: 12 must be 0`},
		{"Weekend", `[mailbox]`, "weekend = [\"saturday\"]\n[mailbox]", `office: weekend: "saturday": expected mon`},
		{"Hours", `[mailbox]`, "working_hours = [\"07:30-11:30\"]\n[mailbox]", `office: working_hours: give two sessions`},
		{"HoursOrder", `[mailbox]`, "working_hours = [\"13:30-17:00\", \"07:30-11:30\"]\n[mailbox]", `office: working hours`},
		{"DigestTime", `[mailbox]`, "digest_time = \"8am\"\n[mailbox]", `office.digest_time: time "8am"`},
		{"DayOff", `deadline = "day 18"`, "deadline = \"day 18\"\ndeadline_day_off = \"later\"", `forms[0].deadline_day_off: "later"`},
		{"CutoffWeek", "period = \"month\"\ndeadline = \"day 18\"", "period = \"week\"\ndeadline = \"thu 15:00\"\ncutoff_day = 15", `forms[0].cutoff_day: a cut-off day does not apply to week periods`},
		{"Cutoff", `deadline = "day 18"`, "deadline = \"day 18\"\ncutoff_day = 31", `forms[0].cutoff_day: cut-off day must be 1–28`},
		{"NagEvery", `nags = ["+1d"]`, "nags = [\"+1d\"]\nnag_every = \"-1wd\"", `forms[0].nag_every: "-1wd": give a positive interval`},
		{"MaxNags", `nags = ["+1d"]`, "nags = [\"+1d\", \"+2d\"]\nnag_every = \"1wd\"\nmax_nags = 1", `forms[0].max_nags: 1 must be between`},
		{"Escalate", `nags = ["+1d"]`, "nags = [\"+1d\"]\nescalate_from = 2", `forms[0].escalate_from: 2 must be between 0 (never) and the number of nags (1)`},
		{"Digest", `nags = ["+1d"]`, "nags = [\"+1d\"]\nnag_every = \"1wd\"\ndigest_from = 6", `forms[0].digest_from: 6 must be between 0 (never) and the number of nags (5)`},
		{"EventForm", `deadline = "day 18"`, `deadline = "2 working days after deadline of KT-XH"`, `forms[0].deadline: "2 working days after deadline of KT-XH" names form KT-XH, which is not configured`},
		{"EventSelf", `deadline = "day 18"`, `deadline = "2 working days after issue of BM.02.01/KH"`, `forms[0].deadline: "2 working days after issue of BM.02.01/KH" counts from an event of the form itself`},
		{"Override", `approval = ["truong_ban"]`, "approval = [\"truong_ban\"]\n[[forms.deadline_overrides]]\nperiod = \"2026-W47\"\ndeadline = \"2026-11-20 10:00\"", `forms[0].deadline_overrides[0]: period 2026-W47 is not a month period`},
		{"OverrideTime", `approval = ["truong_ban"]`, "approval = [\"truong_ban\"]\n[[forms.deadline_overrides]]\nperiod = \"2026-11\"\ndeadline = \"20/11/2026\"", `forms[0].deadline_overrides[0]: deadline "20/11/2026"`},
		{"MorningIsAReminder", `reminders = ["-2d"]`, `reminders = ["morning", "+1d"]`, `forms[0].reminders[1]: "+1d" must start with "-"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := problemsWith(t, tt.old, tt.new)
			if len(problems) != 1 || !strings.HasPrefix(problems[0], tt.want) {
				t.Errorf("got:\n  %s\nwant one problem starting %q", strings.Join(problems, "\n  "), tt.want)
			}
		})
	}
}

func TestParse_BuiltinCalendarAndCalendar(t *testing.T) {
	src := strings.Replace(minimal, "deadline = \"day 18\"\nreminders = [\"-2d\"]\nnags = [\"+1d\"]\n", "", 1) +
		"[[forms]]\ncode = \"KT-XH\"\nreminders = [\"-3wd\"]\n[[forms]]\ncode = \"BM.04.01/KH\"\n[[forms]]\ncode = \"BM.04.02/KH\"\n"
	src = strings.Replace(src, "[mailbox]", "holidays = [\"2026-12-31\"]\nworkdays = [\"2026-04-27\"]\nworking_hours = [\"08:00-12:00\", \"13:00-16:30\"]\n[mailbox]", 1)
	c, err := Parse([]byte(src), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	monthly, _ := c.Form("BM.02.01/KH")
	wards, _ := c.Form("KT-XH")
	program, _ := c.Form("BM.04.01/KH")
	assign, _ := c.Form("BM.04.02/KH")
	if monthly.Deadline.All != "day 18" || monthly.NagEvery != "1wd" || monthly.DigestFrom != 3 {
		t.Errorf("BM.02.01/KH: %q every %q digest %d, want the built-in day 18, 1wd, 3", monthly.Deadline, monthly.NagEvery, monthly.DigestFrom)
	}
	if wards.Deadline.All != "day 20" || wards.CutoffDay != 15 || strings.Join(wards.Reminders, ",") != "-3wd" {
		t.Errorf("KT-XH: %q cut-off %d reminders %v, want day 20, 15 and the office's own -3wd", wards.Deadline, wards.CutoffDay, wards.Reminders)
	}
	if program.Deadline.All != "thu 15:00" || !program.PlansNext.All || !strings.Contains(assign.Deadline.All, "issue of BM.04.01/KH") {
		t.Errorf("BM.04.01/KH %q plans_next %v, BM.04.02/KH %q", program.Deadline, program.PlansNext, assign.Deadline)
	}
}

package config

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/period"
)

// customForm is a form with one narrative section, appended to minimal as forms[1]; keys are
// the lines of its calendar.
func customForm(keys string) string {
	return minimal + `
[[forms]]
code = "BM.04.01/X"
title = "Chương trình công tác"
` + keys + `
[[forms.narrative]]
key = "noi_dung"
title = "Nội dung"
`
}

func parseProblems(t *testing.T, src string) []string {
	t.Helper()
	_, err := Parse([]byte(src), "t.toml")
	if err == nil {
		return nil
	}
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got error %v, want *Errors", err)
	}
	return errs.Problems
}

func TestForm_Cadences(t *testing.T) {
	tests := []struct {
		name string
		keys string
		want map[period.Kind]string // kind → deadline rule
		next []period.Kind          // kinds that plan ahead
		only map[period.Kind][]int
	}{
		{"OneRuleEveryKind", `period = ["month", "quarter"]
deadline = "day 20"`, map[period.Kind]string{period.Month: "day 20", period.Quarter: "day 20"}, nil, nil},
		{"Table", `period = ["week", "month", "quarter", "year"]
plans_next = true
[forms.deadline]
week = "thu 15:00"
month = "day 20"
quarter = "day 15"
year = "31/12"`, map[period.Kind]string{period.Week: "thu 15:00", period.Month: "day 20", period.Quarter: "day 15", period.Year: "31/12"},
			[]period.Kind{period.Week, period.Month, period.Quarter, period.Year}, nil},
		{"InlineTablePlansSome", `period = ["week", "quarter"]
plans_next = ["week"]
deadline = { week = "fri 17:00", quarter = "day 15" }`, map[period.Kind]string{period.Week: "fri 17:00", period.Quarter: "day 15"},
			[]period.Kind{period.Week}, nil},
		{"Periods", `period = ["quarter", "half"]
periods = ["Q1", "Q3", "H1"]
deadline = { quarter = "day 15", half = "15/06" }`, map[period.Kind]string{period.Quarter: "day 15", period.Half: "15/06"},
			nil, map[period.Kind][]int{period.Quarter: {1, 3}, period.Half: {1}}},
		{"Once", `period = "once"`, map[period.Kind]string{}, nil, nil},
		// The cut-off day of the months; the weeks of the same form ignore it.
		{"CutoffWithWeeks", `period = ["week", "month"]
cutoff_day = 15
deadline = { week = "thu 15:00", month = "day 20" }`, map[period.Kind]string{period.Week: "thu 15:00", period.Month: "day 20"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(customForm(tt.keys)), "t.toml")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			s, err := c.Schedule(&c.Forms[1])
			if err != nil {
				t.Fatalf("Schedule: %v", err)
			}
			if len(s.Cadences) != len(tt.want) {
				t.Fatalf("got %d cadences, want %d", len(s.Cadences), len(tt.want))
			}
			for _, cd := range s.Cadences {
				want, err := period.ParseRule(tt.want[cd.Kind])
				if err != nil || cd.Policy.Rule.String() != want.String() {
					t.Errorf("%s: rule %q, want %q", cd.Kind, cd.Policy.Rule, tt.want[cd.Kind])
				}
				if cd.PlansNext != slices.Contains(tt.next, cd.Kind) {
					t.Errorf("%s: plans next %v", cd.Kind, cd.PlansNext)
				}
				if !slices.Equal(cd.Only, tt.only[cd.Kind]) {
					t.Errorf("%s: only %v, want %v", cd.Kind, cd.Only, tt.only[cd.Kind])
				}
			}
		})
	}
}

func TestForm_CadenceErrors(t *testing.T) {
	tests := []struct {
		name, keys, want string
	}{
		{"UnknownKindKey", `period = ["week", "month", "quarter", "year"]
deadline = { week = "thu 15:00", month = "day 20", quarter = "day 15", year = "31/12", fortnight = "day 1" }`,
			"forms[1].deadline.fortnight: not a kind of this form (week, month, quarter, year)"},
		{"MissingKind", `period = ["week", "month", "quarter"]
deadline = { week = "thu 15:00", month = "day 20" }`, "forms[1].deadline.quarter: is required"},
		{"BadRuleOfOneKind", `period = ["week", "month"]
deadline = { week = "thu 15:00", month = "thu 15:00" }`, "forms[1].deadline.month: "},
		{"NoDeadlineAtAll", `period = ["week", "month"]`, "forms[1].deadline: is required"},
		{"EventOfAFormWithFewerKinds", `period = ["month", "quarter"]
deadline = "3 working days after issue of BM.02.01/KH"`, `names form BM.02.01/KH, whose periods are month, not month, quarter`},
		{"DeadlineNotAString", `period = "month"
deadline = 20`, "deadline: expected a rule"},
		{"PlansNextOtherKind", `period = ["week", "month"]
deadline = "day 20"
plans_next = ["quarter"]`, `forms[1].plans_next[0]: "quarter" is not a kind of this form (week, month)`},
		{"PlansNextNumber", `period = "week"
deadline = "thu 15:00"
plans_next = 1`, "plans_next: expected true, false or a list of kinds"},
		{"PeriodOfAnotherKind", `period = "half"
periods = ["Q1"]
deadline = "15/06"`, `forms[1].periods[0]: "Q1" is a quarter; the form is collected by half`},
		{"PeriodTwice", `period = "quarter"
periods = ["Q1", "Q1"]
deadline = "day 15"`, `forms[1].periods[1]: "Q1" is listed twice`},
		{"PeriodYear", `period = "year"
periods = [""]
deadline = "31/12"`, `forms[1].periods[0]: period "": expected`},
		{"PeriodRequest", `period = "month"
periods = ["R03"]
deadline = "day 20"`, `forms[1].periods[0]: period "R03": one-off requests`},
		{"PeriodBadSuffix", `period = "month"
periods = ["13"]
deadline = "day 20"`, `forms[1].periods[0]: period "13": expected W01–W53`},
		{"OnceWithDeadline", `period = "once"
deadline = "day 20"`, `forms[1].deadline: a form with period = "once" has no deadline`},
		{"OnceNotAlone", `period = ["month", "once"]
deadline = "day 20"`, `forms[1].period: "once" stands alone`},
		{"OverrideOfAnotherKind", `period = ["month", "quarter"]
deadline = "day 20"
[[forms.deadline_overrides]]
period = "2026-W05"
deadline = "2026-02-01 10:00"`, "forms[1].deadline_overrides[0]: period 2026-W05 is not a month, quarter period"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseProblems(t, customForm(tt.keys))
			if !containsPrefix(got, tt.want) && !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tt.want) }) {
				t.Errorf("problems %q, want one starting with %q", got, tt.want)
			}
		})
	}
}

func TestForm_OverrideGoesToItsKind(t *testing.T) {
	c, err := Parse([]byte(customForm(`period = ["month", "quarter"]
deadline = "day 20"
[[forms.deadline_overrides]]
period = "2026-Q2"
deadline = "2026-06-10 10:00"`)), "t.toml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	s, err := c.Schedule(&c.Forms[1])
	if err != nil {
		t.Fatalf("Schedule: %v", err)
	}
	q2, _ := period.Parse("2026-Q2")
	for _, cd := range s.Cadences {
		if _, ok := cd.Policy.Overrides[q2]; ok != (cd.Kind == period.Quarter) {
			t.Errorf("%s: override of 2026-Q2 present %v", cd.Kind, ok)
		}
	}
}

// exampleBlocks returns the commented examples of config.example.toml a clerk would uncomment
// to add a form: runs of lines written "#   …" whose first line starts a form or [groups] and
// that give the form's period.
func exampleBlocks(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var run []string
	flush := func() {
		if len(run) > 0 && (run[0] == "[[forms]]" || run[0] == "[groups]") && strings.Contains(strings.Join(run, "\n"), "period =") {
			out = append(out, strings.Join(run, "\n"))
		}
		run = nil
	}
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "#   "); ok {
			run = append(run, rest)
			continue
		}
		flush()
	}
	flush()
	return out
}

// Every commented example of a form in config.example.toml is valid as written, once
// uncommented into an office's file.
func TestParse_ExampleBlocks(t *testing.T) {
	blocks := exampleBlocks(t)
	if len(blocks) < 5 {
		t.Fatalf("found %d commented form examples, want the half-year, Q1-only, group and one-off ones", len(blocks))
	}
	program := minimal + `
[[people]]
id = "chanh_van_phong"
name = "Nguyễn Văn Chánh"
emails = ["cvp@example.vn"]
roles = ["reviewer"]
`
	for _, b := range blocks {
		first, _, _ := strings.Cut(b[strings.Index(b, "code = "):], "\n")
		t.Run(first, func(t *testing.T) {
			src := minimal + "\n" + b + "\n"
			if strings.Contains(b, "approval") {
				src = program + "\n" + b + "\n"
			}
			if _, err := Parse([]byte(src), "t.toml"); err != nil {
				t.Errorf("%v\n%s", err, b)
			}
		})
	}
	multi := blocks[0]
	c, err := Parse([]byte(program+"\n"+multi+"\n"), "t.toml")
	if err != nil {
		t.Fatalf("first block: %v", err)
	}
	f, _ := c.Form("BM.04.01/KH")
	if s, err := c.Schedule(f); err != nil || len(s.Cadences) != 4 {
		t.Errorf("multi-cadence example: %d cadences (%v), want 4", len(s.Cadences), err)
	}
}

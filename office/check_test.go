package office

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// customForm is a form of the office's own with one narrative section, collected by kind with
// the deadline rule given.
func customForm(code, kind, deadline string) string {
	return "\n[[forms]]\ncode = \"" + code + "\"\ntitle = \"Báo cáo kiểm tra\"\nperiod = \"" + kind +
		"\"\ndeadline = \"" + deadline + "\"\n  [[forms.narrative]]\n  key = \"noi_dung\"\n  title = \"Nội dung báo cáo\"\n  required = true\n"
}

var checkFrom = time.Date(2026, 3, 1, 9, 0, 0, 0, period.DefaultLocation())

// TestCheckSchedules_Config: from 01/03/2026, the configurations of the issue as written.
func TestCheckSchedules_Config(t *testing.T) {
	tests := []struct {
		name string
		form string
		want string // "": accepted
	}{
		{"MonthlyBuiltin", "", ""},
		{"HalfFixedDate", customForm("BC.6T", "half", "15/06"),
			`forms[1] (BC.6T): 2026-H2: deadline "15/06" gives 15/06/2026, before the period starts on 01/07/2026; list the periods it collects, e.g. periods = ["H1"]`},
		{"HalfFixedDateSchedules", customForm("TD.KCN/6T", "half", "07/07"),
			`forms[1] (TD.KCN/6T).deadline: "07/07" is a date, which fits one half of the year; name it with periods = ["H1"]`},
		{"QuarterFixedDate", customForm("BC.Q", "quarter", "trước ngày 15/12"),
			`forms[1] (BC.Q).deadline: "14/12" is a date, which fits one quarter of the year; name it with periods = ["Q4"]`},
		{"HalfPhrase", customForm("BC.6T", "half", "trước ngày 20"), ""},
		{"YearDate", customForm("BC.N", "year", "trước ngày 10/01 năm sau"), ""},
		{"WeekSession", customForm("BC.T", "week", "chiều thứ Sáu"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := parse(t, minimal+tt.form)
			err := o.CheckSchedules(checkFrom)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckSchedules: %v", err)
				}
				return
			}
			var ce *config.Errors
			if !errors.As(err, &ce) {
				t.Fatalf("CheckSchedules: got %v, want *config.Errors", err)
			}
			if len(ce.Problems) == 0 || ce.Problems[0] != tt.want {
				t.Errorf("problems:\n got %q\nwant first %q", ce.Problems, tt.want)
			}
			if len(ce.Problems) > maxCheckProblems {
				t.Errorf("%d problems, want at most %d", len(ce.Problems), maxCheckProblems)
			}
		})
	}
}

// TestCheckSchedules_Only: what a form's `periods` leave (schedule.Plan.Only) is checked as the
// daemon runs it.
func TestCheckSchedules_Only(t *testing.T) {
	rule := func(s string) period.Policy {
		r, err := period.ParseRule(s)
		if err != nil {
			t.Fatal(err)
		}
		return period.Policy{Rule: r}
	}
	o := parse(t, minimal)
	tests := []struct {
		name string
		plan schedule.Plan
		from time.Time
		want string
	}{
		{"HalfH1", schedule.Plan{Kind: period.Half, Policy: rule("15/06"), Only: []int{1}}, checkFrom, ""},
		{"HalfH1Late", schedule.Plan{Kind: period.Half, Policy: rule("trước ngày 08/7"), Only: []int{1}}, checkFrom, ""},
		{"QuarterQ1Q3", schedule.Plan{Kind: period.Quarter, Policy: rule("day 15"), Only: []int{1, 3}}, checkFrom, ""},
		// 2027 and 2028 have 52 weeks: from 01/01/2027 a week-53-only form collects nothing (the
		// deadline of 2026-W53, Thursday 31/12/2026, is past).
		{"Week53", schedule.Plan{Kind: period.Week, Policy: rule("thu 15:00"), Only: []int{53}},
			time.Date(2027, 1, 1, 9, 0, 0, 0, period.DefaultLocation()),
			"forms[0] (BM.02.01/KH): no week period is collected with a deadline between 01/01/2027 and 01/01/2029: check its periods"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.plan.Form = "BM.02.01/KH"
			o.Plans = map[string]schedule.Plans{"BM.02.01/KH": {tt.plan}}
			err := o.CheckSchedules(tt.from)
			got := ""
			var ce *config.Errors
			if errors.As(err, &ce) {
				got = strings.Join(ce.Problems, "\n")
			} else if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDescribe_PhrasesLint: what the deadlines listing and the letters say of the offices'
// phrases reads as an office writes (no English, no codes).
func TestDescribe_PhrasesLint(t *testing.T) {
	for _, tt := range []struct {
		phrase string
		kind   period.Kind
	}{
		{"chiều thứ Sáu", period.Week}, {"sáng thứ Hai", period.Week}, {"trước 15h thứ Năm", period.Week},
		{"trước ngày 20", period.Month}, {"cuối tháng", period.Month}, {"trước ngày 15 tháng cuối quý", period.Quarter},
		{"trước ngày 29/5", period.Half}, {"cuối năm", period.Year}, {"trước ngày 10/01 năm sau", period.Year},
	} {
		r, err := period.ParseRule(tt.phrase)
		if err != nil {
			t.Fatal(err)
		}
		if f := letters.Lint(r.Describe(tt.kind)); len(f) > 0 {
			t.Errorf("%q: %q: %v", tt.phrase, r.Describe(tt.kind), f)
		}
	}
}

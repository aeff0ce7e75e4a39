package config

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/period"
)

// supervisedConfig gives minimal's form the supervisor keys in extra.
func supervisedConfig(extra string) string {
	return strings.Replace(minimal, `approval = ["truong_ban"]`, `approval = ["truong_ban"]`+"\n"+extra, 1)
}

func TestSupervisor_Valid(t *testing.T) {
	for _, extra := range []string{
		``,
		`supervisor = "copy"` + "\n" + `copies = ["truong_ban"]`,
		`supervisor = "review"`,
		`supervisor = "review"` + "\n" + `supervisor_due = "+2wd"`,
		`supervisor = "approve"` + "\n" + `supervisor_due = "day 25"`,
	} {
		if _, err := Parse([]byte(supervisedConfig(extra)), "t.toml"); err != nil {
			t.Errorf("%q: %v", extra, err)
		}
	}
}

func TestSupervisor_Errors(t *testing.T) {
	tests := []struct {
		name, extra, replace, with, want string
	}{
		{name: "Mode", extra: `supervisor = "watch"`, want: `forms[0].supervisor: "watch": expected`},
		{name: "DueWithoutReview", extra: `supervisor = "copy"` + "\n" + `supervisor_due = "+1wd"`, want: `forms[0].supervisor_due: only a form`},
		{name: "DueUnreadable", extra: `supervisor = "review"` + "\n" + `supervisor_due = "+soon"`, want: `forms[0].supervisor_due:`},
		{name: "DueKind", extra: `supervisor = "review"` + "\n" + `supervisor_due = "20/12"`, want: `forms[0].supervisor_due: rule "20/12" names a fixed date`},
		{name: "Copies", extra: `supervisor = "copy"` + "\n" + `copies = ["ghost"]`, want: `forms[0].copies[0]: "ghost" is not a person`},
		{name: "NoMailAuth", extra: `supervisor = "approve"`, replace: "[mail_auth]\ntrusted_servers = [\"mx.example.vn\"]", with: "",
			want: `mail_auth: forms[0].supervisor = "approve" counts a unit's file`},
		{name: "UnitWithoutSupervisor", extra: `supervisor = "review"`, replace: `supervisor = "truong_ban"`, with: ``,
			want: `forms[0].supervisor: unit "QLDN" needs a supervisor`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := supervisedConfig(tt.extra)
			if tt.replace != "" {
				src = strings.Replace(src, tt.replace, tt.with, 1)
			}
			_, err := Parse([]byte(src), "t.toml")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a problem %q", err, tt.want)
			}
		})
	}
}

func TestSupervisorDue(t *testing.T) {
	loc := time.UTC
	cal, err := period.NewCalendar(loc, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	fri := time.Date(2026, 12, 4, 10, 0, 0, 0, loc) // a Friday
	year2027 := period.Period{Kind: period.Year, Year: 2027}
	tests := []struct {
		name      string
		due       string
		p         period.Period
		plansNext bool
		received  time.Time
		want      time.Time
	}{
		{"DefaultNextWorkingDay", "", year2027, false, fri, time.Date(2026, 12, 7, 10, 0, 0, 0, loc)},
		{"Offset", "+2wd", year2027, false, fri, time.Date(2026, 12, 8, 10, 0, 0, 0, loc)},
		{"PlanOfNextYearByRule", "20/12", year2027, true, fri, time.Date(2026, 12, 18, 17, 0, 0, 0, loc)},
		{"RulePastGivesDefault", "20/12", year2027, true, time.Date(2026, 12, 21, 9, 0, 0, 0, loc), time.Date(2026, 12, 22, 9, 0, 0, 0, loc)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseSupervisorDue(tt.due)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Due(tt.p, tt.plansNext, tt.received, cal); !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

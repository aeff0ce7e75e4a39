package status

import (
	"testing"
	"time"
)

func TestRate(t *testing.T) {
	tests := []struct {
		name               string
		rate               Rate
		wantReport, wantOn float64
	}{
		{name: "ZeroUnits", rate: Rate{}, wantReport: 0, wantOn: 0},
		{name: "ThreeOfFour", rate: Rate{Expected: 4, Reported: 3, OnTime: 2}, wantReport: 75, wantOn: 50},
		{name: "All", rate: Rate{Expected: 5, Reported: 5, OnTime: 5}, wantReport: 100, wantOn: 100},
		{name: "None", rate: Rate{Expected: 3}, wantReport: 0, wantOn: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rate.ReportingRate(); got != tt.wantReport {
				t.Errorf("ReportingRate: got %v, want %v", got, tt.wantReport)
			}
			if got := tt.rate.OnTimeRate(); got != tt.wantOn {
				t.Errorf("OnTimeRate: got %v, want %v", got, tt.wantOn)
			}
		})
	}
}

func TestBuild_Rates(t *testing.T) {
	p := Period{Form: "F", Period: "2026-11", Deadline: deadline}
	s := func(unit string, valid bool, d time.Duration) Submission {
		return Submission{Form: "F", Unit: unit, Period: "2026-11", Version: 1, Valid: valid, ReceivedAt: at(d)}
	}
	units := []Unit{{Code: "ON"}, {Code: "LATE"}, {Code: "BAD"}, {Code: "NONE"}}
	subs := []Submission{s("ON", true, -time.Hour), s("LATE", true, time.Hour), s("BAD", false, -time.Hour)}
	tests := []struct {
		name  string
		units []Unit
		now   time.Time
		want  Rate
	}{
		// Missing and Invalid are not reported; Pending counts in Expected.
		{name: "AfterDeadline", units: units, now: at(2 * time.Hour), want: Rate{Expected: 4, Reported: 2, OnTime: 1}},
		{name: "OpenPeriodCountsPending", units: []Unit{{Code: "ON"}, {Code: "NONE"}}, now: at(-time.Minute),
			want: Rate{Expected: 2, Reported: 1, OnTime: 1}},
		{name: "ZeroUnits", units: nil, now: at(2 * time.Hour), want: Rate{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(tt.units, []Period{p}, subs, nil, tt.now)
			if got := m.Rates[0]; got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPercentText(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{name: "Whole", in: 75, want: "75%"},
		{name: "Zero", in: 0, want: "0%"},
		{name: "Third", in: 100.0 / 3, want: "33,3%"},
		{name: "TwoThirds", in: 200.0 / 3, want: "66,7%"},
		{name: "RoundsToWhole", in: 99.96, want: "100%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentText(tt.in); got != tt.want {
				t.Errorf("percentText(%v): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLateLabel(t *testing.T) {
	tests := []struct {
		name string
		in   time.Duration
		want string
	}{
		{name: "Seconds", in: 20 * time.Second, want: "1ph"},
		{name: "Minutes", in: 45 * time.Minute, want: "45ph"},
		{name: "MinutesAndSeconds", in: 44*time.Minute + time.Second, want: "45ph"},
		{name: "Hours", in: 5 * time.Hour, want: "5g"},
		{name: "HoursMinutes", in: 5*time.Hour + 20*time.Minute, want: "5g20ph"},
		{name: "DaysHours", in: 51*time.Hour + 40*time.Minute, want: "2n3g"},
		{name: "WholeDays", in: 72 * time.Hour, want: "3n"},
		// One rounding (DelayOf): a started minute counts, in every range.
		{name: "ExactMinute", in: 34 * time.Minute, want: "34ph"},
		{name: "StartedMinute", in: 34*time.Minute + 20*time.Second, want: "35ph"},
		{name: "NanosecondOver", in: 34*time.Minute + time.Nanosecond, want: "35ph"},
		{name: "RoundsUpToAnHour", in: 59*time.Minute + 30*time.Second, want: "1g"},
		{name: "HourAndStartedMinute", in: time.Hour + time.Second, want: "1g1ph"},
		{name: "RoundsUpToADay", in: 23*time.Hour + 59*time.Minute + 30*time.Second, want: "1n"},
		{name: "Negative", in: -time.Hour, want: "1ph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LateLabel(tt.in); got != tt.want {
				t.Errorf("LateLabel(%v): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

package status

import (
	"slices"
	"testing"
	"time"
)

var ict = time.FixedZone("ICT", 7*3600)

// deadline is 15:00 on Thursday 19 November 2026, office time.
var deadline = time.Date(2026, 11, 19, 15, 0, 0, 0, ict)

func at(d time.Duration) time.Time { return deadline.Add(d) }

func sub(unit string, version int, valid bool, received time.Time) Submission {
	return Submission{Form: "BM.04.01/KH", Unit: unit, Period: "2026-W47", Version: version, Valid: valid, ReceivedAt: received}
}

func TestBuild_Cell(t *testing.T) {
	week := Period{Form: "BM.04.01/KH", Period: "2026-W47", Deadline: deadline}
	tests := []struct {
		name   string
		period Period
		subs   []Submission
		now    time.Time
		want   Cell
	}{
		{name: "OnTime", period: week, now: at(48 * time.Hour),
			subs: []Submission{sub("PKH", 1, true, at(-2*time.Hour))},
			want: Cell{State: OnTime, Version: 1, Versions: 1, FirstValid: at(-2 * time.Hour), Counted: at(-2 * time.Hour)}},
		{name: "ExactlyAtDeadline", period: week, now: at(time.Hour),
			subs: []Submission{sub("PKH", 1, true, deadline)},
			want: Cell{State: OnTime, Version: 1, Versions: 1, FirstValid: deadline, Counted: deadline}},
		{name: "OnTimeWithLateCorrection", period: week, now: at(72 * time.Hour),
			subs: []Submission{sub("PKH", 2, true, at(26*time.Hour)), sub("PKH", 1, true, at(-time.Hour))},
			want: Cell{State: OnTime, Version: 2, Versions: 2, FirstValid: at(-time.Hour), Counted: at(26 * time.Hour)}},
		{name: "LateWithCorrection", period: week, now: at(96 * time.Hour),
			subs: []Submission{sub("PKH", 1, true, at(51*time.Hour)), sub("PKH", 2, true, at(60*time.Hour))},
			want: Cell{State: Late, Version: 2, Versions: 2, FirstValid: at(51 * time.Hour), Counted: at(60 * time.Hour), Late: 51 * time.Hour}},
		{name: "InvalidThenValidLate", period: week, now: at(96 * time.Hour),
			subs: []Submission{sub("PKH", 1, false, at(-3*time.Hour)), sub("PKH", 2, true, at(45*time.Minute))},
			want: Cell{State: Late, Version: 2, Versions: 2, FirstValid: at(45 * time.Minute), Counted: at(45 * time.Minute), Late: 45 * time.Minute}},
		{name: "LaterInvalidDoesNotReplaceValid", period: week, now: at(96 * time.Hour),
			subs: []Submission{sub("PKH", 1, true, at(-3*time.Hour)), sub("PKH", 2, false, at(time.Hour))},
			want: Cell{State: OnTime, Version: 1, Versions: 2, FirstValid: at(-3 * time.Hour), Counted: at(-3 * time.Hour)}},
		{name: "OnlyInvalidAfterDeadline", period: week, now: at(5 * time.Hour),
			subs: []Submission{sub("PKH", 1, false, at(-time.Hour)), sub("PKH", 2, false, at(time.Hour))},
			want: Cell{State: Invalid, Versions: 2, Late: 5 * time.Hour}},
		{name: "OnlyInvalidBeforeDeadline", period: week, now: at(-time.Hour),
			subs: []Submission{sub("PKH", 1, false, at(-2*time.Hour))},
			want: Cell{State: Invalid, Versions: 1}},
		{name: "Missing", period: week, now: at(27 * time.Hour),
			want: Cell{State: Missing, Late: 27 * time.Hour}},
		{name: "NowAtDeadlineIsPending", period: week, now: deadline,
			want: Cell{State: Pending}},
		{name: "Pending", period: week, now: at(-24 * time.Hour),
			want: Cell{State: Pending}},
		{name: "ClosedBeforeDeadlineIsMissing", period: Period{Form: week.Form, Period: week.Period, Deadline: deadline, Closed: true},
			now: at(-time.Hour), want: Cell{State: Missing}},
		{name: "NoDeadlineValidIsOnTime", period: Period{Form: week.Form, Period: week.Period}, now: at(1000 * time.Hour),
			subs: []Submission{sub("PKH", 1, true, at(500*time.Hour))},
			want: Cell{State: OnTime, Version: 1, Versions: 1, FirstValid: at(500 * time.Hour), Counted: at(500 * time.Hour)}},
		{name: "NoDeadlineNothingIsPending", period: Period{Form: week.Form, Period: week.Period}, now: at(1000 * time.Hour),
			want: Cell{State: Pending}},
		{name: "ResentSameVersionCountsLastCopy", period: week, now: at(time.Hour),
			subs: []Submission{sub("PKH", 1, true, at(-2*time.Hour)), sub("PKH", 1, true, at(-time.Hour))},
			want: Cell{State: OnTime, Version: 1, Versions: 2, FirstValid: at(-2 * time.Hour), Counted: at(-time.Hour)}},
		{name: "OtherUnitsFormsPeriodsIgnored", period: week, now: at(time.Hour),
			subs: []Submission{
				sub("PTC", 1, true, at(-time.Hour)),
				{Form: "BM.02.01/KH", Unit: "PKH", Period: "2026-W47", Version: 1, Valid: true, ReceivedAt: at(-time.Hour)},
				{Form: "BM.04.01/KH", Unit: "PKH", Period: "2026-W46", Version: 1, Valid: true, ReceivedAt: at(-time.Hour)},
			},
			want: Cell{State: Missing, Late: time.Hour}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build([]Unit{{Code: "PKH", Name: "Phòng Kế hoạch"}}, []Period{tt.period}, tt.subs, nil, tt.now)
			got, ok := m.Cell("PKH", "2026-W47")
			if !ok {
				t.Fatalf("Cell(PKH, 2026-W47): got not found, want a cell")
			}
			if !equalCell(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func equalCell(a, b Cell) bool {
	return a.State == b.State && a.Version == b.Version && a.Versions == b.Versions &&
		a.FirstValid.Equal(b.FirstValid) && a.Counted.Equal(b.Counted) && a.Late == b.Late &&
		slices.EqualFunc(a.Reminders, b.Reminders, func(x, y Reminder) bool {
			return x.Form == y.Form && x.Unit == y.Unit && x.Period == y.Period && x.Kind == y.Kind &&
				x.N == y.N && x.SentAt.Equal(y.SentAt) && slices.Equal(x.Cc, y.Cc)
		})
}

func TestBuild_Reminders(t *testing.T) {
	week := Period{Form: "BM.04.01/KH", Period: "2026-W47", Deadline: deadline}
	rem := func(form, unit, period, kind string, n int, sent time.Time) Reminder {
		return Reminder{Form: form, Unit: unit, Period: period, Kind: kind, N: n, SentAt: sent}
	}
	nag2 := rem(week.Form, "PKH", week.Period, "nag", 2, at(48*time.Hour))
	nag2.Cc = []string{"pho.truong.ban@example.gov.vn"}
	all := []Reminder{
		nag2,
		rem(week.Form, "PKH", week.Period, "reminder", 1, at(-24*time.Hour)),
		rem(week.Form, "PTC", week.Period, "reminder", 1, at(-24*time.Hour)),     // other unit
		rem("BM.02.01/KH", "PKH", week.Period, "reminder", 1, at(-20*time.Hour)), // other form
		rem(week.Form, "PKH", "2026-W46", "nag", 1, at(-100*time.Hour)),          // other period
		rem(week.Form, "PKH", week.Period, "nag", 1, at(24*time.Hour)),
		rem(week.Form, "XYZ", week.Period, "nag", 1, at(24*time.Hour)), // unknown unit
	}
	m := Build([]Unit{{Code: "PKH"}, {Code: "PTC"}}, []Period{week}, nil, all, at(72*time.Hour))
	got, _ := m.Cell("PKH", week.Period)
	want := []Reminder{all[1], all[5], nag2}
	if !equalCell(Cell{Reminders: got.Reminders}, Cell{Reminders: want}) {
		t.Errorf("PKH reminders: got %+v, want %+v", got.Reminders, want)
	}
	if ptc, _ := m.Cell("PTC", week.Period); len(ptc.Reminders) != 1 || ptc.Reminders[0].Unit != "PTC" {
		t.Errorf("PTC reminders: got %+v, want the one sent to PTC", ptc.Reminders)
	}
}

func TestBuild_Shape(t *testing.T) {
	periods := []Period{
		{Form: "F", Period: "2026-10", Deadline: time.Date(2026, 10, 20, 17, 0, 0, 0, ict)},
		{Form: "F", Period: "2026-11", Deadline: time.Date(2026, 11, 20, 17, 0, 0, 0, ict)},
		{Form: "F", Period: "2026-10"}, // duplicate, dropped
	}
	units := []Unit{{Code: "A"}, {Code: "B"}, {Code: "A", Name: "again"}}
	subs := []Submission{
		{Form: "F", Unit: "B", Period: "2026-11", Version: 1, Valid: true, ReceivedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, ict)},
		{Form: "F", Unit: "ZZ", Period: "2026-11", Version: 1, Valid: true, ReceivedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, ict)},
	}
	m := Build(units, periods, subs, nil, time.Date(2026, 11, 10, 0, 0, 0, 0, ict))
	if len(m.Units) != 2 || len(m.Periods) != 2 || len(m.Cells) != 2 || len(m.Cells[0]) != 2 || len(m.Rates) != 2 {
		t.Fatalf("shape: got %d units, %d periods, %d rows, %d rates; want 2, 2, 2, 2",
			len(m.Units), len(m.Periods), len(m.Cells), len(m.Rates))
	}
	if _, ok := m.Cell("ZZ", "2026-11"); ok {
		t.Errorf("Cell(ZZ): got found, want not found (unknown unit)")
	}
	if _, ok := m.Cell("A", "2026-12"); ok {
		t.Errorf("Cell(A, 2026-12): got found, want not found (unknown period)")
	}
	if c, ok := m.CellOf("B", "F", "2026-11"); !ok || c.State != OnTime {
		t.Errorf("CellOf(B, F, 2026-11): got %v %v, want on_time true", c.State, ok)
	}
	wantRates := []Rate{{Expected: 2}, {Expected: 2, Reported: 1, OnTime: 1}}
	if !slices.Equal(m.Rates, wantRates) {
		t.Errorf("rates: got %+v, want %+v", m.Rates, wantRates)
	}
}

package daemon

import (
	"errors"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// builtinForms enables every built-in form with the calendar of its procedure (no deadline
// written), as an office that takes tonghop's defaults does.
const builtinForms = `
[[forms]]
code = "BM.04.01/KH"
[[forms]]
code = "BM.04.02/KH"
[[forms]]
code = "BM.02.01/KH"
[[forms]]
code = "KT-XH"
`

// weekdaysOff are the statutory days off of 2026 and 2027 that fall on working days, worked
// out by hand from the Labour Code 2019 (art. 112, and 111.3 for a holiday on a weekly day
// off) and the lunar dates of Tết (17/02/2026, 06/02/2027) and Giỗ Tổ (26/04/2026,
// 16/04/2027) in lunar/testdata/tet_hung_kings.tsv:
//   - 2026: 1/1 (Thu); Tết 16–20/2 (the last day of the year and mùng 1–4, Mon–Fri); Giỗ Tổ on
//     Sunday 26/4, so Monday 27/4; 30/4 (Thu), 1/5 (Fri); 2/9 (Wed) and 1/9 before it.
//   - 2027: 1/1 (Fri); Tết 5/2 (Fri) and 6–9/2 (Sat–Tue), Saturday and Sunday given back on
//     Wednesday 10/2 and Thursday 11/2; Giỗ Tổ 16/4 (Fri); 30/4 (Fri); 1/5 on a Saturday, so
//     Monday 3/5; 2/9 (Thu) and 3/9 after it, joining the weekend.
var weekdaysOff = map[string]bool{
	"2026-01-01": true, "2026-02-16": true, "2026-02-17": true, "2026-02-18": true, "2026-02-19": true,
	"2026-02-20": true, "2026-04-27": true, "2026-04-30": true, "2026-05-01": true, "2026-09-01": true,
	"2026-09-02": true,
	"2027-01-01": true, "2027-02-05": true, "2027-02-08": true, "2027-02-09": true, "2027-02-10": true,
	"2027-02-11": true, "2027-04-16": true, "2027-04-30": true, "2027-05-03": true, "2027-09-02": true,
	"2027-09-03": true,
}

// noWorkingDay is the one week of 2026 and 2027 without a working day: Tết, 16–22/2/2026.
var noWorkingDay = period.Period{Kind: period.Week, Year: 2026, N: 8}

// oracle computes the deadlines of the built-in forms independently of packages period and
// schedule: plain date stepping over weekdaysOff.
type oracle struct{ loc *time.Location }

func (o oracle) working(t time.Time) bool {
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !weekdaysOff[t.Format("2006-01-02")]
}

// back steps back to a working day, keeping the time.
func (o oracle) back(t time.Time) time.Time {
	for !o.working(t) {
		t = t.AddDate(0, 0, -1)
	}
	return t
}

// thursday returns Thursday of ISO week w of year y, at hour:minute.
func (o oracle) thursday(y, w, hour, minute int) time.Time {
	for d := time.Date(y-1, 12, 20, hour, minute, 0, 0, o.loc); ; d = d.AddDate(0, 0, 1) {
		if yy, ww := d.ISOWeek(); yy == y && ww == w && d.Weekday() == time.Thursday {
			return d
		}
	}
}

// program is the deadline of the work program for week p: Thursday 15:00 of the week before,
// moved back off a day off, but forward to Friday to Sunday when going back leaves that week
// and one of them is a working day (Tết 2027: the program for week 7 is due Friday 12/02).
func (o oracle) program(p period.Period) time.Time {
	prev := o.thursday(p.Year, p.N, 15, 0).AddDate(0, 0, -7)
	monday := prev.AddDate(0, 0, -3)
	if at := o.back(prev); !at.Before(monday) {
		return at
	}
	for d := prev; d.Before(monday.AddDate(0, 0, 7)); d = d.AddDate(0, 0, 1) {
		if o.working(d) {
			return d
		}
	}
	return o.back(prev)
}

// issued is when the test says the program for week p was issued: 16:00 on the first working
// day after its deadline (the leader approves it the day after).
func (o oracle) issued(p period.Period) time.Time {
	d := o.program(p).AddDate(0, 0, 1)
	for !o.working(d) {
		d = d.AddDate(0, 0, 1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 16, 0, 0, 0, o.loc)
}

// assignment is 17:00 on the fifth working day after the program's issue.
func (o oracle) assignment(p period.Period) time.Time {
	d := o.issued(p)
	for n := 0; n < 5; {
		d = d.AddDate(0, 0, 1)
		if o.working(d) {
			n++
		}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 17, 0, 0, 0, o.loc)
}

func (o oracle) monthDay(p period.Period, day int) time.Time {
	return o.back(time.Date(p.Year, time.Month(p.N), day, 17, 0, 0, 0, o.loc))
}

func (o oracle) deadline(form string, p period.Period) time.Time {
	switch form {
	case "BM.04.01/KH":
		return o.program(p)
	case "BM.04.02/KH":
		return o.assignment(p)
	case "BM.02.01/KH":
		return o.monthDay(p, 18)
	}
	return o.monthDay(p, 20) // KT-XH
}

// TestDeadlineTable_Builtins checks the deadline of every period of 2026 and 2027 of every
// built-in form, on its built-in calendar and the computed public holidays, against the oracle.
func TestDeadlineTable_Builtins(t *testing.T) {
	t.Parallel()
	_, path := officetest.OfficeWith(t, testKey, officetest.Options{Forms: builtinForms})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	of, err := office.Compile(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	cal, plans := of.Calendar, of.Plans
	o := oracle{loc: cfg.Location}
	events := func(ev period.Event, p period.Period) (time.Time, bool) {
		if ev.Kind != period.EventIssue || ev.Form != "BM.04.01/KH" {
			t.Fatalf("unexpected event %s", ev)
		}
		return o.issued(p), true
	}
	checked := 0
	for _, code := range []string{"BM.04.01/KH", "BM.04.02/KH", "BM.02.01/KH", "KT-XH"} {
		pl := plans[code][0]
		for _, year := range []int{2026, 2027} {
			for _, p := range period.InYear(pl.Kind, year) {
				w, err := pl.Window(p, cal, events)
				if errors.Is(err, schedule.ErrNotCollected) && p == noWorkingDay {
					continue // 16–22/2/2026 is all Tết: nothing is asked for it
				}
				if err != nil {
					t.Fatalf("%s %s: %v", code, p, err)
				}
				if want := o.deadline(code, p); !w.Deadline.Equal(want) {
					t.Errorf("%s %s: deadline %s, want %s", code, p, w.Deadline.Format("Mon 2006-01-02 15:04"), want.Format("Mon 2006-01-02 15:04"))
				}
				checked++
			}
		}
	}
	if want := 2*(53+52-1) + 2*24; checked != want {
		t.Errorf("checked %d periods, want %d", checked, want)
	}
}

package config

// builtinCalendar is the calendar of a built-in form as the procedures behind it set it (seed
// 000, the Industrial Zones Authority's ISO procedure, and Decree 09/2019/NĐ-CP for the ward
// socio-economic report). A form of the same code whose deadline is left out takes it whole;
// each key the office does write wins over the built-in one.
type builtinCalendar struct {
	deadline     string
	cutoffDay    int
	plansNext    bool
	sendTemplate string
	reminders    []string
	nagEvery     string
	escalateFrom int
	digestFrom   int
}

var builtinCalendars = map[string]builtinCalendar{
	// The weekly work program is due before 15:00 on Thursday, for the week after.
	"BM.04.01/KH": {deadline: "thu 15:00", plansNext: true, sendTemplate: "3wd",
		reminders: []string{"-1wd", "morning"}, nagEvery: "1wd", escalateFrom: 2, digestFrom: 3},
	// Tasks are assigned within 5 working days of the program's issue.
	"BM.04.02/KH": {deadline: "5 working days after issue of BM.04.01/KH", sendTemplate: "5wd",
		reminders: []string{"-1wd", "morning"}, nagEvery: "1wd", escalateFrom: 2, digestFrom: 3},
	// The monthly result report is due on the 18th.
	"BM.02.01/KH": {deadline: "day 18", sendTemplate: "5wd",
		reminders: []string{"-2wd", "morning"}, nagEvery: "1wd", escalateFrom: 2, digestFrom: 3},
	// Wards report by the 20th on data cut off on the 15th (Decree 09/2019/NĐ-CP art. 12).
	"KT-XH": {deadline: "day 20", cutoffDay: 15, sendTemplate: "5wd",
		reminders: []string{"-2wd", "morning"}, nagEvery: "1wd", escalateFrom: 2, digestFrom: 3},
}

// completeCalendar gives a built-in form without a deadline the built-in calendar.
func (f *Form) completeCalendar() {
	b, ok := builtinCalendars[f.Code]
	if !ok || !f.Deadline.IsZero() {
		return
	}
	f.Deadline = ByKind{All: b.deadline}
	f.PlansNext.All = f.PlansNext.All || b.plansNext
	if f.CutoffDay == 0 {
		f.CutoffDay = b.cutoffDay
	}
	if f.SendTemplate == "" {
		f.SendTemplate = b.sendTemplate
	}
	if f.Reminders == nil {
		f.Reminders = b.reminders
	}
	if f.NagEvery == "" && f.Nags == nil {
		f.NagEvery = b.nagEvery
	}
	if f.EscalateFrom == 0 {
		f.EscalateFrom = b.escalateFrom
	}
	if f.DigestFrom == 0 {
		f.DigestFrom = b.digestFrom
	}
}

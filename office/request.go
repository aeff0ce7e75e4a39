package office

import (
	"context"
	"fmt"
	"slices"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
)

// RequestPlan is the schedule of one one-off request: its units (those still reporting the
// form: a unit since removed is asked nothing more) and due time, the form's reminders and
// nags; its templates leave at once (Opens = r.CreatedAt). The due time is the plan's override
// of the request's period, so Window places it as written, on a day off too.
func (o *Office) RequestPlan(r ledger.Request) (schedule.Plan, error) {
	f, ok := o.Form(r.Form)
	if !ok {
		return schedule.Plan{}, fmt.Errorf("request %s %s: form not in the configuration", r.Form, r.Period)
	}
	p, err := period.Parse(r.Period)
	if err != nil || p.Kind != period.Once {
		return schedule.Plan{}, fmt.Errorf("request %s %s: not a one-off period", r.Form, r.Period)
	}
	fs, err := o.Schedule(f)
	if err != nil {
		return schedule.Plan{}, fmt.Errorf("request %s %s: %w", r.Form, r.Period, err)
	}
	var units []string // the units asked that still report the form
	for _, u := range o.FormUnits(f) {
		if slices.Contains(r.Units, u.Code) {
			units = append(units, u.Code)
		}
	}
	return schedule.Plan{
		Form: f.Code, Kind: period.Once, Units: units, Opens: r.CreatedAt, Label: RequestLabel(r),
		Policy:    period.Policy{Overrides: map[period.Period]period.Override{p: {At: r.Due, Note: r.Title}}},
		Reminders: fs.Reminders, Nags: fs.Nags, NagEvery: fs.NagEvery, MaxNags: fs.MaxNags,
		EscalateFrom: f.EscalateFrom, DigestFrom: f.DigestFrom, Since: o.Start,
	}, nil
}

// RequestLabel names request r in letters and templates: "Yêu cầu đột xuất số 03/2026: <title>
// (<covers>)".
func RequestLabel(r ledger.Request) string {
	label := r.Period
	if p, err := period.Parse(r.Period); err == nil {
		label = p.Label()
	}
	return letters.RequestLabel(label, r.Title, r.Covers)
}

// RequestLines are the deadlines listing's lines of form f's one-off requests made in year,
// from the ledger (nil l: none): "2026-R03	2026-07-10 17:00	yêu cầu đột xuất: <title>".
func (o *Office) RequestLines(ctx context.Context, l *ledger.Ledger, f *config.Form, year int) ([]DeadlineLine, error) {
	if l == nil {
		return nil, nil
	}
	rs, err := l.Requests(ctx, f.Code, year)
	if err != nil {
		return nil, err
	}
	var out []DeadlineLine
	for _, r := range rs {
		p, err := period.Parse(r.Period)
		if err != nil {
			return nil, fmt.Errorf("request %s %s: %w", r.Form, r.Period, err)
		}
		out = append(out, DeadlineLine{Period: p, At: r.Due, Note: letters.RequestNote(r.Title)})
	}
	return out, nil
}

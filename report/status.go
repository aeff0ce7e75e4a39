package report

import (
	"context"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

// StatusMatrix reads one form's periods, submissions and sent reminders from the ledger and
// builds the matrix `tonghop status` prints: the last periods opened, or only the period named
// (a valid period text, or ""), as things stood at now.
func StatusMatrix(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, only string, last int, now time.Time) (status.Matrix, error) {
	rows, err := l.Periods(ctx, f.Code)
	if err != nil {
		return status.Matrix{}, err
	}
	issued, correcting, err := issuesOf(ctx, l, f.Code)
	if err != nil {
		return status.Matrix{}, err
	}
	var periods []status.Period
	for _, r := range rows {
		if only == "" || r.Period == only {
			asked, err := askedUnits(ctx, cfg, l, f, r.Period)
			if err != nil {
				return status.Matrix{}, err
			}
			extended, err := extensions(ctx, l, f.Code, r.Period)
			if err != nil {
				return status.Matrix{}, err
			}
			periods = append(periods, status.Period{Form: f.Code, Period: r.Period, Label: periodLabel(r.Period),
				Deadline: r.Deadline, Closed: r.Status == ledger.PeriodClosed,
				Issued: issued[r.Period], Correcting: correcting[r.Period], Units: asked, Extended: extended})
		}
	}
	if only != "" && len(periods) == 0 {
		periods = []status.Period{{Form: f.Code, Period: only, Label: periodLabel(only)}} // not opened yet: no deadline known
	}
	periods = periods[max(0, len(periods)-last):]
	var subs []status.Submission
	for _, p := range periods {
		list, err := l.Submissions(ctx, f.Code, p.Period)
		if err != nil {
			return status.Matrix{}, err
		}
		held, err := heldReviews(ctx, l, f.Code, p.Period, now)
		if err != nil {
			return status.Matrix{}, err
		}
		for _, s := range list {
			if s.ReceivedAt.After(now) {
				continue
			}
			subs = append(subs, status.Submission{Form: s.Form, Unit: s.Unit, Period: s.Period, Version: s.Version, Valid: s.Valid,
				ReceivedAt: s.ReceivedAt, Decision: status.Decision(s.Decision), Review: held[s.ID]})
		}
	}
	reminders, err := sentReminders(ctx, l, now)
	if err != nil {
		return status.Matrix{}, err
	}
	var units []status.Unit
	for _, u := range cfg.FormUnits(f) {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
	}
	return status.Build(units, periods, subs, reminders, now), nil
}

// askedUnits are the codes of the units a one-off request asked; nil for a recurring period,
// which asks every unit of the form.
func askedUnits(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, key string) ([]string, error) {
	p, err := period.Parse(key)
	if err != nil || p.Kind != period.Once {
		return nil, nil
	}
	units, err := cfg.PeriodUnits(ctx, l, f, p)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(units))
	for _, u := range units {
		out = append(out, u.Code)
	}
	return out, nil
}

// periodLabel names a period in the status table's column head ("Tháng 11/2026"); a text
// that is not a period is shown as it is.
func periodLabel(s string) string {
	p, err := period.Parse(s)
	if err != nil {
		return ""
	}
	return p.Label()
}

// issuesOf reads the report in force of each issued period of form, and the periods being
// corrected.
func issuesOf(ctx context.Context, l *ledger.Ledger, form string) (map[string]*status.Issue, map[string]bool, error) {
	list, err := l.Issues(ctx, form)
	if err != nil {
		return nil, nil, err
	}
	issued := map[string]*status.Issue{}
	for _, is := range list { // by number: the last one is in force
		issued[is.Period] = &status.Issue{Number: is.Number, Version: is.Version, At: is.At, Basis: is.Basis}
	}
	open, err := l.OpenCorrections(ctx)
	if err != nil {
		return nil, nil, err
	}
	correcting := map[string]bool{}
	for _, c := range open {
		if c.Form == form {
			correcting[c.Period] = true
		}
	}
	return issued, correcting, nil
}

// sentReminders reads the reminders and nags that went out, from the outbox.
func sentReminders(ctx context.Context, l *ledger.Ledger, now time.Time) ([]status.Reminder, error) {
	sent, err := l.Outbox(ctx, ledger.OutSent)
	if err != nil {
		return nil, err
	}
	var out []status.Reminder
	for _, m := range sent {
		if (m.Kind != ledger.KindReminder && m.Kind != ledger.KindNag) || m.About.Unit == "" || m.SentAt.After(now) {
			continue
		}
		a := m.About
		out = append(out, status.Reminder{Form: a.Form, Unit: a.Unit, Period: a.Period, Kind: string(m.Kind), N: a.Step, SentAt: m.SentAt, Cc: m.Cc})
	}
	return out, nil
}

// heldReviews is where each file of form and period held for its unit's supervisor stood at now
// (issue 19, part V), by submission id; a decision taken later reads as still pending.
func heldReviews(ctx context.Context, l *ledger.Ledger, form, period string, now time.Time) (map[int64]status.Review, error) {
	list, err := l.Reviews(ctx, form, period)
	if err != nil {
		return nil, err
	}
	out := map[int64]status.Review{}
	for _, r := range list {
		if !r.Mode.Holds() {
			continue
		}
		st := status.Review(r.State)
		if r.State != ledger.ReviewSuperseded && !r.DecidedAt.IsZero() && r.DecidedAt.After(now) {
			st = status.ReviewPending
		}
		out[r.Submission.ID] = st
	}
	return out, nil
}

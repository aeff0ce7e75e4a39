package report

import (
	"context"
	"fmt"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// ConsolidationInput reads from the ledger what consolidating form f for period p needs: the
// latest valid submission of every expected unit for p and, for indicator forms, for the earlier
// periods of the year and last year's (with the figures imported from files of history where a
// unit has no submission: see addImported); for list forms, the previous period's (tasks carried
// over) — all as the ledger stood at asOf. Basis is what it counted: unit → submission version
// of p. The submissions of p and of the previous period are read from l only when
// consolidate.Build comes to each unit (Source.Load, with ctx): build the input while l is
// open, from one goroutine at a time.
func ConsolidationInput(ctx context.Context, cfg *office.Office, l *ledger.Ledger, f *config.Form, p period.Period, asOf time.Time) (in consolidate.Input, basis map[string]int, err error) {
	r := sourceReader{ctx: ctx, l: l, form: f.Code, asOf: asOf, mails: map[int64]ledger.Mail{}, strs: newInterner()}
	in = consolidate.Input{Form: f.Form, Period: p}
	units, err := cfg.PeriodUnits(ctx, l, f, p)
	if err != nil {
		return in, nil, err
	}
	for _, u := range units {
		in.Units = append(in.Units, consolidate.Unit{Code: u.Code, Name: u.Name, Group: u.Group})
	}
	if in.Current, err = r.heads(p, true); err != nil {
		return in, nil, err
	}
	if err = waiting(ctx, l, f.Code, p.String(), asOf, &in); err != nil {
		return in, nil, err
	}
	basis = map[string]int{}
	for unit, s := range in.Current {
		basis[unit] = s.Version
	}
	// A one-off request stands alone: no earlier periods, no last year, no tasks carried over
	// (2026-R02 is another request, not the period before).
	if len(f.Indicators) > 0 && p.Kind != period.Once {
		if in.Earlier, err = r.earlier(p); err != nil {
			return in, nil, err
		}
		last := p.SameLastYear()
		if in.LastYear, err = r.period(last, false); err != nil {
			return in, nil, err
		}
		if in.LastYearEarlier, err = r.earlier(last); err != nil {
			return in, nil, err
		}
		if err = r.addImported(&in); err != nil {
			return in, nil, err
		}
	}
	if len(f.Tables) > 0 && p.Kind != period.Once {
		if in.Previous, err = r.heads(p.Prev(), false); err != nil {
			return in, nil, err
		}
	}
	return in, basis, nil
}

// sourceReader turns ledger submissions into consolidation sources, looking each mail up once.
type sourceReader struct {
	ctx   context.Context
	l     *ledger.Ledger
	form  string
	asOf  time.Time
	mails map[int64]ledger.Mail
	strs  *interner
}

// earlier reads the periods of the same kind and year before p, in any order.
func (r *sourceReader) earlier(p period.Period) (map[period.Period]map[string]consolidate.Source, error) {
	out := map[period.Period]map[string]consolidate.Source{}
	for q := p.Prev(); q.Year == p.Year; q = q.Prev() {
		srcs, err := r.period(q, false)
		if err != nil {
			return nil, err
		}
		if len(srcs) > 0 {
			out[q] = srcs
		}
	}
	return out, nil
}

// period reads the latest valid submission of every unit for p; withMail adds the Message-ID
// of the mail each came in, for the provenance sheet.
func (r *sourceReader) period(p period.Period, withMail bool) (map[string]consolidate.Source, error) {
	latest, err := r.l.LatestValidAt(r.ctx, r.form, p.String(), r.asOf)
	if err != nil {
		return nil, err
	}
	out := make(map[string]consolidate.Source, len(latest))
	for unit, s := range latest {
		src, err := r.source(unit, s, withMail)
		if err != nil {
			return nil, err
		}
		if src.Filled, err = r.decode(s, p, string(s.Data)); err != nil {
			return nil, err
		}
		out[unit] = src
		delete(latest, unit) // its stored JSON is no longer needed: let it go as the rest is decoded
	}
	return out, nil
}

// heads reads the latest valid submission of every unit for p as period does, each unit's
// content left in the ledger until consolidate.Build comes to the unit (Source.Load): a
// thousand units' list rows are held once, in the book, not also as every unit's JSON and
// decoded maps at once.
func (r *sourceReader) heads(p period.Period, withMail bool) (map[string]consolidate.Source, error) {
	latest, err := r.l.LatestValidHeadsAt(r.ctx, r.form, p.String(), r.asOf)
	if err != nil {
		return nil, err
	}
	out := make(map[string]consolidate.Source, len(latest))
	for unit, s := range latest {
		src, err := r.source(unit, s, withMail)
		if err != nil {
			return nil, err
		}
		src.Load = func() (form.Filled, error) { return r.content(s, p) }
		out[unit] = src
	}
	return out, nil
}

// source is unit's submission s as consolidate counts it, its content not yet read; withMail
// adds the Message-ID of the mail it came in, for the provenance sheet.
func (r *sourceReader) source(unit string, s ledger.Submission, withMail bool) (consolidate.Source, error) {
	src := consolidate.Source{Unit: unit, Version: s.Version, ReceivedAt: s.ReceivedAt, Late: s.Late,
		FileName: s.FileName, SHA256: s.FileSHA256}
	if withMail {
		var err error
		if src.MessageID, err = r.messageID(s.MailID); err != nil {
			return consolidate.Source{}, err
		}
	}
	return src, nil
}

// content reads and decodes the content of submission s of period p.
func (r *sourceReader) content(s ledger.Submission, p period.Period) (form.Filled, error) {
	var f form.Filled
	err := r.l.ReadSubmissionData(r.ctx, s.ID, func(data string) error {
		var err error
		f, err = r.decode(s, p, data)
		return err
	})
	return f, err
}

// decode decodes data, the stored content of submission s of period p, its strings interned.
// A submission recorded without content (imported by hand) is counted with no figures.
func (r *sourceReader) decode(s ledger.Submission, p period.Period, data string) (form.Filled, error) {
	if len(data) == 0 {
		return form.Filled{}, nil
	}
	f, err := decodeFilled(data, r.strs)
	if err != nil {
		return form.Filled{}, fmt.Errorf("submission %d (%s %s %s v%d): stored data: %w", s.ID, s.Form, s.Unit, p, s.Version, err)
	}
	return f, nil
}

func (r *sourceReader) messageID(id int64) (string, error) {
	if m, ok := r.mails[id]; ok {
		return m.MessageID, nil
	}
	m, err := r.l.MailByID(r.ctx, id)
	if err != nil {
		return "", err
	}
	r.mails[id] = m
	return m.MessageID, nil
}

package upstream

import (
	"context"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// Stage is the upstream stage of one office.
type Stage struct {
	Office *office.Office
	Ledger *ledger.Ledger
	Now    func() time.Time
	Log    *slog.Logger
	// LookupTXT resolves DKIM keys when mail_auth.verify_dkim is set; nil: the system resolver.
	LookupTXT func(domain string) ([]string, error)
	// Issued returns the consolidated book that our issue of form f for period p counted, or an
	// error saying why it cannot be had (letters.UpstreamWhy…). The daemon reads it through the
	// report stage, which this stage may not import.
	Issued func(ctx context.Context, f *config.Form, p period.Period, is ledger.Issue) (consolidate.Book, error)
}

func (s *Stage) now() time.Time { return s.Now() }

func (s *Stage) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// target is a request's configuration: the upper office, its form with its layout, and ours.
type target struct {
	up     *config.Upstream
	uf     *config.UpstreamForm
	ours   *config.Form
	period period.Period
}

// targetOf resolves a request against the configuration; ok is false when it no longer names
// a configured upper form (the request then waits untouched).
func (s *Stage) targetOf(r ledger.UpstreamRequest) (target, bool) {
	up, ok := s.Office.UpstreamNamed(r.Upstream)
	if !ok {
		return target{}, false
	}
	uf, ok := up.Form(r.Form)
	if !ok {
		return target{}, false
	}
	ours, ok := s.Office.Form(uf.From)
	if !ok {
		return target{}, false
	}
	p, err := period.Parse(r.Period)
	if err != nil || !ours.Period.Has(string(p.Kind)) {
		return target{}, false
	}
	return target{up: up, uf: uf, ours: ours, period: p}, true
}

// describe is what the letters say of a request.
func (s *Stage) describe(t target) letters.Upstream {
	layout, _ := s.Office.UpstreamLayout(*t.uf)
	return letters.Upstream{Office: s.Office.Letterhead(), Upper: t.up.Name,
		Request:  letters.Request{FormCode: layout.Code, FormTitle: layout.Title, Period: t.period.Label()},
		FromForm: letters.Request{FormCode: t.ours.Code, FormTitle: t.ours.Title, Period: s.Office.PeriodLabel(t.ours, t.period)}}
}

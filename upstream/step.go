package upstream

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/templates"
)

// Unfillable is the error Stage.Issued returns when the figures an issue counted cannot be
// had again (a leader's edited workbook, units' files changed since): the clerks are told Why,
// in Vietnamese, and fill the template themselves. Any other error is retried at the next step.
type Unfillable struct{ Why string }

func (e Unfillable) Error() string { return "issued figures cannot be recovered: " + e.Why }

// Step moves every request that can move: a template whose report of ours was issued (again,
// for a correction) since it was last filled is filled and copied to the clerks; a filled file
// whose hold is over is sent to the upper office. A request another writer moved meanwhile is
// left for the next step.
func (s *Stage) Step(ctx context.Context) error {
	reqs, err := s.Ledger.UpstreamRequests(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, r := range reqs {
		if err := s.advance(ctx, r); err != nil && !errors.Is(err, ledger.ErrUpstreamChanged) {
			errs = append(errs, fmt.Errorf("upstream %s %s %s: %w", r.Upstream, r.Form, r.Period, err))
		}
	}
	return errors.Join(errs...)
}

func (s *Stage) advance(ctx context.Context, r ledger.UpstreamRequest) error {
	t, ok := s.targetOf(r)
	if !ok {
		return nil
	}
	if (r.State == ledger.UpstreamSent || r.State == ledger.UpstreamFailed) && !s.near(t.period) {
		return nil // settled long ago: a correction a year on is the clerks' to send by hand
	}
	is, err := s.Ledger.LatestIssue(ctx, t.ours.Code, r.Period)
	if errors.Is(err, ledger.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	switch {
	case is.Number > r.Issue:
		return s.fill(ctx, r, t, is)
	case r.State == ledger.UpstreamReady && !s.now().Before(r.SendAfter):
		return s.send(ctx, r, t, is)
	}
	return nil
}

// fill fills r's template from issue is and sends the clerks the copy; with no hold the file
// goes to the upper office in the same step.
func (s *Stage) fill(ctx context.Context, r ledger.UpstreamRequest, t target, is ledger.Issue) error {
	book, err := s.Issued(ctx, t.ours, t.period, is)
	var bad Unfillable
	if errors.As(err, &bad) {
		return s.failed(ctx, r, t, is, bad.Why)
	} else if err != nil {
		return err
	}
	tpl, err := s.Ledger.Blob(r.TemplateSHA256)
	if err != nil {
		return err
	}
	layout, _ := s.Office.UpstreamLayout(*t.uf)
	fl := FillData(book, layout, is.At.In(s.Office.Location))
	data, err := FillTemplate(tpl, layout, fl)
	if err != nil {
		s.log().Warn("upper template could not be filled", "upstream", r.Upstream, "form", r.Form, "period", r.Period, "err", err)
		return s.failed(ctx, r, t, is, letters.UpstreamWhyTemplate)
	}
	sha, err := s.Ledger.PutBlob(data)
	if err != nil {
		return err
	}
	now := s.now()
	to := r
	to.State, to.Issue, to.FilledSHA256, to.SendAfter, to.UpdatedAt = ledger.UpstreamReady, is.Number, sha, now, now
	to.Note = fmt.Sprintf("filled from issue %d (v%d): %d figures, %d rows, %d sections, %d parts blank",
		is.Number, is.Version, fl.Figures, fl.Rows, fl.Sections, len(fl.Blank))
	md := s.filled(r, t, is, fl)
	if hold := t.up.HoldFor(); hold > 0 {
		to.SendAfter = s.Office.Calendar.AddWorkingDuration(now, hold)
		md.SendAt = to.SendAfter.In(s.Office.Location)
	}
	l := letters.UpstreamCopyLetter(md)
	u := ledger.UpstreamUpdate{From: r.State, FromIssue: r.Issue, To: to,
		Outbox: []ledger.OutMail{s.mail(r, is, ledger.UpstreamCopyKey(r.Upstream, r.Form, r.Period, is.Number),
			ledger.KindUpstreamOffice, s.Office.ClerkAddresses(), l, md.FileName, sha)},
		Events: []ledger.Event{s.event(r, ledger.ActionUpstreamFilled, to.Note)}}
	if len(u.Outbox[0].To) == 0 {
		u.Outbox = nil
	}
	if md.SendAt.IsZero() {
		sub, err := s.submission(ctx, to, is, md)
		if err != nil {
			return err
		}
		u.To.State = ledger.UpstreamSent
		u.Outbox, u.Events = append(u.Outbox, sub), append(u.Events, s.event(r, ledger.ActionUpstreamSent, sub.Key))
	}
	return s.Ledger.UpdateUpstream(ctx, u)
}

// send queues the filled file of r to the upper office.
func (s *Stage) send(ctx context.Context, r ledger.UpstreamRequest, t target, is ledger.Issue) error {
	if is.Number != r.Issue {
		return nil // filled from another issue: the next step fills it again
	}
	md := s.filled(r, t, is, Filling{}) // the covering letter names the file and the issue only
	sub, err := s.submission(ctx, r, is, md)
	if err != nil {
		return err
	}
	to := r
	to.State, to.UpdatedAt = ledger.UpstreamSent, s.now()
	return s.Ledger.UpdateUpstream(ctx, ledger.UpstreamUpdate{From: r.State, FromIssue: r.Issue, To: to,
		Outbox: []ledger.OutMail{sub}, Events: []ledger.Event{s.event(r, ledger.ActionUpstreamSent, sub.Key)}})
}

// submission is the mail carrying r's filled file to the upper office, at the address its
// template came from, in reply to the template's mail as a unit's clerk would answer it: an
// ordinary unit's submission there (KindUpstream: no Auto-Submitted).
func (s *Stage) submission(ctx context.Context, r ledger.UpstreamRequest, is ledger.Issue, md letters.UpstreamFilled) (ledger.OutMail, error) {
	l := letters.UpstreamSubmissionLetter(md)
	m := s.mail(r, is, ledger.UpstreamSubmissionKey(r.Upstream, r.Form, r.Period, is.Number), ledger.KindUpstream,
		[]string{r.ReplyTo}, l, md.FileName, r.FilledSHA256)
	tm, err := s.Ledger.MailByID(ctx, r.MailID)
	if err != nil {
		return m, err
	}
	if tm.MessageID != "" {
		m.InReplyTo, m.References = tm.MessageID, []string{tm.MessageID}
	}
	return m, nil
}

// mail is an outbox mail about r and issue is, with the filled file attached.
func (s *Stage) mail(r ledger.UpstreamRequest, is ledger.Issue, key string, kind ledger.Kind, to []string, l letters.Letter, name, sha string) ledger.OutMail {
	now := s.now()
	return ledger.OutMail{Key: key, Kind: kind, To: to, Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now,
		// About names the request (the clerks' answer to the copy is bound through it).
		About:       ledger.About{Form: r.Form, Period: r.Period, Unit: r.Upstream, Step: is.Number},
		Attachments: []ledger.Attachment{{Name: name, ContentType: mailer.ContentTypeXLSX, SHA256: sha}}}
}

// filled describes a filled file for the letters.
func (s *Stage) filled(r ledger.UpstreamRequest, t target, is ledger.Issue, fl Filling) letters.UpstreamFilled {
	layout, _ := s.Office.UpstreamLayout(*t.uf)
	md := letters.UpstreamFilled{Upstream: s.describe(t), FileName: templates.FileName(layout, r.Unit, r.Period),
		Issued: letters.Issued{At: is.At.In(s.Office.Location), Version: is.Version}, Number: is.Number,
		Figures: fl.Figures, Rows: fl.Rows, Sections: fl.Sections}
	for _, b := range fl.Blank {
		md.Blank = append(md.Blank, letters.UpstreamBlank(b.Table, b.Code, b.Name, b.Columns, b.Why))
	}
	return md
}

// failed records that r's template could not be filled from is, and tells the clerks why.
func (s *Stage) failed(ctx context.Context, r ledger.UpstreamRequest, t target, is ledger.Issue, why string) error {
	now := s.now()
	to := r
	to.State, to.Issue, to.FilledSHA256, to.SendAfter, to.UpdatedAt = ledger.UpstreamFailed, is.Number, "", time.Time{}, now
	to.Note = "not filled from issue " + fmt.Sprint(is.Number) + ": " + why
	l := letters.UpstreamFailedLetter(s.describe(t), why)
	u := ledger.UpstreamUpdate{From: r.State, FromIssue: r.Issue, To: to, Events: []ledger.Event{s.event(r, ledger.ActionUpstreamFailed, why)}}
	if clerks := s.Office.ClerkAddresses(); len(clerks) > 0 {
		u.Outbox = []ledger.OutMail{{Key: ledger.UpstreamFailedKey(r.Upstream, r.Form, r.Period, is.Number), Kind: ledger.KindUpstreamOffice,
			To: clerks, Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now}}
	}
	return s.Ledger.UpdateUpstream(ctx, u)
}

func (s *Stage) event(r ledger.UpstreamRequest, a ledger.Action, detail string) ledger.Event {
	return ledger.Event{At: s.now(), Actor: "system", Action: a, Object: ledger.PeriodObject(r.Form, r.Period),
		Detail: strings.TrimSpace("upstream " + r.Upstream + ": " + detail)}
}

package upstream

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// Route handles msg when it is this stage's: any mail from a configured upper office's address,
// automatic or not (see the package's note on loops), or a clerk's answer to the copy of a
// filled file. handled is false for any other mail, which the daemon routes as before. It
// stores the templates it records as blobs and fills in, which the caller records in one
// transaction. An error means the ledger could not be read: the mail is left for the next poll.
func (s *Stage) Route(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, log *slog.Logger) (handled bool, err error) {
	if len(s.Office.Upstream) == 0 {
		return false, nil // not a unit of any upper office: nothing of this stage's
	}
	if up, ok := s.Office.UpstreamByEmail(msg.From.Addr); ok {
		return true, s.fromUpper(ctx, in, msg, raw, up, log.With("upstream", up.Name))
	}
	if msg.IsAutomatic() {
		return false, nil
	}
	p, ok := s.Office.PersonByEmail(msg.From.Addr)
	if !ok || !isClerk(p) {
		return false, nil
	}
	copyMail, ok := s.answered(ctx, msg, p)
	if !ok {
		return false, nil
	}
	return true, s.answer(ctx, in, msg, raw, p, copyMail, log)
}

// authFailure checks a mail with the office's mail authentication: "" when it may be believed.
// Acting on an upper office's mail sends our figures, and a clerk's answer holds or sends them.
func (s *Stage) authFailure(raw []byte, msg *intake.Message) string {
	return s.Office.AuthFailure(raw, msg, s.LookupTXT)
}

// fromUpper records the upper office's mail: its templates as requests, the clerks told of
// each; anything else shown to the clerks. Nothing is ever sent back to the upper office.
func (s *Stage) fromUpper(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, up *config.Upstream, log *slog.Logger) error {
	now := s.now()
	if why := s.authFailure(raw, msg); why != "" {
		log.Warn("mail from an upper office's address failed authentication: quarantined, not acted on", "from", msg.From.Addr, "why", why)
		in.Settle(now, ledger.OutcomeQuarantined, "mail from upstream "+up.Name+" failed authentication: "+why, ledger.ActionUpstreamRefused)
		return nil
	}
	sheets := msg.Spreadsheets()
	if len(sheets) > s.Office.Mailbox.MaxAttachments {
		sheets = sheets[:s.Office.Mailbox.MaxAttachments]
	}
	var found []string
	fresh := false // a template of a request not known before
	for _, a := range sheets {
		r, t, ok := s.template(ctx, a.Data, up)
		if !ok || slices.Contains(found, r.Form+" "+r.Period) {
			continue
		}
		sha, err := s.Ledger.PutBlob(a.Data)
		if err != nil {
			return fmt.Errorf("store upstream template: %w", err)
		}
		r.TemplateSHA256, r.ReplyTo, r.ReceivedAt = sha, msg.From.Addr, now
		in.Upstream = append(in.Upstream, r)
		switch _, err := s.Ledger.UpstreamRequest(ctx, r.Upstream, r.Form, r.Period); {
		case errors.Is(err, ledger.ErrNotFound):
			fresh = true
			if err := s.told(ctx, in, t, len(in.Upstream)); err != nil {
				return err
			}
		case err != nil:
			return err
		}
		in.Events = append(in.Events, ledger.Event{At: now, Actor: "upstream:" + up.Name, Action: ledger.ActionUpstreamTemplate,
			Object: ledger.PeriodObject(r.Form, r.Period), Detail: "unit " + r.Unit + " sha256=" + sha})
		found = append(found, r.Form+" "+r.Period)
		log.Info("upper office's template recorded", "form", r.Form, "period", r.Period, "unit", r.Unit)
	}
	// The clerks hear of a request once; a mail carrying a known template again is something
	// else (a reminder, a list of errors in our file with the template to redo it): they see it.
	if !fresh {
		s.showClerks(in, msg, up)
	}
	if len(found) > 0 {
		in.Settle(now, ledger.OutcomeAccepted, "template of upstream "+up.Name+" recorded: "+strings.Join(found, ", "), ledger.ActionUpstreamTemplate)
		return nil
	}
	in.Settle(now, ledger.OutcomeIgnored, "mail from upstream "+up.Name+": shown to the clerks, never answered", ledger.ActionUpstreamMail)
	return nil
}

// template reads a workbook as the upper office's template of one of up's forms: identified by
// its hidden identification (never guessed), whose tag we cannot check (the upper office's
// key), for a period of a kind our form collects.
func (s *Stage) template(ctx context.Context, data []byte, up *config.Upstream) (ledger.UpstreamRequest, target, bool) {
	var layouts []form.Form
	for _, uf := range up.Forms {
		if l, ok := s.Office.UpstreamLayout(uf); ok {
			layouts = append(layouts, l)
		}
	}
	rep, err := templates.ReadContext(ctx, data, layouts, nil, templates.Limits{})
	if err != nil || rep == nil {
		return ledger.UpstreamRequest{}, target{}, false
	}
	id := rep.Filled.Ident
	uf, ok := up.Form(id.Form)
	if id.Guessed || !ok || !validUnit(id.Unit) {
		return ledger.UpstreamRequest{}, target{}, false
	}
	p, err := period.Parse(id.Period)
	if err != nil || !s.near(p) {
		return ledger.UpstreamRequest{}, target{}, false
	}
	r := ledger.UpstreamRequest{Upstream: up.Name, Form: uf.Code, Period: p.String(), Unit: id.Unit}
	t, ok := s.targetOf(r)
	return r, t, ok
}

// Templates are taken for periods near now only: one a period of each configured form is what
// an upper office sends, and a bound on the periods is a bound on the requests each step looks
// at, whatever an upper office's system (or one who took over its mailbox) sends.
const (
	maxAhead  = 92 * 24 * time.Hour  // a template may come a quarter ahead (work programs plan the next period)
	maxBehind = 400 * 24 * time.Hour // and for a period that ended up to a year ago (a yearly report)
)

func (s *Stage) near(p period.Period) bool {
	now, loc := s.now(), s.Office.Location
	return p.Start(loc).Before(now.Add(maxAhead)) && p.End(loc).After(now.Add(-maxBehind))
}

// validUnit accepts a unit code as the upper office writes it (config's unit code pattern,
// loosely): short, printable, no separator of our keys.
func validUnit(u string) bool {
	return u != "" && len(u) <= 40 && !strings.ContainsAny(u, ":\x00\r\n\t ")
}

// told queues the clerks' notice that a template arrived (n: its number in the mail).
func (s *Stage) told(ctx context.Context, in *ledger.Intake, t target, n int) error {
	_, err := s.Ledger.LatestIssue(ctx, t.ours.Code, t.period.String())
	if err != nil && !errors.Is(err, ledger.ErrNotFound) {
		return err
	}
	l := letters.UpstreamTemplateLetter(s.describe(t), s.now().In(s.Office.Location), err == nil)
	s.toClerks(in, ledger.OutMail{Key: ledger.UpstreamNoticeKey(in.Mail.SHA256, n), Kind: ledger.KindUpstreamOffice,
		Subject: l.Subject, Body: l.Body})
	return nil
}

// showClerks queues the notice showing the clerks a mail of the upper office.
func (s *Stage) showClerks(in *ledger.Intake, msg *intake.Message, up *config.Upstream) {
	var files []string
	for _, a := range msg.Attachments {
		files = append(files, a.Name)
	}
	l := letters.UpstreamMailLetter(letters.UpstreamMail{Office: s.Office.Letterhead(), Upper: up.Name, From: msg.From.Addr,
		Subject: msg.Subject, ReceivedAt: s.now().In(s.Office.Location), Excerpt: msg.Text, Files: files})
	s.toClerks(in, ledger.OutMail{Key: ledger.UpstreamNoticeKey(in.Mail.SHA256, 0), Kind: ledger.KindUpstreamOffice,
		Subject: l.Subject, Body: l.Body})
}

// toClerks queues m to the clerks, if there are any.
func (s *Stage) toClerks(in *ledger.Intake, m ledger.OutMail) {
	if m.To = s.Office.ClerkAddresses(); len(m.To) == 0 {
		return
	}
	in.Queue(s.now(), m, "office")
}

func isClerk(p config.Person) bool {
	for _, r := range p.Roles {
		if r == "clerk" {
			return true
		}
	}
	return false
}

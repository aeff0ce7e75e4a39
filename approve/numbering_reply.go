package approve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/docnumber"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/office"
	replyreader "github.com/tonghop/tonghop/reply"
)

// The registry clerk's reply giving the number of a report waiting for it (issue 20, part R).
// A number goes on an official document and cannot be taken back, so her reply is believed
// only as an approval is: authenticated (office.AuthFailure) and bound to the letter sent to
// her (registryBound). The number is read by docnumber.ParseReply, never guessed; one that
// cannot be taken — unreadable, two numbers, a symbol not the form's, already in the year's
// register — is asked again, saying why.

// maxNumberAsks bounds the letters asking her again: past it, her answers are kept for the
// clerks to read, not answered (two mail programs answering each other must stop).
const maxNumberAsks = 5

// isRegistry reports whether p has the registry role (văn thư).
func isRegistry(p config.Person) bool { return slices.Contains(p.Roles, "registry") }

// registryReply handles a reply from the registry clerk p about ref; handled is false when ref's
// report waits for no number (her mail then goes the way of any person's).
func (a *Approver) registryReply(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, ref Ref, p config.Person, log *slog.Logger) (copies []office.Copy, handled bool, err error) {
	w, err := a.Ledger.RegisterWaitOf(ctx, ref.Form.Code, ref.Period.String())
	if errors.Is(err, ledger.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	now := a.now()
	if why := a.authFailure(raw, msg); why != "" {
		log.Warn("registry reply refused: authentication failed", "from", msg.From.Addr, "why", why)
		in.Settle(now, ledger.OutcomeQuarantined, "registry reply failed authentication: "+why, ledger.ActionNumberRefused)
		return nil, true, a.refuseReply(ctx, in, msg, letters.AuthFailed(why), "registry-auth")
	}
	if !a.registryBound(ctx, msg, ref, w, p) {
		log.Warn("registry reply refused: it answers no request sent to its sender", "person", p.ID)
		in.Settle(now, ledger.OutcomeQuarantined, "registry reply answers no request sent to "+p.ID, ledger.ActionNumberRefused)
		return nil, true, a.refuseReply(ctx, in, msg, letters.NotBound, "registry-unbound")
	}
	var act approval.Action
	if err := json.Unmarshal(w.Action, &act); err != nil {
		return nil, true, fmt.Errorf("waiting issue of %s %s: %w", ref.Form.Code, ref.Period.String(), err)
	}
	written := replyreader.Written(msg.Text, msg.HTML)
	n, why, given, err := a.givenNumber(ctx, ref.Form, written, in.Mail.SHA256, p.ID)
	if err != nil {
		return nil, true, err
	}
	if n == nil {
		log.Info("registry reply: number not taken", "person", p.ID, "why", why)
		return nil, true, a.askNumberAgain(ctx, in, msg, ref, p, w, act, why, given, written)
	}
	log.Info("registry reply: number given", "person", p.ID, "number", n.Number)
	copies, err = a.issueNumbered(ctx, in, msg, ref, p, act, n)
	return copies, true, err
}

// registryBound reports whether the reply answers a letter about the waiting version sent to p:
// the subject's token carries the MAC of (form, period, version, p), or In-Reply-To or
// References name the keyed Message-ID of a registry mail about that version sent to p.
func (a *Approver) registryBound(ctx context.Context, msg *intake.Message, ref Ref, w ledger.RegisterWait, p config.Person) bool {
	form, name := ref.Form.Code, ref.Period.String()
	code, per, version, mac, ok := letters.ParseSignedApprovalToken(msg.Subject)
	if ok && mac != "" && code == form && per == name && version == w.Version && a.Office.VerifyApprovalMAC(form, name, w.Version, p.ID, mac) {
		return true
	}
	for _, id := range append([]string{msg.InReplyTo}, msg.References...) {
		if id == "" || !mailer.IsOwnMessageID(id, a.Office.SMTP.From) {
			continue
		}
		m, err := a.Ledger.OutMailByMessageID(ctx, id)
		if err != nil || m.Kind != ledger.KindRegistry || !sentToAny(m, p.Emails) {
			continue
		}
		if code, per, v, ok := letters.ParseApprovalToken(m.Subject); ok && code == form && per == name && v == w.Version {
			return true
		}
	}
	return false
}

// givenNumber reads and judges the number in written; nil with why (and the number as she
// wrote it) when it cannot be taken. The document is dated today where the office is, or the
// date she wrote when it is of this year and not later than today.
func (a *Approver) givenNumber(ctx context.Context, f *config.Form, written, mailSHA, person string) (*ledger.Numbered, letters.NumberRefusal, string, error) {
	now, loc := a.now(), a.Office.Location
	g, err := docnumber.ParseReply(written)
	switch {
	case errors.Is(err, docnumber.ErrTwoNumbers):
		return nil, letters.NumberTwo, "", nil
	case errors.Is(err, docnumber.ErrOutOfRange):
		return nil, letters.NumberOutOfRange, "", nil
	case err != nil:
		return nil, letters.NumberUnread, "", nil
	}
	dated := now.In(loc)
	if d := g.Date; !d.IsZero() && d.Year() == dated.Year() && !d.After(dated) {
		dated = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	}
	year := dated.Year()
	as := g.Symbol
	if as == "" {
		as = f.Symbol
	}
	shown := docnumber.Format(g.Sequence, as)
	var lookErr error
	num, err := docnumber.Check(g, f.Symbol, year, func(seq int) bool {
		taken, err := a.Ledger.NumberTaken(ctx, year, seq)
		lookErr = err
		return taken || err != nil
	})
	switch {
	case lookErr != nil:
		return nil, 0, "", lookErr
	case errors.Is(err, docnumber.ErrOtherSymbol):
		return nil, letters.NumberOtherSymbol, shown, nil
	case errors.Is(err, docnumber.ErrTaken):
		return nil, letters.NumberTaken, shown, nil
	case err != nil:
		return nil, letters.NumberOutOfRange, shown, nil
	}
	return &ledger.Numbered{Year: year, Sequence: num.Sequence, Number: num.String(), Symbol: f.Symbol,
		Dated: dated.Format("2006-01-02"), How: ledger.NumberedRegistry, Person: person, MailSHA256: mailSHA, At: now}, 0, "", nil
}

// askNumberAgain answers her reply in its thread: why the number was not taken, what she
// wrote, the request again; the wait counts the letter.
func (a *Approver) askNumberAgain(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, p config.Person, w ledger.RegisterWait, act approval.Action, why letters.NumberRefusal, given, written string) error {
	now := a.now()
	if w.Asked >= maxNumberAsks {
		in.Settle(now, ledger.OutcomeIgnored, "registry reply without a number that can be taken, asked enough: kept", ledger.ActionNumberAsked)
		return nil
	}
	stored, err := a.load(ctx, ref.Form.Code, ref.Period.String())
	if err != nil {
		return err
	}
	ew, err := a.effectWriter(ctx, ref.Form, ref.Period, stored.state, nil)
	if err != nil {
		return err
	}
	l := letters.NumberAskAgainLetter(ew.numberRequest(act, p.ID), why, given, docnumber.Year(now, a.Office.Location), written)
	in.Queue(now, threaded(msg, ledger.OutMail{Key: ledger.RegistryReplyKey(in.Mail.SHA256, "ask-again"), Kind: ledger.KindRegistry,
		About: ledger.About{Form: ref.Form.Code, Period: ref.Period.String()}, To: []string{msg.From.Addr},
		Subject: l.Subject, Body: l.Body, Attachments: ew.attachment(act.Version)}), "person:"+p.ID)
	w.Asked++
	in.RegisterWait = &w
	in.Events = append(in.Events, a.event(p.ID, ledger.ActionNumberAsked, ledger.PeriodObject(ref.Form.Code, ref.Period.String()),
		fmt.Sprintf("v%d reason %d %s", act.Version, why, given)))
	in.Settle(now, ledger.OutcomeAccepted, "registry reply: number not taken, asked again", ledger.ActionNumberAsked)
	return nil
}

// issueNumbered issues the waiting report with the number n she gave, in the transaction of her
// mail: the issue, its number in the register, the wait ended, the report's mails, and her
// acknowledgement. The approval's state (already issued) is saved again against its revision,
// so that two of her replies read at once cannot both issue it.
func (a *Approver) issueNumbered(ctx context.Context, in *ledger.Intake, msg *intake.Message, ref Ref, p config.Person, act approval.Action, n *ledger.Numbered) ([]office.Copy, error) {
	stored, err := a.load(ctx, ref.Form.Code, ref.Period.String())
	if err != nil {
		return nil, err
	}
	ew, err := a.effectWriter(ctx, ref.Form, ref.Period, stored.state, nil)
	if err != nil {
		return nil, err
	}
	ew.given = n
	if err := ew.issue(act); err != nil {
		return nil, fmt.Errorf("issue with the registry's number: %w", err)
	}
	now := a.now()
	ack := letters.NumberRecordedLetter(ew.numberRequest(act, p.ID), ew.documentNumber(n))
	fx := ew.fx
	fx.mails = append(fx.mails, threaded(msg, ledger.OutMail{Key: ledger.RegistryReplyKey(in.Mail.SHA256, "recorded"), Kind: ledger.KindRegistry,
		About: ledger.About{Form: ref.Form.Code, Period: ref.Period.String()}, To: []string{msg.From.Addr},
		Subject: ack.Subject, Body: ack.Body, CreatedAt: now, NotBefore: now}))
	in.Approval = &ledger.ApprovalUpdate{Form: ref.Form.Code, Period: ref.Period.String(), State: stored.raw, Revision: stored.revision,
		At: now, Mails: fx.mails, Events: fx.events, ClosePeriod: true, Issue: fx.issue}
	in.Settle(now, ledger.OutcomeAccepted, fmt.Sprintf("registry reply: %s given by %s, report issued", n.Number, p.ID), ledger.ActionNumberAssigned)
	return fx.copies, nil
}

// awaitsNumber reports whether the approved report of form and period waits for the registry
// clerk's number: it was not issued, so there is nothing to correct yet. An unreadable ledger
// counts as waiting, which opens nothing.
func (a *Approver) awaitsNumber(ctx context.Context, form, period string) bool {
	_, err := a.Ledger.RegisterWaitOf(ctx, form, period)
	return !errors.Is(err, ledger.ErrNotFound)
}

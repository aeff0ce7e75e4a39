package approve

import (
	"context"
	"errors"
	"slices"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
	"github.com/tonghop/tonghop/period"
)

// regarding is what a person's mail is about, as its thread and subject tell: the mail of
// tonghop it answers, the report (form, period, version) and, for the clerks' notice about a
// file received after the issue, that file.
type regarding struct {
	out      *ledger.OutMail // tonghop's mail it answers (In-Reply-To, then References newest first)
	form     *config.Form
	period   period.Period
	version  int // the draft version named, 0 when none
	answered letters.Answered
	unit     string           // a mail to a unit it answers: the unit's code
	late     *ledger.LateFile // the late file whose notice it answers
	lateMAC  string           // the MAC of the late file's tag in the subject
}

// hasReport reports whether the mail could be placed on a form's period.
func (r regarding) hasReport() bool { return r.form != nil }

// regarding finds what msg is about. An error means the ledger could not be read.
func (a *Approver) regarding(ctx context.Context, msg *intake.Message) (regarding, error) {
	var re regarding
	refs := append([]string{msg.InReplyTo}, msg.References...)
	slices.Reverse(refs[1:]) // the newest reference first
	for _, id := range refs {
		if id == "" || !mailer.IsOwnMessageID(id, a.Office.SMTP.From) {
			continue
		}
		m, err := a.Ledger.OutMailByMessageID(ctx, id)
		if errors.Is(err, ledger.ErrNotFound) {
			continue
		}
		if err != nil {
			return re, err
		}
		re.out = &m
		break
	}
	if re.out != nil {
		if err := a.placeOut(ctx, &re); err != nil {
			return re, err
		}
	}
	if re.late == nil {
		if err := a.placeLateTag(ctx, msg.Subject, &re); err != nil {
			return re, err
		}
	}
	if !re.hasReport() {
		if code, name, v, ok := letters.ParseApprovalToken(msg.Subject); ok {
			a.setReport(&re, code, name, v)
			re.answered = letters.AnsweredApproval
		}
	}
	return re, nil
}

// placeOut reads what the answered mail was about: its form and period (About, or its subject's
// token), and what kind of mail it was.
func (a *Approver) placeOut(ctx context.Context, re *regarding) error {
	m := re.out
	// The notice about a late file; before such notices had their own kind, a plain notice
	// under the same key.
	if m.Kind == ledger.KindLateFile || m.Kind == ledger.KindNotice {
		f, err := a.Ledger.LateFileByNotice(ctx, m.Key)
		switch {
		case err == nil:
			re.late = &f
			a.setReport(re, f.Submission.Form, f.Submission.Period, 0)
			re.unit, re.answered = f.Submission.Unit, letters.AnsweredOther
			return nil
		case !errors.Is(err, ledger.ErrNotFound):
			return err
		}
	}
	if code, name, v, ok := letters.ParseApprovalToken(m.Subject); ok {
		a.setReport(re, code, name, v)
	} else if m.About.Form != "" {
		a.setReport(re, m.About.Form, m.About.Period, 0)
	}
	switch m.Kind {
	case ledger.KindIssue:
		re.answered = letters.AnsweredIssue
	case ledger.KindApprovalRequest, ledger.KindApprovalReminder, ledger.KindApprovalNotice:
		re.answered = letters.AnsweredApproval
	case ledger.KindTemplate, ledger.KindReminder, ledger.KindNag:
		re.answered, re.unit = letters.AnsweredUnit, m.About.Unit
	default:
		re.answered = letters.AnsweredOther
	}
	return nil
}

// placeLateTag reads a late file's tag in the subject, when the thread did not name its notice
// (a mail program that drops In-Reply-To): the tag's MAC is checked where it counts.
func (a *Approver) placeLateTag(ctx context.Context, subject string, re *regarding) error {
	code, name, unit, v, mac, ok := letters.ParseLateFileToken(subject)
	if !ok {
		return nil
	}
	f, err := a.Ledger.LateFileByNotice(ctx, ledger.AfterCloseNoticeKey(code, name, unit, v))
	if errors.Is(err, ledger.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	re.late, re.lateMAC = &f, mac
	a.setReport(re, code, name, 0)
	re.unit = unit
	return nil
}

// setReport places the mail on a form's period when both are known.
func (a *Approver) setReport(re *regarding, code, name string, version int) {
	f, ok := a.Office.Form(code)
	p, err := period.Parse(name)
	if !ok || err != nil {
		return
	}
	re.form, re.period, re.version = f, p, version
}

// aboutLetter describes re for the clerks: the report, where it stands, the unit answered.
func (a *Approver) aboutLetter(ctx context.Context, re regarding) (letters.About, error) {
	ab := letters.About{Answered: re.answered, Version: re.version}
	if !re.hasReport() {
		return letters.About{}, nil
	}
	ab.Report = a.Office.Request(re.form.Code, re.period.String(), nil)
	if u, ok := a.Office.Unit(re.unit); ok {
		ab.Unit = u.Name
	}
	is, err := a.Ledger.LatestIssue(ctx, re.form.Code, re.period.String())
	switch {
	case err == nil:
		ab.Issued = &letters.Issued{At: is.At.In(a.Office.Location), Version: is.Version}
	case !errors.Is(err, ledger.ErrNotFound):
		return ab, err
	}
	_, err = a.Ledger.OpenCorrection(ctx, re.form.Code, re.period.String())
	switch {
	case err == nil:
		ab.Correcting = true
	case !errors.Is(err, ledger.ErrNotFound):
		return ab, err
	}
	return ab, nil
}

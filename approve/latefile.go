package approve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"github.com/tonghop/tonghop/address"
	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	replyreader "github.com/tonghop/tonghop/reply"
)

// A unit's file received after the issue is kept and not counted; the clerks are asked, by a
// notice (receive), whether to take it into a corrected report. A clerk answers that notice;
// the answer is bound as approval replies are (the mail authenticated, its sender a clerk, and
// it answers the notice: its keyed Message-ID, or the MAC'd tag in the subject) and read by the
// reply reader: yes takes the file in (which opens a correction, unless one is open), no leaves
// it out, anything else is asked again once. The unit is told what was decided.

// takeIn is the question the notice asks: the phrases that, in an answer, say "take it in".
var takeIn = replyreader.Question{Yes: []string{
	"đưa|tính|lấy vào", "đưa|tính|lấy bản này vào", "đưa|tính|lấy vào báo cáo điều chỉnh",
	"đưa|tính|lấy bản này vào báo cáo điều chỉnh", "đưa|tính|lấy vào số liệu [tổng] [hợp]",
	// The notice says "lần gửi này" (the unit's n-th file), so an answer may echo it.
	"đưa|tính|lấy lần gửi này vào", "đưa|tính|lấy lần gửi này vào báo cáo điều chỉnh",
}}

// lateAnswer handles a clerk's answer to the notice about re.late.
func (a *Approver) lateAnswer(ctx context.Context, in *ledger.Intake, msg *intake.Message, raw []byte, p config.Person, re regarding, log *slog.Logger) error {
	f, now := *re.late, a.now()
	log = log.With("form", f.Submission.Form, "period", f.Submission.Period, "unit", f.Submission.Unit, "version", f.Submission.Version)
	if why := a.authFailure(raw, msg); why != "" {
		log.Warn("answer about a late file refused: authentication failed", "from", msg.From.Addr, "why", why)
		in.Settle(now, ledger.OutcomeQuarantined, "answer about a late file failed authentication: "+why, ledger.ActionLateFileRefused)
		return a.refuseReply(ctx, in, msg, letters.AuthFailed(why), "late-auth")
	}
	if !a.lateBound(msg, p, re) {
		log.Warn("answer about a late file refused: it answers no notice sent to its sender", "person", p.ID)
		in.Settle(now, ledger.OutcomeQuarantined, "answer about a late file answers no notice sent to "+p.ID, ledger.ActionLateFileRefused)
		return a.refuseReply(ctx, in, msg, letters.NotBound, "late-unbound")
	}
	if f.Decision != ledger.DecisionPending {
		in.Settle(now, ledger.OutcomeIgnored, fmt.Sprintf("answer about a late file already decided (%s by %s): kept", f.Decision, f.DecidedBy),
			ledger.ActionMailFromClerk)
		return nil
	}
	if a.awaitsNumber(ctx, f.Submission.Form, f.Submission.Period) {
		// Issue 20: nothing is issued yet to correct; the file stays pending until it is.
		in.Settle(now, ledger.OutcomeIgnored, "answer about a late file while the report waits for its registry number: kept, the file stays pending",
			ledger.ActionMailFromClerk)
		return nil
	}
	res := replyreader.ReadAnswer(msg.Text, msg.HTML, takeIn)
	log.Info("answer about a late file read", "person", p.ID, "decision", res.Decision, "reason", res.Reason)
	switch res.Decision {
	case replyreader.Approve:
		return a.lateDecided(ctx, in, msg, p, re, true, res)
	case replyreader.Revise:
		return a.lateDecided(ctx, in, msg, p, re, false, res)
	}
	return a.lateUnclear(ctx, in, msg, p, f, res)
}

// lateBound reports whether the answer answers the notice about re.late sent to p.
func (a *Approver) lateBound(msg *intake.Message, p config.Person, re regarding) bool {
	f := re.late
	if re.out != nil && re.out.Key == f.NoticeKey && sentToAny(*re.out, p.Emails) {
		return true
	}
	s := f.Submission
	return re.lateMAC != "" && a.Office.VerifyLateFileMAC(s.Form, s.Period, s.Unit, s.Version, re.lateMAC)
}

// lateUnclear asks the clerk once to answer plainly; a second unclear answer is kept, the file
// stays pending.
func (a *Approver) lateUnclear(ctx context.Context, in *ledger.Intake, msg *intake.Message, p config.Person, f ledger.LateFile, res replyreader.Result) error {
	now := a.now()
	if f.Asked > 0 {
		in.Settle(now, ledger.OutcomeIgnored, "answer about a late file still unclear ("+res.Reason+"): kept, the file stays pending",
			ledger.ActionMailFromClerk)
		return nil
	}
	lf, err := a.lateLetter(ctx, f)
	if err != nil {
		return err
	}
	l := letters.LateFileAskAgainLetter(lf, letters.Person{Title: p.Title, Name: p.Name}, res.Written)
	in.Queue(now, threaded(msg, ledger.OutMail{Key: ledger.LateFileReplyKey(in.Mail.SHA256, "ask-again"), Kind: ledger.KindLateFile,
		To: []string{msg.From.Addr}, Subject: l.Subject, Body: l.Body}), "person:"+p.ID)
	in.LateDecision = &ledger.LateDecision{SubmissionID: f.Submission.ID, Asked: true}
	in.Events = append(in.Events, a.event(p.ID, ledger.ActionLateFileAsked, ledger.SubmissionObject(f.Submission), res.Reason))
	in.Settle(now, ledger.OutcomeAccepted, "answer about a late file unclear: asked again", ledger.ActionLateFileAsked)
	return nil
}

// lateDecided records the clerk's decision: the file taken in (opening a correction of the
// issued report unless one is open) or left out; the unit and the clerks are told.
func (a *Approver) lateDecided(ctx context.Context, in *ledger.Intake, msg *intake.Message, p config.Person, re regarding, taken bool, res replyreader.Result) error {
	f, now := *re.late, a.now()
	decision, action := ledger.DecisionLeftOut, ledger.ActionLateFileLeftOut
	if taken {
		decision, action = ledger.DecisionTaken, ledger.ActionLateFileTaken
	}
	in.LateDecision = &ledger.LateDecision{SubmissionID: f.Submission.ID, Decision: decision, By: p.ID, At: now}
	if taken {
		if err := a.openForLateFile(ctx, in, p, re, res); err != nil {
			return err
		}
	}
	lf, err := a.lateLetter(ctx, f)
	if err != nil {
		return err
	}
	unitMail, err := a.toUnit(ctx, f, letters.LateFileDecisionLetter(lf, taken))
	if err != nil {
		return err
	}
	in.Queue(now, unitMail, "unit:"+f.Submission.Unit)
	rec := letters.LateFileRecordedLetter(lf, letters.Person{Title: p.Title, Name: p.Name}, taken)
	in.Queue(now, threaded(msg, ledger.OutMail{Key: ledger.LateFileReplyKey(in.Mail.SHA256, "recorded"), Kind: ledger.KindLateFile,
		To: a.Office.ClerkAddresses(), Subject: rec.Subject, Body: rec.Body}), "office:clerks")
	in.Events = append(in.Events, a.event(p.ID, action, ledger.SubmissionObject(f.Submission), fmt.Sprintf("v%d", f.Submission.Version)))
	in.Settle(now, ledger.OutcomeAccepted, fmt.Sprintf("late file %s %s %s v%d %s by %s", f.Submission.Form, f.Submission.Period,
		f.Submission.Unit, f.Submission.Version, decision, p.ID), action)
	return nil
}

// openForLateFile opens the correction that takes a late file in, unless the report is already
// being corrected (the next draft will count the file).
func (a *Approver) openForLateFile(ctx context.Context, in *ledger.Intake, p config.Person, re regarding, res replyreader.Result) error {
	stored, err := a.load(ctx, re.form.Code, re.period.String())
	if err != nil || stored.state.Status != approval.Issued {
		return err
	}
	ref := Ref{Form: re.form, Period: re.period, Version: stored.state.Version}
	u, _, err := a.reopenUpdate(ctx, ref, stored, opening{person: p, cause: ledger.CauseLateFile, words: res.Written})
	if err != nil {
		return fmt.Errorf("open correction: %w", err)
	}
	in.Approval = &u
	return nil
}

// lateLetter describes the late file f for the letters about it.
func (a *Approver) lateLetter(ctx context.Context, f ledger.LateFile) (letters.LateFile, error) {
	s := f.Submission
	is, err := a.Ledger.LatestIssue(ctx, s.Form, s.Period)
	if err != nil && !errors.Is(err, ledger.ErrNotFound) {
		return letters.LateFile{}, err
	}
	from, err := a.Ledger.MailByID(ctx, s.MailID)
	if err != nil {
		return letters.LateFile{}, err
	}
	return a.Office.LateFileLetter(s, from.From, is), nil
}

// toUnit addresses a letter about f to whoever sent the file, in the thread of its mail, with the
// unit's own addresses copied when someone else sent it.
func (a *Approver) toUnit(ctx context.Context, f ledger.LateFile, l letters.Letter) (ledger.OutMail, error) {
	s := f.Submission
	sent, err := a.Ledger.MailByID(ctx, s.MailID)
	if err != nil {
		return ledger.OutMail{}, err
	}
	m := ledger.OutMail{Key: ledger.LateFileDecisionKey(s.Form, s.Period, s.Unit, s.Version), Kind: ledger.KindLateDecision,
		About: ledger.About{Form: s.Form, Period: s.Period, Unit: s.Unit}, To: []string{sent.From}, Subject: l.Subject, Body: l.Body}
	if sent.MessageID != "" {
		m.InReplyTo, m.References = sent.MessageID, []string{sent.MessageID}
	}
	if u, ok := a.Office.Unit(s.Unit); ok {
		for _, e := range u.Emails {
			if !address.Equal(e, sent.From) {
				m.Cc = append(m.Cc, e)
			}
		}
	}
	return m, nil
}

// threaded puts m in the thread of the mail it answers.
func threaded(msg *intake.Message, m ledger.OutMail) ledger.OutMail {
	if msg.MessageID != "" {
		m.InReplyTo, m.References = msg.MessageID, append(slices.Clone(msg.References), msg.MessageID)
	}
	return m
}

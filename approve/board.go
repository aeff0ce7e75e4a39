package approve

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

// Issue 22 (part A): the clerk's actions on the board that belong to the approval stage. Each is
// decided as the matching mail is (latefile.go, issued.go) into one ledger.ClerkAction, recorded
// in one transaction with the same mails and with the account as the actor.

// Account is who acts on the board: the actor recorded (ledger.AccountActor) and the name the
// letters give.
type Account struct {
	Actor string // ledger.AccountActor(name)
	Name  string // as letters name them
}

// ErrNotPending is returned by DecideLateFile for a file already decided (by mail or another
// clerk), and ErrNotIssued by StartCorrection for a report not issued or already being corrected.
var (
	ErrNotPending = errors.New("the late file is not waiting for a decision")
	ErrNotIssued  = errors.New("the report is not issued, or is already being corrected")
	ErrNoWords    = errors.New("a correction says what is to be corrected")
)

// DecideLateFile takes unit's late file (its version) of form's period into a corrected report,
// or leaves it out: the correction opened unless one is open, the unit told, the clerks told.
func (a *Approver) DecideLateFile(ctx context.Context, form, p string, submissionID int64, taken bool, by Account) error {
	f, re, err := a.pendingLateFile(ctx, form, p, submissionID)
	if err != nil {
		return err
	}
	// A file kept while a period was closed by hand, before any issue, counts when the period
	// reopens (ask.ReopenPeriod): the letters of a decision speak of the issued report.
	if _, err := a.Ledger.LatestIssue(ctx, form, p); errors.Is(err, ledger.ErrNotFound) {
		return ErrNotIssued
	} else if err != nil {
		return err
	}
	now := a.now()
	decision, action := ledger.DecisionLeftOut, ledger.ActionLateFileLeftOut
	if taken {
		decision, action = ledger.DecisionTaken, ledger.ActionLateFileTaken
	}
	act := ledger.ClerkAction{LateDecisions: []ledger.LateDecision{{SubmissionID: submissionID, Decision: decision, By: by.Actor, At: now}}}
	if taken {
		if act.Approval, err = a.correctionForLateFile(ctx, re, by); err != nil {
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
	s := f.Submission
	rec := letters.LateFileBoardLetter(lf, letters.Person{Name: by.Name}, taken)
	clerks := ledger.OutMail{Key: ledger.LateFileBoardKey(s.Form, s.Period, s.Unit, s.Version),
		Kind: ledger.KindLateFile, About: ledger.About{Form: s.Form, Period: s.Period, Unit: s.Unit},
		To: a.Office.ClerkAddresses(), Subject: rec.Subject, Body: rec.Body}
	act.Mails = stamped(now, unitMail, clerks)
	act.Events = append(act.Events, a.event(by.Actor, action, ledger.SubmissionObject(s), fmt.Sprintf("v%d, on the board", s.Version)))
	return a.Ledger.RecordClerkAction(ctx, act)
}

// pendingLateFile finds the late file and what it is about; ErrNotPending once decided.
func (a *Approver) pendingLateFile(ctx context.Context, form, p string, id int64) (ledger.LateFile, regarding, error) {
	f, ok := a.Office.Form(form)
	per, err := period.Parse(p)
	if !ok || err != nil {
		return ledger.LateFile{}, regarding{}, fmt.Errorf("late file of %s %s: unknown form or period", form, p)
	}
	files, err := a.Ledger.LateFiles(ctx, form, p)
	if err != nil {
		return ledger.LateFile{}, regarding{}, err
	}
	for i := range files {
		if files[i].Submission.ID != id {
			continue
		}
		if files[i].Decision != ledger.DecisionPending {
			return files[i], regarding{}, ErrNotPending
		}
		return files[i], regarding{form: f, period: per, late: &files[i]}, nil
	}
	return ledger.LateFile{}, regarding{}, fmt.Errorf("late file %d of %s %s: %w", id, form, p, ledger.ErrNotFound)
}

// correctionForLateFile opens the correction that takes a late file in, unless the report is
// already being corrected (nil: the next draft counts it).
func (a *Approver) correctionForLateFile(ctx context.Context, re regarding, by Account) (*ledger.ApprovalUpdate, error) {
	stored, err := a.load(ctx, re.form.Code, re.period.String())
	if err != nil || stored.state.Status != approval.Issued {
		return nil, err
	}
	ref := Ref{Form: re.form, Period: re.period, Version: stored.state.Version}
	u, _, err := a.reopenUpdate(ctx, ref, stored, opening{person: byPerson(by), cause: ledger.CauseLateFile, words: "Đưa vào báo cáo điều chỉnh (chọn trên trang theo dõi báo cáo)."})
	if err != nil {
		return nil, fmt.Errorf("open correction: %w", err)
	}
	return &u, nil
}

// StartCorrection opens a correction of form's issued report for period p, as a leader's request
// for changes does: the period reopens for counting, the next draft goes up the whole chain, the
// clerks get the words.
func (a *Approver) StartCorrection(ctx context.Context, form, p, words string, by Account) error {
	f, ok := a.Office.Form(form)
	per, err := period.Parse(p)
	if !ok || err != nil {
		return fmt.Errorf("correction of %s %s: unknown form or period", form, p)
	}
	stored, err := a.load(ctx, form, p)
	if err != nil {
		return err
	}
	if stored.state.Status != approval.Issued {
		return ErrNotIssued
	}
	ref := Ref{Form: f, Period: per, Version: stored.state.Version}
	if words = strings.TrimSpace(words); words == "" {
		return ErrNoWords
	}
	u, is, err := a.reopenUpdate(ctx, ref, stored, opening{person: byPerson(by), cause: ledger.CauseClerk, words: words})
	if err != nil {
		return fmt.Errorf("open correction: %w", err)
	}
	c, err := a.correction(ctx, ref, is, byPerson(by), words, "", true)
	if err != nil {
		return err
	}
	mails, err := a.correctionMails(ctx, ref, c)
	if err != nil {
		return err
	}
	u.Mails = append(u.Mails, mails...)
	events := u.Events // recorded once, with the action
	u.Events = nil
	return a.Ledger.RecordClerkAction(ctx, ledger.ClerkAction{Approval: &u, Events: events})
}

// byPerson is the account as the approval's person: its actor is the id recorded.
func byPerson(by Account) config.Person { return config.Person{ID: by.Actor, Name: by.Name} }

// stamped sets the mails to leave now.
func stamped(now time.Time, mails ...ledger.OutMail) []ledger.OutMail {
	for i := range mails {
		mails[i].CreatedAt, mails[i].NotBefore = now, now
	}
	return mails
}

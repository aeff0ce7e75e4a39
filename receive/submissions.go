package receive

import (
	"context"
	"fmt"
	"slices"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
)

// workbooks returns the attachments read as workbooks: .xlsx and its relatives, and legacy .xls,
// which is converted when a converter is configured and otherwise answered with how to save it;
// and Word documents, read as reports of narrative forms (issue 20, part W).
func workbooks(msg *intake.Message) []intake.Attachment {
	var out []intake.Attachment
	for _, a := range msg.Attachments {
		if k := a.Kind(); k == intake.KindXLSX || k == intake.KindXLS || k == intake.KindDOCX {
			out = append(out, a)
		}
	}
	return out
}

// fileProblems are the errors and warnings of one attached file, for the error reply: all that
// `tonghop check` reports about the file.
type fileProblems struct {
	File, Form, Period, Unit string
	Problems, Warnings       []form.Problem
}

// decideSubmissions judges every workbook of the mail and prepares the receipt and the error
// reply; it returns the files of the submissions to record, to store first, and the keys of the
// replies about new work only (see newWork).
func (j *Judge) decideSubmissions(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, sheets []intake.Attachment) ([][]byte, []string, error) {
	var accepted []ledger.Submission
	var rejected []fileProblems
	var blobs [][]byte
	var work newWork
	for _, att := range sheets {
		v, report, err := j.judgeFile(ctx, s, att, msg.Subject, sheets)
		if err != nil {
			return nil, nil, fmt.Errorf("workbook %q: %w", att.Name, err)
		}
		if !report {
			continue // a covering letter in Word beside the workbooks
		}
		sub := v.Submission
		sub.ReceivedAt = in.Mail.ReceivedAt
		if sub.Form == "" || sub.Unit == "" {
			// Not identified as any form, or for no unit the sender may speak for: the file stays
			// in the raw mail, and the sender is told why.
			rejected = append(rejected, fileProblems{File: att.Name, Problems: v.Errors, Warnings: v.Warnings})
			work.unidentified()
			in.Events = append(in.Events, j.event(s.Actor(msg.From.Addr), ledger.ActionSubmissionUnidentified, ledger.MailObject(in.Mail.SHA256), att.Name))
			continue
		}
		if err := work.add(ctx, j.ledger(), sub); err != nil {
			return nil, nil, err
		}
		sub.Version += sameKeyEarlier(in.Submissions, sub) // two files for one period in one mail
		sub.AfterIssue = sub.Valid && afterClose(sub)      // kept, counted only if the clerks take it in
		sub.Review = j.reviewHold(sub)                     // issue 19, part V: before the unit's supervisor
		in.Submissions = append(in.Submissions, sub)
		blobs = append(blobs, v.Stored)
		if v.Period != nil && !slices.ContainsFunc(in.Periods, func(p ledger.Period) bool { return samePeriod(p, *v.Period) }) {
			in.Periods = append(in.Periods, *v.Period)
		}
		if err := j.recordSubmissionEvent(ctx, in, msg, s, sub, len(v.Errors)); err != nil {
			return nil, nil, err
		}
		if sub.Valid {
			accepted = append(accepted, sub)
		} else {
			rejected = append(rejected, fileProblems{File: att.Name, Form: sub.Form, Period: sub.Period, Unit: sub.Unit,
				Problems: v.Errors, Warnings: v.Warnings})
		}
	}
	in.Mail.Outcome = ledger.OutcomeAccepted
	if len(rejected) > 0 {
		in.Mail.Outcome = ledger.OutcomeRejected
		fresh := j.freshTemplates(rejected)
		for _, t := range fresh {
			blobs = append(blobs, t.data)
		}
		j.queueReply(in, j.rejectionMail(msg, s, rejected, fresh, in.Mail.SHA256))
	}
	if len(accepted) > 0 {
		m, err := j.receiptMail(ctx, msg, s, accepted, in.Mail.SHA256)
		if err != nil {
			return nil, nil, err
		}
		j.queueReply(in, m)
	}
	return blobs, work.keys(in.Mail.SHA256, len(accepted) > 0, len(rejected) > 0), nil
}

func samePeriod(a, b ledger.Period) bool { return a.Form == b.Form && a.Period == b.Period }

// recordSubmissionEvent adds the audit event of one recorded workbook and, for a workbook of a
// closed period, the notice that lets the Planning Office decide.
func (j *Judge) recordSubmissionEvent(ctx context.Context, in *ledger.Intake, msg *intake.Message, s office.Sender, sub ledger.Submission, errors int) error {
	action, detail := ledger.ActionSubmissionAccepted, fmt.Sprintf("%s %s v%d", sub.Form, sub.Period, sub.Version)
	if sub.Late {
		detail += " (late)"
	}
	if !sub.Valid {
		action = ledger.ActionSubmissionRejected
		detail += fmt.Sprintf(": %d errors", errors)
	}
	if s.Unit == nil {
		detail += " sent by " + s.Person.ID
	}
	in.Events = append(in.Events, j.event(sub.Unit, action, ledger.SubmissionObject(sub), detail))
	if !afterClose(sub) {
		return nil
	}
	in.Events = append(in.Events, j.event("system", ledger.ActionSubmissionAfterClose, ledger.SubmissionObject(sub), detail))
	if !sub.Valid {
		return nil // an invalid file is answered with its errors; there is nothing to decide
	}
	return j.notifyAfterClose(ctx, in, msg, sub)
}

// sameKeyEarlier counts the submissions of the same form, unit and period already in the mail:
// the ledger numbers versions inside the transaction, so each must ask for its own number.
func sameKeyEarlier(earlier []ledger.Submission, sub ledger.Submission) int {
	n := 0
	for _, e := range earlier {
		if e.Form == sub.Form && e.Unit == sub.Unit && e.Period == sub.Period {
			n++
		}
	}
	return n
}

// afterClose reports whether the submission was recorded for a period already closed.
func afterClose(sub ledger.Submission) bool {
	for _, w := range submissionWarnings(sub) {
		if w.Code == letters.CodePeriodClosed {
			return true
		}
	}
	return false
}

package receive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/tonghop/tonghop/address"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/templates"
)

// reply addresses an answer to a received message, threaded under it.
func reply(msg *intake.Message, kind ledger.Kind, key string, l letters.Letter) ledger.OutMail {
	m := ledger.OutMail{Key: key, Kind: kind, To: []string{msg.From.Addr}, Subject: l.Subject, Body: l.Body}
	if msg.MessageID != "" {
		m.InReplyTo = msg.MessageID
		m.References = append(append([]string(nil), msg.References...), msg.MessageID)
	}
	return m
}

// receiptMail confirms the accepted workbooks, one line each. A report sent on a unit's behalf
// is confirmed to the sender with the unit copied. Files that all arrived after the report was
// issued get the one letter that says what follows (see lateReceipt).
func (j *Judge) receiptMail(ctx context.Context, msg *intake.Message, s office.Sender, subs []ledger.Submission, sha string) (ledger.OutMail, error) {
	if !slices.ContainsFunc(subs, func(sub ledger.Submission) bool { return !sub.AfterIssue }) {
		return j.lateReceipt(ctx, msg, s, subs, sha)
	}
	first := subs[0]
	unit, _ := j.Office.Unit(first.Unit)
	// The time recorded with the submissions, which `status` counts lateness from too.
	received := first.ReceivedAt
	if received.IsZero() {
		received = j.now()
	}
	r := letters.Receipt{
		Office: j.Office.Letterhead(), Contact: j.Office.Contact(), Unit: unit.Name, Request: j.request(first.Form, first.Period),
		Version: first.Version, ReceivedAt: received.In(j.Office.Location),
	}
	for _, sub := range subs {
		r.Files = append(r.Files, sub.FileName)
		r.Warnings = append(r.Warnings, submissionWarnings(sub)...)
		rows, indicators := filledCounts(sub)
		item := letters.ReceiptItem{File: sub.FileName, Request: j.request(sub.Form, sub.Period),
			Version: sub.Version, Rows: rows, Indicators: indicators, Closed: afterClose(sub), Sections: j.wordSections(sub)}
		if item.Closed {
			is, err := j.issueInForce(ctx, sub)
			if err != nil {
				return ledger.OutMail{}, err
			}
			item.Issued = &letters.Issued{At: is.At.In(j.Office.Location), Version: is.Version}
		}
		r.Items = append(r.Items, item)
	}
	r.Review = j.reviewStanding(subs)
	m := reply(msg, ledger.KindReceipt, ledger.ReceiptKey(sha), letters.ReceiptLetter(r))
	m.Cc = j.unitsCopied(msg, s, subs)
	return m, nil
}

// lateReceipt confirms files received after their report was issued: valid and kept, the report
// issued on that day, the Planning Office deciding whether to take them into a corrected report
// and telling the unit.
func (j *Judge) lateReceipt(ctx context.Context, msg *intake.Message, s office.Sender, subs []ledger.Submission, sha string) (ledger.OutMail, error) {
	first := subs[0]
	is, err := j.issueInForce(ctx, first)
	if err != nil {
		return ledger.OutMail{}, err
	}
	f := j.Office.LateFileLetter(first, msg.From.Addr, is)
	for _, sub := range subs {
		for _, w := range submissionWarnings(sub) {
			if w.Code != letters.CodePeriodClosed {
				f.Warnings = append(f.Warnings, w)
			}
		}
	}
	m := reply(msg, ledger.KindReceipt, ledger.ReceiptKey(sha), letters.LateFileReceiptLetter(f))
	m.Cc = j.unitsCopied(msg, s, subs)
	return m, nil
}

// issueInForce is the issue a file received after it arrived after; none recorded (a period
// closed otherwise) reads as an issue of unknown day.
func (j *Judge) issueInForce(ctx context.Context, sub ledger.Submission) (ledger.Issue, error) {
	is, err := j.ledger().LatestIssue(ctx, sub.Form, sub.Period)
	if err != nil && !errors.Is(err, ledger.ErrNotFound) {
		return is, fmt.Errorf("look up the issue of %s %s: %w", sub.Form, sub.Period, err)
	}
	return is, nil
}

// unitsCopied are the addresses of the units a person reported for, so a unit knows what was
// sent in its name; a unit writing itself is not copied.
func (j *Judge) unitsCopied(msg *intake.Message, s office.Sender, subs []ledger.Submission) []string {
	if s.Unit != nil {
		return nil
	}
	var cc []string
	for _, sub := range subs {
		u, ok := j.Office.Unit(sub.Unit)
		if !ok {
			continue
		}
		for _, e := range u.Emails {
			if !slices.Contains(cc, e) && !address.Equal(e, msg.From.Addr) {
				cc = append(cc, e)
			}
		}
	}
	return cc
}

// filledCounts reads back how many table rows and indicators with figures a submission holds.
func filledCounts(sub ledger.Submission) (rows, indicators int) {
	var f form.Filled
	if err := json.Unmarshal(sub.Data, &f); err != nil {
		return 0, 0
	}
	return f.RowCount(), f.IndicatorCount()
}

// submissionWarnings returns the warnings recorded with a submission, for its receipt.
func submissionWarnings(s ledger.Submission) []form.Problem {
	var p struct {
		Warnings []form.Problem `json:"warnings"`
	}
	if err := json.Unmarshal(s.Problems, &p); err != nil {
		return nil
	}
	return p.Warnings
}

// rejectionMail lists the problems of the files refused, each named when there are several, and
// carries the fresh templates made for files whose identification did not verify.
func (j *Judge) rejectionMail(msg *intake.Message, s office.Sender, files []fileProblems, fresh []freshTemplate, sha string) ledger.OutMail {
	first := files[0]
	name := s.Name()
	if u, ok := j.Office.Unit(first.Unit); ok {
		name = u.Name
	}
	r := letters.Rejection{
		Office: j.Office.Letterhead(), Contact: j.Office.Contact(), Unit: name, Request: j.request(first.Form, first.Period),
		Reason: rejectReason(first.Problems), ReceivedAt: j.now().In(j.Office.Location), OriginalSubject: msg.Subject,
	}
	for _, f := range files {
		if f.File != "" {
			r.Files = append(r.Files, f.File)
		}
		r.Problems = append(r.Problems, inFile(f.Problems, f.File, len(files))...)
		r.Warnings = append(r.Warnings, inFile(f.Warnings, f.File, len(files))...)
	}
	if len(fresh) > 0 {
		r.Template = fresh[0].att.Name
	}
	m := reply(msg, ledger.KindRejection, ledger.RejectionKey(sha), letters.RejectionLetter(r))
	for _, t := range fresh {
		m.Attachments = append(m.Attachments, t.att)
	}
	return m
}

// inFile names the file in each problem's message when a letter lists several files.
func inFile(problems []form.Problem, file string, files int) []form.Problem {
	out := make([]form.Problem, 0, len(problems))
	for _, p := range problems {
		if files > 1 && file != "" {
			p.Message = letters.InFile(file, p.Message)
		}
		out = append(out, p)
	}
	return out
}

// rejectReason picks the letter's explanation from the first problem's code.
func rejectReason(problems []form.Problem) letters.RejectReason {
	if len(problems) == 0 {
		return letters.RejectInvalid
	}
	switch problems[0].Code {
	case letters.CodeNoWorkbook, letters.CodeZipNoWorkbook:
		return letters.RejectNoWorkbook
	case "unreadable", letters.CodeUnreadable, letters.CodeEncrypted:
		return letters.RejectUnreadable
	case "unknown_form":
		return letters.RejectUnknownForm
	case templates.CodeOtherKey:
		return letters.RejectOtherTemplate
	}
	return letters.RejectInvalid
}

// tooManyFilesMail answers a mail with more files than accepted, which was not read.
func (j *Judge) tooManyFilesMail(msg *intake.Message, s office.Sender, n int, sha string) ledger.OutMail {
	l := letters.RejectionLetter(letters.Rejection{
		Office: j.Office.Letterhead(), Contact: j.Office.Contact(), Unit: s.Name(), Reason: letters.RejectTooManyFiles,
		Count: n, MaxCount: j.Office.Mailbox.MaxAttachments, ReceivedAt: j.now().In(j.Office.Location), OriginalSubject: msg.Subject,
	})
	return reply(msg, ledger.KindRejection, ledger.RejectionKey(sha), l)
}

// oversizeMail answers a mail too large to read, from its header alone.
func (j *Judge) oversizeMail(msg *intake.Message, s office.Sender, size int64, sha string) ledger.OutMail {
	l := letters.RejectionLetter(letters.Rejection{
		Office: j.Office.Letterhead(), Contact: j.Office.Contact(), Unit: s.Name(), Reason: letters.RejectTooLarge,
		Size: size, MaxSize: j.Office.Mailbox.MaxMessageBytes, ReceivedAt: j.now().In(j.Office.Location), OriginalSubject: msg.Subject,
	})
	return reply(msg, ledger.KindRejection, ledger.OversizeRejectionKey(sha), l)
}

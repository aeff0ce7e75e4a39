package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// request describes what a unit was asked for; a form or period it cannot name stays empty.
func (d *Daemon) request(formCode, periodName string) letters.Request {
	return d.o.Request(formCode, periodName, d.events(context.Background()))
}

// events answers deadlines counted from other forms' events, from the ledger.
func (d *Daemon) events(ctx context.Context) period.EventTimes {
	return d.o.EventTimes(ctx, d.ledger, d.log)
}

// reply addresses an answer to a received message, threaded under it.
func reply(msg *intake.Message, kind, key string, l letters.Letter) ledger.OutMail {
	m := ledger.OutMail{Key: key, Kind: kind, To: []string{msg.From.Addr}, Subject: l.Subject, Body: l.Body}
	if msg.MessageID != "" {
		m.InReplyTo = msg.MessageID
		m.References = append(append([]string(nil), msg.References...), msg.MessageID)
	}
	return m
}

// receiptMail confirms the accepted workbooks, one line each. A report sent on a unit's behalf
// is confirmed to the sender with the unit copied.
func (d *Daemon) receiptMail(msg *intake.Message, s office.Sender, subs []ledger.Submission, sha string) ledger.OutMail {
	first := subs[0]
	unit, _ := d.o.Unit(first.Unit)
	r := letters.Receipt{
		Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: unit.Name, Request: d.request(first.Form, first.Period),
		Version: first.Version, ReceivedAt: d.now().In(d.o.Location),
	}
	for _, sub := range subs {
		r.Files = append(r.Files, sub.FileName)
		r.Warnings = append(r.Warnings, submissionWarnings(sub)...)
		rows, indicators := filledCounts(sub)
		r.Items = append(r.Items, letters.ReceiptItem{File: sub.FileName, Request: d.request(sub.Form, sub.Period),
			Version: sub.Version, Rows: rows, Indicators: indicators, Closed: afterClose(sub)})
	}
	m := reply(msg, ledger.KindReceipt, "receipt:"+sha, letters.ReceiptLetter(r))
	m.Cc = d.unitsCopied(msg, s, subs)
	return m
}

// unitsCopied are the addresses of the units a person reported for, so a unit knows what was
// sent in its name; a unit writing itself is not copied.
func (d *Daemon) unitsCopied(msg *intake.Message, s office.Sender, subs []ledger.Submission) []string {
	if s.Unit != nil {
		return nil
	}
	var cc []string
	for _, sub := range subs {
		u, ok := d.o.Unit(sub.Unit)
		if !ok {
			continue
		}
		for _, e := range u.Emails {
			if !slices.Contains(cc, e) && !strings.EqualFold(e, msg.From.Addr) {
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

func (d *Daemon) rejectionMail(msg *intake.Message, s office.Sender, files []fileProblems, sha string) ledger.OutMail {
	first := files[0]
	name := s.Name()
	if u, ok := d.o.Unit(first.Unit); ok {
		name = u.Name
	}
	r := letters.Rejection{
		Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: name, Request: d.request(first.Form, first.Period),
		Reason: rejectReason(first.Problems), ReceivedAt: d.now().In(d.o.Location), OriginalSubject: msg.Subject,
	}
	for _, f := range files {
		if f.File != "" {
			r.Files = append(r.Files, f.File)
		}
		for _, p := range f.Problems {
			if len(files) > 1 && f.File != "" {
				p.Message = fmt.Sprintf("(tệp “%s”) %s", f.File, p.Message)
			}
			r.Problems = append(r.Problems, p)
		}
	}
	return reply(msg, ledger.KindRejection, "rejection:"+sha, letters.RejectionLetter(r))
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
	}
	return letters.RejectInvalid
}

// tooManyFilesMail answers a mail with more files than accepted, which was not read.
func (d *Daemon) tooManyFilesMail(msg *intake.Message, s office.Sender, n int, sha string) ledger.OutMail {
	l := letters.RejectionLetter(letters.Rejection{
		Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: s.Name(), Reason: letters.RejectTooManyFiles,
		Count: n, MaxCount: d.o.Mailbox.MaxAttachments, ReceivedAt: d.now().In(d.o.Location), OriginalSubject: msg.Subject,
	})
	return reply(msg, ledger.KindRejection, "rejection:"+sha, l)
}

// oversizeMail answers a mail too large to read, from its header alone.
func (d *Daemon) oversizeMail(msg *intake.Message, s office.Sender, size int64, key string) ledger.OutMail {
	l := letters.RejectionLetter(letters.Rejection{
		Office: d.o.Letterhead(), Contact: d.o.Contact(), Unit: s.Name(), Reason: letters.RejectTooLarge,
		Size: size, MaxSize: d.o.Mailbox.MaxMessageBytes, ReceivedAt: d.now().In(d.o.Location), OriginalSubject: msg.Subject,
	})
	return reply(msg, ledger.KindRejection, "rejection:oversize:"+key, l)
}

package review

import (
	"path"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/mailer"
)

// about names the recorded file a mail is about: a reply citing the mail is bound to that file
// (see bound), and nobody parses the key.
func about(sub ledger.Submission) ledger.About {
	return ledger.About{Form: sub.Form, Period: sub.Period, Unit: sub.Unit, Step: sub.Version}
}

// attachment is the unit's recorded file, as a mail attachment: a workbook, or a Word report
// (issue 20, part W).
func attachment(sub ledger.Submission) []ledger.Attachment {
	ct := mailer.ContentTypeXLSX
	if strings.EqualFold(path.Ext(sub.FileName), ".docx") {
		ct = contentTypeDOCX
	}
	return []ledger.Attachment{{Name: sub.FileName, ContentType: ct, SHA256: sub.FileSHA256}}
}

// contentTypeDOCX is a Word document's media type.
const contentTypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// toSupervisor is a mail to the review's supervisor p about the unit's file, leaving at at,
// with the file attached when attach is set.
func (rv *Reviewer) toSupervisor(r ledger.Review, p config.Person, kind ledger.Kind, key string, l letters.Letter, attach bool, at time.Time) ledger.OutMail {
	m := ledger.OutMail{Key: key, Kind: kind, About: about(r.Submission), To: []string{p.Emails[0]},
		Subject: l.Subject, Body: l.Body, CreatedAt: rv.now(), NotBefore: at}
	if attach {
		m.Attachments = attachment(r.Submission)
	}
	return m
}

// copyMail is the copy of an accepted file to the unit's supervisor and the form's copies; ok is
// false when it reaches nobody.
func (rv *Reviewer) copyMail(r ledger.Review, f letters.ReviewFile) (ledger.OutMail, bool) {
	var to []string
	var named []letters.Person
	add := func(id string) {
		p, ok := rv.Office.Person(id)
		if !ok || len(p.Emails) == 0 {
			return
		}
		for _, addr := range to {
			if addr == p.Emails[0] {
				return
			}
		}
		to = append(to, p.Emails[0])
		named = append(named, letters.Person{Title: p.Title, Name: p.Name})
	}
	add(r.Supervisor)
	if form, ok := rv.Office.Form(r.Submission.Form); ok {
		for _, id := range form.Copies {
			add(id)
		}
	}
	if len(to) == 0 {
		return ledger.OutMail{}, false
	}
	l := letters.ReviewCopyLetter(f, named)
	now := rv.now()
	return ledger.OutMail{Key: ledger.ReviewKey(ledger.KindReviewCopy, r.Submission.ID, 0), Kind: ledger.KindReviewCopy,
		About: about(r.Submission), To: to, Subject: l.Subject, Body: l.Body, Attachments: attachment(r.Submission),
		CreatedAt: now, NotBefore: now}, true
}

// toClerks is a notice to the clerks about a review; ok is false without clerks (logged).
func (rv *Reviewer) toClerks(r ledger.Review, key string, l letters.Letter) (ledger.OutMail, bool) {
	to := rv.Office.ClerkAddresses()
	if len(to) == 0 {
		rv.log().Warn("review notice not sent: no person has the clerk role", "submission", r.Submission.ID, "key", key)
		return ledger.OutMail{}, false
	}
	now := rv.now()
	return ledger.OutMail{Key: key, Kind: ledger.KindReviewOffice, About: about(r.Submission), To: to,
		Subject: l.Subject, Body: l.Body, CreatedAt: now, NotBefore: now}, true
}

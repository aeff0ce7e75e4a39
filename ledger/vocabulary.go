package ledger

import "time"

// ActionReportIssued is the audit action recorded when a form's report for a period is issued,
// on the object PeriodObject(form, period): deadlines such as "5 working days after issue of
// BM.04.01/KH" count from its time.
const ActionReportIssued = "report.issued"

// PeriodObject names a form's period in the audit trail: "form:BM.02.01/KH/2026-11".
func PeriodObject(form, period string) string {
	return "form:" + form + "/" + period
}

// MailObject names a received mail in the audit trail: "mail:" and the start of its sha256.
func MailObject(sha string) string { return "mail:" + sha[:min(12, len(sha))] }

// SubmissionObject names a unit's file for a form's period in the audit trail.
func SubmissionObject(s Submission) string {
	return "form:" + s.Form + "/" + s.Period + "/unit:" + s.Unit
}

// Settle sets the mail's outcome with the operator's note, and the audit event that says so.
func (in *Intake) Settle(at time.Time, outcome, note, action string) {
	in.Mail.Outcome, in.Mail.Note = outcome, note
	in.Events = append(in.Events, Event{At: at, Actor: "system", Action: action, Object: MailObject(in.Mail.SHA256), Detail: note})
}

// Queue adds a mail to send at once, with the audit event naming its recipient.
func (in *Intake) Queue(at time.Time, m OutMail, recipient string) {
	m.CreatedAt, m.NotBefore = at, at
	in.Outbox = append(in.Outbox, m)
	in.Events = append(in.Events, Event{At: at, Actor: "system", Action: "outbox.queued." + m.Kind, Object: recipient, Detail: m.Subject})
}

// Kinds of outbox mail.
const (
	KindTemplate         = "template"          // a unit's pre-filled template for a period
	KindReminder         = "reminder"          // before the deadline, to a unit without a valid file
	KindNag              = "nag"               // after the deadline, to a late unit
	KindReceipt          = "receipt"           // the answer to a unit's valid workbooks
	KindRejection        = "rejection"         // the answer listing what is wrong
	KindNotice           = "notice"            // to the clerks: mail tonghop does not settle alone
	KindDigest           = "digest"            // to the clerks: the day's late units
	KindDraft            = "draft"             // to the clerks: a new consolidated draft
	KindApprovalRequest  = "approval_request"  // a draft sent to a step of the chain
	KindApprovalReminder = "approval_reminder" // a step that has not answered, reminded
	KindApprovalNotice   = "approval_notice"   // the answer to a leader's reply
	KindApprovalOffice   = "approval_office"   // to the clerks: what happened in the chain
	KindIssue            = "issue"             // the approved report to its recipients
)

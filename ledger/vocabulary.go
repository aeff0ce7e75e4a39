package ledger

import (
	"strings"
	"time"
)

// The ledger's vocabulary: what became of a received mail (Outcome), what an outbox mail is
// (Kind) and what an audit event says happened (Action). Every stage writes these and some
// read them back (the demo's timeline, the rate limit, the status matrix), so they are typed
// here, once, and nobody spells or parses them elsewhere.

// Outcome is what became of a received mail; it also picks the folder the mail is moved to.
type Outcome string

// Mail outcomes.
const (
	OutcomeAccepted    Outcome = "accepted"
	OutcomeRejected    Outcome = "rejected"
	OutcomeIgnored     Outcome = "ignored"
	OutcomeQuarantined Outcome = "quarantined"
	OutcomeError       Outcome = "error"
)

// Kind is what an outbox mail is: who it goes to and why.
type Kind string

// Kinds of outbox mail.
const (
	KindTemplate         Kind = "template"          // a unit's pre-filled template for a period
	KindReminder         Kind = "reminder"          // before the deadline, to a unit without a valid file
	KindNag              Kind = "nag"               // after the deadline, to a late unit
	KindReceipt          Kind = "receipt"           // the answer to a unit's valid workbooks
	KindRejection        Kind = "rejection"         // the answer listing what is wrong
	KindNotice           Kind = "notice"            // to the clerks: mail tonghop does not settle alone
	KindDigest           Kind = "digest"            // to the clerks: the day's late units
	KindDraft            Kind = "draft"             // to the clerks: a new consolidated draft
	KindApprovalRequest  Kind = "approval_request"  // a draft sent to a step of the chain
	KindApprovalReminder Kind = "approval_reminder" // a step that has not answered, reminded
	KindApprovalNotice   Kind = "approval_notice"   // the answer to a leader's reply
	KindApprovalOffice   Kind = "approval_office"   // to the clerks: what happened in the chain
	KindIssue            Kind = "issue"             // the approved report to its recipients
)

// Action is what an audit event says happened. Most are the constants below; the mail queued
// (Queued) and the steps of an approval (ApprovalAction) name their kind in the action.
type Action string

// Audit actions.
const (
	ActionMailReceived      Action = "mail.received"       // a mail was read, from its sender
	ActionMailIgnored       Action = "mail.ignored"        // kept, not answered
	ActionMailQuarantined   Action = "mail.quarantined"    // unreadable, too large or too many files
	ActionMailUnknownSender Action = "mail.unknown_sender" // from neither a unit nor a person
	ActionMailUnverified    Action = "mail.unverified"     // a unit's mail that failed mail authentication
	ActionMailNoWorkbook    Action = "mail.no_workbook"    // a unit's mail without a workbook, answered
	ActionMailForOffice     Action = "mail.for_office"     // a unit's message shown to the clerks
	ActionMailRateLimited   Action = "mail.rate_limited"   // its answers dropped by the hourly limit

	// A notice to the clerks held back by the hourly limits on notices (actor: the address
	// whose mail caused it), counted in their next digest instead; one action per kind of notice.
	ActionNoticeHeldUnknownSender Action = "notice.held.unknown_sender"
	ActionNoticeHeldUnitMessage   Action = "notice.held.unit_message"
	ActionNoticeHeldAfterClose    Action = "notice.held.after_close"
	ActionNoticeHeldUnverified    Action = "notice.held.unverified_sender"
	ActionNoticeHeldRefusedReply  Action = "notice.held.refused_reply"

	ActionSubmissionAccepted     Action = "submission.accepted"
	ActionSubmissionRejected     Action = "submission.rejected"
	ActionSubmissionUnidentified Action = "submission.unidentified" // a workbook of no known form
	ActionSubmissionAfterClose   Action = "submission.after_close"  // for a period already closed

	ActionPeriodOpened Action = "period.opened"
	ActionDraftBuilt   Action = "draft.built"
	// ActionReportIssued is recorded when a form's report for a period is issued, on the object
	// PeriodObject(form, period): deadlines such as "5 working days after issue of
	// BM.04.01/KH" count from its time.
	ActionReportIssued Action = "report.issued"

	ActionOutboxSent      Action = "outbox.sent"
	ActionOutboxFailed    Action = "outbox.failed"
	ActionOutboxCancelled Action = "outbox.cancelled"

	ActionApprovalReply        Action = "approval.reply"         // a leader's reply, counted or not
	ActionApprovalReplyRefused Action = "approval.reply_refused" // a reply that failed authentication
	ActionApprovalReplyError   Action = "approval.reply_error"   // a reply whose step could not be taken
)

// Part A (figures): figures of past periods imported from files (tonghop import).

// ActionHistoryImported is recorded for each file imported, on HistoryObject(form): its kind,
// name, sha256, the figures it recorded and how many of them replaced an earlier import's.
const ActionHistoryImported Action = "history.imported"

// ImportKind is what an imported file of history is.
type ImportKind string

// Kinds of imported files.
const (
	ImportPastWorkbook ImportKind = "past_workbook" // a unit's workbook of a past period
	ImportOpening      ImportKind = "opening"       // the office's opening-figures workbook
)

// HistoryObject names a form's imported history in the audit trail: "form:BM.02.01/KH/history".
func HistoryObject(form string) string { return "form:" + form + "/history" }

const (
	queuedPrefix   = "outbox.queued."
	approvalPrefix = "approval."
)

// Queued is the action recorded when a mail of kind k is put in the outbox.
func Queued(k Kind) Action { return Action(queuedPrefix + string(k)) }

// QueuedKind returns the kind of mail a Queued action put in the outbox; ok is false for any
// other action.
func (a Action) QueuedKind() (k Kind, ok bool) {
	rest, ok := strings.CutPrefix(string(a), queuedPrefix)
	return Kind(rest), ok && rest != ""
}

// ApprovalAction is the action recorded for a step of an approval, named by the approval state
// machine's action kind ("request", "acknowledge", "issue", ...).
func ApprovalAction(kind string) Action { return Action(approvalPrefix + kind) }

// IsApproval reports whether a is about an approval: a step (ApprovalAction) or a reply.
func (a Action) IsApproval() bool { return strings.HasPrefix(string(a), approvalPrefix) }

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
func (in *Intake) Settle(at time.Time, outcome Outcome, note string, action Action) {
	in.Mail.Outcome, in.Mail.Note = outcome, note
	in.Events = append(in.Events, Event{At: at, Actor: "system", Action: action, Object: MailObject(in.Mail.SHA256), Detail: note})
}

// Queue adds a mail to send at once, with the audit event naming its recipient.
func (in *Intake) Queue(at time.Time, m OutMail, recipient string) {
	m.CreatedAt, m.NotBefore = at, at
	in.Outbox = append(in.Outbox, m)
	in.Events = append(in.Events, Event{At: at, Actor: "system", Action: Queued(m.Kind), Object: recipient, Detail: m.Subject})
}

// Part "people" (issue 17): nothing a person writes is lost, corrections of an issued report
// and the files received after the issue.

// Kinds of outbox mail about people's mail, corrections and late files.
const (
	KindForward      Kind = "forward"       // to the clerks: a configured person's mail, with what it is about
	KindCorrection   Kind = "correction"    // to the clerks: a leader asked to correct an issued report
	KindLateFile     Kind = "late_file"     // to the clerks: a file received after the issue, for their decision
	KindLateDecision Kind = "late_decision" // to the unit: what the Planning Office decided about its late file
)

// Audit actions of people's mail, corrections and late files.
const (
	ActionMailForwarded Action = "mail.forwarded"  // a configured person's mail shown to the clerks
	ActionMailFromClerk Action = "mail.from_clerk" // a clerk's own mail: kept, never sent back to the clerks

	// A forward held back by the hourly limits (actor: the address whose mail caused it), counted
	// in the clerks' digest; a late file's notice held back is ActionNoticeHeldAfterClose.
	ActionNoticeHeldForward Action = "notice.held.forward"

	// ActionCorrectionOpened is recorded on PeriodObject when an issued report is reopened for a
	// correction (actor: the person who asked or decided).
	ActionCorrectionOpened Action = "correction.opened"

	ActionLateFileTaken   Action = "late_file.taken"    // the clerks took a late file in
	ActionLateFileLeftOut Action = "late_file.left_out" // the clerks left it out
	ActionLateFileAsked   Action = "late_file.asked"    // an unclear answer: the clerk is asked again
	ActionLateFileRefused Action = "late_file.refused"  // an answer that could not be counted (authentication, binding, sender)
)

// Issue 18 (requests): one-off requests.

// ActionRequestCreated is recorded on PeriodObject when a one-off request is made (actor: who
// made it, detail: its units and due time).
const ActionRequestCreated Action = "request.created"

// Issue 21 (verify): the records' own check.

// ActionRecordsDamaged is recorded when the daemon's check of the records finds something wrong
// (actor: system, object "records", detail: the problems found, in English for the operator).
const ActionRecordsDamaged Action = "records.damaged"

// ActionMailFailed is recorded on a mail set aside because handling it failed the same way
// again and again (detail: the error).
const ActionMailFailed Action = "mail.failed"

// Issue 21 (part D, retention): a period's records removed once the records schedule let them go.

// ActionPeriodPurged is recorded on PeriodObject when a period's records are purged (actor: who
// ran the purge, detail: what was removed). The event itself stays: the trail says they existed.
const ActionPeriodPurged Action = "period.purged"

// Issue 19, part V (supervisors): the unit's supervising leader sees its files (package review).

// Kinds of outbox mail about a unit's file before its supervisor.
const (
	KindReviewCopy     Kind = "review_copy"     // to the supervisor (and the form's copies): an accepted file, for information
	KindReviewRequest  Kind = "review_request"  // to the supervisor: a unit's file, for their view or approval
	KindReviewReminder Kind = "review_reminder" // to the supervisor: the view not given yet
	KindReviewNotice   Kind = "review_notice"   // to the unit or the supervisor: what was decided, or asked again
	KindReviewOffice   Kind = "review_office"   // to the clerks: an unreadable or overdue view, a refused reply
)

// Audit actions of a unit's file before its supervisor (object: SubmissionObject).
const (
	ActionReviewAgreed   Action = "review.agreed"   // the supervisor agreed: the file counts
	ActionReviewReturned Action = "review.returned" // returned to the unit with the supervisor's words
	ActionReviewAsked    Action = "review.asked"    // an unreadable answer: the supervisor is asked again
	ActionReviewUnclear  Action = "review.unclear"  // still unreadable: the clerks are told
	ActionReviewRefused  Action = "review.refused"  // a reply that could not count (authentication, binding, sender)
)

// Issue 19, part 3 (tonghop to tonghop): an upper office's template, filled and sent back.

// Kinds of outbox mail about an upper office.
const (
	// KindUpstream is our filled template sent to the upper office: a submission, sent without
	// Auto-Submitted so that the upper tonghop takes it in (see package upstream).
	KindUpstream       Kind = "upstream"
	KindUpstreamOffice Kind = "upstream_office" // to the clerks: an upper office's mail, a filled copy, an answer
)

// Audit actions about an upper office.
const (
	ActionUpstreamTemplate Action = "upstream.template" // its template recorded as a request
	ActionUpstreamMail     Action = "upstream.mail"     // another mail of it, shown to the clerks, never answered
	ActionUpstreamRefused  Action = "upstream.refused"  // a mail from its address that failed authentication
	ActionUpstreamFilled   Action = "upstream.filled"   // the template filled from our issue
	ActionUpstreamFailed   Action = "upstream.failed"   // the template could not be filled
	ActionUpstreamSent     Action = "upstream.sent"     // the filled file queued to the upper office
	ActionUpstreamHeld     Action = "upstream.held"     // a clerk held it back
	ActionUpstreamReleased Action = "upstream.released" // a clerk let it go
)

// Issue 20, part R: the register of outgoing documents and the registry clerk (văn thư).

// KindRegistry is a mail to the registry clerk about a report waiting for its number: the
// request, a reminder, the request again, the acknowledgement of the number recorded.
const KindRegistry Kind = "registry"

// Audit actions of the register.
const (
	ActionNumberAssigned  Action = "register.numbered"  // a document took its number (detail: number, how)
	ActionNumberRequested Action = "register.requested" // the approved report waits for the registry clerk's number
	ActionNumberAsked     Action = "register.asked"     // her answer could not be taken: asked again
	ActionNumberRefused   Action = "register.refused"   // a reply about the number failed authentication or binding
	ActionNumberReminded  Action = "register.reminded"  // she was reminded
)

package ledger

import (
	"fmt"
	"strconv"
	"time"

	"github.com/tonghop/tonghop/address"
)

// Outbox keys. A key is an outbox mail's identity and nothing more: enqueueing the same key
// twice stores and sends the mail once, and its Message-ID is derived from the key. Ledgers
// already hold keys in these formats, so a format never changes; and nobody reads a key back
// (what a scheduled mail asks for is in its About). Every key is built here.

// dayLayout writes the day in keys that are once a day.
const dayLayout = "2006-01-02"

// ReceiptKey is the key of the receipt for the received mail whose raw bytes hash to mailSHA.
func ReceiptKey(mailSHA string) string { return "receipt:" + mailSHA }

// RejectionKey is the key of the answer listing what is wrong with a received mail.
func RejectionKey(mailSHA string) string { return "rejection:" + mailSHA }

// OversizeRejectionKey is the key of the answer to a mail too large to read.
func OversizeRejectionKey(mailSHA string) string { return "rejection:oversize:" + mailSHA }

// UnknownSenderNoticeKey is the key of the clerks' notice about mail from an unknown address:
// one per address (as address.Key writes it) and day, the day being day's date in its location.
func UnknownSenderNoticeKey(addr string, day time.Time) string {
	return "notice:unknown-sender:" + address.Key(addr) + ":" + day.Format(dayLayout)
}

// UnverifiedSenderNoticeKey is the key of the clerks' notice about a unit's (or a reporting
// person's) mail that failed the office's mail authentication: one per address and day.
func UnverifiedSenderNoticeKey(addr string, day time.Time) string {
	return "notice:unverified-sender:" + address.Key(addr) + ":" + day.Format(dayLayout)
}

// UnitMessageNoticeKey is the key of the clerks' notice showing them a unit's message.
func UnitMessageNoticeKey(mailSHA string) string { return "notice:unit-message:" + mailSHA }

// StuckMailNoticeKey is the key of the clerks' notice about a mail quarantined unread because
// judging it crashed or ran out of budget twice.
func StuckMailNoticeKey(mailSHA string) string { return "notice:stuck-mail:" + mailSHA }

// AfterCloseNoticeKey is the key of the clerks' notice about a unit's workbook (its version)
// received for a period already closed.
func AfterCloseNoticeKey(form, period, unit string, version int) string {
	return fmt.Sprintf("notice:after-close:%s:%s:%s:v%d", form, period, unit, version)
}

// DigestKey is the key of the clerks' digest of late units for day (its date in its location).
func DigestKey(day time.Time) string { return "digest:" + day.Format(dayLayout) }

// DraftKey is the key of the clerks' mail about version of a form's consolidated draft.
func DraftKey(form, period string, version int) string {
	return fmt.Sprintf("draft:%s:%s:v%d", form, period, version)
}

// IssueKey is the key of the approved report of a form's period, sent to its recipients.
func IssueKey(form, period string) string { return fmt.Sprintf("issue:%s:%s", form, period) }

// approvalKey is what the keys of one draft version's approval mails start with.
func approvalKey(form, period string, version int) string {
	return fmt.Sprintf("approval:%s:%s:v%d", form, period, version)
}

// ApprovalRequestKey is the key of a draft version's request to person at a step of the
// approval chain, the step counted from 1.
func ApprovalRequestKey(form, period string, version, step int, person string) string {
	return fmt.Sprintf("%s:s%d:request:%s", approvalKey(form, period, version), step, person)
}

// ApprovalReminderKey is the key of the n-th reminder of that request.
func ApprovalReminderKey(form, period string, version, step, n int, person string) string {
	return fmt.Sprintf("%s:s%d:remind%d:%s", approvalKey(form, period, version), step, n, person)
}

// ApprovalWithdrawKey is the key of the mail telling person a draft version is withdrawn.
func ApprovalWithdrawKey(form, period string, version int, person string) string {
	return fmt.Sprintf("%s:withdraw:%s", approvalKey(form, period, version), person)
}

// ApprovalReplyKey is the key of a mail answering the leader's reply whose raw bytes hash to
// mailSHA; what names the answer (the approval action's kind, or "auth" for a reply refused).
func ApprovalReplyKey(mailSHA, what string) string {
	return fmt.Sprintf("approval:reply:%s:%s", mailSHA[:min(16, len(mailSHA))], what)
}

// TemplateKey is the key of a unit's template for a form's period.
func TemplateKey(form, period, unit string) string {
	return fmt.Sprintf("%s:%s:%s:%s", KindTemplate, form, period, unit)
}

// ReminderKey is the key of a unit's n-th reminder for a form's period.
func ReminderKey(form, period, unit string, n int) string {
	return StepsPrefix(KindReminder, form, period, unit) + strconv.Itoa(n)
}

// NagKey is the key of a unit's n-th nag for a form's period.
func NagKey(form, period, unit string, n int) string {
	return StepsPrefix(KindNag, form, period, unit) + strconv.Itoa(n)
}

// StepsPrefix is what the keys of a unit's reminders (or nags: kind) for a form's period start
// with: CancelPending with it stops them.
func StepsPrefix(kind Kind, form, period, unit string) string {
	return fmt.Sprintf("%s:%s:%s:%s:", kind, form, period, unit)
}

// Part "people" (issue 17): the mail about people's mail, corrections and late files.

// ForwardKey is the key of the clerks' copy of a configured person's mail whose raw bytes hash
// to mailSHA.
func ForwardKey(mailSHA string) string { return "forward:" + mailSHA }

// CorrectionKey is the key of the clerks' notice that correction n (counted from 1 per period)
// of a form's issued report was opened.
func CorrectionKey(form, period string, n int) string {
	return fmt.Sprintf("correction:%s:%s:%d", form, period, n)
}

// ReplacementIssueKey is the key of the n-th issue (n ≥ 2) of a form's period, replacing the one
// before it; the first issue's key is IssueKey.
func ReplacementIssueKey(form, period string, n int) string {
	return fmt.Sprintf("issue:%s:%s:n%d", form, period, n)
}

// LateFileDecisionKey is the key of the mail telling a unit what the Planning Office decided
// about its file (its version) received after the issue.
func LateFileDecisionKey(form, period, unit string, version int) string {
	return fmt.Sprintf("late-file:%s:%s:%s:v%d:decision", form, period, unit, version)
}

// LateFileReplyKey is the key of a mail answering the clerk's reply (about a late file) whose raw
// bytes hash to mailSHA; what names the answer ("ask-again", "recorded").
func LateFileReplyKey(mailSHA, what string) string {
	return fmt.Sprintf("late-file:reply:%s:%s", mailSHA[:min(16, len(mailSHA))], what)
}

// Issue 21 (verify).

// RecordsDamagedNoticeKey is the key of the clerks' notice that the daemon's check of the
// records found something wrong on day (YYYY-MM-DD, the office's date): one notice a day at most,
// however often the daemon restarts.
func RecordsDamagedNoticeKey(day string) string { return "notice:records-damaged:" + day }

// FailedMailNoticeKey is the key of the clerks' notice about a mail set aside in the Failed
// folder because handling it failed the same way again and again.
func FailedMailNoticeKey(mailSHA string) string { return "notice:failed-mail:" + mailSHA }

// Issue 19, part V (supervisors): the mails about one recorded file (its submission id) before
// the unit's supervisor.

// ReviewKey is the key of a mail of kind about the submission with id; n numbers reminders
// (0 for every other mail).
func ReviewKey(kind Kind, id int64, n int) string {
	if n > 0 {
		return fmt.Sprintf("%s:%d:%d", kind, id, n)
	}
	return fmt.Sprintf("%s:%d", kind, id)
}

// ReviewReplyKey is the key of a mail answering a supervisor's reply (raw bytes hash to
// mailSHA); what tells the answers to one reply apart ("unit", "ask", "office").
func ReviewReplyKey(mailSHA, what string) string { return "review-reply:" + mailSHA + ":" + what }

// Issue 19 (part S): the mails of comment rounds and dated approval steps.

// ApprovalOverdueKey is the key of the n-th escalation, after its due date, of a step's request
// to person (the step counted from 1).
func ApprovalOverdueKey(form, period string, version, step, n int, person string) string {
	return fmt.Sprintf("%s:s%d:overdue%d:%s", approvalKey(form, period, version), step, n, person)
}

// ApprovalGatheredKey is the key of the clerks' mail with the comments of a step's round.
func ApprovalGatheredKey(form, period string, version, step int) string {
	return fmt.Sprintf("%s:s%d:comments", approvalKey(form, period, version), step)
}

// Issue 19, part 3 (tonghop to tonghop): mail about an upper office's template.

// UpstreamNoticeKey is the key of the clerks' notice about a mail from an upper office: its
// n-th template (1, 2, …), or 0 for a mail without one.
func UpstreamNoticeKey(mailSHA string, n int) string {
	return fmt.Sprintf("upstream:notice:%s:%d", mailSHA, n)
}

// UpstreamCopyKey is the key of the clerks' copy of the upper template filled from our issue.
func UpstreamCopyKey(upstream, form, period string, issue int) string {
	return fmt.Sprintf("upstream:copy:%s:%s:%s:issue%d", upstream, form, period, issue)
}

// UpstreamSubmissionKey is the key of the filled template sent to the upper office.
func UpstreamSubmissionKey(upstream, form, period string, issue int) string {
	return fmt.Sprintf("upstream:submission:%s:%s:%s:issue%d", upstream, form, period, issue)
}

// UpstreamFailedKey is the key of the clerks' notice that a template could not be filled.
func UpstreamFailedKey(upstream, form, period string, issue int) string {
	return fmt.Sprintf("upstream:failed:%s:%s:%s:issue%d", upstream, form, period, issue)
}

// UpstreamAnswerKey is the key of the answer to a clerk's reply about a filled template.
func UpstreamAnswerKey(mailSHA string) string { return "upstream:answer:" + mailSHA }

// Issue 20, part R: the registry clerk's mails about a report waiting for its number.

// RegistryRequestKey is the key of the request to number version of a form's period, to person.
func RegistryRequestKey(form, period string, version int, person string) string {
	return fmt.Sprintf("registry:request:%s:%s:v%d:%s", form, period, version, person)
}

// RegistryReminderKey is the key of the n-th reminder of that request.
func RegistryReminderKey(form, period string, version, n int, person string) string {
	return fmt.Sprintf("registry:reminder:%s:%s:v%d:%d:%s", form, period, version, n, person)
}

// RegistryReplyKey is the key of the answer to the registry clerk's reply (mailSHA): asked
// again, or the number recorded.
func RegistryReplyKey(mailSHA, what string) string { return "registry:reply:" + mailSHA + ":" + what }

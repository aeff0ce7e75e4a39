package approval

import "time"

// ActionKind says what the daemon should do for an Action.
type ActionKind string

// Kinds of actions. "To" lists person ids; an empty To means the Planning Office, which the
// daemon addresses itself.
const (
	// Request sends draft Version to Steps[Step].People. Replaces > 0 is the older version whose
	// request was pending at the same step and is superseded by this one.
	Request ActionKind = "request"
	// Withdraw tells To that their pending request for Version (at Step) is withdrawn because a
	// newer draft exists; only sent to people who do not receive the new request.
	Withdraw ActionKind = "withdraw"
	// Remind is the N-th reminder of the pending request to To.
	Remind ActionKind = "remind"
	// Acknowledge confirms to Person what was recorded: Answer (Approve or Revise) of Version.
	Acknowledge ActionKind = "acknowledge"
	// Revision forwards Person's Comment on Version to the Planning Office; Reason is
	// ReasonEdited when the person sent an edited workbook (EditedVersion).
	Revision ActionKind = "revision"
	// AskAgain asks Person, once per version and step, to answer again clearly.
	AskAgain ActionKind = "ask_again"
	// UnclearToOffice tells the Planning Office that a human must read Person's answer.
	UnclearToOffice ActionKind = "unclear_to_office"
	// Stale tells Person that their answer (about ReplyVersion) was not counted, and that
	// Version is current; Reason says why (ReasonOldVersion, ReasonUnknownVersion,
	// ReasonUnderRevision).
	Stale ActionKind = "stale"
	// NotYourTurn tells Person, who is in the chain, that Step is waiting for someone else and
	// their answer was not counted.
	NotYourTurn ActionKind = "not_your_turn"
	// Refused tells the Planning Office that Person, who is not in the chain, answered; the
	// answer was not counted.
	Refused ActionKind = "refused"
	// Issue issues Version: the last step approved it. Approvals holds one approval per step.
	Issue ActionKind = "issue"
	// Ignored reports an event without effect, with Reason.
	Ignored ActionKind = "ignored"
	// Reopened says the issued Version is being corrected, at Person's request.
	Reopened ActionKind = "reopened"
	// Overdue is the N-th reminder to To, after the step's Due date, that their answer is
	// overdue; the daemon copies the Planning Office.
	Overdue ActionKind = "overdue"
	// Gathered closes the comment round of Step about Version and gives the Planning Office its
	// Comments (the answers, in order) and the people Missing who did not answer; Reason says
	// why it closed (ReasonAllAnswered, ReasonDuePassed).
	Gathered ActionKind = "comments_gathered"
)

// Reasons given in Action.Reason; stable strings the daemon may branch on and log.
const (
	ReasonOldVersion     = "old version"
	ReasonUnknownVersion = "unknown version"
	ReasonUnderRevision  = "changes already requested; waiting for the next version"
	ReasonEdited         = "leader sent an edited version"
	ReasonNewerDraft     = "a newer draft exists"
	ReasonAlreadyIssued  = "already issued"
	ReasonNoDraft        = "no draft under approval"
	ReasonDuplicate      = "reply already recorded"
	ReasonStepDecided    = "step already decided"
	ReasonStepNotReached = "step not reached yet"
	ReasonNotIssued      = "not issued"
	ReasonCorrecting     = "the issued report is being corrected; waiting for the next version"
)

// Action is something the daemon must do after an event, usually send a mail.
type Action struct {
	Kind      ActionKind
	Step      int
	Version   int
	To        []string
	Person    string
	Comment   string
	Reason    string
	N         int
	Replaces  int
	Approvals []Decision
	// Answer is what Acknowledge confirms: Approve, Revise, Initialed, Agreed or Commented.
	Answer string
	// ReplyVersion is the version the reply named, for the actions about a reply that did not
	// count (Stale, NotYourTurn, Refused, Ignored).
	ReplyVersion int
	// EditedVersion is the version an edited workbook in the reply was stored as. On
	// Acknowledge and Revision it was adopted; on actions about a reply that did not count, it
	// was not, and that stored version stays unused.
	EditedVersion int
	// Due is the due date of the step, on Request, Remind and Overdue of a dated step (UTC).
	Due time.Time
	// Comments are the answers of a comment round: on Gathered, and on the Request that
	// follows it, for the next step to read.
	Comments []Decision
	// Missing are the people of a comment round who did not answer (Gathered, and the Request
	// that follows it).
	Missing []string
}

// Package approve is the approval stage of the cycle: it takes each consolidated draft up its
// form's approval chain by mail, and reads the leaders' answers. The decisions themselves are
// the pure state machine of package approval; this package feeds it and carries out what it
// says.
//
// An Approver does three things. Advance, on the reports worker's tick, sends every new draft
// to its chain and reminds the steps that have not answered, saving each approval with its
// mails and audit events in one ledger transaction. Thread tells the daemon's routing whether a
// received mail answers an approval request (the token in its subject, or the request it
// replies to). Reply reads such an answer — its authentication, whether it answers a letter
// sent to its sender (a reply that would count must carry the MAC'd token of a letter to that
// person, or cite the keyed Message-ID of a request or reminder sent to them), the decision
// written in it, an edited workbook it carries — and fills the intake that the daemon records with the mail in one
// transaction. The last approval issues the report: the approved draft, stamped with the
// approvals, goes to the form's recipients, the period closes, and a copy is filed in the
// archive.
//
// Nothing a configured person writes is lost. Person takes a person's mail that answers no
// approval request and carries no report for a unit: a clerk's answer to the notice about a
// file received after the issue is read as that decision (latefile.go), another clerk's mail
// is kept, anyone else's is forwarded to the clerks with what it is about (forward.go). A
// reply that does not count goes the same way. A request for changes to an issued report from
// a person of the chain, authenticated and bound to tonghop's mail about it, opens a correction
// (issued.go, reopen.go): the period reopens for counting, the next draft goes up the whole
// chain, and its approval issues it as the replacement of the report in force (issue.go).
//
// Steps have kinds and due dates (issue 19; steps.go). A comment round's request goes to each
// of its people, and its close sends the gathered comments to the clerks and with the next
// step's request; an initial step's request asks for ký nháy, and the issued report names the
// initial so. A due date written as a deadline rule ("day 20") is resolved for the period when
// the chain is built, so the state machine receives an instant; reminders before it and
// escalations after it (the clerks copied) go to those who have not answered. Comment replies
// are authenticated and bound exactly as approvals are; a reply whose thread names a comment
// round that has closed does not count as its author's decision at a later step, nor is its
// workbook taken. Every reply of the chain is read through readReply (readreply.go), which is
// given the kind of the step waiting.
//
// An issued report is a document of the office's register of outgoing documents (issue 20,
// numbering.go): a form with a symbol numbers it "125/BC-BQL" with the issue, in its
// transaction — auto, the next number of the year's register; registry, the number the registry
// clerk (văn thư) gives. For the latter, the last approval does not issue: the approved version
// goes to her asking for the number, and the issue waits in the ledger (ledger.RegisterWait, the
// approval's issue action kept as JSON) until her reply — authenticated, bound to the letter
// sent to her, its number read by docnumber.ParseReply and free in the year's register — lets
// it go (numbering_reply.go); she is reminded as an approval step is. The wait is a ledger row
// and not a state of package approval on purpose: the chain's decision is complete (the state
// machine's Issued is true: no leader can change the version any more), and numbering is the
// registry's act, not the chain's — a new status would have to be known to every reader of the
// state (steps, corrections, status, the fuzz invariants) for something none of them decides.
// The ledger row ends in the very transaction that records the issue and its number.
package approve

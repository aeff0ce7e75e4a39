// Package review is the stage of the cycle where the leader who supervises a unit (its Phó
// Trưởng Ban phụ trách, config's units.supervisor) sees the unit's files (issue 19, part V). A
// form says what the supervisor does (forms.supervisor): "copy" — each accepted file is mailed to
// them and to the form's copies, for information; "review" — an accepted file is not counted
// until they agree, and their comments return it to the unit with their words; "approve" — the
// same for the approval of the unit's own plan.
//
// The receive stage records each valid file of such a form with its hold (ledger.ReviewHold),
// in the same transaction as the file, so no file counts before its supervisor agreed to it
// (ledger.LatestValidAt leaves it out). A Reviewer does the rest. Advance, on the reports
// worker's tick, sends the copies and the requests, reminds a supervisor once halfway to the
// date due, tells the clerks when the date passed, and tells a supervisor when a newer file of
// the unit replaced the one they were asked about. Thread tells the daemon's routing whether a
// received mail answers a request about a file (the tag in its subject, or the request it
// replies to); Reply reads such an answer — its authentication, whether it answers a letter
// sent to its sender (the MAC'd tag of a letter to that person, or the keyed Message-ID of a
// request sent to them), and what it says — and fills the intake the daemon records with the
// mail in one transaction. A reply that cannot be read is asked again once, then goes to the
// clerks; nothing a forged or unbound reply says counts a file.
package review

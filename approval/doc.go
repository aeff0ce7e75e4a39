// Package approval is the state machine that takes a consolidated report (a draft, numbered
// v1, v2, … per form and period) up an approval chain by email: for example the reviewer
// "Chánh Văn phòng", then the approver "Trưởng Ban". It is pure: no I/O, no clock, no
// randomness. The daemon feeds it events (Draft, Reply, Tick), stores the State it returns as
// JSON after every event, and turns the returned Actions into mail.
//
// # The chain
//
// A Chain is a list of steps; each step is one person or any one of several (Step.People).
// The draft goes to the first step; an approval sends it to the next one, and the approval of
// the last step issues it. A request for changes ("revise") sends it back to the Planning
// Office, which prepares the next version.
//
// A step is of one of three kinds (Step.Kind). An approve step (the default) is decided by any
// one of its people. An initial step (ký nháy) is too, and moves on like an approval, but the
// answer is recorded as an initial (Decision.Kind Initialed) and the issued report names it
// so. A comment step asks all of its people for comments by a due date: it closes when all
// have answered or the due date passes, and the Planning Office gets the comments (Gathered)
// while the next step's request carries them.
//
// # Decisions made here
//
//   - Only the latest version is ever under approval. A new draft that arrives while a version
//     is being reviewed restarts the chain at the first step, whatever Chain.OnRevise says:
//     approvals of an older version do not carry over, since its content has changed. The
//     people of the step that was waiting get a Withdraw, unless they receive the new request
//     themselves.
//   - After a request for changes, the next version starts again at the first step
//     (OnRevise "restart", the default) or at the step that asked for the changes (OnRevise
//     "step"). With "step", the steps before it are considered to approve the new version
//     again: their approvals are recorded once more for the new version as carried decisions
//     (Decision.CarriedFrom names the version they were given for), so that every issued
//     version has one approval per step in the history.
//   - A leader may answer with an edited workbook, which the daemon stores as a new draft
//     version authored by them (Reply.EditedVersion). With "approve" it counts as their
//     approval of the edited version at their step, and the approvals of the earlier steps are
//     carried to it: the leader at a later step changed the text themselves and takes
//     responsibility for it. Otherwise (revise, or no clear answer) the edit is recorded as a
//     request for changes, the Planning Office is told (Revision with ReasonEdited), and the
//     edited version goes up the chain at once following OnRevise; the status is Reviewing,
//     not Revising, because the new version already exists. With "step", the first request
//     for the edited version goes back to the editor's own step, the steps before it carried.
//   - While the Planning Office revises (Status Revising), answers about the version under
//     revision are not counted: they get a Stale action with ReasonUnderRevision, so the
//     person learns that a new version is coming. The exception is an edited workbook from
//     the step that asked for changes, which is handled as during review.
//   - An answer that cannot be read asks the person once to answer again (AskAgain); a second
//     one for the same version and step goes to the Planning Office (UnclearToOffice).
//   - An issued report stays issued until a Reopen: a person of the chain asked for changes to
//     it, or the Planning Office took in a file that arrived after the issue. The status is then
//     Correcting; the next draft goes to the first step whatever OnRevise says (a correction
//     changes what was issued, so every step sees it again), and the last approval issues it
//     again: the daemon sends it as the replacement of the report in force. Replies while
//     Correcting are not counted (ReasonCorrecting).
//   - A reply whose MessageID was already recorded in a decision is ignored (ReasonDuplicate),
//     so that the daemon may replay a mail after a crash.
//   - Reminders count working time (period.Calendar.WorkingDuration) from the request. After a
//     pause of the daemon several reminders may be due at once: a single one is sent, numbered
//     after the last one due, so that nobody gets a burst of mail.
//
// # Decisions about the kinds of steps and due dates
//
//   - A comment round never refuses: a reply read as a request for changes is recorded as a
//     comment (Commented), one read as an approval as agreeing with nothing to add (Agreed).
//     An unclear reply is asked again, as at any step. A person may answer more than once
//     while the round is open; every answer is kept and gathered. A reply after the round
//     closed is not counted (NotYourTurn, ReasonStepDecided); the daemon forwards it. When
//     the reply's thread names the round's request (Reply.Step), it is not counted either if
//     its sender holds the step now waiting (ReasonRoundClosed): the same person may comment
//     and then initial, and a late comment must not read as their initial or refusal. A reply
//     whose thread names no request counts for the step waiting, as before.
//   - A comment step cannot end the chain, nor can an initial step: someone must approve after
//     them (Chain.Validate). A comment step needs a due date, or its round might never close.
//   - An edited workbook sent to a comment round is not adopted: the words are recorded, the
//     edit is not (the daemon does not store it), since the commenter does not decide.
//   - Comments and initials do not approve: Issue's approvals list the approve and initial
//     steps only. With OnRevise "step", the initials before the asking step are carried like
//     approvals; comment rounds before it are not held again and carry nothing. A new draft
//     that restarts the chain at a comment step holds its round again, for the new version.
//   - A step's due date is absolute (Step.Due, resolved by the caller for the form and period,
//     such as "day 20" of the period) or counted from its request (Step.DueAfter, in working
//     days and working hours), so that the machine stays pure. An absolute due date that has
//     passed when a comment round is requested gives the round one working day instead: a
//     round that closed at once would ask nobody.
//   - A dated step is reminded at its Reminders (before the due date, only those after the
//     request) and, except for a comment step that closes at its due date, escalated at its
//     Escalate times (Overdue; the daemon copies the clerks), always to the people who have
//     not answered. As with RemindAfter, after a pause only the last one due is sent, numbered
//     after it, and only within working hours. RemindAfter applies to undated steps only.
//   - The state did not grow for this: the answers of a round are decisions in the history,
//     and the due date is computed from the request time (State.Since) and the chain, so that
//     a state stored before these kinds existed reads the same.
//
// # Persistence
//
// State holds only exported, JSON-friendly fields and stores its times in UTC, so that
// json.Marshal then json.Unmarshal gives back an identical State (reflect.DeepEqual) and the
// daemon can stop and resume at any event.
package approval

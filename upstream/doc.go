// Package upstream is the stage of the cycle that makes this office a unit of an upper office
// (issue 19, part 3): ward → district → city is three tonghop offices and no human copying.
//
// The upper office is an ordinary tonghop whose configuration lists this office as a unit, its
// address being our shared mailbox. It mails us its template, identified and signed with ITS
// key: we cannot verify that tag and need not — the upper office does, when the filled file
// comes back. Our [[upstream]] table names the upper office, the addresses its mail comes from,
// and which of its forms our issued reports fill.
//
//   - Route takes every mail from a configured upper address (authenticated by [mail_auth] as a
//     unit's mail is: a forged one is quarantined and never acted on). A workbook that is the
//     template of a configured upper form is recorded as a request (ledger.UpstreamRequest) and
//     the clerks are told; anything else — its receipts, error lists, reminders, letters — is
//     shown to the clerks and NEVER answered. Route also takes a clerk's answer to the copy of a
//     filled file ("Giữ lại" / "Gửi"), authenticated and bound to that copy.
//   - Step, on the daemon's reports tick, fills each waiting template once our report of the
//     period is issued (and again for a corrected issue) from the figures that issue counted
//     (FillData: pure, apart from I/O), sends the clerks a copy with the filled file, and after
//     the configured hold sends the file to the upper office as an ordinary submission.
//
// # Mail loops
//
// Two tonghops must never answer each other forever. Every mail tonghop sends carries
// Auto-Submitted, which receive.IgnoreReason ignores — except KindUpstream, our filled file,
// which must be taken in by the upper tonghop as a unit's submission and so is sent without it
// (mailer.Message.Submission). That is safe because the two directions are not answers:
//
//   - The upper office answers our submission (a receipt or an error list, Auto-Submitted:
//     auto-replied) at most once per submission, and within its replies_per_hour.
//   - We answer NOTHING the upper office sends: Route records its mail and tells our clerks,
//     and never queues a mail to the upper office. Our only mail to it, KindUpstream, is caused
//     by our own report being issued: at most one per request and issue (its outbox key names
//     both), whatever the upper office writes.
//
// So each issue of ours causes at most one submission and one answer, and an answer causes
// nothing: the exchange ends. TestTwoOffices_NoLoop (package daemon) runs both daemons over many
// steps after the exchange and counts the mail between them.
package upstream

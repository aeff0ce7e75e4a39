// Package receive judges what tonghop receives: what a mail from a known sender is (workbooks
// for units, a message for the Planning Office, too many files, too large to read) and what each
// of its workbooks is (form, unit, period, version, lateness, every problem). A judgement reads
// the ledger through a small read-only view and writes nothing: it returns the ledger.Intake to
// record, with the replies and notices to send and the periods to ensure, and the workbook bytes
// to store as blobs. The daemon stores and records them in one transaction; `tonghop check`
// asks the same judgement about one file, with no ledger, so the two cannot disagree.
//
// A unit's Word report (.docx) for a form of narrative sections alone is judged the same way
// (Judge.Word, word.go): its unit, form and period found from the sender and the document, its
// sections from their headings, answered with a receipt or an error list naming each section.
//
// Routing is the daemon's: an unreadable message, automatic mail (see IgnoreReason), a reply in
// an approval thread and a configured person's mail that carries no report for a unit (the
// approval stage forwards it to the clerks, or reads it as a clerk's decision on a file
// received after the issue) never reach Judge.Mail.
package receive

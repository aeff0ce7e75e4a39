// Package report is the consolidation stage of the cycle: it reads from the ledger what a form's
// period counts (ConsolidationInput, Basis), builds the consolidated workbook (BuildReport) with
// the submission status matrix (StatusMatrix), records it as the next numbered draft with its
// archive copy (AddDraft), and decides when a period needs a new draft. Drafter is the daemon's
// pass over the open periods: it builds the drafts that are due and queues the notice that tells
// the clerks of the Planning Office of each.
//
// The command line calls the same functions (tonghop consolidate, tonghop status), so a draft built
// on demand and one built by the daemon are the same workbook. Moving a draft up its approval chain
// is not this package's concern (package approve).
package report

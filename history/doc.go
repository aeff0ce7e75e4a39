// Package history brings in the figures of the periods before an office went live, so that
// year to date and the same period last year are right from its first report. Two kinds of
// file hold them:
//
//   - a unit's own workbook of a past period, of one of the office's forms: judged exactly as
//     the daemon judges mail (package receive, by the import command); PastFigures turns its
//     indicator tables into figures to record;
//   - the opening-figures workbook (WriteOpening), for offices whose past reports are in their
//     own layout: one sheet per indicator table, one row per unit and indicator pre-filled
//     with names, one column per period of last year and of this year before the period the
//     ledger takes over from; a hidden first row names each column's period, and a very hidden
//     identification sheet, signed with the office's template key like its templates, says
//     which form and period the workbook is for. ReadOpening reads a filled one.
//
// Both are pure: bytes and values in, figures and problems out (ledger.ImportedFigure, with
// form.Problem naming sheet and cell in Vietnamese); the import command records them. An
// opening workbook is outside input: it is read by templates.ReadCells under the limits of a
// unit's workbook, every figure typed by the same rules as a unit's number, and a file with a
// single error yields nothing to record.
package history

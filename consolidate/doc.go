// Package consolidate computes the Planning Office's consolidated book for one form and period
// from the units' counted submissions: indicator tables aggregated across units (with year to
// date and the same period last year from the ledger where it holds them, else as the units
// typed them, each figure saying which, and the two ratios), the units' list rows gathered in
// unit order, the narrative sections gathered unit by unit, the units still missing, and
// warnings for the clerk.
//
// It is pure: the caller reads the ledger and hands in form.Filled values (a unit's
// submissions, and the figures of past periods imported from files of history, Source.Imports);
// another step writes the workbook. Build's output depends only on its input, never on map
// iteration order. A caller with many units may hand each submission as a Source.Load instead,
// which Build calls once per unit, in unit order, keeping only what the book needs of it (its
// list rows, with their values in column order, its figures and its texts).
//
// # Which units count
//
// Every aggregate (plan, this period, year to date, last year) covers the counted units: the
// expected units (Input.Units) that have a submission in Input.Current. A unit missing this
// period contributes nothing, not even its earlier months or last year's figure, so that the
// percentages compare like with like; Book.Missing tells the clerk who is absent. Submissions
// of units that are not expected are ignored with a warning.
//
// # Value columns of indicator tables
//
// The column keyed "period" holds this period's figure. A form without it uses its first numeric
// column (integer, decimal or percent) whose key is none of plan, ytd, last_year, pct_plan and
// pct_last_year. "plan" is the plan, "ytd" and "last_year" what the unit itself typed as year to
// date and as the same period last year: used when the ledger cannot give the figure, compared
// with it otherwise. The ratio columns a unit typed are ignored: they are recomputed.
//
// # Aggregation rules
//
// sum (the default), avg, min and max combine the figures of the units that gave one; a blank
// cell does not count. "none" gives no aggregate (PerUnit is still filled). An unknown rule is
// treated as "none" with a warning. Sums use compensated (Neumaier) summation, in unit order.
//
// Subtotals are checked on the aggregated figures of rows whose rule is sum; absent figures
// count as zero, and a row whose figure and children's figures are all absent passes. Children
// codes missing from the table count as absent.
//
// # Unit groups
//
// An indicator limited to unit groups (its own groups, else its table's) is filled by the units
// of those groups only: its aggregates, year to date and last year combine the counted units of
// those groups (SummaryRow.Counted, in unit order; Expected counts the units expected to fill
// it), and a unit of another group is neither a figure nor a gap there. A row without groups
// counts every unit, as before groups existed. Missing units (Book.Missing) are per form.
//
// # Year to date and last year
//
// The ledger has a unit's figure for a period when it holds the unit's counted submission for
// it (a blank cell there is the unit saying it had nothing) or, with no submission, a figure
// of that indicator imported from a file of history (a blank there is not a figure: the
// ledger does not know it). A unit's submission for a period always wins over an import for
// the same period (the caller, package report, sees to it).
//
// A unit's year to date (UnitFigures.YTD) is rebuilt from the ledger only when the ledger has
// the unit's figure for every earlier period of the same kind in the year (weeks: the ISO
// week-numbering year, so 2026-W53 does not count towards 2027-W02): its period figures of
// those periods and of this one, combined in time order by the indicator's rule; its basis is
// BasisLedger, or BasisImported when imported figures stand for some periods. Otherwise the
// unit's own typed year to date (the "ytd" column) is used, BasisTyped; and if it typed none,
// the figure is blank, BasisMissing, and a warning (ytd_missing, one per unit and gap) names
// the indicators and the periods the ledger lacks. A partial sum is never presented as the
// year to date. UnitFigures.YTDMissing lists the periods lacking.
//
// The same period last year (UnitFigures.LastYear) is the ledger's figure for that period when
// it has the unit's, else the unit's typed last_year (BasisTyped), else blank (BasisMissing).
// Last year's year to date (LastYearYTD) is rebuilt like this year's, from Input.LastYearEarlier
// and the ledger's last-year figure, only when Input.LastYearEarlier is not nil and the ledger
// has every period of last year up to that one; there is no typed figure to fall back on.
//
// The across-units figures apply the rule to the counted units' own: a unit's typed figure
// counts like a rebuilt one, but one unit's unknown figure (BasisMissing) leaves the total blank,
// since a total without that unit is not the office's figure. SummaryRow.YTDBasis and
// LastYearBasis say which bases the counted units' figures have, so the workbook can say which
// figures are the ledger's, imported, or typed by the units. The ratios are recomputed from the
// figures used: % of plan is YTD / Plan, % of last year Period / LastYear.
//
// A unit's typed year to date is compared with the rebuilt one only when the ledger was
// complete (BasisLedger or BasisImported) and both are present: a difference of more than
// 0.5 % is warned about (ytd_mismatch). A typed figure used because the ledger lacks periods is
// never "wrong": it is the only figure there is. Book.History lists the imported periods the
// figures used, for the provenance sheet.
//
// # Lists
//
// Each list table gathers the rows of the counted units, in unit order and, within a unit, by
// worksheet line (rows on the same line keep their order). In a table with a "content" column,
// a row is carried over when its content, compared NFC, case-folded and with white space
// collapsed, is that of a task still open in the same unit's previous submission: a row of
// the same table, or of its "results" table, whose "status" is not "Hoàn thành" (rows without
// a status, like planned tasks, are open). So the tasks table compares with last period's
// tasks and unfinished results, and the results table only with last period's unfinished
// results (not with last period's tasks, which every result row answers).
//
// # Narrative
//
// Each narrative section of the form, in form order, gathers the counted units' texts in unit
// order, verbatim; a text of only white space counts as none. Every section is present, even
// when no unit wrote in it.
package consolidate

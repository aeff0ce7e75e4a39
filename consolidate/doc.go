// Package consolidate computes the Planning Office's consolidated book for one form and period
// from the units' counted submissions: indicator tables aggregated across units (with year to
// date recomputed from the ledger, the same period last year and the two ratios), the units'
// list rows gathered in unit order, the narrative sections gathered unit by unit, the units
// still missing, and warnings for the clerk.
//
// It is pure: the caller reads the ledger and hands in form.Filled values; another step writes
// the workbook. Build's output depends only on its input, never on map iteration order.
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
// pct_last_year. "plan" is the plan, "ytd" what the unit itself typed as year to date (only
// compared with the ledger, never used as a figure). Last year's figures are the period column
// of last year's submissions. The ratio columns a unit typed are ignored: they are recomputed.
//
// # Aggregation rules
//
// sum (the default), avg, min and max combine the figures of the units that gave one; a blank
// cell does not count. "none" gives no aggregate (PerUnit is still filled). An unknown rule is
// treated as "none" with a warning. Sums use compensated (Neumaier) summation, in unit order.
//
// Year to date per unit combines, by the same rule over time, the unit's period figures in
// Input.Earlier (periods of the same kind and year before Input.Period; any other key is
// ignored) and in Input.Current, in time order; periods the unit did not send simply do not
// count. Weeks use the ISO week-numbering year, so 2026-W53 does not count towards 2027-W02.
// The across-units year to date is the rule applied to the units' own year-to-date figures.
// A unit's typed year to date is compared with the ledger's only when both are present.
//
// Subtotals are checked on the aggregated figures of rows whose rule is sum; absent figures
// count as zero, and a row whose figure and children's figures are all absent passes. Children
// codes missing from the table count as absent.
//
// Last year's year to date (SummaryRow.LastYearYTD) is computed like this year's, from
// Input.LastYearEarlier and Input.LastYear, only when Input.LastYearEarlier is not nil.
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

package consolidate

import (
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// Unit is one unit expected to report, as configured. Units are listed in configuration
// order, which is the order of every per-unit part of the book.
type Unit struct{ Code, Name string }

// Source is one unit's counted submission for a period, with what the provenance sheet shows.
// The map key it is stored under in Input is authoritative for the unit code; Unit is filled
// from the key when empty.
type Source struct {
	Unit       string
	Version    int
	ReceivedAt time.Time
	Late       bool
	FileName   string
	SHA256     string
	MessageID  string
	Filled     form.Filled
}

// Input is everything Build needs: the form, the period, the expected units and the counted
// submissions of this and the related periods, keyed by unit code.
type Input struct {
	Form   form.Form
	Period period.Period
	Units  []Unit
	// Current holds the counted version of each unit for Period; a unit absent is missing.
	Current map[string]Source
	// Earlier holds earlier periods of the same kind in the same year, for year to date.
	Earlier map[period.Period]map[string]Source
	// LastYear holds the submissions for Period.SameLastYear().
	LastYear map[string]Source
	// LastYearEarlier holds last year's periods before Period.SameLastYear(), for last year's
	// year to date. nil means last year's year to date is not computed.
	LastYearEarlier map[period.Period]map[string]Source
	// Previous holds the submissions for Period.Prev(), for tasks carried over.
	Previous map[string]Source
}

// Book is the consolidated model of one form and period, ready to be written as a workbook.
type Book struct {
	Form       form.Form
	Period     period.Period
	Summary    []SummaryTable     // one per indicator table, in form order
	Lists      []ListTable        // one per list table, in form order
	Narrative  []NarrativeSection // one per narrative section, in form order
	Missing    []Unit             // expected units without a counted submission, in unit order
	Warnings   []Warning          // for the clerk, in Vietnamese
	Provenance []Source           // the counted sources used, in unit order
}

// SummaryTable is one indicator table aggregated across units.
type SummaryTable struct {
	Key, Title string
	// PeriodColumn is the key of the column read as this period's figure ("" when the table
	// has no numeric column).
	PeriodColumn string
	Rows         []SummaryRow
}

// SummaryRow is one indicator aggregated across the counted units.
type SummaryRow struct {
	Code, Name, Measure string // Measure is the unit of measure, e.g. "dự án"
	Aggregate           string // the rule applied: sum, avg, min, max or none
	Plan, Period        Value
	YTD, LastYear       Value
	// LastYearYTD is last year's year to date, computed only when Input.LastYearEarlier is
	// not nil.
	LastYearYTD Value
	PctPlan     Value // YTD / Plan × 100
	PctLastYear Value // Period / LastYear × 100
	Reported    int   // counted units that gave a figure for Period
	// SubtotalOK is false when the row has children, sums, and its aggregated Period differs
	// from the sum of its children's aggregated Period (relative tolerance 1e-9).
	SubtotalOK bool
	PerUnit    map[string]UnitFigures // by unit code, for every counted unit
}

// UnitFigures are one unit's figures for an indicator. YTD and LastYearYTD come from the
// ledger; OwnYTD is what the unit typed in its ytd column.
type UnitFigures struct {
	Plan, Period, YTD, LastYear, OwnYTD Value
	LastYearYTD                         Value
}

// Value is a figure that may be absent. OK is false for a blank cell, a unit that did not
// report, a division by zero or a "none" rule.
type Value struct {
	V  float64
	OK bool
}

// ListTable is one list table with the rows of every counted unit, in unit order then line.
type ListTable struct {
	Key, Title string
	Columns    []form.Column
	Rows       []ListRow
}

// ListRow is one unit's row. Values is shared with the input's form.Filled: do not modify it.
// CarriedOver marks a task that was already open in the unit's previous period.
type ListRow struct {
	Unit        string
	Line        int
	Values      map[string]string
	CarriedOver bool
}

// NarrativeSection is one narrative heading with the texts of the units that wrote something.
type NarrativeSection struct {
	Key, Title string
	Entries    []NarrativeEntry // in unit order; units without text left out
}

// NarrativeEntry is one unit's text for a section, kept verbatim.
type NarrativeEntry struct {
	Unit, Name string // unit code and configured name
	Text       string
}

// Warning is a finding for the clerk. Code is stable, for programs; Message is Vietnamese.
// Unit is empty for findings about the consolidated figures themselves.
type Warning struct {
	Unit, Code, Message string
}

// Warning codes.
const (
	WarnYTDMismatch      = "ytd_mismatch"      // a unit's typed year to date differs from the ledger
	WarnSubtotal         = "subtotal"          // an aggregated subtotal differs from its children
	WarnUnexpectedUnit   = "unexpected_unit"   // a submission from a unit not expected
	WarnDuplicateUnit    = "duplicate_unit"    // a unit code configured twice
	WarnBadNumber        = "bad_number"        // a figure that is not a number
	WarnUnknownAggregate = "unknown_aggregate" // an indicator with an unknown rule
)

package consolidate

import (
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

// Unit is one unit expected to report, as configured. Units are listed in configuration
// order, which is the order of every per-unit part of the book.
type Unit struct {
	Code, Name string
	Group      string // its unit group ("phuong"), for the rows limited to groups; "" none
	// Waiting, for a unit that sent a file not counted yet because the leader supervising the
	// unit has not agreed to it (issue 19, part V), says where it stands, in Vietnamese ("chờ ý
	// kiến lãnh đạo phụ trách", "trả lại để sửa"); "" for a unit that sent nothing. Book.Missing
	// keeps it, so the missing list says why.
	Waiting string
}

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
	// Load, when not nil, reads the submission's content in place of Filled, so that a
	// caller with a thousand units need not hold every unit's content at once: Build calls
	// it once, when it comes to the unit (in unit order), keeps what the book needs of it
	// and lets the rest go. An error from it fails Build.
	Load func() (form.Filled, error)
	// Imports is set on a source of figures imported from files of history (tonghop import)
	// rather than received from the unit: each file its figures come from. Such a source gives
	// a unit's figure for a period only where it holds one; a blank is not a figure given.
	Imports []Import
}

// Import is a file of history some imported figures come from.
type Import struct {
	Kind       string // ImportPastWorkbook or ImportOpening
	FileName   string
	SHA256     string
	ImportedAt time.Time
	By         string // who or what imported it
}

// Kinds of imported files, as the ledger records them.
const (
	ImportPastWorkbook = "past_workbook" // a unit's own workbook of a past period
	ImportOpening      = "opening"       // the office's opening-figures workbook
)

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
	// History lists the imported figures used in a year to date or last year's figure, by
	// counted unit in unit order, then by period.
	History []HistorySource
}

// HistorySource is one unit's period whose imported figures a figure of the book uses.
type HistorySource struct {
	Unit    string
	Period  period.Period
	Imports []Import
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
	// YTD and LastYear combine the counted units' own (UnitFigures.YTD, LastYear); they are
	// absent when a counted unit's is unknown (BasisMissing), never a sum with a hole in it.
	YTD, LastYear Value
	// YTDBasis and LastYearBasis are where the counted units' figures come from; empty for an
	// indicator with the "none" rule.
	YTDBasis, LastYearBasis Bases
	// LastYearYTD is last year's year to date, computed only when Input.LastYearEarlier is
	// not nil and every counted unit's is known.
	LastYearYTD Value
	PctPlan     Value // YTD / Plan × 100
	PctLastYear Value // Period / LastYear × 100
	Reported    int   // counted units that gave a figure for Period
	// SubtotalOK is false when the row has children, sums, and its aggregated Period differs
	// from the sum of its children's aggregated Period (relative tolerance 1e-9).
	SubtotalOK bool
	PerUnit    map[string]UnitFigures // by unit code, for every counted unit of the row's groups
	// Groups are the unit groups whose units fill the row (the indicator's, else its table's);
	// nil: every unit. A unit of another group is not counted, nor missing from the row.
	Groups []string
	// Counted are the counted units the row adds up, by code in unit order; Expected how
	// many expected units fill it ("tính từ 14/16 UBND các phường").
	Counted  []string
	Expected int
}

// UnitFigures are one unit's figures for an indicator. YTD and LastYear are the figures used,
// from the ledger or typed by the unit as their Basis says; OwnYTD and OwnLastYear are what
// the unit typed in its ytd and last_year columns.
type UnitFigures struct {
	Plan, Period, YTD, LastYear, OwnYTD Value
	OwnLastYear, LastYearYTD            Value
	YTDBasis, LastYearBasis             Basis
	LastYearYTDBasis                    Basis
	// YTDMissing are the earlier periods of the year the ledger has no figure of the unit's
	// for, when YTD could not be rebuilt (YTDBasis BasisTyped or BasisMissing).
	YTDMissing []period.Period
}

// Basis says where a unit's year to date or last year's figure comes from.
type Basis uint8

// Bases of a figure.
const (
	// BasisNone: no figure is computed (the indicator's rule is "none").
	BasisNone Basis = iota
	// BasisLedger: computed from the unit's submissions in the ledger.
	BasisLedger
	// BasisImported: computed from the ledger, where figures imported from files of history
	// stand for some periods.
	BasisImported
	// BasisTyped: the figure the unit typed in its own workbook, the ledger lacking periods.
	BasisTyped
	// BasisMissing: unknown; the ledger lacks periods and the unit typed no figure.
	BasisMissing
)

// String names a basis for logs and tests.
func (b Basis) String() string {
	return [...]string{"none", "ledger", "imported", "typed", "missing"}[min(int(b), 4)]
}

// Bases is a set of bases: the ones among the counted units of a row.
type Bases uint8

// Has reports whether b is among the bases.
func (s Bases) Has(b Basis) bool { return s&(1<<b) != 0 }

// Only reports whether b is the one basis of the set.
func (s Bases) Only(b Basis) bool { return s == 1<<b }

func (s *Bases) add(b Basis) { *s |= 1 << b }

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

// ListRow is one unit's row. Values are the row's values in the order of its table's
// Columns ("" where the unit gave none), rather than a map by key: a thousand units' rows
// held as maps were most of a book's memory. CarriedOver marks a task that was already open
// in the unit's previous period.
type ListRow struct {
	Unit        string
	Line        int
	Values      []string
	CarriedOver bool
}

// Value is row r's value in the column with the given key; "" for a column the table lacks.
func (t *ListTable) Value(r ListRow, key string) string {
	for i, c := range t.Columns {
		if c.Key == key && i < len(r.Values) {
			return r.Values[i]
		}
	}
	return ""
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
	WarnYTDMissing       = "ytd_missing"       // a unit's year to date is unknown: periods missing, none typed
	WarnSubtotal         = "subtotal"          // an aggregated subtotal differs from its children
	WarnUnexpectedUnit   = "unexpected_unit"   // a submission from a unit not expected
	WarnDuplicateUnit    = "duplicate_unit"    // a unit code configured twice
	WarnBadNumber        = "bad_number"        // a figure that is not a number
	WarnUnknownAggregate = "unknown_aggregate" // an indicator with an unknown rule
)

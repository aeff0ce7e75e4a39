package form

// Ident is what a workbook says about itself: which form, layout version, unit and period.
// Guessed is set when the identification did not come from the hidden identification sheet
// (dropped by some converters) but from the sheet layout, the sender or the subject.
type Ident struct {
	Form        string `json:"form"`
	FormVersion int    `json:"form_version"`
	Unit        string `json:"unit"`
	Period      string `json:"period"`
	TagOK       bool   `json:"tag_ok"` // the integrity tag matched
	// OldKey: the tag matched a key the office used before (a template sent before a key change).
	OldKey  bool `json:"old_key,omitempty"`
	Guessed bool `json:"guessed"` // identified from layout, not from the identification sheet
}

// Filled is the content read from a unit's workbook, in the types of the form's columns.
// Values are kept as normalised strings (numbers in Go syntax, dates as YYYY-MM-DD) so the
// JSON stored in the ledger is exact and stable.
type Filled struct {
	Ident      Ident                                   `json:"ident"`
	Header     map[string]string                       `json:"header"`
	Tables     map[string][]Row                        `json:"tables"`
	Indicators map[string]map[string]map[string]string `json:"indicators"` // table → indicator code → column → value
	Narrative  map[string]string                       `json:"narrative"`
}

// Row is one row of a table: column key → normalised value, with the worksheet row it came from.
type Row struct {
	Line   int               `json:"line"`
	Values map[string]string `json:"values"`
}

// RowCount returns the number of rows read across all tables.
func (f *Filled) RowCount() int {
	n := 0
	for _, rows := range f.Tables {
		n += len(rows)
	}
	return n
}

// IndicatorCount returns the number of indicators with at least one figure, across all
// indicator tables.
func (f *Filled) IndicatorCount() int {
	n := 0
	for _, table := range f.Indicators {
		for _, values := range table {
			for _, v := range values {
				if v != "" {
					n++
					break
				}
			}
		}
	}
	return n
}

// Problem is one finding about a workbook: where it is, what was found and what is expected.
// Message is Vietnamese, for the unit; Code is stable, for programs.
type Problem struct {
	Sheet   string `json:"sheet"` // "" when the problem is about the whole file
	Cell    string `json:"cell"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Report is the outcome of reading and validating one workbook.
type Report struct {
	Filled   Filled    `json:"filled"`
	Errors   []Problem `json:"errors"`
	Warnings []Problem `json:"warnings"`
	// Sheets are the workbook's sheets in its order, to list the problems in (SortProblems);
	// nil when the workbook could not be opened.
	Sheets []string `json:"-"`
}

// Valid reports whether the workbook has no errors (warnings do not count).
func (r *Report) Valid() bool { return len(r.Errors) == 0 }

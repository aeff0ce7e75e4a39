// Package form describes the report forms units fill (BM.04.01/KH, BM.02.01/KH, …) and the data read
// back from a filled workbook. It holds plain domain types only: generating, reading and validating
// workbooks is the templates package's concern, storing them the ledger's.
package form

import (
	"fmt"
	"regexp"
	"strings"
)

// Form is one report form: its identity, the period it covers and its parts. It decodes from the
// [[forms]] tables of the configuration; the built-in forms (Builtins) fill in the parts an office
// does not redefine.
type Form struct {
	Code       string           `toml:"code"`    // e.g. "BM.04.01/KH"
	Version    int              `toml:"version"` // layout version; bump when tables or columns change
	Title      string           `toml:"title"`   // Vietnamese title printed on the workbook
	Period     Kinds            `toml:"period"`  // period kinds: week, month, quarter, half, 9m, year (see Kinds)
	Tables     []Table          `toml:"tables"`
	Indicators []IndicatorTable `toml:"indicators"`
	Narrative  []Section        `toml:"narrative"`
}

// Table is a list of rows the unit adds to (tasks, assignments).
type Table struct {
	Key      string   `toml:"key"`   // stable identifier, ASCII, e.g. "tasks"
	Title    string   `toml:"title"` // sheet title shown to the unit
	Columns  []Column `toml:"columns"`
	MinRows  int      `toml:"min_rows"`  // rows a valid submission must have (0: may be empty)
	FreeRows int      `toml:"free_rows"` // empty, formatted rows offered in the template
	MaxRows  int      `toml:"max_rows"`  // upper bound on rows read (0: DefaultMaxRows)
	Groups   []string `toml:"groups"`    // the unit groups that fill it; empty: every unit
}

// DefaultMaxRows bounds the rows read from one table when the form sets no limit.
const DefaultMaxRows = 10000

// ColumnType is the kind of value a column holds.
type ColumnType string

// Column types understood by the templates package.
const (
	Text    ColumnType = "text"
	Integer ColumnType = "integer"
	Decimal ColumnType = "decimal"
	Percent ColumnType = "percent"
	Date    ColumnType = "date"
	Choice  ColumnType = "choice"
	Email   ColumnType = "email"
	Phone   ColumnType = "phone"
)

// Column is one typed column of a table, or one value column of an indicator table.
type Column struct {
	Key      string     `toml:"key"`
	Title    string     `toml:"title"`
	Type     ColumnType `toml:"type"`
	Required bool       `toml:"required"`
	Choices  []string   `toml:"choices"` // for Choice
	Min      *float64   `toml:"min"`     // for numbers (and percent, in percent points)
	Max      *float64   `toml:"max"`
	MaxLen   int        `toml:"max_len"` // for Text
	Width    float64    `toml:"width"`   // column width in characters; 0 picks one by type
	Help     string     `toml:"help"`    // input message shown when the cell is selected
}

// IndicatorTable is a table of fixed rows (indicators) with value columns.
type IndicatorTable struct {
	Key     string      `toml:"key"`
	Title   string      `toml:"title"`
	Rows    []Indicator `toml:"rows"`
	Columns []Column    `toml:"columns"` // value columns: plan for the year, this period, …
	Groups  []string    `toml:"groups"`  // the unit groups that fill it; empty: every unit
}

// Indicator is one fixed row of an indicator table.
type Indicator struct {
	Code      string   `toml:"code"`      // e.g. "1", "1.1"
	Name      string   `toml:"name"`      // e.g. "Số dự án đầu tư mới"
	Unit      string   `toml:"unit"`      // unit of measure, e.g. "dự án", "triệu USD"
	Children  []string `toml:"children"`  // codes whose sum this row must equal (a subtotal)
	Aggregate string   `toml:"aggregate"` // how the office combines units: sum (default), avg, min, max, none
	Required  bool     `toml:"required"`  // the "this period" value must be given
	Groups    []string `toml:"groups"`    // the unit groups that report it; empty: every unit
}

// Section is a narrative part of a report (results, shortcomings, direction, …).
type Section struct {
	Key      string   `toml:"key"`
	Title    string   `toml:"title"`
	Required bool     `toml:"required"`
	MaxLen   int      `toml:"max_len"`
	Groups   []string `toml:"groups"` // the unit groups that write it; empty: every unit
}

var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// ValidKey reports whether s may serve as a table, column or section key: short lowercase ASCII,
// so it is stable in JSON and in defined names inside workbooks.
func ValidKey(s string) bool { return keyPattern.MatchString(s) }

// Slug turns a form code into a string safe in file names and idempotency keys:
// "BM.04.01/KH" becomes "BM.04.01-KH".
func Slug(code string) string {
	r := strings.NewReplacer("/", "-", "\\", "-", " ", "_", ":", "-")
	return r.Replace(code)
}

// Table returns the table with the given key.
func (f *Form) Table(key string) (*Table, bool) {
	for i := range f.Tables {
		if f.Tables[i].Key == key {
			return &f.Tables[i], true
		}
	}
	return nil, false
}

// String names the form for logs.
func (f *Form) String() string { return fmt.Sprintf("%s v%d", f.Code, f.Version) }

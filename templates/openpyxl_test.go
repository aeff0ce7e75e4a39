package templates

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
)

// debianPython is the interpreter with Debian's python3-openpyxl; the python3 first on PATH may
// be another installation without it.
const debianPython = "/usr/bin/python3"

// openpyxlWrite is one cell typed by testdata/openpyxl_fill.py.
type openpyxlWrite struct {
	Sheet string `json:"sheet"`
	Cell  string `json:"cell"`
	Value any    `json:"value"`
	Kind  string `json:"kind"` // text, number, date, percent
}

// openpyxlJob is one workbook for the script to fill and save.
type openpyxlJob struct {
	In           string          `json:"in"`
	Out          string          `json:"out"`
	Writes       []openpyxlWrite `json:"writes"`
	DeleteSheets []string        `json:"delete_sheets,omitempty"`
	DeleteNames  string          `json:"delete_names,omitempty"` // prefix of workbook-level names
	ISODates     bool            `json:"iso_dates,omitempty"`
	AllowGeneral bool            `json:"allow_general,omitempty"` // cells past the formatted rows
}

// runOpenPyXL runs the fill script on jobs in one Python process (importing openpyxl is most of
// its time); it skips the test when openpyxl is not installed.
func runOpenPyXL(t *testing.T, dir string, jobs []openpyxlJob) {
	t.Helper()
	if _, err := os.Stat(debianPython); err != nil {
		t.Skipf("%s is not installed: %v", debianPython, err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "openpyxl_fill.py"))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := json.Marshal(jobs)
	if err != nil {
		t.Fatal(err)
	}
	jobFile := filepath.Join(dir, "jobs.json")
	if err := os.WriteFile(jobFile, spec, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, debianPython, script, jobFile).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 77:
		t.Skipf("openpyxl is not available to %s (apt-get install python3-openpyxl): %s", debianPython, out)
	case err != nil:
		t.Fatalf("openpyxl_fill.py: %v\n%s", err, out)
	}
}

// personWrites turns data into the cells a person types into a template laid out as lay (table
// rows on their Line), and the warnings Read owes about what was typed (a percent typed as text
// with a decimal comma).
func personWrites(f form.Form, lay templateLayout, data form.Filled) ([]openpyxlWrite, []form.Problem) {
	var ws []openpyxlWrite
	var warns []form.Problem
	add := func(ref cellRef, field string, c form.Column, j int, v string) {
		w := typedWrite(c, j, v)
		w.Sheet, w.Cell = ref.sheet, ref.cell
		ws = append(ws, w)
		if w.Kind == "text" && c.Type == form.Percent && strings.Contains(w.Value.(string), ",") {
			warns = append(warns, form.Problem{Code: CodeNumberAsText, Sheet: ref.sheet, Cell: ref.cell, Field: field})
		}
	}
	for _, key := range sortedKeys(data.Header) {
		add(lay.header[key], key, form.Column{Type: form.Text}, 0, data.Header[key])
	}
	for _, tb := range f.Tables {
		at := lay.tables[tb.Key]
		for _, row := range data.Tables[tb.Key] {
			for j, c := range tb.Columns {
				if v, ok := row.Values[c.Key]; ok {
					add(cellRef{at.sheet, cellName(at.cols[c.Key], row.Line)}, c.Key, c, j, v)
				}
			}
		}
	}
	for _, it := range f.Indicators {
		at := lay.indicators[it.Key]
		for _, ind := range it.Rows {
			for j, c := range it.Columns {
				if v, ok := data.Indicators[it.Key][ind.Code][c.Key]; ok {
					add(cellRef{at.sheet, cellName(at.cols[c.Key], at.rows[ind.Code])}, ind.Code, c, j, v)
				}
			}
		}
	}
	for _, s := range f.Narrative {
		if v, ok := data.Narrative[s.Key]; ok {
			add(lay.sections[s.Key], s.Key, form.Column{Type: form.Text}, 0, v)
		}
	}
	return ws, warns
}

// typedWrite is how a person types value v (as Read returns it) in the j-th column c: numbers as
// numbers, dates as dates, percents as the fraction a percent cell stores, or in every other
// percent column as text the Vietnamese way ("85,5%").
func typedWrite(c form.Column, j int, v string) openpyxlWrite {
	switch c.Type {
	case form.Integer, form.Decimal:
		n, _ := strconv.ParseFloat(v, 64)
		return openpyxlWrite{Kind: "number", Value: n}
	case form.Percent:
		n, _ := strconv.ParseFloat(v, 64)
		if j%2 == 1 {
			return openpyxlWrite{Kind: "text", Value: viPlain(n) + "%"}
		}
		return openpyxlWrite{Kind: "percent", Value: n / 100}
	case form.Date:
		return openpyxlWrite{Kind: "date", Value: v}
	}
	return openpyxlWrite{Kind: "text", Value: v}
}

// openpyxlCase is one way of saving a workbook with openpyxl.
type openpyxlCase struct {
	name        string
	deleteIdent bool // delete the identification sheet, as some converters do
	deleteNames bool // also delete the TONGHOP_ defined names repeating the identification
	isoDates    bool // write dates as ISO 8601 cells (t="d") instead of serials
	// type table rows below the template's formatted rows, into cells without a format, as a
	// unit with more rows than offered does (openpyxl then gives a date its own date format)
	pastFormatted bool
}

var openpyxlCases = []openpyxlCase{
	{name: "Typed"},
	{name: "IdentSheetDeleted", deleteIdent: true},
	{name: "IdentSheetAndNamesDeleted", deleteIdent: true, deleteNames: true},
	{name: "ISODates", isoDates: true},
	{name: "PastFormattedRows", pastFormatted: true},
}

// openpyxlExpect is what Read must return for one workbook filled by openpyxl.
type openpyxlExpect struct {
	want  form.Filled
	warns []form.Problem
	lay   templateLayout
}

// TestRead_OpenPyXL types every built-in form's sample data into its template with openpyxl, an
// independent writer, and reads back exactly what was typed: typed numbers, dates and percent
// fractions, percents typed as text, Vietnamese multi-line text, choices. openpyxl writes no cached
// values for the STT formulas; that must not matter.
func TestRead_OpenPyXL(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var jobs []openpyxlJob
	expect := map[string]openpyxlExpect{}
	for _, code := range builtinCodes() {
		f := builtin(t, code)
		tpl := generate(t, f)
		in := filepath.Join(dir, "template_"+form.Slug(code)+".xlsx")
		if err := os.WriteFile(in, tpl, 0o644); err != nil {
			t.Fatal(err)
		}
		lay := findLayout(t, tpl, f)
		for _, tc := range openpyxlCases {
			job, exp := openpyxlJobFor(tc, f, lay, in, openpyxlOut(dir, tc, code))
			jobs = append(jobs, job)
			expect[tc.name+"|"+code] = exp
		}
	}
	runOpenPyXL(t, dir, jobs)
	for _, tc := range openpyxlCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, code := range builtinCodes() {
				t.Run(code, func(t *testing.T) {
					checkOpenPyXL(t, tc, builtin(t, code), openpyxlOut(dir, tc, code), expect[tc.name+"|"+code])
				})
			}
		})
	}
}

// openpyxlJobFor is the job typing f's noisy sample data into the template at in, saved the
// case's way, and what Read must return for it.
func openpyxlJobFor(tc openpyxlCase, f form.Form, lay templateLayout, in, out string) (openpyxlJob, openpyxlExpect) {
	want := relinedRows(noisyData(f), lay)
	if tc.pastFormatted {
		for _, tb := range f.Tables {
			free := tb.FreeRows
			if free <= 0 {
				free = defaultFreeRows
			}
			for i := range want.Tables[tb.Key] {
				want.Tables[tb.Key][i].Line += free
			}
		}
	}
	writes, warns := personWrites(f, lay, want)
	job := openpyxlJob{In: in, Out: out, Writes: writes, ISODates: tc.isoDates, AllowGeneral: tc.pastFormatted}
	if tc.deleteIdent {
		job.DeleteSheets = []string{IdentSheet}
	}
	if tc.deleteNames {
		job.DeleteNames = identNamePrefix
	}
	return job, openpyxlExpect{want: want, warns: warns, lay: lay}
}

func openpyxlOut(dir string, tc openpyxlCase, code string) string {
	return filepath.Join(dir, tc.name+"_"+form.Slug(code)+".xlsx")
}

func checkOpenPyXL(t *testing.T, tc openpyxlCase, f form.Form, path string, exp openpyxlExpect) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("openpyxl kept: %s", writerFacts(t, data, f, exp.lay))
	rep := read(t, data)
	if len(rep.Errors) != 0 {
		t.Errorf("got errors %+v, want none", rep.Errors)
	}
	warns := exp.warns
	wantID := form.Ident{Form: f.Code, FormVersion: f.Version, Unit: "PKH", Period: "2026-11", TagOK: true}
	wantState := "veryHidden"
	if tc.deleteIdent {
		// Without the sheet, the defined names repeating the identification stand in, tag and all.
		wantState = "dropped"
	}
	if tc.deleteNames {
		// Without the names either, the cover's identification line does: same unit and
		// period, but unsigned, so guessed.
		warns = append(warns, form.Problem{Code: CodeIdentGuessed, Sheet: CoverSheet})
		wantID.TagOK, wantID.Guessed = false, true
	}
	if _, hasDates := typedCell(f, exp.lay, form.Date); tc.isoDates && hasDates && sheetsMatching(t, data, isoDateCell) == 0 {
		t.Error("got no ISO 8601 date cell (t=\"d\"), want the dates written as such")
	}
	if got := identSheetState(t, data); got != wantState {
		t.Errorf("identification sheet: got %s, want %s", got, wantState)
	}
	if got, want := problemKeys(rep.Warnings), problemKeys(warns); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings: got %q, want %q\n(full: %+v)", got, want, rep.Warnings)
	}
	if id := rep.Filled.Ident; id != wantID {
		t.Errorf("ident: got %+v, want %+v", id, wantID)
	}
	for _, d := range diffFilled(rep.Filled, exp.want) {
		t.Error(d)
	}
}

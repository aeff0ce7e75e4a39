package history

import (
	"context"
	"crypto/hmac"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// ErrNotOpening is returned by ReadOpening for a workbook without the identification of an
// opening-figures workbook: a unit's workbook, or a file of another program.
var ErrNotOpening = errors.New("not an opening-figures workbook")

// Catalog gives a form of the office and the units that report on it, by form code.
type Catalog func(code string) (form.Form, []Unit, bool)

// Opening is what a filled opening-figures workbook holds.
type Opening struct {
	Form    string          // the form's code
	Current period.Period   // the period the ledger takes over from
	Periods []period.Period // the workbook's period columns
	Units   []string        // the units with at least one figure, in the order of the rows
	Figures []ledger.ImportedFigure
}

// maxProblems bounds the problems listed: a workbook that wrong is to be made again, and a
// hostile one must not make the answer as long as itself.
const maxProblems = 200

// ReadOpening reads a filled opening-figures workbook made by WriteOpening, as outside input:
// under the limits of a unit's workbook (templates.ReadCells), its identification checked
// against secret, every row's unit and indicator checked against the form, every figure read
// by the rules of a unit's number, subtotals checked like a unit's. The report lists every
// problem by sheet and cell; the figures are to be recorded only when it has no error. err
// wraps ErrNotOpening, templates.ErrUnreadable (the report says why) or ctx.Err().
func ReadOpening(ctx context.Context, data []byte, forms Catalog, secret []byte, lim templates.Limits) (*Opening, *form.Report, error) {
	r := &openingReader{forms: forms, secret: secret}
	rep, err := templates.ReadCells(ctx, data, lim, r.read)
	switch {
	case err != nil:
		return nil, rep, err
	case r.notOpening:
		return nil, nil, ErrNotOpening
	}
	return r.out, rep, nil
}

// openingReader is one ReadOpening call's state.
type openingReader struct {
	c          *templates.CellBook
	forms      Catalog
	secret     []byte
	out        *Opening
	notOpening bool
	problems   int
	units      map[string]bool // with figures
}

func (r *openingReader) read(c *templates.CellBook) error {
	r.c, r.units = c, map[string]bool{}
	f, units, err := r.identify()
	if err != nil || f == nil {
		return err
	}
	for _, p := range sheetPlans(f) {
		if err := r.readSheet(f, p, units); err != nil {
			return err
		}
		if r.full() {
			break
		}
	}
	if r.problems == 0 && len(r.out.Figures) == 0 {
		r.errorf("", "", "", letters.CodeOpeningEmpty, letters.ProblemOpeningEmpty())
	}
	return nil
}

// errorf records an error, and one more saying the list stops once it is full.
func (r *openingReader) errorf(sheet, ref, field, code, msg string) {
	if r.full() {
		return
	}
	r.problems++
	r.c.Errorf(sheet, ref, field, code, "%s", msg)
	if r.full() {
		r.c.Errorf("", "", "", letters.CodeOpeningTooMany, "%s", letters.ProblemOpeningTooMany(maxProblems))
	}
}

func (r *openingReader) full() bool { return r.problems >= maxProblems }

// identify reads the identification: nil form when the workbook is not an opening-figures
// workbook (notOpening) or its identification is refused (an error recorded).
func (r *openingReader) identify() (*form.Form, map[string]Unit, error) {
	kv, err := r.identPairs()
	if err != nil || kv[identKind] != kindOpening || !strings.HasPrefix(kv[identForm], openingPrefix) {
		r.notOpening = err == nil
		return nil, nil, err
	}
	version, _ := strconv.Atoi(kv[identVersion])
	if !tagMatches(r.secret, kv[identForm], version, kv[identPeriod], kv[identTag]) {
		r.errorf(templates.IdentSheet, "", "", letters.CodeOpeningTag, letters.ProblemOpeningTag())
		return nil, nil, nil
	}
	code := strings.TrimPrefix(kv[identForm], openingPrefix)
	f, units, ok := r.forms(code)
	if !ok {
		r.errorf(templates.IdentSheet, "", "", letters.CodeOpeningForm, letters.ProblemOpeningForm(code))
		return nil, nil, nil
	}
	current, err := period.Parse(kv[identPeriod])
	if err != nil || !f.Period.Has(string(current.Kind)) {
		r.errorf(templates.IdentSheet, "", "", letters.CodeOpeningPeriod, letters.ProblemOpeningPeriod(kv[identPeriod], code))
		return nil, nil, nil
	}
	r.out = &Opening{Form: f.Code, Current: current, Periods: OpeningPeriods(current)}
	byCode := make(map[string]Unit, len(units))
	for _, u := range units {
		byCode[u.Code] = u
	}
	return &f, byCode, nil
}

// identPairs reads the identification sheet's keys (lower case) and values; nil without one.
func (r *openingReader) identPairs() (map[string]string, error) {
	sheet, ok := r.c.SheetNamed(templates.IdentSheet)
	if !ok {
		return nil, nil
	}
	rows, err := r.c.Rows(sheet)
	if err != nil {
		return nil, err
	}
	kv := map[string]string{}
	for _, row := range rows {
		if len(row.Cells) >= 2 {
			kv[strings.ToLower(strings.TrimSpace(row.Cells[0]))] = strings.TrimSpace(row.Cells[1])
		}
	}
	return kv, nil
}

// tagMatches checks the identification's tag against the office's key.
func tagMatches(secret []byte, code string, version int, current, tag string) bool {
	got, err := hex.DecodeString(tag)
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(templates.IdentTag(secret, code, version, "", current))
	return hmac.Equal(got, want)
}

// cellRef names a cell for a problem.
func cellRef(col, row int) string { return templates.CellName(col, row) }

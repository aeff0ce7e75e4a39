package receive

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/schedule"
	"github.com/tonghop/tonghop/templates"
)

// Verdict is the judgement of one workbook.
type Verdict struct {
	// Submission is the row to record, numbered with the next version. Its Form is "" when the
	// file is no form of the office, its Unit "" when it could not be tied to a unit the sender
	// may report for: such a file is not recorded, only answered.
	Submission ledger.Submission
	// Filled is what the workbook holds; a lost period is filled in with the guess.
	Filled form.Filled
	// Usable says the file was read as one of the office's forms: not unreadable, encrypted,
	// too large or of an unknown layout.
	Usable bool
	// Errors make the workbook invalid; Warnings are told in the receipt.
	Errors, Warnings []form.Problem
	// Stored is the file as it is kept (an .xls converted, an .xlsm without its macros), to
	// store as the blob Submission.FileSHA256 before the submission is recorded; nil when the
	// file was not read.
	Stored []byte
	// Period is the period row to ensure with the submission; nil when its deadline is unknown.
	Period *ledger.Period
}

// Workbook reads and judges one workbook s sent with a mail of this subject ("" outside a
// mail): what it is, for which unit and period, whether it is valid, late, or for a closed
// period. A sender with neither unit nor person (the check command without --unit) is no
// sender: the workbook is judged on its own, without the checks of a unit. An error means the
// ledger could not be read.
func (j *Judge) Workbook(ctx context.Context, s office.Sender, att intake.Attachment, subject string) (Verdict, error) {
	sub := ledger.Submission{FileName: att.Name}
	if s.Unit != nil {
		sub.Unit = s.Unit.Code
	}
	switch {
	case att.TooLarge:
		return invalid(sub, letters.ProblemTooLarge(att.Name, att.Size)), nil
	case att.Encrypted:
		return invalid(sub, letters.ProblemEncrypted(att.Name, att.Container)), nil
	}
	report, stored, readErr := templates.ReadAny(ctx, att.Data, j.Office.ReadLayouts(s.Unit), j.Office.TemplateKeys(), templates.Limits{}, j.Converter)
	if again, st, ok, err := j.readAsUnit(ctx, s, att, report); ok {
		report, stored, readErr = again, st, err // the unit's group's requirements, not the whole form's
	}
	if err := ctx.Err(); err != nil {
		return Verdict{}, fmt.Errorf("read %s: %w", att.Name, err) // stopped, not judged: read again later
	}
	if report == nil {
		report = &form.Report{Errors: []form.Problem{letters.ProblemUnreadable()}}
	}
	v := Verdict{
		Stored: withoutMacros(stored), // also when unreadable: an archived file never carries code
		Usable: !errors.Is(readErr, templates.ErrUnreadable) && !errors.Is(readErr, templates.ErrUnknownForm),
		Errors: append([]form.Problem(nil), report.Errors...), Warnings: report.Warnings,
	}
	sum := sha256.Sum256(v.Stored)
	sub.FileSHA256 = hex.EncodeToString(sum[:])
	id := &report.Filled.Ident
	sub.Form, sub.Period = id.Form, id.Period
	v.Submission = sub
	if v.Usable {
		if err := j.identify(ctx, s, id, subject, &v); err != nil {
			return v, err
		}
	}
	// One order for the receipt, the error letter and `tonghop check`: the workbook's.
	form.SortProblems(v.Errors, report.Sheets)
	form.SortProblems(v.Warnings, report.Sheets)
	v.Filled = report.Filled
	v.Submission.Data, _ = json.Marshal(report.Filled)
	v.Submission.Problems, _ = json.Marshal(map[string][]form.Problem{"errors": v.Errors, "warnings": v.Warnings})
	v.Submission.Valid = len(v.Errors) == 0
	var err error
	v.Submission.Version, err = j.nextVersion(ctx, v.Submission)
	return v, err
}

// identify completes a lost period and checks the identification against the sender.
func (j *Judge) identify(ctx context.Context, s office.Sender, id *form.Ident, subject string, v *Verdict) error {
	if id.Period == "" && id.Form != "" {
		if p, ok := j.guessPeriod(id.Form, subject, v.Submission.FileName); ok {
			v.Submission.Period, id.Period = p, p
			v.Warnings = append(v.Warnings, letters.ProblemPeriodGuessed(periodLabel(p)))
		}
	}
	unit, problems := j.unitOf(s, *id)
	v.Errors = append(v.Errors, problems...)
	if unit == nil {
		return nil
	}
	return j.checkIdent(ctx, *unit, *id, v)
}

// invalid is the verdict on a file that could not be read at all.
func invalid(sub ledger.Submission, problems ...form.Problem) Verdict {
	sub.Problems, _ = json.Marshal(map[string][]form.Problem{"errors": problems})
	return Verdict{Submission: sub, Errors: problems}
}

// withoutMacros drops the VBA project of a macro workbook: tonghop keeps the data a unit sent,
// never code that could run when someone opens the archive. The raw mail keeps the original.
func withoutMacros(data []byte) []byte {
	clean, stripped, err := templates.StripMacros(data)
	if err != nil || !stripped {
		return data
	}
	return clean
}

// ArchiveName is the name a received workbook is filed under: what the unit called it, with the
// extension of what is stored when that is an .xlsx package (an .xls converted, an .xlsm
// without its macros); a file kept as sent keeps its name.
func ArchiveName(file string, stored []byte) string {
	if !bytes.HasPrefix(stored, []byte("PK\x03\x04")) {
		return file
	}
	switch ext := path.Ext(file); strings.ToLower(ext) {
	case ".xls", ".xlsm", ".xlt", ".xltm", ".xltx":
		return strings.TrimSuffix(file, ext) + ".xlsx"
	}
	return file
}

// guessPeriod finds the period of a workbook that lost its identification: named in the mail's
// subject or the file's name, else the period whose collection is under way now.
func (j *Judge) guessPeriod(formCode, subject, file string) (string, bool) {
	f, ok := j.Office.Form(formCode)
	if !ok {
		return "", false
	}
	for _, text := range []string{subject, file} {
		if p, ok := period.Find(text, period.Once); ok { // a request's label is the most specific
			return p.String(), true
		}
		for _, kind := range f.Period { // the form's kinds, in order
			if p, ok := period.Find(text, period.Kind(kind)); ok {
				return p.String(), true
			}
		}
	}
	now := j.now()
	windows, err := j.Office.Plans[f.Code].Active(now, j.Office.Calendar, j.events())
	if err != nil || len(windows) == 0 {
		return "", false
	}
	best := slices.MinFunc(windows, func(a, b schedule.Window) int {
		return cmp.Compare(absDuration(a.Deadline.Sub(now)), absDuration(b.Deadline.Sub(now)))
	})
	return best.Period.String(), true
}

func absDuration(d time.Duration) time.Duration { return max(d, -d) }

// unitOf is the unit a workbook is for: the sender's own unit, or, for a person sending on units'
// behalf, the unit the workbook identifies when the person may report for it. No sender has no
// unit and no problem.
func (j *Judge) unitOf(s office.Sender, id form.Ident) (*config.Unit, []form.Problem) {
	switch {
	case s.Unit != nil:
		return s.Unit, nil
	case s.Person == nil:
		return nil, nil
	case id.Unit == "":
		return nil, []form.Problem{letters.ProblemUnitUnknown(s.Person.Name)}
	}
	u, ok := j.Office.Unit(id.Unit)
	if !ok || !s.Person.MaySubmitFor(u.Code) {
		return nil, []form.Problem{letters.ProblemNotForPerson(s.Person.Name, id.Unit, u.Name)}
	}
	return &u, nil
}

// checkIdent checks that the workbook belongs to the unit, to a form it reports on and to a
// period that is open; it sets the submission's unit and lateness and the period to ensure. A
// period already closed is a warning: the workbook is recorded and the Planning Office decides.
func (j *Judge) checkIdent(ctx context.Context, unit config.Unit, id form.Ident, v *Verdict) error {
	out, f, p, ok := identProblems(j.Office, unit, id)
	v.Submission.Unit = unit.Code
	v.Errors = append(v.Errors, out...)
	if !ok {
		return nil
	}
	if p.Kind == period.Once {
		return j.checkRequest(ctx, f, unit, p, v)
	}
	w, err := j.Office.Plans[f.Code].Window(p, j.Office.Calendar, j.events())
	if errors.Is(err, period.ErrEventPending) {
		// Sent before the event its deadline counts from (an assignment before the program's
		// issue): early, so on time; the period is recorded once its deadline is known.
		return nil
	}
	if err != nil {
		v.Errors = append(v.Errors, letters.ProblemBadPeriod(f.Code))
		return nil
	}
	now := j.now()
	if now.Before(w.TemplateAt.Add(-30 * 24 * time.Hour)) {
		v.Errors = append(v.Errors, letters.ProblemPeriodNotOpen(p.Label(), w.TemplateAt))
		return nil
	}
	v.Submission.Late = now.After(w.Deadline)
	row := j.Office.PeriodRow(f.Code, w.Period, w.Deadline, now)
	v.Period = &row
	known, err := j.ledger().Period(ctx, f.Code, p.String())
	switch {
	case err == nil && known.Status == ledger.PeriodClosed:
		v.Warnings = append(v.Warnings, letters.ProblemPeriodClosed(p.Label()))
	case err != nil && !errors.Is(err, ledger.ErrNotFound):
		return fmt.Errorf("look up period: %w", err)
	}
	return nil
}

// IdentProblems checks what a workbook says it is against the unit that sent it: its own unit,
// a form the unit reports on, a period of that form's kind. It needs no ledger and no clock.
func IdentProblems(o *office.Office, unit config.Unit, id form.Ident) []form.Problem {
	out, _, _, _ := identProblems(o, unit, id)
	return out
}

// identProblems also returns the form and period named, ok when both are usable.
func identProblems(o *office.Office, unit config.Unit, id form.Ident) ([]form.Problem, *config.Form, period.Period, bool) {
	var out []form.Problem
	if id.Unit != "" && id.Unit != unit.Code {
		other, _ := o.Unit(id.Unit)
		out = append(out, letters.ProblemWrongUnit(unit.Name, id.Unit, other.Name))
	}
	f, ok := o.Form(id.Form)
	if !ok || !slices.ContainsFunc(o.FormUnits(f), func(u config.Unit) bool { return u.Code == unit.Code }) {
		return append(out, letters.ProblemFormNotForUnit(id.Form, unit.Name)), nil, period.Period{}, false
	}
	p, err := period.Parse(id.Period)
	if err != nil || !f.Period.Has(string(p.Kind)) && p.Kind != period.Once {
		return append(out, letters.ProblemBadPeriod(f.Code)), f, p, false
	}
	return out, f, p, true
}

// periodLabel names a period for a letter: "Tháng 11/2026", or the text itself when it is not
// a period.
func periodLabel(p string) string {
	if pp, err := period.Parse(p); err == nil {
		return pp.Label()
	}
	return p
}

// nextVersion numbers a submission as the ledger will, for the receipt written before it is
// recorded; RecordIntake checks the number again inside its transaction.
func (j *Judge) nextVersion(ctx context.Context, sub ledger.Submission) (int, error) {
	if sub.Form == "" || sub.Unit == "" {
		return 0, nil
	}
	n, err := j.ledger().NextVersion(ctx, sub.Form, sub.Unit, sub.Period)
	if err != nil {
		return 0, fmt.Errorf("next version: %w", err)
	}
	return n, nil
}

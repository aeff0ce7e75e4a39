package daemon

import (
	"bytes"
	"cmp"
	"context"
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

// workbooks returns the attachments read as workbooks: .xlsx and its relatives, and legacy .xls,
// which is converted when a converter is configured and otherwise answered with how to save it.
func workbooks(msg *intake.Message) []intake.Attachment {
	var out []intake.Attachment
	for _, a := range msg.Attachments {
		if k := a.Kind(); k == intake.KindXLSX || k == intake.KindXLS {
			out = append(out, a)
		}
	}
	return out
}

// readSubmission reads and validates one workbook the sender sent. It returns an error only when
// the file could not be stored; everything wrong with the file itself is a problem. A submission
// without Unit could not be tied to a unit the sender may report for.
func (d *Daemon) readSubmission(ctx context.Context, s office.Sender, att intake.Attachment, subject string) (ledger.Submission, []form.Problem, error) {
	sub := ledger.Submission{FileName: att.Name}
	if s.Unit != nil {
		sub.Unit = s.Unit.Code
	}
	switch {
	case att.TooLarge:
		return d.invalid(sub, []form.Problem{letters.ProblemTooLarge(att.Name, att.Size)})
	case att.Encrypted:
		return d.invalid(sub, []form.Problem{letters.ProblemEncrypted(att.Name, att.Container)})
	}
	report, stored, readErr := templates.ReadAny(ctx, att.Data, d.o.Layouts(), d.o.Key, templates.Limits{}, d.conv)
	if report == nil {
		report = &form.Report{Errors: []form.Problem{letters.ProblemUnreadable()}}
	}
	stored = withoutMacros(stored) // also when unreadable: an archived file never carries code
	sha, err := d.ledger.PutBlob(stored)
	if err != nil {
		return sub, nil, fmt.Errorf("store workbook: %w", err)
	}
	sub.FileSHA256 = sha
	id := report.Filled.Ident
	sub.Form, sub.Period = id.Form, id.Period
	problems := append([]form.Problem(nil), report.Errors...)
	warnings := report.Warnings
	if readErr == nil || !errors.Is(readErr, templates.ErrUnreadable) && !errors.Is(readErr, templates.ErrUnknownForm) {
		if id.Period == "" && id.Form != "" {
			if w, ok := d.guessPeriod(id.Form, subject, att.Name); ok {
				sub.Period = w
				report.Filled.Ident.Period = w
				warnings = append(warnings, letters.ProblemPeriodGuessed(periodLabel(w)))
			}
		}
		unit, unitProblems := d.unitOf(s, report.Filled.Ident)
		problems = append(problems, unitProblems...)
		if unit != nil {
			errs, warns := d.checkIdent(ctx, *unit, report.Filled.Ident, &sub)
			problems, warnings = append(problems, errs...), append(warnings, warns...)
		}
	}
	data, _ := json.Marshal(report.Filled)
	sub.Data = data
	sub.Problems, _ = json.Marshal(map[string][]form.Problem{"errors": problems, "warnings": warnings})
	sub.Valid = len(problems) == 0
	if sub.Version, err = d.nextVersion(ctx, sub); err != nil {
		return sub, nil, err
	}
	return sub, problems, nil
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

// archiveName is the name a received workbook is filed under: what the unit called it, with the
// extension of what is stored when that is an .xlsx package (an .xls converted, an .xlsm
// without its macros); a file kept as sent keeps its name.
func archiveName(file string, stored []byte) string {
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
func (d *Daemon) guessPeriod(formCode, subject, file string) (string, bool) {
	f, ok := d.o.Form(formCode)
	if !ok {
		return "", false
	}
	kind := period.Kind(f.Period)
	for _, text := range []string{subject, file} {
		if p, ok := period.Find(text, kind); ok {
			return p.String(), true
		}
	}
	windows, err := d.o.Plans[f.Code].Active(d.now(), d.o.Calendar, d.events(context.Background()))
	if err != nil || len(windows) == 0 {
		return "", false
	}
	now := d.now()
	best := slices.MinFunc(windows, func(a, b schedule.Window) int {
		return cmp.Compare(absDuration(a.Deadline.Sub(now)), absDuration(b.Deadline.Sub(now)))
	})
	return best.Period.String(), true
}

func absDuration(d time.Duration) time.Duration { return max(d, -d) }

func (d *Daemon) invalid(sub ledger.Submission, problems []form.Problem) (ledger.Submission, []form.Problem, error) {
	sub.Problems, _ = json.Marshal(map[string][]form.Problem{"errors": problems})
	return sub, problems, nil
}

// unitOf is the unit a workbook is for: the sender's own unit, or, for a person sending on units'
// behalf, the unit the workbook identifies when the person may report for it.
func (d *Daemon) unitOf(s office.Sender, id form.Ident) (*config.Unit, []form.Problem) {
	if s.Unit != nil {
		return s.Unit, nil
	}
	if id.Unit == "" {
		return nil, []form.Problem{letters.ProblemUnitUnknown(s.Person.Name)}
	}
	u, ok := d.o.Unit(id.Unit)
	if !ok || !s.Person.MaySubmitFor(u.Code) {
		return nil, []form.Problem{letters.ProblemNotForPerson(s.Person.Name, id.Unit, u.Name)}
	}
	return &u, nil
}

// checkIdent checks that the workbook belongs to the unit, to a form it reports on and to a
// period that is open; it sets the submission's unit and lateness. A period already closed is a
// warning: the workbook is recorded and the Planning Office decides.
func (d *Daemon) checkIdent(ctx context.Context, unit config.Unit, id form.Ident, sub *ledger.Submission) (errs, warnings []form.Problem) {
	out, f, p, ok := identProblems(d.o, unit, id)
	sub.Unit = unit.Code
	if !ok {
		return out, nil
	}
	w, err := d.o.Plans[f.Code].Window(p, d.o.Calendar, d.events(ctx))
	if errors.Is(err, period.ErrEventPending) {
		// Sent before the event its deadline counts from (an assignment before the program's
		// issue): early, so on time; the period is recorded once its deadline is known.
		return out, nil
	}
	if err != nil {
		return append(out, letters.ProblemBadPeriod(id.Period, f.Code)), nil
	}
	if d.now().Before(w.TemplateAt.Add(-30 * 24 * time.Hour)) {
		return append(out, letters.ProblemPeriodNotOpen(p.Label(), w.TemplateAt)), nil
	}
	sub.Late = d.now().After(w.Deadline)
	if _, err := d.ledger.EnsurePeriod(ctx, d.periodRow(f.Code, w)); err != nil {
		d.log.Error("record period", "form", f.Code, "period", p, "err", err)
	}
	if row, err := d.ledger.Period(ctx, f.Code, p.String()); err == nil && row.Status == ledger.PeriodClosed {
		warnings = append(warnings, letters.ProblemPeriodClosed(p.Label()))
	}
	return out, warnings
}

// afterClose reports whether the submission was recorded for a period already closed.
func afterClose(sub ledger.Submission) bool {
	for _, w := range submissionWarnings(sub) {
		if w.Code == letters.CodePeriodClosed {
			return true
		}
	}
	return false
}

// IdentProblems checks what a workbook says it is against the unit that sent it: its own unit,
// a form the unit reports on, a period of that form's kind. It needs no ledger, so the check
// command gives the same answers as the daemon.
func IdentProblems(c *office.Office, unit config.Unit, id form.Ident) []form.Problem {
	out, _, _, _ := identProblems(c, unit, id)
	return out
}

// identProblems also returns the form and period named, ok when both are usable.
func identProblems(c *office.Office, unit config.Unit, id form.Ident) ([]form.Problem, *config.Form, period.Period, bool) {
	var out []form.Problem
	if id.Unit != "" && id.Unit != unit.Code {
		other, _ := c.Unit(id.Unit)
		out = append(out, letters.ProblemWrongUnit(unit.Name, id.Unit, other.Name))
	}
	f, ok := c.Form(id.Form)
	if !ok || !slices.ContainsFunc(c.FormUnits(f), func(u config.Unit) bool { return u.Code == unit.Code }) {
		return append(out, letters.ProblemFormNotForUnit(id.Form, unit.Name)), nil, period.Period{}, false
	}
	p, err := period.Parse(id.Period)
	if err != nil || string(p.Kind) != f.Period {
		return append(out, letters.ProblemBadPeriod(id.Period, f.Code)), f, p, false
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

// attachedFiles lists a mail's attachments for the letter that explains a missing workbook.
func attachedFiles(msg *intake.Message) []letters.AttachedFile {
	out := make([]letters.AttachedFile, 0, len(msg.Attachments))
	for _, a := range msg.Attachments {
		out = append(out, letters.AttachedFile{Name: a.Name, Kind: a.Kind()})
	}
	return out
}

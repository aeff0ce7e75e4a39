package main

import (
	"context"
	"path/filepath"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/history"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/receive"
)

// historyClerk is who a past workbook is judged as sent by when no --unit names its unit: a
// person who may report for every unit, so that the workbook's own identification names the
// unit and is checked as a clerk's forwarded file is.
var historyClerk = config.Person{ID: "import", Name: "Văn phòng", SubmitsFor: []string{"*"}}

// past judges a unit's workbook of a past period exactly as the daemon judges one received by
// mail (identification, unit, period, every cell), and takes its indicator figures when it is
// valid and its unit and period are known for certain.
func (im *importer) past(ctx context.Context, file string, data []byte, res *importResult) (pending, error) {
	res.Kind = string(ledger.ImportPastWorkbook)
	sender := office.Sender{Unit: im.unit}
	if im.unit == nil {
		sender = office.Sender{Person: &historyClerk}
	}
	subject := "" // the judge finds a lost period in the subject first: --period goes there
	if im.period != nil {
		subject = im.period.String()
	}
	att := intake.Attachment{Name: filepath.Base(file), Data: data, Size: int64(len(data))}
	v, err := im.judge.Workbook(ctx, sender, att, subject)
	if err != nil {
		return pending{}, err
	}
	sub := v.Submission
	res.Form, res.Warnings = sub.Form, v.Warnings
	res.Errors = im.pastProblems(v, att.Name)
	if sub.Unit != "" {
		res.Units = []string{sub.Unit}
	}
	if sub.Period != "" {
		res.Periods = []string{sub.Period}
	}
	if len(res.Errors) > 0 || !v.Usable {
		return pending{}, nil
	}
	figures := history.PastFigures(sub.Form, sub.Unit, sub.Period, v.Filled)
	if len(figures) == 0 {
		res.Errors = append(res.Errors, form.Problem{Code: letters.CodeImportNoFigures, Message: letters.ProblemImportNoFigures()})
		return pending{}, nil
	}
	res.Figures = len(figures)
	return pending{kind: ledger.ImportPastWorkbook, name: receive.ArchiveName(att.Name, v.Stored), stored: v.Stored,
		figures: figures}, nil
}

// pastProblems are the judgement's errors and what makes a valid mailed workbook unfit as
// history: a unit only a sender could name, a period that only the calendar could guess (the
// period under way is no past one) or none could, a period other than the one given. The
// judgement's problems about an unknown unit or period, worded for a mail's sender, are
// replaced.
func (im *importer) pastProblems(v receive.Verdict, name string) []form.Problem {
	out := make([]form.Problem, 0, len(v.Errors))
	for _, p := range v.Errors {
		switch {
		case p.Code == letters.CodeUnitUnknown:
			p = form.Problem{Code: letters.CodeImportUnitUnknown, Field: "unit", Message: letters.ProblemImportUnitUnknown()}
		case p.Code == letters.CodeBadPeriod && v.Submission.Period == "":
			p = form.Problem{Code: letters.CodeImportPeriodUnknown, Field: "period", Message: letters.ProblemImportPeriodUnknown()}
		}
		out = append(out, p)
	}
	got, err := period.Parse(v.Submission.Period)
	switch {
	case err != nil || !v.Usable:
	case im.period != nil && got != *im.period:
		out = append(out, form.Problem{Code: letters.CodeImportPeriodDiffers, Field: "period",
			Message: letters.ProblemImportPeriodDiffers(got.Label(), im.period.Label())})
	case im.period == nil && guessed(v.Warnings):
		if named, ok := period.Find(name, got.Kind); !ok || named != got {
			out = append(out, form.Problem{Code: letters.CodeImportPeriodUnknown, Field: "period", Message: letters.ProblemImportPeriodUnknown()})
		}
	}
	return out
}

func guessed(ws []form.Problem) bool {
	for _, w := range ws {
		if w.Code == letters.CodePeriodGuessed {
			return true
		}
	}
	return false
}

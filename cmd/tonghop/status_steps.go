package main

import (
	"context"
	"fmt"
	"io"

	"github.com/tonghop/tonghop/approve"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

// writeSteps prints, below a form's matrix, where the approval of each of its periods stands
// when a step waits (issue 19, part S): the step, its due date, who has commented.
func writeSteps(ctx context.Context, w io.Writer, of *office.Office, l *ledger.Ledger, f *config.Form, m status.Matrix) error {
	a := &approve.Approver{Office: of, Ledger: l}
	for _, per := range m.Periods {
		p, err := period.Parse(per.Period)
		if err != nil {
			continue
		}
		s, err := a.Standing(ctx, f, p)
		if err != nil {
			return err
		}
		if s == nil {
			continue
		}
		if per.Label != "" {
			s.Label = per.Label
		}
		if _, err := fmt.Fprintln(w, letters.StepStandingLine(*s)); err != nil {
			return err
		}
	}
	return nil
}

package approve

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// stepsForms gives the monthly report a comment round within two working days, an initial by
// the 20th of the month and the head's signature.
const stepsForms = `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"

[[forms.steps]]
people = ["ptb", "tb"]
kind = "comment"
due = "+2wd"

[[forms.steps]]
people = ["ptb"]
kind = "initial"
due = "day 20"
escalate = []

[[forms.steps]]
people = ["tb"]
`

func newStepsApprover(t *testing.T) *Approver {
	t.Helper()
	_, path := officetest.OfficeWith(t, testKey, officetest.Options{Forms: stepsForms})
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	o, err := office.Compile(cfg, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return &Approver{Office: o, Ledger: l, Now: func() time.Time { return testNow }}
}

// TestApprover_StepsPerPeriod: the chain carries the kinds, a relative due date as a span, and
// an absolute one resolved for each period (the 20th, or the working day before it).
func TestApprover_StepsPerPeriod(t *testing.T) {
	a := newStepsApprover(t)
	f, _ := a.Office.Form(form)
	loc := a.Office.Location
	tests := []struct {
		period string
		due    time.Time
	}{
		{"2026-11", time.Date(2026, 11, 20, 17, 0, 0, 0, loc)},
		{"2026-12", time.Date(2026, 12, 18, 17, 0, 0, 0, loc)}, // Sunday 20/12: the Friday before
	}
	for _, tt := range tests {
		t.Run(tt.period, func(t *testing.T) {
			p, _ := period.Parse(tt.period)
			c := a.chain(f, p)
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
			kinds := [3]string{c.Steps[0].Kind, c.Steps[1].Kind, c.Steps[2].Kind}
			if kinds != [3]string{approval.StepComment, approval.StepInitial, approval.StepApprove} {
				t.Fatalf("kinds: got %v", kinds)
			}
			if c.Steps[0].DueAfter != (approval.Span{Days: 2}) || len(c.Steps[0].Reminders) != 1 || c.Steps[0].Reminders[0] != (approval.Span{Days: -1}) {
				t.Errorf("comment step: got due %+v reminders %+v, want +2wd and the default -1wd", c.Steps[0].DueAfter, c.Steps[0].Reminders)
			}
			if !c.Steps[1].Due.Equal(tt.due) || len(c.Steps[1].Escalate) != 0 {
				t.Errorf("initial step: got due %v escalate %v, want %v and none", c.Steps[1].Due, c.Steps[1].Escalate, tt.due)
			}
			if !c.Steps[2].Due.IsZero() || !c.Steps[2].DueAfter.IsZero() {
				t.Errorf("signature: got a due date %+v", c.Steps[2])
			}
		})
	}
}

// TestApprover_Standing: status says which step waits, its due date and who has not answered.
func TestApprover_Standing(t *testing.T) {
	a := newStepsApprover(t)
	f, _ := a.Office.Form(form)
	p, _ := period.Parse(month)
	if s, err := a.Standing(context.Background(), f, p); err != nil || s != nil {
		t.Fatalf("before any draft: got %+v, %v; want nothing", s, err)
	}
	addDraft(t, a) // built Monday 16/11 08:00
	if err := a.Advance(context.Background()); err != nil {
		t.Fatal(err)
	}
	s, err := a.Standing(context.Background(), f, p)
	if err != nil || s == nil {
		t.Fatalf("Standing: %+v, %v", s, err)
	}
	line := letters.StepStandingLine(*s)
	for _, want := range []string{"đang xin ý kiến góp ý (bước 1/3), dự thảo lần 1", "trước 08:00 ngày 18/11/2026",
		"chưa có ý kiến: đồng chí Trần Thị Bình, Phó Trưởng Ban; đồng chí Nguyễn Văn An, Trưởng Ban."} {
		if !strings.Contains(line, want) {
			t.Errorf("status line %q lacks %q", line, want)
		}
	}
}

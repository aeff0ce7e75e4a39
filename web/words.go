package web

import (
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/status"
)

// periodLabel names a period as people read it ("Tháng 11/2026"); a text that is not a period
// is shown as it is.
func periodLabel(s string) string {
	p, err := period.Parse(s)
	if err != nil {
		return s
	}
	return p.Label()
}

// formatTime writes an instant in the office's zone: "14:05 ngày 18/11/2026".
func formatTime(t time.Time, env Env) string {
	if t.IsZero() {
		return ""
	}
	return status.FormatDateTime(t.In(env.Office.Location))
}

// decisionLabel names the Planning Office's decision on a file received after the issue; ""
// for any other file.
func decisionLabel(d ledger.Decision) string {
	if d == "" {
		return ""
	}
	return status.Decision(d).Label()
}

// outStatusLabel says where an outbox mail stands.
func outStatusLabel(s string) string {
	if l, ok := outStatusLabels[s]; ok {
		return l
	}
	return s
}

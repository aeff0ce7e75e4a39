package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tonghop/tonghop/ledger"
)

// timeline prints the ledger's audit events as they appear, one line each, in office time.
type timeline struct {
	out    io.Writer
	ledger *ledger.Ledger
	loc    *time.Location
	last   int64
	day    string
	counts map[string]int
}

var weekdays = [...]string{"CN", "T2", "T3", "T4", "T5", "T6", "T7"}

// flush prints the events recorded since the previous call.
func (t *timeline) flush(ctx context.Context) error {
	for {
		events, err := t.ledger.Events(ctx, t.last, 500)
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		if len(events) == 0 {
			return nil
		}
		for _, e := range events {
			t.last = e.ID
			t.counts[e.Action]++
			t.print(e)
		}
	}
}

func (t *timeline) print(e ledger.Event) {
	what, ok := describe(e)
	if !ok {
		return
	}
	at := e.At.In(t.loc)
	if day := at.Format("2006-01-02"); day != t.day {
		t.day = day
		fmt.Fprintf(t.out, "\n%s %s\n", weekdays[at.Weekday()], at.Format("02/01/2006"))
	}
	fmt.Fprintf(t.out, "  %s  %s\n", at.Format("15:04"), what)
}

// describe turns an event into a line of the timeline; events too fine for it are skipped.
func describe(e ledger.Event) (string, bool) {
	switch {
	case e.Action == "period.opened":
		return fmt.Sprintf("▶ opened %s (%s)", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case strings.HasPrefix(e.Action, "outbox.queued."):
		kind := strings.TrimPrefix(e.Action, "outbox.queued.")
		to := strings.TrimPrefix(strings.TrimPrefix(e.Object, "unit:"), "office:")
		if strings.HasPrefix(to, "form:") {
			to = "office"
		}
		return fmt.Sprintf("→ %-5s %-9s %s", to, kind, e.Detail), true
	case e.Action == "outbox.queued":
		return fmt.Sprintf("→ %-5s %-9s %s", unitOf(e.Object), "reply", e.Detail), true
	case e.Action == "mail.received":
		return fmt.Sprintf("← %s: %s", e.Actor, e.Detail), true
	case e.Action == "submission.accepted":
		return fmt.Sprintf("✔ %-5s accepted  %s", e.Actor, e.Detail), true
	case e.Action == "submission.rejected":
		return fmt.Sprintf("✘ %-5s rejected  %s", e.Actor, e.Detail), true
	case e.Action == "mail.ignored", e.Action == "mail.unknown_sender", e.Action == "mail.quarantined", e.Action == "mail.no_workbook",
		e.Action == "mail.for_office", e.Action == "mail.rate_limited", e.Action == "submission.after_close":
		return fmt.Sprintf("· %s %s", e.Action, e.Detail), true
	case e.Action == "draft.built":
		return fmt.Sprintf("■ consolidated %s: %s", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case e.Action == "report.issued":
		return fmt.Sprintf("★ issued %s: %s", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case strings.HasPrefix(e.Action, "approval."):
		return fmt.Sprintf("⇄ %-22s %s %s", e.Action, strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case e.Action == "outbox.failed":
		return fmt.Sprintf("! send failed %s: %s", e.Object, e.Detail), true
	}
	return "", false
}

func unitOf(object string) string {
	if i := strings.Index(object, "unit:"); i >= 0 {
		return object[i+5:]
	}
	return object
}

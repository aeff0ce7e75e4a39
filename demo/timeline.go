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
	counts map[ledger.Action]int
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
	if kind, ok := e.Action.QueuedKind(); ok {
		to := strings.TrimPrefix(strings.TrimPrefix(e.Object, "unit:"), "office:")
		if strings.HasPrefix(to, "form:") {
			to = "office"
		}
		return fmt.Sprintf("→ %-5s %-9s %s", to, kind, e.Detail), true
	}
	if e.Action.IsApproval() {
		return fmt.Sprintf("⇄ %-22s %s %s", e.Action, strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	}
	switch e.Action {
	case ledger.ActionPeriodOpened:
		return fmt.Sprintf("▶ opened %s (%s)", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case ledger.ActionMailReceived:
		return fmt.Sprintf("← %s: %s", e.Actor, e.Detail), true
	case ledger.ActionSubmissionAccepted:
		return fmt.Sprintf("✔ %-5s accepted  %s", e.Actor, e.Detail), true
	case ledger.ActionSubmissionRejected:
		return fmt.Sprintf("✘ %-5s rejected  %s", e.Actor, e.Detail), true
	case ledger.ActionMailIgnored, ledger.ActionMailUnknownSender, ledger.ActionMailQuarantined, ledger.ActionMailNoWorkbook,
		ledger.ActionMailForOffice, ledger.ActionMailRateLimited, ledger.ActionSubmissionAfterClose,
		ledger.ActionMailForwarded, ledger.ActionMailFromClerk, ledger.ActionLateFileTaken, ledger.ActionLateFileLeftOut,
		ledger.ActionLateFileAsked, ledger.ActionLateFileRefused:
		return fmt.Sprintf("· %s %s", e.Action, e.Detail), true
	case ledger.ActionCorrectionOpened:
		return fmt.Sprintf("↺ correction of %s: %s", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case ledger.ActionDraftBuilt:
		return fmt.Sprintf("■ consolidated %s: %s", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case ledger.ActionReportIssued:
		return fmt.Sprintf("★ issued %s: %s", strings.TrimPrefix(e.Object, "form:"), e.Detail), true
	case ledger.ActionHistoryImported:
		return fmt.Sprintf("⤓ history %s imported: %s", strings.TrimSuffix(strings.TrimPrefix(e.Object, "form:"), "/history"),
			historyDetail(e.Detail)), true
	case ledger.ActionOutboxFailed:
		return fmt.Sprintf("! send failed %s: %s", e.Object, e.Detail), true
	}
	return "", false
}

// historyDetail keeps of an import's detail what the timeline shows: the kind, file and counts,
// not the sha256.
func historyDetail(detail string) string {
	var keep []string
	for _, f := range strings.Fields(detail) {
		if !strings.HasPrefix(f, "sha256=") && !strings.HasPrefix(f, "import=") {
			keep = append(keep, f)
		}
	}
	return strings.Join(keep, " ")
}

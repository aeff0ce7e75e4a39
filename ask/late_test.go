package ask

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// TestAsker_LateStartOneMailPerUnit: tonghop starts on the deadline's day (18/11, due 17:00),
// when the template (due out 11/11) and the first reminder (17/11) are both overdue. Each unit
// gets one mail, its template, worded for a deadline that is today; not a template and a
// reminder a second apart. The next pass sends nothing; the reminder set for the afternoon
// (-4h, 13:30) still comes when due.
func TestAsker_LateStartOneMailPerUnit(t *testing.T) {
	a := newAsker(t)
	now := time.Date(2026, 11, 18, 9, 0, 0, 0, period.DefaultLocation())
	a.Now = func() time.Time { return now }
	ctx := context.Background()
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	out := outbox(t, a)
	if got, want := len(out), len(officetest.Units); got != want {
		t.Fatalf("outbox: got %d mails (%s), want %d, one a unit", got, keys(out), want)
	}
	for _, m := range out {
		if m.Kind != ledger.KindTemplate || len(m.Attachments) != 1 {
			t.Errorf("%s: got kind %q, want the template with its workbook", m.Key, m.Kind)
		}
		if !strings.Contains(m.Subject, "(hôm nay)") || !strings.Contains(m.Body, "Thời hạn gửi: 17:00 ngày 18/11/2026, thứ Tư, tức là hôm nay") {
			t.Errorf("%s: want it worded for a deadline today:\n%s\n%s", m.Key, m.Subject, m.Body)
		}
	}
	now = now.Add(5 * time.Minute)
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	if got := outbox(t, a); len(got) != len(out) {
		t.Fatalf("next pass: got %d mails (%s), want still %d", len(got), keys(got), len(out))
	}
	now = time.Date(2026, 11, 18, 13, 31, 0, 0, period.DefaultLocation())
	if err := a.Schedule(ctx); err != nil {
		t.Fatal(err)
	}
	reminders := 0
	for _, m := range outbox(t, a) {
		if m.Kind == ledger.KindReminder {
			reminders++
			if m.About.Step != 2 {
				t.Errorf("%s: got reminder %d, want the afternoon's (2)", m.Key, m.About.Step)
			}
		}
	}
	if reminders != len(officetest.Units) {
		t.Errorf("afternoon: got %d reminders, want one a unit", reminders)
	}
}

func keys(out []ledger.OutMail) string {
	var ks []string
	for _, m := range out {
		ks = append(ks, m.Key)
	}
	return strings.Join(ks, ", ")
}

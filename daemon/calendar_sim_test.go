package daemon

import (
	"bytes"
	"context"
	"fmt"
	netmail "net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// simForms is the monthly report on the built-in calendar of the procedures: reminders two
// working days before and on the morning of the deadline, then a nag every working day, the
// supervisor copied from the second, the unit in the clerks' digest from the third, four at most.
const simForms = `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
reminders = ["-2wd", "morning"]
nag_every = "1wd"
max_nags = 4
escalate_from = 2
digest_from = 3
approval = ["tb"]
`

// simulation drives a daemon on a manual clock, as the real one would run: in half-hour ticks
// around working hours (officeHours), every two hours when the office is closed, and at every
// time a mail arrives.
type simulation struct {
	t    *testing.T
	e    *env
	mail map[time.Time][]simMail // submissions arriving at a tick
}

type simMail struct{ unit, month string }

// TestCalendar_TwoMonths runs November and December 2026 for four units and checks every
// scheduled mail: to whom, when, with whom in copy. November: QLDN on time before any reminder,
// QLMT on the deadline's morning after the second reminder, QLDT late after the first nag,
// QHXD never. December: QLDN and QHXD early, then the daemon is down from Thursday 17/12 07:00
// to Tuesday 22/12 10:00 over the deadline (Friday 18/12 17:00); QLMT sends after the catch-up
// nag, QLDT never; the daemon crashes with mail claimed but unsent on 23/12.
func TestCalendar_TwoMonths(t *testing.T) {
	t.Parallel()
	loc := period.DefaultLocation()
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, loc)
	}
	s := &simulation{t: t, mail: map[time.Time][]simMail{
		at(11, 13, 10, 0): {{"QLDN", "2026-11"}},
		at(11, 18, 9, 0):  {{"QLMT", "2026-11"}},
		at(11, 20, 10, 0): {{"QLDT", "2026-11"}},
		at(12, 12, 10, 0): {{"QLDN", "2026-12"}}, // a Saturday: the template queued for Monday is cancelled
		at(12, 16, 14, 0): {{"QHXD", "2026-12"}},
		at(12, 22, 14, 0): {{"QLMT", "2026-12"}},
	}}
	s.e = newOfficeEnv(t, officetest.Options{Forms: simForms}, nil)
	s.run(at(11, 1, 0, 0), at(12, 17, 7, 0))
	s.restart()
	s.run(at(12, 22, 10, 0), at(12, 23, 7, 30))
	s.crashMidSend()
	s.run(at(12, 23, 7, 30), at(12, 31, 23, 30))

	want := []string{
		// November: templates on Thursday 12/11 07:30 (5 working days before the deadline is
		// Wednesday 11/11 17:00, the end of the working day).
		"11-12 07:30 template QHXD", "11-12 07:30 template QLDN", "11-12 07:30 template QLDT", "11-12 07:30 template QLMT",
		"11-17 07:30 reminder#1 QHXD", "11-17 07:30 reminder#1 QLDT", "11-17 07:30 reminder#1 QLMT",
		"11-18 07:30 reminder#2 QHXD", "11-18 07:30 reminder#2 QLDT", "11-18 07:30 reminder#2 QLMT",
		// Deadline Wednesday 18/11 17:00; one working day later is Thursday 17:00, the end of the
		// day, so the first nag leaves Friday morning.
		"11-20 07:30 nag#1 QHXD", "11-20 07:30 nag#1 QLDT",
		"11-23 07:30 nag#2 QHXD cc:ptb",
		"11-24 07:30 nag#3 QHXD cc:ptb", "11-24 08:00 digest vanthu",
		"11-25 07:30 nag#4 QHXD cc:ptb", "11-25 08:00 digest vanthu",
		// December: the template is due Friday 11/12 17:00 and leaves Monday 14/12 07:30, except
		// to QLDN, which sent its file on Saturday.
		"12-14 07:30 template QHXD", "12-14 07:30 template QLDT", "12-14 07:30 template QLMT",
		// Down from 17/12 07:00: both reminders, the deadline and the first nag (22/12 07:30)
		// pass unseen; back at 10:00 the daemon sends that first nag only.
		"12-22 10:00 nag#1 QLDT", "12-22 10:00 nag#1 QLMT",
		"12-23 07:30 nag#2 QLDT cc:ptb",
		"12-24 07:30 nag#3 QLDT cc:ptb", "12-24 08:00 digest vanthu",
		"12-25 07:30 nag#4 QLDT cc:ptb", "12-25 08:00 digest vanthu",
	}
	got := s.scheduledMail()
	if !slices.Equal(got, want) {
		t.Errorf("scheduled mail:\n got  %s\nwant  %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	s.checkCancelled("template:BM.02.01/KH:2026-12:QLDN")
	s.checkDigest("digest:2026-11-24", "Phòng QHXD: quá hạn 6 ngày, đã đôn đốc 3 lần, đã đồng gửi đồng chí Trần Thị Bình")
	s.checkDigest("digest:2026-12-25", "Phòng QLDT: quá hạn 7 ngày, đã đôn đốc 4 lần")
}

// run ticks from from (inclusive) to to (exclusive): every half hour in office hours, on the
// even hours outside them (where nothing scheduled may leave: a mail that does is seen there
// all the same, out of working hours), and whenever mail arrives.
func (s *simulation) run(from, to time.Time) {
	ctx := context.Background()
	for now := from; now.Before(to); now = now.Add(30 * time.Minute) {
		mails := s.mail[now]
		if !officeHours(now) && (now.Minute() != 0 || now.Hour()%2 != 0) && len(mails) == 0 {
			continue
		}
		s.e.clock.Set(now)
		if len(mails) > 0 {
			for i, m := range mails {
				id := fmt.Sprintf("sim-%s-%s-%d@kcn", m.unit, m.month, i)
				wb := officetest.WorkbookFor(s.t, s.e.cfg, m.unit, []byte(testKey), m.month, false)
				name := fmt.Sprintf("BM.02.01-KH_%s_%s.xlsx", m.month, m.unit)
				s.e.append(s.t, mail(officetest.UnitAddr(m.unit), id, "", name, wb))
			}
			if err := s.e.d.Poll(ctx); err != nil {
				s.t.Fatalf("%s poll: %v", now, err)
			}
		}
		if err := s.e.d.Schedule(ctx); err != nil {
			s.t.Fatalf("%s schedule: %v", now, err)
		}
		if err := s.e.d.Flush(ctx); err != nil {
			s.t.Fatalf("%s flush: %v", now, err)
		}
	}
}

// officeHours says whether now is on a weekday from 07:00 to 17:30, around the default working
// hours (07:30–11:30, 13:30–17:00) in which the daemon sends what it schedules: the times a
// simulation steps finely.
func officeHours(now time.Time) bool {
	m := 60*now.Hour() + now.Minute()
	return now.Weekday() != time.Saturday && now.Weekday() != time.Sunday && m >= 7*60 && m <= 17*60+30
}

// restart replaces the daemon by a new one on the same ledger, as a process restart does.
func (s *simulation) restart() {
	s.e.d.Close()
	d, err := New(Options{Config: s.e.cfg, Ledger: s.e.ledger, Clock: s.e.clock, TemplateKey: []byte(testKey)})
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { d.Close() })
	s.e.d = d
}

// crashMidSend queues what is due at 23/12 07:30 and claims it for sending, then dies before
// sending anything; the next process puts the claimed mail back, as Run does at start-up.
func (s *simulation) crashMidSend() {
	ctx := context.Background()
	s.e.clock.Set(time.Date(2026, 12, 23, 7, 30, 0, 0, period.DefaultLocation()))
	if err := s.e.d.Schedule(ctx); err != nil {
		s.t.Fatal(err)
	}
	claimed, err := s.e.ledger.ClaimDue(ctx, s.e.clock.Now(), 20)
	if err != nil || len(claimed) == 0 {
		s.t.Fatalf("claim before the crash: %v, %d mails; want the second nag claimed", err, len(claimed))
	}
	s.restart()
	if n, err := s.e.ledger.RequeueSending(ctx); err != nil || n != len(claimed) {
		s.t.Fatalf("requeue after the crash: %d, %v; want %d", n, err, len(claimed))
	}
}

// scheduledMail lists the templates, reminders, nags and digests delivered, as
// "MM-DD HH:MM kind#N UNIT cc:PERSON" (every envelope recipient besides the unit), in time then
// text order. Each delivery is matched to its outbox mail by Message-ID, so a mail delivered
// twice appears twice. Each must have left in working hours.
func (s *simulation) scheduledMail() []string {
	sent, err := s.e.ledger.Outbox(context.Background(), "")
	if err != nil {
		s.t.Fatal(err)
	}
	byID := map[string]ledger.OutMail{}
	for _, m := range sent {
		byID[m.MessageID] = m
	}
	var out []string
	for _, d := range s.e.srv.Deliveries() {
		msg, err := netmail.ReadMessage(bytes.NewReader(d.Data))
		if err != nil {
			s.t.Fatal(err)
		}
		m, ok := byID[msg.Header.Get("Message-Id")]
		if !ok {
			s.t.Fatalf("delivered mail %q is not in the outbox", msg.Header.Get("Subject"))
		}
		line, ok := simLine(m, d.To)
		if !ok {
			continue
		}
		date, _ := msg.Header.Date()
		if !s.e.d.o.Calendar.InWorkingHours(date) {
			s.t.Errorf("%s left at %s, outside working hours", m.Key, date)
		}
		out = append(out, date.In(period.DefaultLocation()).Format("01-02 15:04")+" "+line)
	}
	slices.Sort(out)
	return out
}

// simLine describes a scheduled mail; receipts and other answers are left out.
func simLine(m ledger.OutMail, envelope []string) (string, bool) {
	parts := strings.Split(m.Key, ":")
	local := func(addr string) string { return strings.Split(addr, "@")[0] }
	switch m.Kind {
	case ledger.KindDigest:
		return "digest " + local(envelope[0]), len(envelope) == 1
	case ledger.KindTemplate, ledger.KindReminder, ledger.KindNag:
		unit := parts[len(parts)-1]
		line := "template " + unit
		if m.Kind != ledger.KindTemplate {
			unit = parts[len(parts)-2]
			line = fmt.Sprintf("%s#%s %s", m.Kind, parts[len(parts)-1], unit)
		}
		for _, rcpt := range envelope {
			if rcpt != officetest.UnitAddr(unit) {
				line += " cc:" + local(rcpt)
			}
		}
		return line, true
	}
	return "", false
}

func (s *simulation) checkCancelled(key string) {
	m, err := s.e.ledger.OutMail(context.Background(), key)
	if err != nil || m.Status != ledger.OutCancelled {
		s.t.Errorf("%s: status %q (%v), want cancelled: the unit had sent its file", key, m.Status, err)
	}
}

func (s *simulation) checkDigest(key, line string) {
	m, err := s.e.ledger.OutMail(context.Background(), key)
	if err != nil || !strings.Contains(m.Body, line) {
		s.t.Errorf("%s: %v; body\n%s\nwant it to contain %q", key, err, m.Body, line)
	}
}

package daemon

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

func TestWake_RingCoalesces(t *testing.T) {
	t.Parallel()
	w := newWake()
	for range 3 {
		w.ring() // never blocks, nobody is listening
	}
	select {
	case <-w:
	default:
		t.Fatal("no wake pending after three rings")
	}
	select {
	case <-w:
		t.Fatal("a second wake pending: rings while the worker is busy must coalesce into one step")
	default:
	}
}

func TestReportsMayChange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   ledger.Intake
		want bool
	}{
		{"a unit's file", ledger.Intake{Submissions: []ledger.Submission{{Unit: "QLDN"}}}, true},
		{"a leader's edited draft", ledger.Intake{Drafts: []ledger.Draft{{Form: "BM.02.01/KH"}}}, true},
		{"an approval step", ledger.Intake{Approval: &ledger.ApprovalUpdate{}}, true},
		{"a clerk's decision on a late file", ledger.Intake{LateDecision: &ledger.LateDecision{}}, true},
		{"an answer without a file", ledger.Intake{Outbox: []ledger.OutMail{{Kind: ledger.KindRejection}}}, false},
		{"an ignored auto-reply", ledger.Intake{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reportsMayChange(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// steps records the steps of Run's workers, in order.
type steps struct {
	mu  sync.Mutex
	all []string // "outbox/wake"
}

func (s *steps) add(worker string, cause stepCause) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all = append(s.all, worker+"/"+string(cause))
}

func (s *steps) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.all)
}

// slowEnv is the test office with every worker's fallback an hour away: a mail read by IDLE is
// the only thing that can happen within a test, and what follows it must be woken.
func slowEnv(t *testing.T) (*env, *steps) {
	t.Helper()
	e := newEnvWith(t, func(o *Options) { o.Config.Mailbox.PollInterval = config.Duration(time.Hour) })
	e.d.every = intervals{scheduler: time.Hour, reports: time.Hour, outbox: time.Hour}
	s := &steps{}
	e.d.onStep = s.add
	return e, s
}

// runStarted runs the daemon until the test ends and returns once each worker has taken its
// first step, so that whatever the test does next can only be seen through a wake.
func runStarted(t *testing.T, e *env, s *steps) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.d.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	officetest.WaitFor(t, 30*time.Second, "the first step of every worker", func() bool {
		got := s.list()
		return slices.Contains(got, "scheduler/start") && slices.Contains(got, "reports/start") && slices.Contains(got, "outbox/start")
	})
	// The intake's first poll created the folders; after it, the daemon idles on the inbox.
	officetest.WaitFor(t, 30*time.Second, "the daemon to open the mailbox", func() bool {
		_, err := e.srv.Messages(officeAddr, "Processed")
		return err == nil
	})
}

// assertWokenOnly checks that no worker stepped on its ticker: with hour-long intervals,
// whatever happened after the start was woken.
func assertWokenOnly(t *testing.T, s *steps, want ...string) {
	t.Helper()
	got := s.list()
	for _, st := range got {
		if st == "scheduler/tick" || st == "reports/tick" || st == "outbox/tick" {
			t.Errorf("a worker stepped on its ticker (%s): the test cannot tell a wake from a tick", st)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("steps %v: want a %s", got, w)
		}
	}
}

// A unit's mail read by IDLE is answered at once: recording it wakes the outbox, which would
// otherwise send the answer an hour later. The mail carries no file, so nothing but the
// intake's wake can send it (a file would also wake the reports worker, which wakes the outbox).
func TestRun_RecordingWakesTheOutbox(t *testing.T) {
	t.Parallel()
	e, s := slowEnv(t)
	runStarted(t, e, s)
	e.append(t, mail("qldn@kcn.example", "woken@kcn", "", "", nil))
	officetest.WaitFor(t, 60*time.Second, "the answer", func() bool { return e.deliveredMentioning("woken@kcn") == 1 })
	assertWokenOnly(t, s, "outbox/wake")
	if got := s.list(); slices.Contains(got, "reports/wake") {
		t.Errorf("steps %v: a mail without a file woke the reports worker", got)
	}
}

// The last unit's file makes the draft due: recording it wakes the reports worker, which builds
// the draft and wakes the outbox to send it to the clerks, without waiting for a tick.
func TestRun_LastFileWakesTheConsolidation(t *testing.T) {
	t.Parallel()
	e, s := slowEnv(t)
	ctx := context.Background()
	for i, u := range officetest.Units[1:] {
		if _, err := e.d.Ingest(ctx, mail(officetest.UnitAddr(u), fmt.Sprintf("early%d@kcn", i), "", "a.xlsx", e.workbook(t, u, false))); err != nil {
			t.Fatal(err)
		}
	}
	runStarted(t, e, s)
	if _, err := e.ledger.LatestDraft(ctx, "BM.02.01/KH", "2026-11"); err == nil {
		t.Fatal("a draft before the last unit's file: the office's units are not what the test expects")
	}
	e.append(t, mail("qldn@kcn.example", "last@kcn", "", "a.xlsx", e.workbook(t, "QLDN", false)))
	officetest.WaitFor(t, 60*time.Second, "the draft mailed to the clerk", func() bool {
		m, err := e.ledger.OutMail(ctx, ledger.DraftKey("BM.02.01/KH", "2026-11", 1))
		return err == nil && m.Status == ledger.OutSent
	})
	assertWokenOnly(t, s, "reports/wake", "outbox/wake")
	// The draft was built after the file was recorded, by the woken reports worker.
	got := s.list()
	if i := slices.Index(got, "reports/wake"); i < 0 || slices.Index(got, "reports/start") > i {
		t.Errorf("steps %v: want the reports' start step before the wake that built the draft", got)
	}
}

// TestHeldWake: while a backlog drains, rings and ticks are held and given once when it is
// drained; outside a batch a ring is given at once.
func TestHeldWake(t *testing.T) {
	t.Parallel()
	var h heldWake
	w := newWake()
	h.ring(w)
	if len(w) != 1 {
		t.Fatal("ring outside a batch: not given at once")
	}
	<-w
	h.hold()
	h.ring(w)
	h.release(w, true)
	if len(w) != 0 {
		t.Fatal("ring during a backlog: given before the backlog drained")
	}
	if !h.defers() {
		t.Error("tick during a backlog: not put off")
	}
	h.hold()
	h.release(w, false)
	if len(w) != 1 {
		t.Fatal("backlog drained: the held ring not given")
	}
	<-w
	if h.defers() {
		t.Error("tick after the backlog drained: put off")
	}
	h.hold()
	h.release(w, false)
	if len(w) != 0 {
		t.Error("a batch without rings: rang")
	}
}

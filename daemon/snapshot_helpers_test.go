package daemon

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
)

// snapshot is an env's state at one moment, for several envs to start from instead of each
// taking the office there again: its data directory (the ledger with its blobs, the archive),
// what its mail server delivered, and the time. An env started from it (fromSnapshot) is the
// office as after a restart at that moment, with a mail server of its own.
type snapshot struct {
	dir        string
	deliveries []localmail.Delivery
	now        time.Time
}

// snapshot restarts the env's daemon and ledger (closing the ledger checkpoints it into its
// file) and copies the data directory into dir while both are closed.
func (e *env) snapshot(t *testing.T, dir string) snapshot {
	t.Helper()
	s := snapshot{dir: dir, deliveries: e.deliveries(), now: e.clock.Now()}
	e.restartWith(t, func() { officetest.CopyTree(t, e.cfg.DataDir, s.dir) })
	return s
}

// shared holds the states tests start from, each built once a test process by the first test
// that asks for it (built); TestMain removes their directories.
var shared = struct {
	mu     sync.Mutex
	states map[string]*sharedState
	dirs   []string
}{states: map[string]*sharedState{}}

type sharedState struct {
	once sync.Once
	v    any
	ok   bool
}

// built is the state named key, which build makes in a directory of its own the first time a
// test process asks for it; the tests asking after that get the same value.
func built[T any](t *testing.T, key string, build func(t *testing.T, dir string) T) T {
	t.Helper()
	shared.mu.Lock()
	st := shared.states[key]
	if st == nil {
		st = &sharedState{}
		shared.states[key] = st
	}
	shared.mu.Unlock()
	st.once.Do(func() {
		dir, err := os.MkdirTemp("", "daemon-state-")
		if err != nil {
			t.Fatal(err)
		}
		shared.mu.Lock()
		shared.dirs = append(shared.dirs, dir)
		shared.mu.Unlock()
		st.v, st.ok = build(t, dir), true
	})
	if !st.ok {
		name, _, _ := strings.Cut(key, "\x00")
		t.Fatalf("state %q: not built (see the test that built it first)", name)
	}
	return st.v.(T)
}

// startFrom is an env on office started from its state named name (see fromSnapshot), an env
// of office that build makes and brings there. The state is built once a test process: what build
// does is the office's ordinary work on fixed mail under a manual clock, and every test
// starting from the state gets a copy of its own, as after a restart at that moment.
func startFrom(t *testing.T, office officetest.Options, name string, build func(t *testing.T) *env) *env {
	t.Helper()
	s := built(t, name+"\x00"+office.Forms, func(t *testing.T, dir string) snapshot {
		return build(t).snapshot(t, dir)
	})
	return fromSnapshot(t, s, office)
}

// TestMain runs the tests, then removes the shared states' directories.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range shared.dirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// fromSnapshot is an env on an office with the options given, started from s: its own mail
// server (with empty mailboxes: the mail s delivered stays readable through deliveries), its
// data directory a copy of s's, its clock at s's time. The copied ledger's inbox cursor is
// cleared, since the new server's inbox is another mailbox that was never read.
func fromSnapshot(t *testing.T, s snapshot, office officetest.Options) *env {
	t.Helper()
	e := newOfficeEnv(t, office, nil)
	e.restartWith(t, func() {
		if err := os.RemoveAll(e.cfg.DataDir); err != nil {
			t.Fatal(err)
		}
		officetest.CopyTree(t, s.dir, e.cfg.DataDir)
	})
	if err := e.ledger.SetCursor(context.Background(), e.cfg.Mailbox.Inbox, 0, 0); err != nil {
		t.Fatal(err)
	}
	e.clock.Set(s.now)
	e.base = s.deliveries
	return e
}

// restartWith is restart with between run while the daemon and the ledger are closed.
func (e *env) restartWith(t *testing.T, between func()) {
	t.Helper()
	e.d.Close()
	if err := e.ledger.Close(); err != nil {
		t.Fatal(err)
	}
	between()
	l, err := ledger.Open(context.Background(), e.cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	d, err := New(Options{Config: e.cfg, Ledger: l, Clock: e.clock, TemplateKey: []byte(testKey)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	e.ledger, e.d = l, d
}

package daemon

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

const (
	officeAddr = officetest.OfficeAddr
	testKey    = "daemon-test-key"
)

// env is an office on embedded mail servers with a daemon on a manual clock.
type env struct {
	srv    *localmail.Server
	cfg    *config.Config
	ledger *ledger.Ledger
	clock  *clock.Manual
	d      *Daemon
	base   []localmail.Delivery // delivered before the env started (fromSnapshot)
}

// deliveries is what the office's mail server delivered: those before the env started from a
// snapshot, then its own server's.
func (e *env) deliveries() []localmail.Delivery {
	return append(slices.Clip(e.base), e.srv.Deliveries()...)
}

func newEnv(t *testing.T) *env { return newEnvWith(t, nil) }

// newEnvWith builds the env, letting set change the daemon's options.
func newEnvWith(t testing.TB, set func(*Options)) *env {
	return newOfficeEnv(t, officetest.Options{}, set)
}

// newOfficeEnv builds the env on an office with other options (forms, units).
func newOfficeEnv(t testing.TB, office officetest.Options, set func(*Options)) *env {
	t.Helper()
	srv, path := officetest.OfficeWith(t, testKey, office)
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	clk := clock.NewManual(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	o := Options{Config: cfg, Ledger: l, Clock: clk, TemplateKey: []byte(testKey)}
	if set != nil {
		set(&o)
	}
	d, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &env{srv: srv, cfg: cfg, ledger: l, clock: clk, d: d}
}

func (e *env) workbook(t testing.TB, unit string, mistakes bool) []byte {
	return officetest.Workbook(t, e.cfg, unit, []byte(testKey), mistakes)
}

func mail(from, id, headers, name string, data []byte) []byte {
	return officetest.Delivered(officetest.Mail(from, officeAddr, id, headers, name, data))
}

func (e *env) append(t testing.TB, raw []byte) {
	t.Helper()
	if err := e.srv.Append(officeAddr, "INBOX", officetest.Delivered(raw)); err != nil {
		t.Fatal(err)
	}
}

// count is the number of messages in the office's folder on its mail server.
func (e *env) count(t testing.TB, folder string) int {
	t.Helper()
	n, err := e.srv.Count(officeAddr, folder)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// deliveredMentioning counts the deliveries whose raw text contains s (a Message-ID the mail
// answers, for instance).
func (e *env) deliveredMentioning(s string) int {
	n := 0
	for _, d := range e.deliveries() {
		if bytes.Contains(d.Data, []byte(s)) {
			n++
		}
	}
	return n
}

// deliveredTo counts the deliveries to addr.
func (e *env) deliveredTo(addr string) int {
	n := 0
	for _, d := range e.deliveries() {
		for _, r := range d.To {
			if r == addr {
				n++
			}
		}
	}
	return n
}

// compiled is the office of a test configuration.
func compiled(t testing.TB, c *config.Config) *office.Office {
	t.Helper()
	o, err := office.Compile(c, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

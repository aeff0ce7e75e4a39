package daemon

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/period"
)

// Two tonghop offices on one embedded mail provider (issue 19, part 3): a district collecting
// from three wards, and a city that has the district as one of its units. The provider acts as
// both offices' MX: a message submitted by an authenticated user whose From is that user gets
// the MX's Authentication-Results, which both offices' [mail_auth] trusts — so mail between the
// two daemons is authenticated as it would be between two real government mail systems.

const (
	districtAddr  = "tonghop@quan.example"
	districtClerk = "vanthu@quan.example"
	districtHead  = "ct@quan.example"
	cityAddr      = "tonghop@thanhpho.example"
	cityClerk     = "vanthu@thanhpho.example"
	cityHead      = "ct@thanhpho.example"
	districtUnit  = "QBD" // the district's code in the city
	cityName      = "UBND Thành phố"
)

var wards = []string{"P1", "P2", "P3"}

func wardAddr(code string) string { return strings.ToLower(code) + "@quan.example" }

// tier is one of the two offices: its configuration, ledger and daemon.
type tier struct {
	addr   string
	cfg    *config.Config
	key    []byte
	ledger *ledger.Ledger
	d      *Daemon
}

// twoOffices is the district and the city on one provider and one manual clock.
type twoOffices struct {
	srv            *localmail.Server
	clock          *clock.Manual
	district, city *tier
	base           []localmail.Delivery // delivered by the provider of the state it started from
}

// deliveries is what the provider delivered, since the state the offices started from.
func (x *twoOffices) deliveries() []localmail.Delivery {
	return append(slices.Clip(x.base), x.srv.Deliveries()...)
}

// newTwoOffices starts the provider and both daemons; hold is the district's [[upstream]] hold.
func newTwoOffices(t *testing.T, hold string) *twoOffices {
	t.Helper()
	srv, err := localmail.Start(localmail.Options{AuthServID: officetest.MX, Domain: officetest.MX})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	users := []string{districtAddr, districtClerk, districtHead, cityAddr, cityClerk, cityHead}
	for _, w := range wards {
		users = append(users, wardAddr(w))
	}
	for _, u := range users {
		if err := srv.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	clk := clock.NewManual(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	var units strings.Builder
	for _, w := range wards {
		fmt.Fprintf(&units, "[[units]]\ncode = %q\nname = \"UBND Phường %s\"\nemails = [%q]\n", w, w, wardAddr(w))
	}
	districtCfg := officeConfig(srv, "UBND Quận Ba Đình (thử)", "district-key", districtAddr, districtClerk, districtHead, units.String()) +
		fmt.Sprintf("\n[[upstream]]\nname = %q\nemails = [%q]\nhold = %q\n[[upstream.forms]]\ncode = \"BM.02.01/KH\"\nfrom = \"BM.02.01/KH\"\n",
			cityName, cityAddr, hold)
	cityUnits := fmt.Sprintf("[[units]]\ncode = %q\nname = \"UBND Quận Ba Đình\"\nemails = [%q]\n", districtUnit, districtAddr)
	cityCfg := officeConfig(srv, cityName+" (thử)", "city-key", cityAddr, cityClerk, cityHead, cityUnits)
	return &twoOffices{srv: srv, clock: clk,
		district: startOffice(t, clk, districtAddr, "district-key", districtCfg),
		city:     startOffice(t, clk, cityAddr, "city-key", cityCfg)}
}

// officeConfig is an office with a clerk, a head who approves the monthly report, its units.
func officeConfig(srv *localmail.Server, name, key, addr, clerk, head, units string) string {
	return fmt.Sprintf(`data_dir = "data"
[office]
name = %q
template_key = %q
start = "2026-11-01"
[mailbox]
host = "127.0.0.1"
port = %d
tls = "none"
user = %q
password = "pw"
poll_interval = "1s"
[smtp]
host = "127.0.0.1"
port = %d
tls = "none"
user = %q
password = "pw"
from = %q
[health]
listen = "127.0.0.1:0"
[[people]]
id = "ct"
name = "Nguyễn Văn An"
title = "Chủ tịch"
emails = [%q]
roles = ["approver"]
[[people]]
id = "vanthu"
name = "Lê Thị Thu"
title = "Chuyên viên Văn phòng"
emails = [%q]
roles = ["clerk"]
%s
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval = ["ct"]

[mail_auth]
trusted_servers = [%q]
`, name, key, srv.IMAPPort(), addr, srv.SMTPPort(), addr, addr, head, clerk, units, officetest.MX)
}

func startOffice(t *testing.T, clk *clock.Manual, addr, key, text string) *tier {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tonghop.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	officetest.SeedLedger(t, cfg.DataDir)
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	d, err := New(Options{Config: cfg, Ledger: l, Clock: clk, TemplateKey: []byte(key)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &tier{addr: addr, cfg: cfg, key: []byte(key), ledger: l, d: d}
}

func (o *tier) step(t *testing.T) {
	t.Helper()
	if err := o.d.Step(context.Background()); err != nil {
		t.Fatalf("%s: step: %v", o.addr, err)
	}
}

// steps runs both daemons n times, the district first.
func (x *twoOffices) steps(t *testing.T, n int) {
	t.Helper()
	for range n {
		x.district.step(t)
		x.city.step(t)
	}
}

// toIssue runs the month up to the district's issue: the city's template to the district, the
// wards' files, the head's approval (each office stepping as the mail needs).
func (x *twoOffices) toIssue(t *testing.T) {
	t.Helper()
	x.city.step(t)
	x.district.step(t)
	x.wardsSubmit(t)
	x.district.step(t)
	x.approve(t)
	x.district.step(t)
}

// issuedOffices are the two offices with the district's hold as toIssue leaves them: the city's
// template taken in, the wards' files, the district's report approved and issued, its file sent
// to the city or waiting out the hold. They start from a state built once a test process
// (built), each office on a copy of its data directory, with the mail unread in its inbox put
// there again on a provider of their own, as after a restart at that moment.
func issuedOffices(t *testing.T, hold string) *twoOffices {
	t.Helper()
	s := built(t, "two offices issued, hold "+hold, func(t *testing.T, dir string) twoOfficesState {
		x := newTwoOffices(t, hold)
		x.toIssue(t)
		return x.snapshot(t, dir)
	})
	x := newTwoOffices(t, hold)
	x.clock.Set(s.now)
	x.base = s.deliveries
	x.district, x.city = x.restore(t, x.district, s), x.restore(t, x.city, s)
	return x
}

// twoOfficesState is the two offices at one moment: their data directories (under dir, by
// address), what the provider delivered, the mail unread in each office's inbox, the time.
type twoOfficesState struct {
	dir        string
	deliveries []localmail.Delivery
	inbox      map[string][][]byte
	now        time.Time
}

// snapshot closes both offices and copies their data directories into dir.
func (x *twoOffices) snapshot(t *testing.T, dir string) twoOfficesState {
	t.Helper()
	s := twoOfficesState{dir: dir, deliveries: x.deliveries(), inbox: map[string][][]byte{}, now: x.clock.Now()}
	for _, o := range []*tier{x.district, x.city} {
		msgs, err := x.srv.Messages(o.addr, "INBOX")
		if err != nil {
			t.Fatal(err)
		}
		s.inbox[o.addr] = msgs
		x.restartTierWith(t, o, func() { officetest.CopyTree(t, o.cfg.DataDir, filepath.Join(dir, o.addr)) })
	}
	return s
}

// restore puts the office of s at o's place: its data directory, its unread mail; its ledger's
// inbox cursor is cleared, since this provider's inbox is another mailbox never read.
func (x *twoOffices) restore(t *testing.T, o *tier, s twoOfficesState) *tier {
	t.Helper()
	o = x.restartTierWith(t, o, func() {
		if err := os.RemoveAll(o.cfg.DataDir); err != nil {
			t.Fatal(err)
		}
		officetest.CopyTree(t, filepath.Join(s.dir, o.addr), o.cfg.DataDir)
	})
	if err := o.ledger.SetCursor(context.Background(), o.cfg.Mailbox.Inbox, 0, 0); err != nil {
		t.Fatal(err)
	}
	for _, raw := range s.inbox[o.addr] {
		if err := x.srv.Append(o.addr, "INBOX", raw); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

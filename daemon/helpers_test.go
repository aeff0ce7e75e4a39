package daemon

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/period"
)

const (
	officeAddr = "tonghop@kcn.example"
	testKey    = "daemon-test-key"
)

// env is an office on embedded mail servers with a daemon on a manual clock.
type env struct {
	srv    *localmail.Server
	cfg    *config.Config
	ledger *ledger.Ledger
	clock  *clock.Manual
	d      *Daemon
}

func newEnv(t *testing.T) *env {
	t.Helper()
	srv, err := localmail.Start(localmail.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	for _, u := range []string{officeAddr, "qldn@kcn.example", "qldt@kcn.example", "ptb@kcn.example", "stranger@other.example"} {
		if err := srv.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	src := fmt.Sprintf(`data_dir = "data"
[office]
name = "Ban Quản lý các KCN (thử)"
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
from = %q
[[people]]
id = "ptb"
name = "Trần Thị Bình"
title = "Phó Trưởng Ban"
emails = ["ptb@kcn.example"]
roles = ["approver", "supervisor"]
[[units]]
code = "QLDN"
name = "Phòng Quản lý doanh nghiệp"
emails = ["qldn@kcn.example"]
supervisor = "ptb"
[[units]]
code = "QLDT"
name = "Phòng Quản lý đầu tư"
emails = ["qldt@kcn.example"]
supervisor = "ptb"
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
reminders = ["-2d"]
nags = ["+1d", "+2d"]
escalate_from = 2
approval = ["ptb"]
`, testKey, srv.IMAPPort(), officeAddr, srv.SMTPPort(), officeAddr)
	cfg, err := config.Parse([]byte(src), filepath.Join(dir, "tonghop.toml"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	clk := clock.NewManual(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	d, err := New(Options{Config: cfg, Ledger: l, Clock: clk, TemplateKey: []byte(testKey)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &env{srv: srv, cfg: cfg, ledger: l, clock: clk, d: d}
}

func (e *env) workbook(t *testing.T, unit string, mistakes bool) []byte {
	return officetest.Workbook(t, e.cfg, unit, []byte(testKey), mistakes)
}

func mail(from, id, headers, name string, data []byte) []byte {
	return officetest.Mail(from, officeAddr, id, headers, name, data)
}

func (e *env) append(t *testing.T, raw []byte) {
	t.Helper()
	if err := e.srv.Append(officeAddr, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
}

func (e *env) count(t *testing.T, folder string) int {
	t.Helper()
	msgs, err := e.srv.Messages(officeAddr, folder)
	if err != nil {
		t.Fatal(err)
	}
	return len(msgs)
}

// deliveredTo counts the deliveries to addr.
func (e *env) deliveredTo(addr string) int {
	n := 0
	for _, d := range e.srv.Deliveries() {
		for _, r := range d.To {
			if r == addr {
				n++
			}
		}
	}
	return n
}

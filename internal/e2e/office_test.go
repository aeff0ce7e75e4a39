package e2e

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/daemon"
	"github.com/tonghop/tonghop/internal/dovecottest"
	"github.com/tonghop/tonghop/internal/postfixtest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// The test office: an Industrial Zones Authority on the invented domain kcn.example, whose every
// address is a mailbox of the private Dovecot.
const (
	domain      = "kcn.example"
	sharedAddr  = "tonghop@" + domain // the shared mailbox tonghop reads and sends from
	clerkAddr   = "vanthu@" + domain  // the Planning Office's clerk
	cvpAddr     = "cvp@" + domain     // Chánh Văn phòng: the first approval step
	tbAddr      = "tb@" + domain      // Trưởng Ban: the second step, and a recipient
	ptbAddr     = "ptb@" + domain     // Phó Trưởng Ban: the units' supervisor, a recipient
	password    = "mat-khau-e2e"
	templateKey = "e2e-template-key"
	formCode    = "BM.02.01/KH"
	month       = "2026-11"
)

// units are the office's units: the first ten send valid files at once, the last one a file
// with mistakes first.
var units = []unit{
	{"QLDN", "Phòng Quản lý doanh nghiệp"}, {"QLDT", "Phòng Quản lý đầu tư"},
	{"QHXD", "Phòng Quy hoạch - Xây dựng"}, {"QLMT", "Phòng Quản lý môi trường"},
	{"QLLD", "Phòng Quản lý lao động"}, {"TTPC", "Phòng Thanh tra - Pháp chế"},
	{"XTDT", "Phòng Xúc tiến đầu tư"}, {"TTDV", "Trung tâm Dịch vụ hỗ trợ đầu tư"},
	{"KCN01", "Ban quản lý Khu công nghiệp số 1"}, {"KCN02", "Ban quản lý Khu công nghiệp số 2"},
	{"KCN03", "Ban quản lý Khu công nghiệp số 3"},
}

type unit struct{ Code, Name string }

func (u unit) Addr() string { return strings.ToLower(u.Code) + "@" + domain }

// officeStart is the office time when the test begins: Thursday 12 November 2026 at 09:00, in
// working hours, the day after the November report's template fell due (5 working days before
// the 18th) and before its first reminder. The office has gone live on 1 November: the ledger
// holds no earlier period.
var officeStart = time.Date(2026, 11, 12, 9, 0, 0, 0, period.DefaultLocation())

// testOffice is the office running on loopback: the mail store, the mail server, the daemon.
type testOffice struct {
	store  *dovecottest.Server
	mx     *postfixtest.Server
	cfg    *config.Config
	office *office.Office
	ledger *ledger.Ledger
	clock  clock.Clock
	dkim   *dkimKey
}

// startOffice starts the store, the mail server and the daemon for the test, on a clock that
// runs at the wall clock's pace from officeStart, and stops them when the test ends. The daemon's
// log goes into the test log when the test fails.
func startOffice(t testing.TB) *testOffice {
	t.Helper()
	postfixtest.Require(t)
	accounts := []dovecottest.Account{}
	for _, a := range append([]string{clerkAddr, cvpAddr, tbAddr, ptbAddr}, unitAddrs()...) {
		accounts = append(accounts, dovecottest.Account{User: a, Password: password})
	}
	store := dovecottest.Start(t, dovecottest.Options{User: sharedAddr, Password: password, LMTP: true, Accounts: accounts})
	mx := postfixtest.Start(t, postfixtest.Options{Domains: []string{domain},
		LMTP: net.JoinHostPort(store.Host(), strconv.Itoa(store.LMTPPort()))})
	o := &testOffice{store: store, mx: mx, dkim: newDKIMKey(t), clock: clock.NewScaled(officeStart, 1)}
	o.cfg = writeConfig(t, store, mx)
	ctx := context.Background()
	site, err := office.Open(ctx, o.cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = site.Close() })
	o.office, o.ledger = site.Office, site.Ledger
	o.run(t)
	return o
}

// run starts daemon.Run and stops it when the test ends.
func (o *testOffice) run(t testing.TB) {
	t.Helper()
	var logs syncBuffer
	d, err := daemon.New(daemon.Options{Office: o.office, Ledger: o.ledger, Clock: o.clock,
		Logger:    slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		LookupTXT: o.dkim.lookupTXT})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("daemon.Run: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("daemon.Run did not return within 30s of its context's end")
		}
		_ = d.Close()
		if t.Failed() {
			t.Logf("daemon log:\n%s", logs.String())
		}
	})
}

func unitAddrs() []string {
	var out []string
	for _, u := range units {
		out = append(out, u.Addr())
	}
	return out
}

// writeConfig writes the office's configuration into a temporary directory and loads it.
func writeConfig(t testing.TB, store *dovecottest.Server, mx *postfixtest.Server) *config.Config {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, configHead, templateKey, store.Port(), sharedAddr, password, mx.Port(), sharedAddr)
	for _, p := range people {
		fmt.Fprintf(&b, "[[people]]\nid = %q\nname = %q\ntitle = %q\nemails = [%q]\nroles = [%q]\n\n", p.id, p.name, p.title, p.addr, p.role)
	}
	for _, u := range units {
		fmt.Fprintf(&b, "[[units]]\ncode = %q\nname = %q\nemails = [%q]\nsupervisor = \"pho_truong_ban\"\n\n", u.Code, u.Name, u.Addr())
	}
	b.WriteString(configForm)
	path := filepath.Join(t.TempDir(), "tonghop.toml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("the test office's configuration: %v\n%s", err, b.String())
	}
	return cfg
}

type person struct{ id, name, title, addr, role string }

var people = []person{
	{"truong_ban", "Nguyễn Văn An", "Trưởng Ban", tbAddr, "approver"},
	{"pho_truong_ban", "Trần Thị Bình", "Phó Trưởng Ban", ptbAddr, "supervisor"},
	{"chanh_van_phong", "Lê Văn Cường", "Chánh Văn phòng", cvpAddr, "reviewer"},
	{"chuyen_vien", "Đinh Thu Hà", "Chuyên viên tổng hợp", clerkAddr, "clerk"},
}

func personByAddr(addr string) person {
	for _, p := range people {
		if p.addr == addr {
			return p
		}
	}
	panic("no person " + addr)
}

// configHead is the office, its mailbox on the private Dovecot and its relay, the private
// Postfix. The poll interval is the default: IDLE and the wake-ups make the answers, not ticks.
const configHead = `data_dir = "data"

[office]
name = "Ban Quản lý các khu công nghiệp tỉnh Thử nghiệm"
time_zone = "Asia/Ho_Chi_Minh"
start = "2026-11-01"
template_key = %q

[mailbox]
host = "127.0.0.1"
port = %d
tls = "none"
user = %q
password = %q
poll_interval = "1m"

[smtp]
host = "127.0.0.1"
port = %d
tls = "none"
from = %q
from_name = "Văn phòng Ban Quản lý các KCN"

# Every mail is believed only with a valid DKIM signature of its sender's domain.
[mail_auth]
verify_dkim = true

`

// configForm is the monthly result report with its two approval steps.
const configForm = `[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
reminders = ["-2wd"]
nags = ["+1wd"]
approval = ["chanh_van_phong", "truong_ban"]
recipients = ["truong_ban", "pho_truong_ban"]
`

// syncBuffer is a log destination the daemon's goroutines write while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

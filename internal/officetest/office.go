package officetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/localmail"
)

// Addresses of the test office; every one is a mailbox on the embedded server, password "pw".
const (
	OfficeAddr = "tonghop@kcn.example"
	Supervisor = "ptb@kcn.example"
	Approver   = "tb@kcn.example"
	// Clerk is the Planning Office's clerk: told of what tonghop does not answer, and allowed to
	// send any unit's report.
	Clerk        = "vanthu@kcn.example"
	StrangerAddr = "stranger@other.example"
)

// Units are the codes of the test office's units; unit QLDN writes from qldn@kcn.example. The
// supervisor may send the first unit's reports on its behalf.
var Units = []string{"QLDN", "QLDT", "QHXD", "QLMT"}

// UnitAddr is the address of a unit.
func UnitAddr(code string) string { return strings.ToLower(code) + "@kcn.example" }

// Office starts embedded mail servers with a mailbox for everyone of the test office and writes
// its configuration, signed templates under key, and an empty ledger (seedLedger) into a
// temporary directory. It returns the servers and the configuration's path.
func Office(t testing.TB, key string) (*localmail.Server, string) {
	return OfficeWith(t, key, Options{})
}

// Options change the test office.
type Options struct {
	Units          []string // unit codes; nil: Units
	RepliesPerHour int      // mailbox.replies_per_hour; 0: the default
	// Forms replaces the [[forms]] tables (TOML); "": the monthly BM.02.01/KH of FormsDefault.
	// Forms holding their own [mail_auth] table replace MailAuthDefault too.
	Forms string
}

// MX is the authserv-id of the test office's receiving server, the one [mail_auth] trusts:
// its Authentication-Results count above its own Received field (see AuthPass).
const MX = "mx.kcn.example"

// MailAuthDefault is the test office's [mail_auth]: replies are authenticated by its MX.
const MailAuthDefault = "\n[mail_auth]\ntrusted_servers = [\"" + MX + "\"]\n"

// AuthPass is what the office's MX writes on top of a genuine mail from addr's domain: its
// Authentication-Results (DKIM, SPF and DMARC pass) above its own Received field. Put it
// before the mail's own header lines.
func AuthPass(addr string) string {
	domain := addr[strings.LastIndexByte(addr, '@')+1:]
	return "Authentication-Results: " + MX + "; dkim=pass header.d=" + domain + "; spf=pass smtp.mailfrom=" + domain +
		"; dmarc=pass header.from=" + domain + "\r\n" +
		"Received: from mail." + domain + " (mail." + domain + " [192.0.2.25])\r\n\tby " + MX +
		" (Postfix) with ESMTPS id 4Yb2xQ1Lz9z1;\r\n\tMon, 16 Nov 2026 10:00:01 +0700\r\n"
}

// OfficeWith is Office with other units or limits, for load tests.
func OfficeWith(t testing.TB, key string, o Options) (*localmail.Server, string) {
	t.Helper()
	srv, err := localmail.Start(localmail.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	if o.Units == nil {
		o.Units = Units
	}
	users := []string{OfficeAddr, Supervisor, Approver, Clerk, StrangerAddr}
	var units strings.Builder
	for _, u := range o.Units {
		users = append(users, UnitAddr(u))
		fmt.Fprintf(&units, "[[units]]\ncode = %q\nname = \"Phòng %s\"\nemails = [%q]\nsupervisor = \"ptb\"\n", u, u, UnitAddr(u))
	}
	for _, u := range users {
		if err := srv.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	limits := ""
	if o.RepliesPerHour > 0 {
		limits = fmt.Sprintf("replies_per_hour = %d\n", o.RepliesPerHour)
	}
	if o.Forms == "" {
		o.Forms = FormsDefault
	}
	if !strings.Contains(o.Forms, "[mail_auth]") {
		o.Forms += MailAuthDefault
	}
	dir := t.TempDir()
	SeedLedger(t, filepath.Join(dir, "data"))
	path := filepath.Join(dir, "tonghop.toml")
	cfg := fmt.Sprintf(configText, key, srv.IMAPPort(), OfficeAddr, limits, srv.SMTPPort(), OfficeAddr, OfficeAddr,
		Supervisor, o.Units[0], Approver, Clerk, units.String()) + o.Forms
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return srv, path
}

const configText = `data_dir = "data"
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
%s[smtp]
host = "127.0.0.1"
port = %d
tls = "none"
user = %q
password = "pw"
from = %q
[health]
listen = "127.0.0.1:0"
[[people]]
id = "ptb"
name = "Trần Thị Bình"
title = "Phó Trưởng Ban"
emails = [%q]
roles = ["supervisor"]
submits_for = [%q]
[[people]]
id = "tb"
name = "Nguyễn Văn An"
title = "Trưởng Ban"
emails = [%q]
roles = ["approver"]
[[people]]
id = "vanthu"
name = "Lê Thị Thu"
title = "Chuyên viên Văn phòng"
emails = [%q]
roles = ["clerk"]
submits_for = ["*"]
%s`

// FormsDefault is the test office's form: the monthly result report, due on the 18th.
const FormsDefault = `
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
reminders = ["-2d", "-4h"]
nags = ["+1d", "+2d"]
escalate_from = 2
approval = ["tb"]
`

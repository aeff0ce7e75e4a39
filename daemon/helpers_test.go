package daemon

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
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

// workbook fills unit's November template; mistakes break a subtotal.
func (e *env) workbook(t *testing.T, unit string, mistakes bool) []byte {
	t.Helper()
	f, _ := e.cfg.Form("BM.02.01/KH")
	var tpl bytes.Buffer
	meta := templates.Meta{Office: e.cfg.Office.Name, UnitCode: unit, UnitName: unit, Period: "2026-11",
		PeriodLabel: "Tháng 11/2026", ReplyTo: officeAddr, Secret: []byte(testKey)}
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	data := form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {}}, Narrative: map[string]string{}}
	for _, row := range f.Indicators[0].Rows {
		data.Indicators["kcn"][row.Code] = map[string]string{"period": "2"}
	}
	data.Indicators["kcn"]["1"]["period"] = "4"
	if mistakes {
		data.Indicators["kcn"]["1"]["period"] = "7"
	}
	for _, s := range f.Narrative {
		data.Narrative[s.Key] = "Nội dung " + s.Title
	}
	out, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// mail builds a message; headers are extra header lines, name and data an optional attachment.
func mail(from, id, headers, name string, data []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nDate: Mon, 16 Nov 2026 08:00:00 +0700\r\n%s", from, officeAddr, id, headers)
	fmt.Fprintf(&b, "Subject: =?UTF-8?B?%s?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n",
		base64.StdEncoding.EncodeToString([]byte("Báo cáo tháng 11")))
	fmt.Fprintf(&b, "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi Văn phòng.\r\n")
	if name != "" {
		fmt.Fprintf(&b, "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"%s\"\r\n", name)
		fmt.Fprintf(&b, "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n", base64.StdEncoding.EncodeToString(data))
	}
	b.WriteString("--b1--\r\n")
	return b.Bytes()
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

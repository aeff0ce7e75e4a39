package mailer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"
)

func testConfig(port int, mode TLSMode) Config {
	return Config{
		Host: "127.0.0.1", Port: port, TLS: mode,
		From: "tonghop@bqlkcn.example", FromName: "Văn phòng Ban Quản lý các KCN",
		Timeout: 10 * time.Second, HeloName: "tonghop.test", InsecureSkipVerify: true,
	}
}

func testMessage(key string) Message {
	return Message{
		Key:     key,
		To:      []string{"Phòng Quản lý doanh nghiệp <qldn@bqlkcn.example>"},
		Cc:      []string{"pho.truong.ban@bqlkcn.example"},
		Subject: "[BM.04.01/KH] Đề nghị gửi Chương trình công tác trọng tâm tháng 11/2026",
		Body:    "Kính gửi: Phòng Quản lý doanh nghiệp\n\nVăn phòng đề nghị …\n",
		Date:    time.Date(2026, 11, 10, 8, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		Attachments: []Attachment{{
			Name: "BM.04.01-KH_Phòng Quản lý doanh nghiệp_Tháng 11-2026.xlsx",
			Data: []byte("PK\x03\x04 not really a workbook"),
		}},
	}
}

func newTestSender(t *testing.T, cfg Config) *Sender {
	t.Helper()
	s, err := NewSender(cfg, nil)
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestSender_Send(t *testing.T) {
	tests := []struct {
		name     string
		mode     smtpMode
		tls      TLSMode
		user     string
		wantTLS  bool
		wantUser string
	}{
		{name: "PlainNoAuth", mode: modePlain, tls: TLSNone},
		{name: "PlainAuthLoopback", mode: modePlain, tls: TLSNone, user: "tonghop", wantUser: "tonghop"},
		{name: "StartTLSAuth", mode: modeStartTLS, tls: TLSStartTLS, user: "tonghop", wantTLS: true, wantUser: "tonghop"},
		{name: "ImplicitTLSAuth", mode: modeImplicit, tls: TLSImplicit, user: "tonghop", wantTLS: true, wantUser: "tonghop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startSMTP(t, tt.mode, tt.user, "mật-khẩu")
			cfg := testConfig(srv.Port, tt.tls)
			if tt.user != "" {
				cfg.User, cfg.Password = tt.user, "mật-khẩu"
			}
			m := testMessage("send/" + tt.name)
			id, err := newTestSender(t, cfg).Send(context.Background(), m)
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			if want := MessageID(m.Key, cfg.From); id != want {
				t.Errorf("message id: got %q, want %q", id, want)
			}
			got := srv.Deliveries()
			if len(got) != 1 {
				t.Fatalf("deliveries: got %d, want 1", len(got))
			}
			d := got[0]
			if d.From != cfg.From {
				t.Errorf("envelope from: got %q, want %q", d.From, cfg.From)
			}
			wantRcpt := []string{"qldn@bqlkcn.example", "pho.truong.ban@bqlkcn.example"}
			if !slices.Equal(d.To, wantRcpt) {
				t.Errorf("envelope recipients: got %q, want %q", d.To, wantRcpt)
			}
			if d.UTF8 {
				t.Error("MAIL FROM: got SMTPUTF8, want none (all headers are ASCII)")
			}
			if d.TLS != tt.wantTLS || d.User != tt.wantUser {
				t.Errorf("session: got tls=%v user=%q, want tls=%v user=%q", d.TLS, d.User, tt.wantTLS, tt.wantUser)
			}
			composed, err := Compose(cfg, m)
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			if !bytes.Equal(bytes.TrimRight(d.Data, "\r\n"), bytes.TrimRight(composed, "\r\n")) {
				t.Errorf("delivered bytes differ from Compose:\ngot:\n%s\nwant:\n%s", d.Data, composed)
			}
			h := readMessage(t, d.Data).Header
			if got, _ := h.MessageID(); "<"+got+">" != id {
				t.Errorf("Message-ID header: got %q, want %q", got, id)
			}
		})
	}
}

func TestSender_SendSameKeySameID(t *testing.T) {
	srv := startSMTP(t, modePlain, "", "")
	s := newTestSender(t, testConfig(srv.Port, TLSNone))
	m := testMessage("outbox/42")
	first, err := s.Send(context.Background(), m)
	if err != nil {
		t.Fatalf("first Send: %v", err)
	}
	m.Date = m.Date.Add(time.Hour) // a resend after a crash is composed again, later
	second, err := s.Send(context.Background(), m)
	if err != nil {
		t.Fatalf("second Send: %v", err)
	}
	if first != second {
		t.Errorf("resend Message-ID: got %q, want %q", second, first)
	}
	ids := map[string]bool{}
	for _, d := range srv.Deliveries() {
		id, _ := readMessage(t, d.Data).Header.MessageID()
		ids[id] = true
	}
	if len(ids) != 1 {
		t.Errorf("distinct Message-IDs delivered: got %d, want 1", len(ids))
	}
}

func TestSender_SendFailure(t *testing.T) {
	tests := []struct {
		name          string
		stage         string
		code          int
		closed        bool
		password      string
		wantPermanent bool
	}{
		{name: "Rcpt550", stage: "RCPT", code: 550, wantPermanent: true},
		{name: "Rcpt451", stage: "RCPT", code: 451},
		{name: "Mail553", stage: "MAIL", code: 553, wantPermanent: true},
		{name: "Data554", stage: "DATA", code: 554, wantPermanent: true},
		{name: "Data452", stage: "DATA", code: 452},
		{name: "ClosedPort", closed: true},
		{name: "BadPassword", password: "sai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cfg Config
			if tt.closed {
				cfg = testConfig(closedPort(t), TLSNone)
			} else {
				srv := startSMTP(t, modePlain, "tonghop", "đúng")
				if tt.stage != "" {
					srv.Fail(tt.stage, tt.code, "refused by test")
				}
				cfg = testConfig(srv.Port, TLSNone)
				cfg.User, cfg.Password = "tonghop", "đúng"
				if tt.password != "" {
					cfg.Password = tt.password
				}
			}
			id, err := newTestSender(t, cfg).Send(context.Background(), testMessage("fail/"+tt.name))
			if err == nil {
				t.Fatal("Send: got nil error, want a failure")
			}
			t.Logf("error: %v", err)
			if id == "" {
				t.Error("message id: got empty, want it also on failure")
			}
			if got := IsPermanent(err); got != tt.wantPermanent {
				t.Errorf("IsPermanent(%v): got %v, want %v", err, got, tt.wantPermanent)
			}
			if got := errors.Is(err, ErrPermanent); got != tt.wantPermanent {
				t.Errorf("errors.Is(err, ErrPermanent): got %v, want %v", got, tt.wantPermanent)
			}
		})
	}
}

func TestSender_SendCancelled(t *testing.T) {
	srv := startSMTP(t, modePlain, "", "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release := make(chan struct{})
	defer close(release)
	// The server stalls in DATA; the cancel must cut the connection, not wait for it.
	srv.OnData(func() {
		cancel()
		<-release
	})
	_, err := newTestSender(t, testConfig(srv.Port, TLSNone)).Send(ctx, testMessage("cancel"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Send: got %v, want context.Canceled", err)
	}
	if IsPermanent(err) {
		t.Errorf("IsPermanent: got true for a cancelled send, want false")
	}
}

func TestSender_SendBadRecipient(t *testing.T) {
	srv := startSMTP(t, modePlain, "", "")
	m := testMessage("bad-rcpt")
	m.To = []string{"không phải địa chỉ"}
	_, err := newTestSender(t, testConfig(srv.Port, TLSNone)).Send(context.Background(), m)
	if !IsPermanent(err) {
		t.Fatalf("IsPermanent(%v): got false, want true", err)
	}
	if n := len(srv.Deliveries()); n != 0 {
		t.Errorf("deliveries: got %d, want 0", n)
	}
}

func TestNewSender(t *testing.T) {
	ok := testConfig(25, TLSNone)
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string // substring; empty: valid
	}{
		{name: "OK", edit: func(*Config) {}},
		{name: "NoHost", edit: func(c *Config) { c.Host = "" }, wantErr: "host"},
		{name: "BadPort", edit: func(c *Config) { c.Port = 70000 }, wantErr: "port"},
		{name: "BadTLS", edit: func(c *Config) { c.TLS = "ssl" }, wantErr: "tls"},
		{name: "NoFrom", edit: func(c *Config) { c.From = "" }, wantErr: "from"},
		{name: "FromWithName", edit: func(c *Config) { c.From = "Văn phòng <vp@x.example>" }, wantErr: "from"},
		{name: "PasswordNoUser", edit: func(c *Config) { c.Password = "x" }, wantErr: "password"},
		{name: "NegativeTimeout", edit: func(c *Config) { c.Timeout = -time.Second }, wantErr: "timeout"},
		{name: "ClearAuthRemote", edit: func(c *Config) { c.Host, c.User = "smtp.example", "u" }, wantErr: "loopback"},
		{name: "ClearAuthLocalhost", edit: func(c *Config) { c.Host, c.User = "localhost", "u" }},
		{name: "ClearNoAuthRemote", edit: func(c *Config) { c.Host = "relay.internal" }},
		{name: "BadReplyTo", edit: func(c *Config) { c.ReplyTo = "nowhere" }, wantErr: "reply_to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok
			tt.edit(&cfg)
			_, err := NewSender(cfg, nil)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("NewSender: got %v, want no error", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("NewSender: got %v, want an error about %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewSender_Defaults(t *testing.T) {
	tests := []struct {
		name     string
		tls      TLSMode
		wantTLS  TLSMode
		wantPort int
	}{
		{name: "Implicit", tls: TLSImplicit, wantTLS: TLSImplicit, wantPort: 465},
		{name: "StartTLS", tls: TLSStartTLS, wantTLS: TLSStartTLS, wantPort: 587},
		{name: "Empty", tls: "", wantTLS: TLSStartTLS, wantPort: 587},
		{name: "None", tls: TLSNone, wantTLS: TLSNone, wantPort: 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(0, tt.tls)
			cfg.Timeout = 0
			got := newTestSender(t, cfg).Config()
			if got.TLS != tt.wantTLS || got.Port != tt.wantPort || got.Timeout != DefaultTimeout {
				t.Errorf("defaults: got %s:%d %s, want %s:%d %s", got.TLS, got.Port, got.Timeout,
					tt.wantTLS, tt.wantPort, DefaultTimeout)
			}
		})
	}
}

// readMessage parses raw mail with go-message, as a receiving program would.
func readMessage(t *testing.T, raw []byte) *mail.Reader {
	t.Helper()
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse message: %v", err)
	}
	return r
}

// TestSender_KeepsConnection: consecutive mails share one connection, each still delivered
// whole; a connection the relay closed while idle is replaced without losing or doubling the
// next mail; a failed send drops its connection.
func TestSender_KeepsConnection(t *testing.T) {
	for _, mode := range []struct {
		name string
		srv  smtpMode
		tls  TLSMode
	}{{"plain", modePlain, TLSNone}, {"starttls", modeStartTLS, TLSStartTLS}, {"implicit", modeImplicit, TLSImplicit}} {
		t.Run(mode.name, func(t *testing.T) {
			srv := startSMTP(t, mode.srv, "", "")
			s := newTestSender(t, testConfig(srv.Port, mode.tls))
			ctx := context.Background()
			for i := range 3 {
				if _, err := s.Send(ctx, testMessage(fmt.Sprintf("outbox/%d", i))); err != nil {
					t.Fatalf("Send %d: %v", i, err)
				}
			}
			if got := srv.Sessions(); got != 1 {
				t.Errorf("connections for 3 mails: got %d, want 1", got)
			}
			srv.Hangup()
			time.Sleep(50 * time.Millisecond) // the hangup reaches the client's side
			if _, err := s.Send(ctx, testMessage("outbox/after-hangup")); err != nil {
				t.Fatalf("Send after the relay hung up: %v", err)
			}
			if got, want := len(srv.Deliveries()), 4; got != want {
				t.Errorf("deliveries: got %d, want %d (none lost, none twice)", got, want)
			}
			if got := srv.Sessions(); got != 2 {
				t.Errorf("connections after the hangup: got %d, want 2", got)
			}
			srv.Fail("MAIL", 451, "try again later")
			if _, err := s.Send(ctx, testMessage("outbox/refused")); err == nil {
				t.Fatal("Send refused by the relay: got nil error")
			}
			srv.Fail("MAIL", 0, "")
			if _, err := s.Send(ctx, testMessage("outbox/after-refusal")); err != nil {
				t.Fatalf("Send after a refusal: %v", err)
			}
			if got := srv.Sessions(); got != 3 {
				t.Errorf("connections after a refused mail: got %d, want 3 (a failed send drops its connection)", got)
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

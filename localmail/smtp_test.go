package localmail

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestSMTP_DeliverToTwoUsers(t *testing.T) {
	s := startServer(t, Options{})
	c := goMailClient(t, s, office, password)
	if err := c.DialAndSend(newMsg(t, office, "Báo cáo tháng 5", unitA, unitB)); err != nil {
		t.Fatalf("DialAndSend: %v", err)
	}

	got := s.Deliveries()
	if len(got) != 1 {
		t.Fatalf("got %d deliveries, want 1", len(got))
	}
	if got[0].From != office || strings.Join(got[0].To, ",") != unitA+","+unitB {
		t.Errorf("got envelope %q -> %q, want %q -> [%q %q]", got[0].From, got[0].To, office, unitA, unitB)
	}
	for _, user := range []string{unitA, unitB} {
		msgs := fetchAll(t, loginIMAP(t, s, user, password), "INBOX")
		body, ok := msgs[1]
		if len(msgs) != 1 || !ok {
			t.Fatalf("%s: got %d messages (UID 1 present: %v), want 1 with UID 1", user, len(msgs), ok)
		}
		if !bytes.HasSuffix(body, got[0].Data) {
			t.Errorf("%s: stored message does not end with the submitted data", user)
		}
		wantPrefix := "Return-Path: <" + office + ">\r\nReceived: from tonghop.test ([127.0.0.1])\r\n\tby localhost (localmail) with ESMTPA id "
		if !bytes.HasPrefix(body, []byte(wantPrefix)) {
			t.Errorf("%s: got header start %q, want prefix %q", user, body[:min(len(body), len(wantPrefix))], wantPrefix)
		}
		if !bytes.Contains(body, []byte("\tfor <"+user+">; ")) {
			t.Errorf("%s: Received header lacks \"for <%s>\"", user, user)
		}
	}
	if msgs := fetchAll(t, loginIMAP(t, s, office, password), "INBOX"); len(msgs) != 0 {
		t.Errorf("sender INBOX: got %d messages, want 0", len(msgs))
	}
}

func TestSMTP_DataIsExactAndDeduplicated(t *testing.T) {
	s := startServer(t, Options{Domain: "mail.sokhcn.gov.vn"})
	// Anonymous submission, recipient listed twice in different case.
	if err := sendRaw(t, s, "", "", office, []string{unitA, strings.ToUpper(unitA)}, sampleRaw); err != nil {
		t.Fatalf("send: %v", err)
	}
	d := s.Deliveries()[0]
	if string(d.Data) != sampleRaw {
		t.Errorf("got data %q, want %q", d.Data, sampleRaw)
	}
	msgs, err := s.Messages(unitA, "inbox")
	if err != nil {
		t.Fatalf("Messages: %v", err)
	}
	if len(msgs) != 1 {
		t.Fatalf("got %d messages, want 1 (duplicate recipient gets one copy)", len(msgs))
	}
	if !bytes.Contains(msgs[0], []byte("by mail.sokhcn.gov.vn (localmail) with ESMTP id ")) {
		t.Errorf("got %q, want an anonymous ESMTP Received line by the configured domain", msgs[0])
	}
}

func TestSMTP_Rejections(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		user     string
		pass     string
		to       []string
		raw      string
		wantCode int
	}{
		{name: "UnknownRecipient", to: []string{unitA, "khongco@sokhcn.gov.vn"}, wantCode: 550},
		{name: "WrongPassword", user: office, pass: "sai", to: []string{unitA}, wantCode: 535},
		{name: "UnknownLogin", user: "ai@sokhcn.gov.vn", pass: password, to: []string{unitA}, wantCode: 535},
		{name: "AuthRequired", opts: Options{RequireAuth: true}, to: []string{unitA}, wantCode: 530},
		{name: "TooLarge", opts: Options{MaxMessageBytes: 64}, to: []string{unitA}, raw: sampleRaw + strings.Repeat("x", 100) + "\r\n", wantCode: 552},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, tt.opts)
			raw := tt.raw
			if raw == "" {
				raw = sampleRaw
			}
			err := sendRaw(t, s, tt.user, tt.pass, office, tt.to, raw)
			if got := smtpCode(err); got != tt.wantCode {
				t.Fatalf("got code %d (err %v), want %d", got, err, tt.wantCode)
			}
			if n := len(s.Deliveries()); n != 0 {
				t.Errorf("got %d deliveries, want 0", n)
			}
		})
	}
}

func TestSMTP_UnknownRecipientWithGoMail(t *testing.T) {
	s := startServer(t, Options{})
	err := goMailClient(t, s, office, password).DialAndSend(newMsg(t, office, "Thử", "khongco@sokhcn.gov.vn"))
	if got := smtpCode(err); got != 550 {
		t.Fatalf("got code %d (err %v), want 550", got, err)
	}
}

func TestSMTP_RequireAuthAcceptsLoggedInUser(t *testing.T) {
	s := startServer(t, Options{RequireAuth: true})
	if err := sendRaw(t, s, strings.ToUpper(office), password, office, []string{unitA}, sampleRaw); err != nil {
		t.Fatalf("send with auth: %v", err)
	}
}

func TestSMTP_AuthLogin(t *testing.T) {
	s := startServer(t, Options{RequireAuth: true})
	c := goMailClient(t, s, "", "")
	c.SetSMTPAuth("LOGIN")
	c.SetUsername(unitA)
	c.SetPassword(password)
	if err := c.DialAndSend(newMsg(t, unitA, "Báo cáo", office)); err != nil {
		t.Fatalf("DialAndSend with AUTH LOGIN: %v", err)
	}
	c.SetPassword("sai")
	// go-mail reports a failed AUTH as a wrapped *textproto.Error, not a SendError.
	if got := smtpCode(c.DialAndSend(newMsg(t, unitA, "Báo cáo", office))); got != 535 {
		t.Errorf("wrong LOGIN password: got code %d, want 535", got)
	}
}

func TestSMTP_FailNext(t *testing.T) {
	tests := []struct {
		name     string
		n        int
		code     int
		wantCode int
	}{
		{name: "Temporary", n: 2, code: 451, wantCode: 451},
		{name: "Permanent", n: 1, code: 550, wantCode: 550},
		{name: "BadCodeBecomes451", n: 1, code: 250, wantCode: 451},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, Options{})
			s.FailNext(tt.n, tt.code, "Hệ thống bận")
			c := goMailClient(t, s, office, password)
			for i := range tt.n {
				err := c.DialAndSend(newMsg(t, office, "Thử lại", unitA))
				if got := smtpCode(err); got != tt.wantCode {
					t.Fatalf("attempt %d: got code %d (err %v), want %d", i+1, got, err, tt.wantCode)
				}
			}
			if err := c.DialAndSend(newMsg(t, office, "Thử lại", unitA)); err != nil {
				t.Fatalf("attempt %d: got %v, want success", tt.n+1, err)
			}
			if got := len(s.Deliveries()); got != 1 {
				t.Errorf("got %d deliveries, want 1", got)
			}
			if msgs, _ := s.Messages(unitA, "INBOX"); len(msgs) != 1 {
				t.Errorf("got %d messages in INBOX, want 1", len(msgs))
			}
		})
	}
}

func TestSMTP_FailNextCancel(t *testing.T) {
	s := startServer(t, Options{})
	s.FailNext(3, 451, "")
	s.FailNext(0, 451, "")
	if err := sendRaw(t, s, "", "", office, []string{unitA}, sampleRaw); err != nil {
		t.Fatalf("got %v, want success after cancelling faults", err)
	}
}

func TestWaitDeliveries(t *testing.T) {
	s := startServer(t, Options{})
	const senders = 4
	errs := make(chan error, senders)
	for range senders {
		c := goMailClient(t, s, office, password)
		msg := newMsg(t, office, "Song song", unitA, unitB)
		go func() { errs <- c.DialAndSend(msg) }()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got, err := s.WaitDeliveries(ctx, senders)
	if err != nil {
		t.Fatalf("WaitDeliveries: %v", err)
	}
	if len(got) != senders {
		t.Errorf("got %d deliveries, want %d", len(got), senders)
	}
	for range senders {
		if err := <-errs; err != nil {
			t.Errorf("send: %v", err)
		}
	}
	for _, user := range []string{unitA, unitB} {
		if msgs, _ := s.Messages(user, "INBOX"); len(msgs) != senders {
			t.Errorf("%s: got %d messages, want %d", user, len(msgs), senders)
		}
	}
}

func TestWaitDeliveries_GivesUp(t *testing.T) {
	s := startServer(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.WaitDeliveries(ctx, 1); err == nil {
		t.Errorf("cancelled context: got nil error, want one")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := s.WaitDeliveries(context.Background(), 1); err == nil {
		t.Errorf("closed server: got nil error, want ErrClosed")
	}
}

package letters

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-message/mail"
	"github.com/tonghop/tonghop/mailer"
)

// The letters through package mailer: the test imports it, package letters does not. The
// helpers are the ones of mailer's tests, cut to what a letter needs.

func testConfig(port int, mode mailer.TLSMode) mailer.Config {
	return mailer.Config{
		Host: "127.0.0.1", Port: port, TLS: mode,
		From: "tonghop@bqlkcn.example", FromName: "Văn phòng Ban Quản lý các KCN",
		Timeout: 10 * time.Second, HeloName: "tonghop.test", InsecureSkipVerify: true,
	}
}

// parsed is what a receiving program reads back from a composed letter.
type parsed struct {
	header mail.Header
	body   string
}

// parse reads raw mail with go-message, as a receiving program would.
func parse(t *testing.T, raw []byte) parsed {
	t.Helper()
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse message: %v", err)
	}
	p := parsed{header: r.Header}
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("next part: %v", err)
		}
		data, err := io.ReadAll(part.Body)
		if err != nil {
			t.Fatalf("read part: %v", err)
		}
		if _, ok := part.Header.(*mail.InlineHeader); ok {
			p.body = strings.ReplaceAll(string(data), "\r\n", "\n")
		}
	}
	return p
}

// TestLetters_Compose checks that a letter survives the trip through a real message.
func TestLetters_Compose(t *testing.T) {
	cfg := testConfig(25, mailer.TLSNone)
	for name, l := range sampleLetters() {
		t.Run(name, func(t *testing.T) {
			raw, err := mailer.Compose(cfg, mailer.Message{Key: name, To: []string{"qldn@bqlkcn.example"}, Subject: l.Subject, Body: l.Body})
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			p := parse(t, raw)
			if got, _ := p.header.Subject(); got != l.Subject {
				t.Errorf("subject: got %q, want %q", got, l.Subject)
			}
			if p.body != l.Body {
				t.Errorf("body: got %q, want %q", p.body, l.Body)
			}
		})
	}
}

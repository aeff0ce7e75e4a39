package intake

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

const (
	testUser     = "tonghop@sokhcn.example.gov.vn"
	testPassword = "mật-khẩu"
)

// testServer is go-imap's in-memory server on 127.0.0.1:0.
type testServer struct {
	host string
	port int
	user *imapmemserver.User
}

type serverOptions struct {
	caps      imap.CapSet                     // nil: IMAP4rev1 only, so MOVE falls back to COPY+EXPUNGE
	tlsConfig *tls.Config                     // STARTTLS support
	wrap      func(net.Listener) net.Listener // implicit TLS
}

func startServer(t *testing.T, opts serverOptions) *testServer {
	t.Helper()
	mem := imapmemserver.New()
	user := imapmemserver.NewUser(testUser, testPassword)
	if err := user.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(user)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         opts.caps,
		TLSConfig:    opts.tlsConfig,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().(*net.TCPAddr)
	if opts.wrap != nil {
		ln = opts.wrap(ln)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return &testServer{host: "127.0.0.1", port: addr.Port, user: user}
}

func (s *testServer) config() MailboxConfig {
	return MailboxConfig{Host: s.host, Port: s.port, TLS: TLSNone, User: testUser, Password: testPassword}
}

func (s *testServer) appendMessage(t *testing.T, mailbox string, raw []byte) uint32 {
	t.Helper()
	data, err := s.user.Append(mailbox, bytes.NewReader(raw), &imap.AppendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return uint32(data.UID)
}

func (s *testServer) status(t *testing.T, mailbox string) *imap.StatusData {
	t.Helper()
	st, err := s.user.Status(mailbox, &imap.StatusOptions{NumMessages: true, NumUnseen: true})
	if err != nil {
		t.Fatalf("status %q: %v", mailbox, err)
	}
	return st
}

func dial(t *testing.T, cfg MailboxConfig) *Mailbox {
	t.Helper()
	mb, err := Dial(context.Background(), cfg, nil)
	if err != nil {
		t.Fatalf("Dial: got error %v, want nil", err)
	}
	t.Cleanup(func() { _ = mb.Close() })
	return mb
}

func sampleMail(i int, size int) []byte {
	raw := buildMail("Kính gửi Văn phòng", "From: Phòng "+strconv.Itoa(i)+" <p"+strconv.Itoa(i)+"@x.vn>",
		"Subject: Báo cáo số "+strconv.Itoa(i), "Message-ID: <"+strconv.Itoa(i)+"@x.vn>")
	if pad := size - len(raw); pad > 0 {
		raw = append(raw, bytes.Repeat([]byte("x"), pad)...)
	}
	return raw
}

func TestDial(t *testing.T) {
	t.Run("creates folders", func(t *testing.T) {
		srv := startServer(t, serverOptions{})
		cfg := srv.config()
		cfg.Quarantine = "tonghop/Cách ly" // UTF-8 name, sent as modified UTF-7
		mb := dial(t, cfg)
		if mb.UIDValidity() == 0 {
			t.Error("UIDValidity: got 0, want the inbox's value")
		}
		for _, name := range []string{"Processed", "Rejected", "tonghop/Cách ly"} {
			srv.status(t, name)
		}
		// A second session finds the folders instead of failing to create them.
		dial(t, cfg)
	})
	t.Run("ErrAuth", func(t *testing.T) {
		srv := startServer(t, serverOptions{})
		cfg := srv.config()
		cfg.Password = "sai"
		_, err := Dial(context.Background(), cfg, nil)
		if !errors.Is(err, ErrAuth) {
			t.Errorf("Dial with wrong password: got %v, want ErrAuth", err)
		}
	})
	t.Run("no greeting times out", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			conn, err := ln.Accept()
			if err == nil {
				defer conn.Close()
				_, _ = io.Copy(io.Discard, conn)
			}
		}()
		cfg := MailboxConfig{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, TLS: TLSNone,
			User: testUser, Timeout: 50 * time.Millisecond}
		if _, err := Dial(context.Background(), cfg, nil); err == nil {
			t.Error("Dial to a silent server: got nil error, want a timeout")
		}
	})
	t.Run("invalid config", func(t *testing.T) {
		if _, err := Dial(context.Background(), MailboxConfig{User: "u"}, nil); err == nil {
			t.Error("Dial without host: got nil error, want one")
		}
	})
}

func TestDial_TLS(t *testing.T) {
	tlsConfig := selfSignedTLS(t)
	tests := []struct {
		name string
		mode TLSMode
		opts serverOptions
	}{
		{name: "starttls", mode: TLSStartTLS, opts: serverOptions{tlsConfig: tlsConfig}},
		{name: "implicit", mode: TLSImplicit, opts: serverOptions{wrap: func(ln net.Listener) net.Listener {
			return tls.NewListener(ln, tlsConfig)
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startServer(t, tt.opts)
			cfg := srv.config()
			cfg.TLS = tt.mode
			cfg.InsecureSkipVerify = true
			srv.appendMessage(t, "INBOX", sampleMail(1, 0))
			got, err := dial(t, cfg).Fetch(context.Background(), 0, 10)
			if err != nil || len(got) != 1 {
				t.Fatalf("Fetch over %s: got %d messages, error %v; want 1, nil", tt.mode, len(got), err)
			}

			cfg.InsecureSkipVerify = false
			if _, err := Dial(context.Background(), cfg, nil); err == nil {
				t.Error("Dial with an untrusted certificate: got nil error, want a verification error")
			}
		})
	}
}

func selfSignedTLS(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
}

func TestMailbox_Fetch(t *testing.T) {
	srv := startServer(t, serverOptions{})
	var raws [][]byte
	var uids []uint32
	for i := 1; i <= 4; i++ {
		raw := sampleMail(i, 0)
		raws = append(raws, raw)
		uids = append(uids, srv.appendMessage(t, "INBOX", raw))
	}
	big := sampleMail(5, 5000)
	bigUID := srv.appendMessage(t, "INBOX", big)
	cfg := srv.config()
	cfg.MaxMessageBytes = 4000
	mb := dial(t, cfg)
	ctx := context.Background()

	tests := []struct {
		name     string
		afterUID uint32
		limit    int
		want     []uint32
	}{
		{name: "all", afterUID: 0, limit: 10, want: append(append([]uint32{}, uids...), bigUID)},
		{name: "limit", afterUID: 0, limit: 2, want: uids[:2]},
		{name: "afterUID", afterUID: uids[1], limit: 10, want: []uint32{uids[2], uids[3], bigUID}},
		{name: "afterUID and limit", afterUID: uids[0], limit: 1, want: uids[1:2]},
		// "6:*" matches the last message although its UID is 5.
		{name: "nothing newer", afterUID: bigUID, limit: 10, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mb.Fetch(ctx, tt.afterUID, tt.limit)
			if err != nil {
				t.Fatalf("Fetch: got error %v", err)
			}
			var gotUIDs []uint32
			for _, f := range got {
				gotUIDs = append(gotUIDs, f.UID)
			}
			if fmt.Sprint(gotUIDs) != fmt.Sprint(tt.want) {
				t.Fatalf("UIDs: got %v, want %v", gotUIDs, tt.want)
			}
			for _, f := range got {
				checkFetched(t, f, uids, raws, bigUID, len(big))
			}
		})
	}
	if st := srv.status(t, "INBOX"); *st.NumUnseen != 5 {
		t.Errorf("unseen after Fetch: got %d, want 5 (Fetch must not set \\Seen)", *st.NumUnseen)
	}
}

func checkFetched(t *testing.T, f Fetched, uids []uint32, raws [][]byte, bigUID uint32, bigSize int) {
	t.Helper()
	if f.InternalDate.IsZero() {
		t.Errorf("uid %d: InternalDate is zero", f.UID)
	}
	if f.UID == bigUID {
		if !f.TooLarge || f.Raw != nil || f.Size != int64(bigSize) {
			t.Errorf("oversize uid %d: got TooLarge %v, %d raw bytes, Size %d; want true, none, %d",
				f.UID, f.TooLarge, len(f.Raw), f.Size, bigSize)
		}
		return
	}
	for i, uid := range uids {
		if uid == f.UID && (!bytes.Equal(f.Raw, raws[i]) || f.TooLarge || f.Size != int64(len(raws[i]))) {
			t.Errorf("uid %d: got %d bytes (Size %d, TooLarge %v), want the %d appended bytes",
				f.UID, len(f.Raw), f.Size, f.TooLarge, len(raws[i]))
		}
	}
}

func TestMailbox_Move(t *testing.T) {
	tests := []struct {
		name string
		caps imap.CapSet
	}{
		{name: "COPY and EXPUNGE fallback", caps: nil},
		{name: "MOVE", caps: imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapMove: {}, imap.CapUIDPlus: {}, imap.CapNamespace: {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startServer(t, serverOptions{caps: tt.caps})
			first := srv.appendMessage(t, "INBOX", sampleMail(1, 0))
			second := srv.appendMessage(t, "INBOX", sampleMail(2, 0))
			cfg := srv.config()
			mb := dial(t, cfg)
			ctx := context.Background()
			if err := mb.Move(ctx, first, cfg.withDefaults().Processed); err != nil {
				t.Fatalf("Move: got error %v", err)
			}
			if got := *srv.status(t, "INBOX").NumMessages; got != 1 {
				t.Errorf("INBOX messages after Move: got %d, want 1", got)
			}
			if got := *srv.status(t, "Processed").NumMessages; got != 1 {
				t.Errorf("Processed messages after Move: got %d, want 1", got)
			}
			left, err := mb.Fetch(ctx, 0, 10)
			if err != nil || len(left) != 1 || left[0].UID != second {
				t.Errorf("Fetch after Move: got %d messages, error %v; want only uid %d", len(left), err, second)
			}

			moved := dial(t, MailboxConfig{Host: cfg.Host, Port: cfg.Port, TLS: TLSNone,
				User: testUser, Password: testPassword, Inbox: "Processed"})
			got, err := moved.Fetch(ctx, 0, 10)
			if err != nil || len(got) != 1 || !bytes.Equal(got[0].Raw, sampleMail(1, 0)) {
				t.Errorf("Fetch from Processed: got %d messages, error %v; want the moved message", len(got), err)
			}
		})
	}
}

func TestMailbox_ContextCancelled(t *testing.T) {
	srv := startServer(t, serverOptions{})
	srv.appendMessage(t, "INBOX", sampleMail(1, 0))
	mb := dial(t, srv.config())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := mb.Fetch(ctx, 0, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("Fetch with cancelled context: got %v, want context.Canceled", err)
	}
}

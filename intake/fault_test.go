package intake

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/tonghop/tonghop/internal/dovecottest"
	"github.com/tonghop/tonghop/internal/netfault"
)

// Network failures between Mailbox and the server, through the netfault proxy, against the
// in-memory go-imap server and against Dovecot.

// largeMail is a message of about size bytes carrying a base64 attachment in 76-column lines,
// as mail clients send workbooks.
func largeMail(i, size int) []byte {
	var b strings.Builder
	b.WriteString("From: Phòng Tài chính <taichinh@x.vn>\r\nSubject: Báo cáo kèm tệp lớn\r\n" +
		"Message-ID: <large-" + string(rune('a'+i)) + "@x.vn>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: application/octet-stream; name=\"bao-cao.xlsx\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n")
	data := make([]byte, size*3/4)
	rng := rand.New(rand.NewPCG(uint64(i), 1))
	for j := range data {
		data[j] = byte(rng.Uint32())
	}
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return []byte(b.String())
}

// mailStore is what the fault tests need of a server: somewhere to append.
type mailStore func(t *testing.T, raw []byte) uint32

// checkDroppedMidFetch appends a small and a ~2 MB message, cuts the connection half-way
// through the large one and checks that Fetch fails without passing off a partial message as
// whole, and that a new session then gets both messages intact.
func checkDroppedMidFetch(t *testing.T, cfg MailboxConfig, proxy *netfault.Proxy, store mailStore) {
	t.Helper()
	small, large := sampleMail(1, 0), largeMail(2, 2<<20)
	smallUID, largeUID := store(t, small), store(t, large)
	mb := dial(t, cfg)
	proxy.CutAfter(1 << 20) // the listing and the small message pass; the large one does not
	got, err := mb.Fetch(context.Background(), 0, 10)
	if err == nil {
		t.Fatalf("Fetch through a connection cut mid-message: got %d messages and nil error, want an error", len(got))
	}
	for _, f := range got {
		if f.UID != smallUID || !bytes.Equal(f.Raw, small) {
			t.Errorf("Fetch returned uid %d (%d bytes) before failing; want only the complete uid %d",
				f.UID, len(f.Raw), smallUID)
		}
	}

	again := dial(t, cfg)
	got, err = again.Fetch(context.Background(), 0, 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("Fetch after re-Dial: got %d messages, error %v; want 2", len(got), err)
	}
	if got[1].UID != largeUID || !bytes.Equal(got[1].Raw, large) || got[1].Size != int64(len(large)) {
		t.Errorf("large message after re-Dial: got uid %d, %d bytes (Size %d); want uid %d, the %d bytes appended",
			got[1].UID, len(got[1].Raw), got[1].Size, largeUID, len(large))
	}
	if !bytes.Equal(got[0].Raw, small) {
		t.Errorf("small message after re-Dial: got %d bytes, want the %d appended", len(got[0].Raw), len(small))
	}
	if proxy.Connections() != 2 {
		t.Errorf("connections through the proxy: got %d, want 2", proxy.Connections())
	}
}

func TestMailbox_DroppedMidFetch(t *testing.T) {
	srv := startServer(t, serverOptions{})
	cfg, proxy := throughProxy(t, srv)
	checkDroppedMidFetch(t, cfg, proxy, func(t *testing.T, raw []byte) uint32 {
		return srv.appendMessage(t, "INBOX", raw)
	})
}

func TestDovecot_DroppedMidFetch(t *testing.T) {
	t.Parallel()
	srv := dovecottest.Start(t, dovecottest.Options{})
	proxy := netfault.Listen(t, srv.Addr())
	cfg := dovecotConfig(srv)
	cfg.Port = proxy.Port()
	checkDroppedMidFetch(t, cfg, proxy, func(t *testing.T, raw []byte) uint32 {
		return srv.Append(t, "INBOX", raw)
	})
}

func TestMailbox_ConnectionDropped(t *testing.T) {
	srv := startServer(t, serverOptions{caps: imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIdle: {}}})
	cfg, proxy := throughProxy(t, srv)
	uid := srv.appendMessage(t, "INBOX", sampleMail(1, 0))
	ctx := context.Background()

	t.Run("before Move", func(t *testing.T) {
		// The daemon recorded the message, then the network failed: Move fails, the message
		// stays in the inbox, and the next session moves it.
		mb := dial(t, cfg)
		proxy.DropAll()
		if err := mb.Move(ctx, uid, DefaultProcessed); err == nil {
			t.Fatal("Move on a dropped connection: got nil error, want one")
		}
		if got := *srv.status(t, "INBOX").NumMessages; got != 1 {
			t.Fatalf("INBOX after a failed Move: got %d messages, want 1", got)
		}
		if err := dial(t, cfg).Move(ctx, uid, DefaultProcessed); err != nil {
			t.Fatalf("Move after re-Dial: %v", err)
		}
		if got := *srv.status(t, DefaultProcessed).NumMessages; got != 1 {
			t.Errorf("Processed after Move: got %d messages, want 1", got)
		}
	})
	t.Run("during login", func(t *testing.T) {
		proxy.CutAfter(10) // part of the greeting
		_, err := Dial(ctx, cfg, nil)
		if err == nil || errors.Is(err, ErrAuth) {
			t.Errorf("Dial cut during the greeting: got %v, want a connection error, not ErrAuth", err)
		}
	})
	t.Run("while idling", func(t *testing.T) {
		mb := dial(t, cfg)
		if !mb.CanIdle() {
			t.Fatal("CanIdle: got false, want true")
		}
		done := make(chan error, 1)
		go func() {
			_, err := mb.WaitForMail(ctx, 30*time.Second)
			done <- err
		}()
		pauseForIdle()
		proxy.DropAll()
		if err := <-done; err == nil {
			t.Error("WaitForMail on a dropped connection: got nil error, want one")
		}
	})
}

// throughProxy puts a proxy in front of the in-memory server and returns the configuration
// that goes through it.
func throughProxy(t *testing.T, srv *testServer) (MailboxConfig, *netfault.Proxy) {
	t.Helper()
	proxy := netfault.Listen(t, net.JoinHostPort(srv.host, strconv.Itoa(srv.port)))
	cfg := srv.config()
	cfg.Port, cfg.Timeout = proxy.Port(), 10*time.Second
	return cfg, proxy
}

package intake

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/tonghop/tonghop/internal/dovecottest"
)

// Tests of Mailbox against a real Dovecot (internal/dovecottest). They are skipped when Dovecot
// is not installed, unless TONGHOP_REQUIRE_DOVECOT=1.

func dovecotConfig(srv *dovecottest.Server) MailboxConfig {
	return MailboxConfig{Host: srv.Host(), Port: srv.Port(), TLS: TLSNone, User: srv.User(),
		Password: srv.Password(), Timeout: 10 * time.Second}
}

func TestDovecot_Fetch(t *testing.T) {
	t.Parallel()
	srv := dovecottest.Start(t, dovecottest.Options{})
	var raws [][]byte
	var uids []uint32
	for i := 1; i <= 3; i++ {
		raws = append(raws, sampleMail(i, 0))
		uids = append(uids, srv.Append(t, "INBOX", raws[i-1]))
	}
	mb := dial(t, dovecotConfig(srv))
	ctx := context.Background()
	tests := []struct {
		name     string
		afterUID uint32
		limit    int
		want     []uint32
	}{
		{name: "all", afterUID: 0, limit: 10, want: uids},
		{name: "limit", afterUID: 0, limit: 2, want: uids[:2]},
		{name: "afterUID", afterUID: uids[0], limit: 10, want: uids[1:]},
		// Dovecot answers "UID 4:*" with the last message, UID 3.
		{name: "nothing newer", afterUID: uids[2], limit: 10, want: nil},
		{name: "far beyond", afterUID: uids[2] + 1000, limit: 10, want: nil},
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
				i := slices.Index(uids, f.UID)
				if i < 0 || !bytes.Equal(f.Raw, raws[i]) || f.Size != int64(len(raws[i])) || f.InternalDate.IsZero() {
					t.Errorf("uid %d: got %d bytes, Size %d, date %v; want the %d appended bytes and a date",
						f.UID, len(f.Raw), f.Size, f.InternalDate, len(raws[max(i, 0)]))
				}
			}
			if fmt.Sprint(gotUIDs) != fmt.Sprint(tt.want) {
				t.Fatalf("UIDs: got %v, want %v", gotUIDs, tt.want)
			}
		})
	}
	t.Run("server quirk still there", func(t *testing.T) {
		// Dovecot does answer "UID FETCH 4:*" with the last message, uid 3 (imapclient drops
		// that answer as not asked for, and listAfter filters it too). If this fails, Dovecot
		// changed, not Fetch.
		got := rawSession(t, srv, fmt.Sprintf("UID FETCH %d:* (UID)", uids[2]+1))
		if want := fmt.Sprintf("* 3 FETCH (UID %d)", uids[2]); !strings.Contains(got, want) {
			t.Errorf("UID FETCH %d:* on the wire: got %q, want %q", uids[2]+1, got, want)
		}
	})
	c := srv.Client(t)
	if st, err := c.Status("INBOX", &imap.StatusOptions{NumUnseen: true}).Wait(); err != nil || *st.NumUnseen != 3 {
		t.Errorf("unseen after Fetch: got %v, error %v; want 3 (Fetch must not set \\Seen)", st, err)
	}
}

func TestDovecot_WaitForMail(t *testing.T) {
	t.Parallel()
	t.Run("IDLE", func(t *testing.T) {
		t.Parallel()
		srv := dovecottest.Start(t, dovecottest.Options{})
		mb := dial(t, dovecotConfig(srv))
		if !mb.CanIdle() {
			t.Fatal("CanIdle: got false for Dovecot, want true")
		}
		done := make(chan waitResult, 1)
		go func() {
			announced, err := mb.WaitForMail(context.Background(), 30*time.Second)
			done <- waitResult{announced, err}
		}()
		pauseForIdle()
		uid := srv.Append(t, "INBOX", sampleMail(1, 0)) // another connection, as a unit's mail arriving
		if r := <-done; !r.announced || r.err != nil {
			t.Fatalf("WaitForMail after an append: got (%v, %v), want (true, nil)", r.announced, r.err)
		}
		got, err := mb.Fetch(context.Background(), 0, 10)
		if err != nil || len(got) != 1 || got[0].UID != uid {
			t.Fatalf("Fetch after IDLE: got %d messages, error %v; want uid %d", len(got), err, uid)
		}
	})
	t.Run("polling without IDLE", func(t *testing.T) {
		t.Parallel()
		srv := dovecottest.Start(t, dovecottest.Options{NoIdle: true})
		mb := dial(t, dovecotConfig(srv))
		if mb.CanIdle() {
			t.Fatal("CanIdle: got true for a server without IDLE, want false")
		}
		uid := srv.Append(t, "INBOX", sampleMail(1, 0))
		const wait = 200 * time.Millisecond
		start := time.Now()
		announced, err := mb.WaitForMail(context.Background(), wait)
		if announced || err != nil || time.Since(start) < wait {
			t.Fatalf("WaitForMail without IDLE: got (%v, %v) after %v, want (false, nil) after %v",
				announced, err, time.Since(start), wait)
		}
		got, err := mb.Fetch(context.Background(), 0, 10)
		if err != nil || len(got) != 1 || got[0].UID != uid {
			t.Fatalf("Fetch after the poll interval: got %d messages, error %v; want uid %d", len(got), err, uid)
		}
	})
	t.Run("connection dropped while idling", func(t *testing.T) {
		t.Parallel()
		srv := dovecottest.Start(t, dovecottest.Options{})
		mb := dial(t, dovecotConfig(srv))
		done := make(chan waitResult, 1)
		go func() {
			announced, err := mb.WaitForMail(context.Background(), 30*time.Second)
			done <- waitResult{announced, err}
		}()
		pauseForIdle()
		srv.KickAll(t)
		if r := <-done; r.err == nil {
			t.Fatalf("WaitForMail when the server drops the connection: got (%v, nil), want an error", r.announced)
		}
	})
}

type waitResult struct {
	announced bool
	err       error
}

// pauseForIdle gives a WaitForMail started in another goroutine time to enter IDLE. Nothing
// depends on it for correctness (mail arriving just before IDLE is announced when IDLE starts);
// it only makes the test exercise the notification during IDLE.
func pauseForIdle() { time.Sleep(100 * time.Millisecond) }

func TestDovecot_UIDValidityChange(t *testing.T) {
	t.Parallel()
	srv := dovecottest.Start(t, dovecottest.Options{})
	raws := [][]byte{sampleMail(1, 0), sampleMail(2, 0)}
	for _, raw := range raws {
		srv.Append(t, "INBOX", raw)
	}
	cfg := dovecotConfig(srv)
	old := dial(t, cfg)
	before := old.UIDValidity()
	if before != srv.UIDValidity(t, "INBOX") {
		t.Fatalf("UIDValidity: got %d, want the server's %d", before, srv.UIDValidity(t, "INBOX"))
	}
	changed := srv.ChangeUIDValidity(t, "INBOX")

	// Dovecot ends a session whose selected mailbox changed UIDVALIDITY: the old UIDs must
	// not be used with the new ones.
	if got, err := old.Fetch(context.Background(), 0, 10); err == nil {
		t.Errorf("Fetch on the session opened before the change: got %d messages, nil error; want the session ended", len(got))
	}

	mb := dial(t, cfg)
	if mb.UIDValidity() == before || mb.UIDValidity() != changed {
		t.Fatalf("UIDValidity after re-Dial: got %d, want the new %d (was %d)", mb.UIDValidity(), changed, before)
	}
	got, err := mb.Fetch(context.Background(), 0, 10)
	if err != nil || len(got) != 2 || !bytes.Equal(got[0].Raw, raws[0]) || !bytes.Equal(got[1].Raw, raws[1]) {
		t.Fatalf("Fetch from 0 after the change: got %d messages, error %v; want both, unchanged", len(got), err)
	}
}

func TestDovecot_Move(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts dovecottest.Options
	}{
		{name: "MOVE", opts: dovecottest.Options{}},
		{name: "COPY STORE EXPUNGE fallback", opts: dovecottest.Options{NoMove: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := dovecottest.Start(t, tt.opts)
			first := srv.Append(t, "INBOX", sampleMail(1, 0))
			second := srv.Append(t, "INBOX", sampleMail(2, 0))
			cfg := dovecotConfig(srv)
			mb := dial(t, cfg)
			if got := mb.client.Caps().Has(imap.CapMove); got == tt.opts.NoMove {
				t.Fatalf("MOVE announced: got %v, want %v", got, !tt.opts.NoMove)
			}
			ctx := context.Background()
			if err := mb.Move(ctx, first, DefaultProcessed); err != nil {
				t.Fatalf("Move: got error %v", err)
			}
			if got := srv.Count(t, "INBOX"); got != 1 {
				t.Errorf("INBOX messages after Move: got %d, want 1", got)
			}
			if got := srv.Messages(t, DefaultProcessed); len(got) != 1 || !bytes.Equal(got[0], sampleMail(1, 0)) {
				t.Errorf("Processed after Move: got %d messages, want the moved one", len(got))
			}
			left, err := mb.Fetch(ctx, 0, 10)
			if err != nil || len(left) != 1 || left[0].UID != second {
				t.Errorf("Fetch after Move: got %d messages, error %v; want only uid %d", len(left), err, second)
			}
		})
	}
}

func TestDovecot_RestartBeforeMove(t *testing.T) {
	t.Parallel()
	// The message is recorded, then the server restarts before it is moved: Move fails, the
	// message stays in the inbox, and moving it in the next session works; moving it once more
	// (the daemon cannot know whether an earlier Move reached the server) changes nothing.
	srv := dovecottest.Start(t, dovecottest.Options{})
	uid := srv.Append(t, "INBOX", sampleMail(1, 0))
	cfg := dovecotConfig(srv)
	mb := dial(t, cfg)
	ctx := context.Background()
	if got, err := mb.Fetch(ctx, 0, 10); err != nil || len(got) != 1 {
		t.Fatalf("Fetch: got %d messages, error %v; want 1", len(got), err)
	}
	srv.Restart(t)
	if err := mb.Move(ctx, uid, DefaultProcessed); err == nil {
		t.Fatal("Move after the server restarted: got nil error, want one")
	}
	if got := srv.Count(t, "INBOX"); got != 1 {
		t.Fatalf("INBOX after a failed Move: got %d messages, want 1", got)
	}
	again := dial(t, cfg)
	for i := range 2 {
		if err := again.Move(ctx, uid, DefaultProcessed); err != nil {
			t.Fatalf("Move #%d in a new session: %v", i+1, err)
		}
	}
	if inbox, processed := srv.Count(t, "INBOX"), srv.Count(t, DefaultProcessed); inbox != 0 || processed != 1 {
		t.Errorf("after moving twice: got %d in INBOX and %d in Processed, want 0 and 1", inbox, processed)
	}
}

func TestDovecot_MoveToMissingFolder(t *testing.T) {
	t.Parallel()
	for _, noMove := range []bool{false, true} {
		t.Run(fmt.Sprintf("NoMove=%v", noMove), func(t *testing.T) {
			t.Parallel()
			srv := dovecottest.Start(t, dovecottest.Options{NoMove: noMove})
			uid := srv.Append(t, "INBOX", sampleMail(1, 0))
			mb := dial(t, dovecotConfig(srv))
			if err := mb.Move(context.Background(), uid, "Không có"); err == nil {
				t.Error("Move to a folder that does not exist: got nil error, want one")
			}
			if got := srv.Count(t, "INBOX"); got != 1 {
				t.Errorf("INBOX after a failed Move: got %d messages, want 1 (the message must not be lost)", got)
			}
		})
	}
}

func TestDovecot_Folders(t *testing.T) {
	t.Parallel()
	srv := dovecottest.Start(t, dovecottest.Options{})
	cfg := dovecotConfig(srv)
	cfg.Processed = "Đã xử lý" // non-ASCII: modified UTF-7 on the wire and on disk
	cfg.Quarantine = "Cách ly"
	uid := srv.Append(t, "INBOX", sampleMail(1, 0))
	dial(t, cfg)
	want := []string{"Cách ly", "Failed", "INBOX", "Rejected", "Đã xử lý"}
	if got := srv.Folders(t); !slices.Equal(got, want) {
		t.Fatalf("folders after Dial: got %q, want %q", got, want)
	}
	// A second session finds the folders instead of failing to create them.
	mb := dial(t, cfg)
	if got := srv.Folders(t); !slices.Equal(got, want) {
		t.Errorf("folders after a second Dial: got %q, want %q", got, want)
	}
	if err := mb.Move(context.Background(), uid, cfg.Processed); err != nil {
		t.Fatalf("Move to %q: %v", cfg.Processed, err)
	}
	if got := srv.Count(t, "Đã xử lý"); got != 1 {
		t.Errorf("messages in Đã xử lý: got %d, want 1", got)
	}
}

func TestDovecot_TLS(t *testing.T) {
	t.Parallel()
	srv := dovecottest.Start(t, dovecottest.Options{TLS: true})
	srv.Append(t, "INBOX", sampleMail(1, 0))
	tests := []struct {
		name string
		mode TLSMode
		port int
	}{
		{name: "STARTTLS", mode: TLSStartTLS, port: srv.Port()},
		{name: "implicit", mode: TLSImplicit, port: srv.TLSPort()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := dovecotConfig(srv)
			cfg.TLS, cfg.Port = tt.mode, tt.port
			// The office's own CA, given as RootCAs: verified, not skipped.
			cfg.RootCAs = srv.CertPool()
			got, err := dial(t, cfg).Fetch(context.Background(), 0, 10)
			if err != nil || len(got) != 1 {
				t.Fatalf("Fetch over %s: got %d messages, error %v; want 1, nil", tt.mode, len(got), err)
			}
			cfg.RootCAs = nil
			cfg.InsecureSkipVerify = true
			if _, err := dial(t, cfg).Fetch(context.Background(), 0, 10); err != nil {
				t.Fatalf("Fetch over %s without verification: %v", tt.mode, err)
			}
			cfg.InsecureSkipVerify = false
			_, err = Dial(context.Background(), cfg, nil)
			var unknownCA x509.UnknownAuthorityError
			var verifyErr *tls.CertificateVerificationError
			if !errors.As(err, &unknownCA) && !errors.As(err, &verifyErr) {
				t.Errorf("Dial verifying an unknown CA: got %v, want a certificate verification error", err)
			}
		})
	}
}

func TestDovecot_ErrAuth(t *testing.T) {
	t.Parallel()
	srv := dovecottest.Start(t, dovecottest.Options{})
	cfg := dovecotConfig(srv)
	cfg.Password = "sai mật khẩu"
	if _, err := Dial(context.Background(), cfg, nil); !errors.Is(err, ErrAuth) {
		t.Errorf("Dial with a wrong password: got %v, want ErrAuth", err)
	}
	cfg.Password = srv.Password()
	dial(t, cfg) // the right one still works: no lock-out after one failure
}

// rawSession logs in over a bare connection, selects INBOX, sends command and returns what the
// server answered to it, untagged responses included: what a client library would hide.
func rawSession(t *testing.T, srv *dovecottest.Server, command string) string {
	t.Helper()
	conn, err := net.DialTimeout("tcp", srv.Addr(), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	readUntil := func(tag string) string {
		var b strings.Builder
		for {
			line, err := r.ReadString('\n')
			b.WriteString(line)
			if err != nil {
				t.Fatalf("raw session: %v after %q", err, b.String())
			}
			if strings.HasPrefix(line, tag) {
				return b.String()
			}
		}
	}
	readUntil("* OK")
	// LITERAL+ literals carry the UTF-8 user name and password, as in any client.
	fmt.Fprintf(conn, "a LOGIN {%d+}\r\n%s {%d+}\r\n%s\r\n", len(srv.User()), srv.User(), len(srv.Password()), srv.Password())
	if got := readUntil("a "); !strings.HasPrefix(got[strings.LastIndex(got, "a "):], "a OK") {
		t.Fatalf("raw LOGIN: got %q", got)
	}
	fmt.Fprintf(conn, "b SELECT INBOX\r\nc %s\r\n", command)
	readUntil("b ")
	return readUntil("c ")
}

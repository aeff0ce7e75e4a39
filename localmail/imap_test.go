package localmail

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"
)

func TestIMAP_Login(t *testing.T) {
	s := startServer(t, Options{})
	tests := []struct {
		name   string
		user   string
		pass   string
		plain  bool // AUTHENTICATE PLAIN instead of LOGIN
		wantOK bool
	}{
		{name: "OK", user: office, pass: password, wantOK: true},
		{name: "CaseInsensitiveName", user: strings.ToUpper(office), pass: password, wantOK: true},
		{name: "WrongPassword", user: office, pass: "sai-mật-khẩu"},
		{name: "PasswordIsCaseSensitive", user: office, pass: strings.ToUpper(password)},
		{name: "UnknownUser", user: "ai@sokhcn.gov.vn", pass: password},
		{name: "PlainOK", user: unitA, pass: password, plain: true, wantOK: true},
		{name: "PlainWrongPassword", user: unitA, pass: "sai", plain: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := imapclient.DialInsecure(s.IMAPAddr(), nil)
			if err != nil {
				t.Fatalf("dial: %v", err)
			}
			defer c.Close()
			if tt.plain {
				err = c.Authenticate(sasl.NewPlainClient("", tt.user, tt.pass))
			} else {
				err = c.Login(tt.user, tt.pass).Wait()
			}
			if gotOK := err == nil; gotOK != tt.wantOK {
				t.Fatalf("got login error %v, want success %v", err, tt.wantOK)
			}
			if !tt.wantOK {
				return
			}
			list, err := c.List("", "*", nil).Collect()
			if err != nil {
				t.Fatalf("list: %v", err)
			}
			if len(list) != 1 || list[0].Mailbox != "INBOX" {
				t.Errorf("got mailboxes %v, want only INBOX", list)
			}
		})
	}
}

func TestIMAP_Capabilities(t *testing.T) {
	s := startServer(t, Options{})
	c := loginIMAP(t, s, office, password)
	caps, err := c.Capability().Wait()
	if err != nil {
		t.Fatalf("capability: %v", err)
	}
	for _, want := range []imap.Cap{imap.CapIMAP4rev1, imap.CapIdle, imap.CapMove, imap.CapUIDPlus, imap.CapNamespace, imap.CapUnselect} {
		if !caps.Has(want) {
			t.Errorf("got capabilities %v, want %s among them", caps, want)
		}
	}
	if caps.Has(imap.CapIMAP4rev2) || caps.Has(imap.CapStartTLS) {
		t.Errorf("got capabilities %v, want neither IMAP4rev2 nor STARTTLS", caps)
	}
}

func TestIMAP_Move(t *testing.T) {
	s := startServer(t, Options{})
	bodies := []string{"Subject: 1\r\n\r\nmot\r\n", "Subject: 2\r\n\r\nhai\r\n", "Subject: 3\r\n\r\nba\r\n"}
	for _, b := range bodies {
		if err := s.Append(office, "INBOX", []byte(b)); err != nil {
			t.Fatalf("Append: %v", err)
		}
	}
	const done = "Đã xử lý" // non-ASCII: travels as modified UTF-7
	c := loginIMAP(t, s, office, password)
	if err := c.Create(done, nil).Wait(); err != nil {
		t.Fatalf("create %q: %v", done, err)
	}
	inbox, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		t.Fatalf("select: %v", err)
	}
	moved, err := c.Move(imap.UIDSetNum(2), done).Wait()
	if err != nil {
		t.Fatalf("uid move: %v", err)
	}
	if moved.SourceUIDs.String() != "2" || moved.DestUIDs.String() != "1" {
		t.Errorf("got COPYUID %v -> %v, want 2 -> 1 (destination numbers from its own UIDNEXT)", moved.SourceUIDs, moved.DestUIDs)
	}
	if moved.UIDValidity == 0 || moved.UIDValidity == inbox.UIDValidity {
		t.Errorf("got destination UIDVALIDITY %d, want non-zero and unlike INBOX's %d", moved.UIDValidity, inbox.UIDValidity)
	}

	left := fetchAll(t, c, "INBOX")
	if len(left) != 2 || string(left[1]) != bodies[0] || string(left[3]) != bodies[2] {
		t.Errorf("got INBOX %v, want UIDs 1 and 3 unchanged", left)
	}
	there := fetchAll(t, c, done)
	if len(there) != 1 || string(there[1]) != bodies[1] {
		t.Errorf("got %s %v, want message 2 as UID 1", done, there)
	}
	names, err := s.Mailboxes(office)
	if err != nil || !slices.Equal(names, []string{"INBOX", done}) {
		t.Errorf("got Mailboxes %q, %v, want [INBOX %s]", names, err, done)
	}
}

func TestIMAP_IdleSeesDelivery(t *testing.T) {
	s := startServer(t, Options{})
	exists := make(chan uint32, 4)
	c, err := imapclient.DialInsecure(s.IMAPAddr(), &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(data *imapclient.UnilateralDataMailbox) {
				if data.NumMessages != nil {
					exists <- *data.NumMessages
				}
			},
		},
	})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer c.Close()
	if err := c.Login(office, password).Wait(); err != nil {
		t.Fatalf("login: %v", err)
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatalf("select: %v", err)
	}
	idle, err := c.Idle()
	if err != nil {
		t.Fatalf("idle: %v", err)
	}
	if err := sendRaw(t, s, unitA, password, unitA, []string{office}, sampleRaw); err != nil {
		t.Fatalf("send: %v", err)
	}
	select {
	case n := <-exists:
		if n != 1 {
			t.Errorf("got EXISTS %d, want 1", n)
		}
	case <-time.After(10 * time.Second): // deadlock guard only
		t.Fatal("no EXISTS update during IDLE")
	}
	if err := idle.Close(); err != nil {
		t.Fatalf("close idle: %v", err)
	}
	if err := idle.Wait(); err != nil {
		t.Fatalf("idle: %v", err)
	}
}

func TestServer_AppendMessagesMailboxes(t *testing.T) {
	at := time.Date(2025, 5, 20, 14, 30, 0, 0, time.FixedZone("ICT", 7*3600))
	s := startServer(t, Options{Now: func() time.Time { return at }})
	const archive = "Lưu trữ/2025"
	if err := s.Append(unitA, archive, []byte(sampleRaw)); err != nil {
		t.Fatalf("Append: %v", err)
	}
	if err := s.Append(strings.ToUpper(unitA), "inbox", []byte(sampleRaw)); err != nil {
		t.Fatalf("Append to inbox: %v", err)
	}
	names, err := s.Mailboxes(unitA)
	if err != nil || !slices.Equal(names, []string{"INBOX", archive}) {
		t.Fatalf("got Mailboxes %q, %v, want [INBOX %s]", names, err, archive)
	}
	msgs, err := s.Messages(unitA, archive)
	if err != nil || len(msgs) != 1 || string(msgs[0]) != sampleRaw {
		t.Fatalf("got Messages %q, %v, want the appended message", msgs, err)
	}
	if err := s.Append(unitA, archive, []byte(sampleRaw)); err != nil {
		t.Fatalf("Append again: %v", err)
	}
	for mailbox, want := range map[string]int{archive: 2, "inbox": 1} {
		if n, err := s.Count(unitA, mailbox); err != nil || n != want {
			t.Errorf("Count %s: got %d, %v, want %d", mailbox, n, err, want)
		}
	}
	if _, err := s.Count(unitA, "Chưa có"); err == nil {
		t.Error("Count of a mailbox that does not exist: no error")
	}

	// Messages must not mark anything \Seen, and Append stamps Options.Now.
	c := loginIMAP(t, s, unitA, password)
	if _, err := c.Select(archive, nil).Wait(); err != nil {
		t.Fatalf("select: %v", err)
	}
	bufs, err := c.Fetch(imap.UIDSetNum(1), &imap.FetchOptions{Flags: true, InternalDate: true}).Collect()
	if err != nil || len(bufs) != 1 {
		t.Fatalf("fetch: %v (%d messages)", err, len(bufs))
	}
	if len(bufs[0].Flags) != 0 {
		t.Errorf("got flags %v, want none", bufs[0].Flags)
	}
	if !bufs[0].InternalDate.Equal(at) {
		t.Errorf("got internal date %v, want %v", bufs[0].InternalDate, at)
	}
}

func TestServer_UserErrors(t *testing.T) {
	s := startServer(t, Options{})
	tests := []struct {
		name    string
		run     func() error
		wantErr error // nil: any error
	}{
		{name: "AddUserTwice", run: func() error { return s.AddUser(strings.ToUpper(office), "x") }, wantErr: ErrUserExists},
		{name: "AddUserDisplayName", run: func() error { return s.AddUser("Văn phòng <vp@x.vn>", "x") }},
		{name: "AddUserNoAt", run: func() error { return s.AddUser("vanphong", "x") }},
		{name: "AddUserEmptyPassword", run: func() error { return s.AddUser("moi@x.vn", "") }},
		{name: "AppendUnknownUser", run: func() error { return s.Append("ai@x.vn", "INBOX", []byte(sampleRaw)) }, wantErr: ErrUnknownUser},
		{name: "MessagesUnknownUser", run: func() error { _, err := s.Messages("ai@x.vn", "INBOX"); return err }, wantErr: ErrUnknownUser},
		{name: "MessagesUnknownMailbox", run: func() error { _, err := s.Messages(office, "Không có"); return err }},
		{name: "MailboxesUnknownUser", run: func() error { _, err := s.Mailboxes("ai@x.vn"); return err }, wantErr: ErrUnknownUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) {
				t.Errorf("got error %v, want %v", err, cmpNil(tt.wantErr))
			}
		})
	}
}

func cmpNil(err error) any {
	if err == nil {
		return "an error"
	}
	return err
}

func TestIMAP_InboxProtected(t *testing.T) {
	s := startServer(t, Options{})
	c := loginIMAP(t, s, office, password)
	if err := c.Create("Lưu", nil).Wait(); err != nil {
		t.Fatalf("create: %v", err)
	}
	tests := []struct {
		name   string
		run    func() error
		wantOK bool
	}{
		{name: "DeleteInbox", run: func() error { return c.Delete("inbox").Wait() }},
		{name: "RenameInbox", run: func() error { return c.Rename("INBOX", "Cũ", nil).Wait() }},
		{name: "RenameOther", run: func() error { return c.Rename("Lưu", "Lưu trữ", nil).Wait() }, wantOK: true},
		{name: "DeleteOther", run: func() error { return c.Delete("Lưu trữ").Wait() }, wantOK: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); (err == nil) != tt.wantOK {
				t.Errorf("got error %v, want success %v", err, tt.wantOK)
			}
		})
	}
	if names, err := s.Mailboxes(office); err != nil || !slices.Equal(names, []string{"INBOX"}) {
		t.Errorf("got Mailboxes %q, %v, want [INBOX]", names, err)
	}
}

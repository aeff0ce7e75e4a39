package dovecottest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"sort"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// adminTimeout bounds each helper connection, so a stuck server fails the test instead of
// hanging it.
const adminTimeout = 30 * time.Second

// Client returns a new connection logged in as the account, over plain text on Port, closed
// when the test ends. It is for checks the other methods do not cover; like them it bypasses
// whatever proxy the code under test goes through.
func (s *Server) Client(t testing.TB) *imapclient.Client {
	t.Helper()
	c, err := s.login(s.opts.User)
	if err != nil {
		t.Fatalf("dovecottest: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func (s *Server) login(user string) (*imapclient.Client, error) {
	password := s.password(user)
	if password == "" {
		return nil, fmt.Errorf("no account %q", user)
	}
	conn, err := net.DialTimeout("tcp", s.Addr(), adminTimeout)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(adminTimeout))
	c := imapclient.New(conn, nil)
	if err := c.Login(user, password).Wait(); err != nil {
		_ = c.Close()
		return nil, err
	}
	return c, nil
}

// withClient runs f on a fresh connection logged in as the account, and logs out.
func (s *Server) withClient(t testing.TB, what string, f func(c *imapclient.Client) error) {
	t.Helper()
	s.withClientOf(t, s.opts.User, what, f)
}

// withClientOf runs f on a fresh connection logged in as user, and logs out.
func (s *Server) withClientOf(t testing.TB, user, what string, f func(c *imapclient.Client) error) {
	t.Helper()
	c, err := s.login(user)
	if err == nil {
		err = f(c)
		if logoutErr := c.Logout().Wait(); err == nil {
			err = logoutErr
		}
		_ = c.Close()
	}
	if err != nil {
		t.Fatalf("dovecottest: %s of %s: %v", what, user, err)
	}
}

// Append stores raw in folder, creating the folder if needed, and returns its UID. Folder
// names are UTF-8.
func (s *Server) Append(t testing.TB, folder string, raw []byte) uint32 {
	t.Helper()
	var uid uint32
	s.withClient(t, "append to "+folder, func(c *imapclient.Client) error {
		data, err := appendMessage(c, folder, raw)
		var imapErr *imap.Error
		if errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeTryCreate {
			if err := c.Create(folder, nil).Wait(); err != nil {
				return err
			}
			data, err = appendMessage(c, folder, raw)
		}
		if err != nil {
			return err
		}
		uid = uint32(data.UID)
		return nil
	})
	return uid
}

func appendMessage(c *imapclient.Client, folder string, raw []byte) (*imap.AppendData, error) {
	cmd := c.Append(folder, int64(len(raw)), nil)
	if _, err := cmd.Write(raw); err != nil {
		return nil, err
	}
	if err := cmd.Close(); err != nil {
		return nil, err
	}
	return cmd.Wait()
}

// Messages returns the raw contents of every message in folder, in UID order, leaving their
// flags alone.
func (s *Server) Messages(t testing.TB, folder string) [][]byte {
	t.Helper()
	return s.MessagesOf(t, s.opts.User, folder)
}

// MessagesOf is Messages of another account.
func (s *Server) MessagesOf(t testing.TB, user, folder string) [][]byte {
	t.Helper()
	var raws [][]byte
	s.withClientOf(t, user, "read "+folder, func(c *imapclient.Client) error {
		sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
		if err != nil || sel.NumMessages == 0 {
			return err
		}
		section := &imap.FetchItemBodySection{Peek: true}
		var all imap.UIDSet
		all.AddRange(1, 0)
		bufs, err := c.Fetch(all, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
		if err != nil {
			return err
		}
		sort.Slice(bufs, func(i, j int) bool { return bufs[i].UID < bufs[j].UID })
		for _, b := range bufs {
			raws = append(raws, bytes.Clone(b.FindBodySection(section)))
		}
		return nil
	})
	return raws
}

// Count is the number of messages in folder.
func (s *Server) Count(t testing.TB, folder string) int {
	t.Helper()
	return s.CountOf(t, s.opts.User, folder)
}

// CountOf is Count of another account.
func (s *Server) CountOf(t testing.TB, user, folder string) int {
	t.Helper()
	var n int
	s.withClientOf(t, user, "status of "+folder, func(c *imapclient.Client) error {
		st, err := c.Status(folder, &imap.StatusOptions{NumMessages: true}).Wait()
		if err == nil {
			n = int(*st.NumMessages)
		}
		return err
	})
	return n
}

// UIDValidity is folder's UIDVALIDITY.
func (s *Server) UIDValidity(t testing.TB, folder string) uint32 {
	t.Helper()
	var v uint32
	s.withClient(t, "status of "+folder, func(c *imapclient.Client) error {
		st, err := c.Status(folder, &imap.StatusOptions{UIDValidity: true}).Wait()
		if err == nil {
			v = st.UIDValidity
		}
		return err
	})
	return v
}

// Folders lists every folder by its UTF-8 name, INBOX included.
func (s *Server) Folders(t testing.TB) []string {
	t.Helper()
	var names []string
	s.withClient(t, "list folders", func(c *imapclient.Client) error {
		list, err := c.List("", "*", nil).Collect()
		for _, l := range list {
			names = append(names, l.Mailbox)
		}
		return err
	})
	sort.Strings(names)
	return names
}

package localmail

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Append stores raw in a user's mailbox, creating the mailbox if needed, with
// no flags and an internal date of now, as if it had been delivered there.
func (s *Server) Append(email, mailbox string, raw []byte) error {
	acct, err := s.account(email)
	if err != nil {
		return fmt.Errorf("append: %w", err)
	}
	if _, err := s.appendTo(acct, canonicalMailbox(mailbox), raw); err != nil {
		return fmt.Errorf("append: %w", err)
	}
	return nil
}

// appendTo is the one place messages enter the store. IMAP sessions that have
// the mailbox selected see the new message through imapmemserver's tracker.
func (s *Server) appendTo(acct *account, mailbox string, raw []byte) (*imap.AppendData, error) {
	if err := ensureMailbox(acct.mem, mailbox); err != nil {
		return nil, err
	}
	opts := &imap.AppendOptions{Time: s.opts.Now()}
	data, err := acct.mem.Append(mailbox, bytes.NewReader(raw), opts)
	if err != nil {
		return nil, fmt.Errorf("append to %q of %s: %w", mailbox, acct.email, err)
	}
	return data, nil
}

// Messages returns the raw messages in a mailbox, in UID order, without
// marking them \Seen. It reads over IMAP as the user, since imapmemserver
// exposes no direct read API.
func (s *Server) Messages(email, mailbox string) ([][]byte, error) {
	c, err := s.loginAs(email)
	if err != nil {
		return nil, fmt.Errorf("messages: %w", err)
	}
	defer logout(c)

	sel, err := c.Select(canonicalMailbox(mailbox), &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("messages: select %q: %w", mailbox, err)
	}
	out := [][]byte{}
	if sel.NumMessages == 0 {
		return out, nil
	}
	body := &imap.FetchItemBodySection{Peek: true}
	all := imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}} // 1:*
	bufs, err := c.Fetch(all, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{body}}).Collect()
	if err != nil {
		return nil, fmt.Errorf("messages: fetch %q: %w", mailbox, err)
	}
	slices.SortFunc(bufs, func(a, b *imapclient.FetchMessageBuffer) int { return cmp.Compare(a.UID, b.UID) })
	for _, buf := range bufs {
		out = append(out, buf.FindBodySection(body))
	}
	return out, nil
}

// Count returns the number of messages in a mailbox, which SELECT answers without fetching
// them (as Messages does).
func (s *Server) Count(email, mailbox string) (int, error) {
	c, err := s.loginAs(email)
	if err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	defer logout(c)
	sel, err := c.Select(canonicalMailbox(mailbox), &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return 0, fmt.Errorf("count: select %q: %w", mailbox, err)
	}
	return int(sel.NumMessages), nil
}

// Mailboxes returns the names of a user's mailboxes, sorted.
func (s *Server) Mailboxes(email string) ([]string, error) {
	c, err := s.loginAs(email)
	if err != nil {
		return nil, fmt.Errorf("mailboxes: %w", err)
	}
	defer logout(c)

	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		return nil, fmt.Errorf("mailboxes: list: %w", err)
	}
	names := make([]string, 0, len(list))
	for _, data := range list {
		names = append(names, data.Mailbox)
	}
	slices.Sort(names)
	return names, nil
}

// loginAs opens an IMAP connection to ourselves as the given user.
func (s *Server) loginAs(email string) (*imapclient.Client, error) {
	if s.isClosed() {
		return nil, ErrClosed
	}
	acct, err := s.account(email)
	if err != nil {
		return nil, err
	}
	c, err := imapclient.DialInsecure(s.IMAPAddr(), nil)
	if err != nil {
		return nil, fmt.Errorf("dial imap: %w", err)
	}
	if err := c.Login(acct.email, acct.password).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("login as %s: %w", acct.email, err)
	}
	return c, nil
}

func logout(c *imapclient.Client) {
	_ = c.Logout().Wait() // best effort: the answer is already read
	_ = c.Close()
}

package demo

import (
	"fmt"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// mailboxReader reads one person's INBOX over IMAP like a mail client: each call returns the
// messages that arrived since the previous one.
type mailboxReader struct {
	user    string
	imap    *imapclient.Client
	lastUID imap.UID
}

func (m *mailboxReader) connect(addr, user string) error {
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		return fmt.Errorf("%s: dial imap: %w", user, err)
	}
	if err := c.Login(user, password).Wait(); err != nil {
		c.Close()
		return fmt.Errorf("%s: login: %w", user, err)
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		c.Close()
		return fmt.Errorf("%s: select: %w", user, err)
	}
	m.user, m.imap = user, c
	return nil
}

func (m *mailboxReader) close() {
	if m.imap != nil {
		_ = m.imap.Logout().Wait()
		_ = m.imap.Close()
	}
}

func (m *mailboxReader) fetchNew() ([][]byte, error) {
	set := imap.UIDSet{imap.UIDRange{Start: m.lastUID + 1, Stop: 0}}
	cmd := m.imap.Fetch(set, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}}})
	bufs, err := cmd.Collect()
	if err != nil {
		return nil, fmt.Errorf("%s: fetch: %w", m.user, err)
	}
	var out [][]byte
	for _, b := range bufs {
		if b.UID <= m.lastUID {
			continue // "n:*" also returns the last message when none is newer
		}
		m.lastUID = b.UID
		for _, body := range b.BodySection {
			out = append(out, body.Bytes)
		}
	}
	return out, nil
}

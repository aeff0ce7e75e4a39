package demo

import (
	"cmp"
	"fmt"
	"slices"

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

// fetchNew lists the UIDs after the last one seen, then downloads only those messages: "n:*"
// also matches the last message when none is newer, and every reader downloaded it again at
// every step of the clock (a template of tens of kilobytes, for every unit).
func (m *mailboxReader) fetchNew() ([][]byte, error) {
	set := imap.UIDSet{imap.UIDRange{Start: m.lastUID + 1, Stop: 0}}
	list, err := m.imap.Fetch(set, &imap.FetchOptions{UID: true}).Collect()
	if err != nil {
		return nil, fmt.Errorf("%s: list: %w", m.user, err)
	}
	var fresh imap.UIDSet
	for _, b := range list {
		if b.UID > m.lastUID {
			fresh.AddNum(b.UID)
		}
	}
	if len(fresh) == 0 {
		return nil, nil
	}
	cmd := m.imap.Fetch(fresh, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}}})
	bufs, err := cmd.Collect()
	if err != nil {
		return nil, fmt.Errorf("%s: fetch: %w", m.user, err)
	}
	slices.SortFunc(bufs, func(a, b *imapclient.FetchMessageBuffer) int { return cmp.Compare(a.UID, b.UID) })
	var out [][]byte
	for _, b := range bufs {
		if b.UID <= m.lastUID {
			continue
		}
		m.lastUID = b.UID
		for _, body := range b.BodySection {
			out = append(out, body.Bytes)
		}
	}
	return out, nil
}

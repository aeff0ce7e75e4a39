package intake

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-imap/v2"
)

// ensureFolders finds or creates the Processed, Rejected, Quarantine and
// Failed folders and remembers their names on the server. Names are sent as UTF-8;
// imapclient encodes them in modified UTF-7 for servers that need it.
func (m *Mailbox) ensureFolders(ctx context.Context) error {
	existing, err := m.listFolders(ctx)
	if err != nil {
		return err
	}
	prefix := m.personalPrefix(ctx)
	m.folders = make(map[string]string)
	for _, name := range []string{m.cfg.Processed, m.cfg.Rejected, m.cfg.Quarantine, m.cfg.Failed} {
		if _, done := m.folders[name]; done {
			continue
		}
		server, err := m.ensureFolder(ctx, name, prefix, existing)
		if err != nil {
			return err
		}
		m.folders[name] = server
	}
	return nil
}

// ensureFolder returns the server name of one folder, creating it if no
// candidate exists. With a namespace prefix ("INBOX." on cPanel and Courier)
// the prefixed name is tried first, since the bare one is refused there.
func (m *Mailbox) ensureFolder(ctx context.Context, name, prefix string, existing map[string]bool) (string, error) {
	candidates := []string{name}
	if prefix != "" && !strings.HasPrefix(strings.ToUpper(name), strings.ToUpper(prefix)) {
		candidates = []string{prefix + name, name}
	}
	for _, c := range candidates {
		if existing[c] {
			return c, nil
		}
	}
	var firstErr error
	for _, c := range candidates {
		err := m.within(ctx, m.cfg.Timeout, func() error { return m.client.Create(c, nil).Wait() })
		if err == nil || isCode(err, imap.ResponseCodeAlreadyExists) {
			if err == nil {
				m.logger.Info("imap folder created", "folder", c)
			}
			// Subscribing makes the folder visible in webmail; some servers
			// refuse it, which costs nothing.
			_ = m.within(ctx, m.cfg.Timeout, func() error { return m.client.Subscribe(c).Wait() })
			return c, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return "", fmt.Errorf("create folder %q: %w", name, firstErr)
}

func (m *Mailbox) listFolders(ctx context.Context) (map[string]bool, error) {
	var list []*imap.ListData
	err := m.within(ctx, m.cfg.Timeout, func() (err error) {
		list, err = m.client.List("", "*", nil).Collect()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list folders: %w", err)
	}
	existing := make(map[string]bool, len(list))
	for _, l := range list {
		existing[l.Mailbox] = true
	}
	return existing, nil
}

// personalPrefix is the server's personal namespace prefix ("" on most
// servers, "INBOX." on cPanel), or "" when the server cannot say.
func (m *Mailbox) personalPrefix(ctx context.Context) string {
	if !m.client.Caps().Has(imap.CapNamespace) {
		return ""
	}
	var ns *imap.NamespaceData
	err := m.within(ctx, m.cfg.Timeout, func() (err error) {
		ns, err = m.client.Namespace().Wait()
		return err
	})
	if err != nil || len(ns.Personal) == 0 {
		return ""
	}
	return ns.Personal[0].Prefix
}

// folderName maps a configured folder name to its name on the server; other
// names are used as given.
func (m *Mailbox) folderName(name string) string {
	if server, ok := m.folders[name]; ok {
		return server
	}
	return name
}

func isCode(err error, code imap.ResponseCode) bool {
	var imapErr *imap.Error
	return errors.As(err, &imapErr) && imapErr.Code == code
}

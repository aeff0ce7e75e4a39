package intake

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Fetched is one message downloaded from the inbox.
type Fetched struct {
	UID          uint32
	Size         int64     // RFC822.SIZE as the server reports it
	Raw          []byte    // the whole message; nil when TooLarge
	TooLarge     bool      // larger than MailboxConfig.MaxMessageBytes, not downloaded
	InternalDate time.Time // when the server received it
}

// DefaultFetchLimit is the batch size Fetch uses when limit <= 0.
const DefaultFetchLimit = 50

// Fetch returns up to limit messages with UID greater than afterUID, oldest
// first. It uses BODY.PEEK so the \Seen flag is left alone for the humans who
// also read the mailbox, and checks RFC822.SIZE first so oversized messages
// are reported TooLarge instead of downloaded. A message expunged by another
// client between the two steps is silently left out.
func (m *Mailbox) Fetch(ctx context.Context, afterUID uint32, limit int) ([]Fetched, error) {
	if limit <= 0 {
		limit = DefaultFetchLimit
	}
	if afterUID == math.MaxUint32 {
		return nil, nil
	}
	found, err := m.listAfter(ctx, afterUID)
	if err != nil {
		return nil, err
	}
	if len(found) > limit {
		found = found[:limit]
	}
	out := make([]Fetched, 0, len(found))
	for _, f := range found {
		if f.Size > m.cfg.MaxMessageBytes {
			f.TooLarge = true
			out = append(out, f)
			continue
		}
		raw, tooLarge, found, err := m.download(ctx, f.UID, f.Size)
		if err != nil {
			return out, err
		}
		if !found {
			continue // expunged meanwhile
		}
		f.Raw, f.TooLarge = raw, tooLarge
		out = append(out, f)
	}
	m.logger.Debug("imap messages fetched", "after_uid", afterUID, "new", len(found), "fetched", len(out))
	return out, nil
}

// listAfter returns UID, size and date of every inbox message with UID >
// afterUID, sorted by UID.
func (m *Mailbox) listAfter(ctx context.Context, afterUID uint32) ([]Fetched, error) {
	// A server tells a client about mail that arrived since its last command only when a
	// command lets it; Dovecot does not during UID FETCH, so without a NOOP first a poll
	// without IDLE would not see new mail until some other command came along.
	if err := m.within(ctx, m.cfg.Timeout, func() error { return m.client.Noop().Wait() }); err != nil {
		return nil, fmt.Errorf("noop: %w", err)
	}
	var uids imap.UIDSet
	uids.AddRange(imap.UID(afterUID+1), 0) // afterUID+1:*
	opts := &imap.FetchOptions{UID: true, RFC822Size: true, InternalDate: true}
	var bufs []*imapclient.FetchMessageBuffer
	err := m.within(ctx, m.cfg.Timeout, func() (err error) {
		bufs, err = m.client.Fetch(uids, opts).Collect()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list messages after uid %d: %w", afterUID, err)
	}
	var found []Fetched
	for _, b := range bufs {
		// "n:*" always matches the last message, even when its UID is below
		// n (RFC 3501 6.4.8), so the range alone does not filter.
		if uint32(b.UID) <= afterUID {
			continue
		}
		found = append(found, Fetched{UID: uint32(b.UID), Size: b.RFC822Size, InternalDate: b.InternalDate})
	}
	sort.Slice(found, func(i, j int) bool { return found[i].UID < found[j].UID })
	return found, nil
}

// download fetches one message's bytes without setting \Seen. It reads at most MaxMessageBytes
// even if the server's size was wrong. found is false when the message no longer exists.
func (m *Mailbox) download(ctx context.Context, uid uint32, size int64) (raw []byte, tooLarge, found bool, err error) {
	timeout := m.cfg.Timeout * time.Duration(1+size>>20)
	raw, over, found, err := m.fetchSection(ctx, uid, &imap.FetchItemBodySection{Peek: true}, timeout, m.cfg.MaxMessageBytes)
	if err != nil {
		return nil, false, false, fmt.Errorf("fetch message uid %d: %w", uid, err)
	}
	if over {
		return nil, true, found, nil // RFC822.SIZE was wrong; the rest is discarded
	}
	return raw, false, found, nil
}

// fetchSection downloads one body section of one message without setting \Seen, keeping at
// most limit bytes; over reports that the section was longer. found is false when the message
// no longer exists.
func (m *Mailbox) fetchSection(ctx context.Context, uid uint32, section *imap.FetchItemBodySection, timeout time.Duration, limit int64) (data []byte, over, found bool, err error) {
	opts := &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}
	err = m.within(ctx, timeout, func() error {
		cmd := m.client.Fetch(imap.UIDSetNum(imap.UID(uid)), opts)
		defer cmd.Close()
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			var readErr error
			data, over, found, readErr = m.readSection(msg, uid, limit)
			if readErr != nil || found {
				return readErr
			}
		}
		return cmd.Close()
	})
	return data, over, found, err
}

// readSection reads the body section of one FETCH response; found is false when the response is
// for another message (an unsolicited flag update) or has no body.
func (m *Mailbox) readSection(msg *imapclient.FetchMessageData, uid uint32, limit int64) (data []byte, over, found bool, err error) {
	var gotUID uint32
	var hasBody bool
	for item := msg.Next(); item != nil; item = msg.Next() {
		switch item := item.(type) {
		case imapclient.FetchItemDataUID:
			gotUID = uint32(item.UID)
		case imapclient.FetchItemDataBodySection:
			if item.Literal == nil {
				continue
			}
			hasBody = true
			data, err = io.ReadAll(io.LimitReader(item.Literal, limit+1))
			if err != nil {
				return nil, false, false, fmt.Errorf("read message body: %w", err)
			}
			if over = int64(len(data)) > limit; over {
				data = data[:limit] // imapclient discards the rest of the literal
			} else if int64(len(data)) < item.Literal.Size() {
				// The connection ended inside the literal: a truncated message
				// must never pass for the whole one. Closing the client first stops
				// imapclient's reader, so discarding the dead literal cannot race it.
				_ = m.client.Close()
				return nil, false, false, fmt.Errorf("read message body: got %d of %d bytes: %w",
					len(data), item.Literal.Size(), io.ErrUnexpectedEOF)
			}
		}
	}
	if gotUID != uid || !hasBody {
		return nil, false, false, nil
	}
	return data, over, true, nil
}

// Move moves one message from the inbox to folder, usually the configured
// Processed, Rejected or Quarantine name. It uses MOVE when the server has
// it, else UID COPY, STORE \Deleted and UID EXPUNGE (or EXPUNGE without
// UIDPLUS), each step waiting for the one before: imapclient's own fallback
// sends them together, so a failed COPY would still delete the message.
// Call it only after the message is durably recorded.
func (m *Mailbox) Move(ctx context.Context, uid uint32, folder string) error {
	target := m.folderName(folder)
	set := imap.UIDSetNum(imap.UID(uid))
	caps := m.client.Caps()
	var steps []func() error
	if caps.Has(imap.CapMove) || caps.Has(imap.CapIMAP4rev2) {
		steps = append(steps, func() error { _, err := m.client.Move(set, target).Wait(); return err })
	} else {
		steps = append(steps,
			func() error { _, err := m.client.Copy(set, target).Wait(); return err },
			func() error {
				flags := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
				return m.client.Store(set, flags, nil).Close()
			},
			func() error { return m.expunge(set) })
	}
	for _, step := range steps {
		if err := m.within(ctx, m.cfg.Timeout, step); err != nil {
			return fmt.Errorf("move uid %d to %q: %w", uid, target, err)
		}
	}
	m.logger.Debug("imap message moved", "uid", uid, "folder", target)
	return nil
}

// expunge removes the copied message. Without UIDPLUS only a plain EXPUNGE exists, which also
// removes messages someone else marked deleted, as any mail program's "compact" does.
func (m *Mailbox) expunge(set imap.UIDSet) error {
	if m.client.Caps().Has(imap.CapUIDPlus) {
		return m.client.UIDExpunge(set).Close()
	}
	return m.client.Expunge().Close()
}

// maxHeaderFetch bounds the header FetchHeader reads; real headers are a few kilobytes, long
// Received chains some tens.
const maxHeaderFetch = 256 << 10

// FetchHeader returns the header of one message (BODY.PEEK[HEADER]), without downloading its
// body or setting \Seen: enough to answer the sender of a message too large to read. At most
// maxHeaderFetch bytes are kept; the rest of a giant header is discarded.
func (m *Mailbox) FetchHeader(ctx context.Context, uid uint32) ([]byte, error) {
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, Peek: true}
	header, _, found, err := m.fetchSection(ctx, uid, section, m.cfg.Timeout, maxHeaderFetch)
	if err != nil {
		return nil, fmt.Errorf("fetch header of uid %d: %w", uid, err)
	}
	if !found {
		return nil, fmt.Errorf("fetch header of uid %d: no such message", uid)
	}
	return header, nil
}

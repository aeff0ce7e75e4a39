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
	found, err := m.listFirst(ctx, afterUID, limit)
	if err != nil {
		return nil, err
	}
	if len(found) > limit {
		found = found[:limit]
	}
	bodies, err := m.downloadAll(ctx, found)
	out := make([]Fetched, 0, len(found))
	for _, f := range found {
		if f.Size > m.cfg.MaxMessageBytes {
			f.TooLarge = true
		} else if b, ok := bodies[f.UID]; ok {
			f.Raw, f.TooLarge = b.data, b.over
			if b.over {
				f.Raw = nil // RFC822.SIZE was wrong; the rest is discarded
			}
		} else {
			// Expunged meanwhile, or, when err is set, not complete when the fetch failed: a
			// message after it is left out too, so the batch stays a prefix in UID order.
			if err != nil {
				break
			}
			continue
		}
		out = append(out, f)
	}
	if err != nil {
		return out, err
	}
	m.logger.Debug("imap messages fetched", "after_uid", afterUID, "new", len(found), "fetched", len(out))
	return out, nil
}

// listWindow is how many UIDs after the cursor listFirst asks about first, in units of the
// batch's limit: the UIDs of a flood are dense, so a window a few batches wide holds a batch.
const listWindow = 4

// listFirst returns UID, size and date of the first messages with UID > afterUID, sorted by UID:
// at least limit of them, or all there are. It lists a window of UIDs first, and every message
// after afterUID only when the window holds fewer than limit (the last batch, or UIDs with
// gaps): listing the whole inbox at every batch made a drain of n messages list n² / 2 / limit.
func (m *Mailbox) listFirst(ctx context.Context, afterUID uint32, limit int) ([]Fetched, error) {
	// A server tells a client about mail that arrived since its last command only when a
	// command lets it; Dovecot does not during UID FETCH, so without a NOOP first a poll
	// without IDLE would not see new mail until some other command came along.
	if err := m.within(ctx, m.cfg.Timeout, func() error { return m.client.Noop().Wait() }); err != nil {
		return nil, fmt.Errorf("noop: %w", err)
	}
	if last := uint64(afterUID) + uint64(listWindow*limit); last < math.MaxUint32 {
		found, err := m.listAfter(ctx, afterUID, uint32(last))
		if err != nil || len(found) >= limit {
			return found, err
		}
	}
	return m.listAfter(ctx, afterUID, 0)
}

// listAfter lists the messages with afterUID < UID <= last, sorted by UID; last 0 stands for
// every message after afterUID.
func (m *Mailbox) listAfter(ctx context.Context, afterUID, last uint32) ([]Fetched, error) {
	var uids imap.UIDSet
	uids.AddRange(imap.UID(afterUID+1), imap.UID(last)) // afterUID+1:last, or afterUID+1:*
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

// body is one downloaded message: at most MaxMessageBytes, over when it was longer.
type body struct {
	data []byte
	over bool
}

// downloadAll fetches the bytes of every listed message not over MaxMessageBytes in one UID
// FETCH, without setting \Seen: one round trip for the batch instead of one per message. It
// reads at most MaxMessageBytes of each even if the server's size was wrong. A message missing
// from the answer no longer exists; on an error the map holds the messages read whole before it.
func (m *Mailbox) downloadAll(ctx context.Context, list []Fetched) (map[uint32]body, error) {
	var uids imap.UIDSet
	timeout := time.Duration(0)
	for _, f := range list {
		if f.Size <= m.cfg.MaxMessageBytes {
			uids.AddNum(imap.UID(f.UID))
			timeout += m.cfg.Timeout * time.Duration(1+f.Size>>20)
		}
	}
	got := map[uint32]body{}
	if len(uids) == 0 {
		return got, nil
	}
	opts := &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}}}
	err := m.within(ctx, timeout, func() error {
		cmd := m.client.Fetch(uids, opts)
		defer cmd.Close()
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			uid, data, over, found, err := m.readAnySection(msg, m.cfg.MaxMessageBytes)
			if err != nil {
				return fmt.Errorf("fetch message uid %d: %w", uid, err)
			}
			if found && uids.Contains(imap.UID(uid)) {
				got[uid] = body{data: data, over: over}
			}
		}
		return cmd.Close()
	})
	if err != nil {
		return got, fmt.Errorf("fetch messages: %w", err)
	}
	return got, nil
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
	gotUID, data, over, found, err := m.readAnySection(msg, limit)
	if err != nil {
		return nil, false, false, err
	}
	if gotUID != uid || !found {
		return nil, false, false, nil
	}
	return data, over, true, nil
}

// readAnySection reads the body section of one FETCH response and the UID it is for; found is
// false when the response has no body (an unsolicited flag update).
func (m *Mailbox) readAnySection(msg *imapclient.FetchMessageData, limit int64) (gotUID uint32, data []byte, over, found bool, err error) {
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
				return gotUID, nil, false, false, fmt.Errorf("read message body: %w", err)
			}
			if over = int64(len(data)) > limit; over {
				data = data[:limit] // imapclient discards the rest of the literal
			} else if int64(len(data)) < item.Literal.Size() {
				// The connection ended inside the literal: a truncated message
				// must never pass for the whole one. Closing the client first stops
				// imapclient's reader, so discarding the dead literal cannot race it.
				_ = m.client.Close()
				return gotUID, nil, false, false, fmt.Errorf("read message body: got %d of %d bytes: %w",
					len(data), item.Literal.Size(), io.ErrUnexpectedEOF)
			}
		}
	}
	if !hasBody {
		return gotUID, nil, false, false, nil
	}
	return gotUID, data, over, true, nil
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

// MoveAll moves the messages uids from the inbox to folder in one command (one UID set), as Move
// moves one: a batch recorded together leaves the inbox in one round trip instead of one each.
// Call it only after every one of them is durably recorded.
func (m *Mailbox) MoveAll(ctx context.Context, uids []uint32, folder string) error {
	switch len(uids) {
	case 0:
		return nil
	case 1:
		return m.Move(ctx, uids[0], folder)
	}
	target := m.folderName(folder)
	var set imap.UIDSet
	for _, uid := range uids {
		set.AddNum(imap.UID(uid))
	}
	caps := m.client.Caps()
	if !caps.Has(imap.CapMove) && !caps.Has(imap.CapIMAP4rev2) {
		// Without MOVE each message takes Move's careful three steps.
		for _, uid := range uids {
			if err := m.Move(ctx, uid, folder); err != nil {
				return err
			}
		}
		return nil
	}
	move := func() error { _, err := m.client.Move(set, target).Wait(); return err }
	if err := m.within(ctx, m.cfg.Timeout, move); err != nil {
		return fmt.Errorf("move uids %s to %q: %w", set, target, err)
	}
	m.logger.Debug("imap messages moved", "uids", set.String(), "folder", target)
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

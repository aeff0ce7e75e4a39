package daemon

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// pollBatch bounds the messages handled per poll, so a flooded mailbox does not starve the
// scheduler and the outbox.
const pollBatch = 50

// Poll reads new mail from the shared mailbox, records each message with everything decided about
// it in one ledger transaction, and only then moves it out of the inbox: a crash at any point
// leaves the message either unrecorded and still in the inbox, or recorded (found again by its
// sha256 and simply moved).
func (d *Daemon) Poll(ctx context.Context) error {
	mb, err := d.openMailbox(ctx)
	if err != nil {
		return err
	}
	inbox := d.cfg.Mailbox.Inbox
	uidValidity, last, err := d.ledger.Cursor(ctx, inbox)
	if err != nil {
		return fmt.Errorf("read cursor: %w", err)
	}
	if uidValidity != mb.UIDValidity() {
		// The server renumbered the folder: read it all again; sha256 dedupe skips known mail.
		last = 0
	}
	msgs, err := mb.Fetch(ctx, last, pollBatch)
	if err != nil {
		d.closeMailbox()
		return fmt.Errorf("fetch: %w", err)
	}
	for _, m := range msgs {
		if err := d.handle(ctx, mb, m); err != nil {
			d.closeMailbox()
			return fmt.Errorf("message uid %d: %w", m.UID, err)
		}
		if err := d.ledger.SetCursor(ctx, inbox, mb.UIDValidity(), m.UID); err != nil {
			return fmt.Errorf("save cursor: %w", err)
		}
	}
	return nil
}

// handle records one fetched message and moves it to the folder its outcome calls for.
func (d *Daemon) handle(ctx context.Context, mb *intake.Mailbox, f intake.Fetched) error {
	log := d.log.With("component", "intake", "uid", f.UID)
	if f.TooLarge {
		return d.quarantineOversize(ctx, mb, f, log)
	}
	sha, err := d.ledger.PutBlob(f.Raw)
	if err != nil {
		return fmt.Errorf("store raw mail: %w", err)
	}
	if known, err := d.ledger.MailBySHA(ctx, sha); err == nil {
		log.Info("message already recorded; moving it", "sha256", sha, "outcome", known.Outcome)
		return mb.Move(ctx, f.UID, d.folder(known.Outcome))
	} else if !errors.Is(err, ledger.ErrNotFound) {
		return fmt.Errorf("look up mail: %w", err)
	}
	in := d.decide(ctx, f, mb.UIDValidity(), sha, log)
	res, err := d.ledger.RecordIntake(ctx, in)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	d.archiveSubmissions(res.Submissions, log)
	log.Info("mail recorded", "from", in.Mail.From, "subject", in.Mail.Subject, "outcome", in.Mail.Outcome,
		"submissions", len(res.Submissions), "replies", len(in.Outbox))
	return mb.Move(ctx, f.UID, d.folder(in.Mail.Outcome))
}

// quarantineOversize records a message too large to download, without its bytes (it stays in
// the quarantine folder, where an operator can fetch it), and moves it there.
func (d *Daemon) quarantineOversize(ctx context.Context, mb *intake.Mailbox, f intake.Fetched, log *slog.Logger) error {
	marker := sha256.Sum256(fmt.Appendf(nil, "oversize:%d:%d:%d", mb.UIDValidity(), f.UID, f.Size))
	sha := hex.EncodeToString(marker[:])
	if _, err := d.ledger.MailBySHA(ctx, sha); errors.Is(err, ledger.ErrNotFound) {
		note := fmt.Sprintf("%d bytes is over mailbox.max_message_bytes (%d); left in the quarantine folder",
			f.Size, d.cfg.Mailbox.MaxMessageBytes)
		in := ledger.Intake{
			Mail: ledger.Mail{SHA256: sha, Size: f.Size, Mailbox: d.cfg.Mailbox.Inbox, UIDValidity: mb.UIDValidity(),
				UID: f.UID, ReceivedAt: d.now(), Outcome: outcomeQuarantined, Note: note},
			Events: []ledger.Event{d.event("system", "mail.quarantined", "mail:"+sha[:12], note)},
		}
		if _, err := d.ledger.RecordIntake(ctx, in); err != nil {
			return fmt.Errorf("record oversize mail: %w", err)
		}
		log.Warn("message too large; quarantined", "size", f.Size)
	}
	return mb.Move(ctx, f.UID, d.cfg.Mailbox.Quarantine)
}

// Mail outcomes, as stored in the ledger.
const (
	outcomeAccepted    = "accepted"
	outcomeRejected    = "rejected"
	outcomeIgnored     = "ignored"
	outcomeQuarantined = "quarantined"
)

func (d *Daemon) folder(outcome string) string {
	switch outcome {
	case outcomeRejected:
		return d.cfg.Mailbox.Rejected
	case outcomeQuarantined:
		return d.cfg.Mailbox.Quarantine
	}
	return d.cfg.Mailbox.Processed
}

// openMailbox returns the open connection, dialling it if needed.
func (d *Daemon) openMailbox(ctx context.Context) (*intake.Mailbox, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.mailbox != nil {
		return d.mailbox, nil
	}
	m := d.cfg.Mailbox
	mb, err := intake.Dial(ctx, intake.MailboxConfig{
		Host: m.Host, Port: m.Port, TLS: intake.TLSMode(m.TLS), User: m.User, Password: m.Password,
		Inbox: m.Inbox, Processed: m.Processed, Rejected: m.Rejected, Quarantine: m.Quarantine,
		MaxMessageBytes: m.MaxMessageBytes, InsecureSkipVerify: m.InsecureSkipVerify,
	}, d.log.With("component", "imap"))
	if err != nil {
		return nil, fmt.Errorf("open mailbox: %w", err)
	}
	d.mailbox = mb
	return mb, nil
}

// closeMailbox drops the connection; the next poll dials again.
func (d *Daemon) closeMailbox() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.mailbox != nil {
		_ = d.mailbox.Close()
		d.mailbox = nil
	}
}

func (d *Daemon) event(actor, action, object, detail string) ledger.Event {
	return ledger.Event{At: d.now(), Actor: actor, Action: action, Object: object, Detail: detail}
}

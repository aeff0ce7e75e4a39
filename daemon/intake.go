package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// pollBatch bounds the messages handled per poll, so a flooded mailbox does not starve the
// scheduler and the outbox.
const pollBatch = 50

// Poll reads new mail from the shared mailbox, records each message with everything decided about
// it in one ledger transaction, and only then moves it out of the inbox, with the rest of its
// batch (finishBatch): a crash at any point
// leaves the message either unrecorded and still in the inbox, or recorded (found again by its
// sha256 or Message-ID and simply moved). It handles at most one batch; Run polls again at once
// while batches come back full.
func (d *Daemon) Poll(ctx context.Context) error {
	_, err := d.poll(ctx)
	return err
}

// poll handles one batch and reports whether it was full, so more mail may be waiting.
func (d *Daemon) poll(ctx context.Context) (more bool, err error) {
	defer func() { d.monitor.Polled(err) }()
	mb, err := d.openMailbox(ctx)
	if err != nil {
		return false, err
	}
	inbox := d.o.Mailbox.Inbox
	uidValidity, last, err := d.ledger.Cursor(ctx, inbox)
	if err != nil {
		return false, fmt.Errorf("read cursor: %w", err)
	}
	if uidValidity != mb.UIDValidity() {
		// The server renumbered the folder: read it all again; sha256 and Message-ID dedupe skip
		// known mail.
		if uidValidity != 0 {
			d.log.Warn("inbox UIDVALIDITY changed; reading it again from the start",
				"component", "intake", "was", uidValidity, "now", mb.UIDValidity())
		}
		last = 0
	}
	msgs, err := mb.Fetch(ctx, last, pollBatch)
	if err != nil {
		d.closeMailbox()
		return false, fmt.Errorf("fetch: %w", err)
	}
	d.reportsHeld.hold()
	defer func() { d.reportsHeld.release(d.wakeReports, more && err == nil) }()
	ahead := d.storeAhead(msgs)
	defer ahead.wait()
	filing := newArchiveBatch(d.o)
	moves := batchMoves{}
	var handleErr error
	for i, m := range msgs {
		folder, err := d.handle(withArchiveBatch(ctx, filing), mb, m, func() (string, error) { return ahead.stored(i) })
		if err != nil {
			handleErr = fmt.Errorf("message uid %d: %w", m.UID, err)
			break
		}
		moves.add(m.UID, folder)
	}
	filing.wait()
	if err := d.finishBatch(ctx, mb, moves); err != nil || handleErr != nil {
		d.closeMailbox()
		return false, errors.Join(handleErr, err)
	}
	return len(msgs) == pollBatch, nil
}

// batchMoves are the messages of a batch recorded so far, by the folder each goes to, and the
// last of them.
type batchMoves struct {
	folders []string
	uids    map[string][]uint32
	last    uint32
}

func (b *batchMoves) add(uid uint32, folder string) {
	if b.uids == nil {
		b.uids = map[string][]uint32{}
	}
	if _, ok := b.uids[folder]; !ok {
		b.folders = append(b.folders, folder)
	}
	b.uids[folder] = append(b.uids[folder], uid)
	b.last = uid
}

// finishBatch moves the recorded messages of a batch out of the inbox, one command per folder,
// and then saves the cursor after the last. Every one of them is recorded before any moves: a
// crash before the moves leaves them in the inbox, found again by their sha256 and simply moved,
// as a crash between one message's record and its move always did. The records are put on disk
// first (one sync a batch): after a power cut a moved mail must not be missing from the ledger,
// since the inbox no longer offers it.
func (d *Daemon) finishBatch(ctx context.Context, mb *intake.Mailbox, b batchMoves) error {
	if b.last == 0 {
		return nil
	}
	if err := d.ledger.Durable(ctx); err != nil {
		return fmt.Errorf("before moving the batch: %w", err)
	}
	for _, folder := range b.folders {
		if err := mb.MoveAll(ctx, b.uids[folder], folder); err != nil {
			return err
		}
	}
	if err := d.ledger.SetCursor(ctx, d.o.Mailbox.Inbox, mb.UIDValidity(), b.last); err != nil {
		return fmt.Errorf("save cursor: %w", err)
	}
	return nil
}

// handle records one fetched message and says the folder its outcome calls for; poll moves it
// there with the rest of its batch. The message is stored (stored waits for its blob, written
// ahead: storeAhead) and looked up by its bytes first; anything that parses it comes after the
// try is marked (take).
func (d *Daemon) handle(ctx context.Context, mb *intake.Mailbox, f intake.Fetched, stored func() (string, error)) (string, error) {
	log := d.log.With("component", "intake", "uid", f.UID)
	if f.TooLarge {
		return d.handleOversize(ctx, mb, f, log)
	}
	sha, err := stored()
	if err != nil {
		return "", fmt.Errorf("store raw mail: %w", err)
	}
	if known, found, err := d.recordedBySHA(ctx, sha); err != nil {
		return "", err
	} else if found {
		log.Info("message already recorded; moving it", "sha256", sha, "outcome", known.Outcome)
		d.refile(ctx, known, log)
		return d.folder(known.Outcome), nil
	}
	t, err := d.take(ctx, rawMail{f: f, sha: sha, mailbox: d.o.Mailbox.Inbox, uidValidity: mb.UIDValidity()}, log)
	if err != nil {
		return "", err
	}
	if t.copyOf != nil {
		log.Info("message already recorded; moving it", "sha256", sha, "outcome", t.copyOf.Outcome)
	}
	return d.folder(t.outcome()), nil
}

// recordedBefore finds a message in the ledger by its bytes, or, when the bytes differ (a copy
// the server re-delivered with another header line), by its sender and Message-ID.
func (d *Daemon) recordedBefore(ctx context.Context, sha string, raw []byte) (ledger.Mail, bool, error) {
	if known, found, err := d.recordedBySHA(ctx, sha); err != nil || found {
		return known, found, err
	}
	return d.recordedByMessageID(ctx, raw)
}

// recordedBySHA finds a message in the ledger by its bytes.
func (d *Daemon) recordedBySHA(ctx context.Context, sha string) (ledger.Mail, bool, error) {
	known, err := d.ledger.MailBySHA(ctx, sha)
	switch {
	case err == nil:
		return known, true, nil
	case errors.Is(err, ledger.ErrNotFound):
		return ledger.Mail{}, false, nil
	}
	return ledger.Mail{}, false, fmt.Errorf("look up mail: %w", err)
}

// recordedByMessageID finds a message in the ledger by the sender and Message-ID of its header.
func (d *Daemon) recordedByMessageID(ctx context.Context, raw []byte) (ledger.Mail, bool, error) {
	hdr, err := intake.ParseHeader(raw)
	if err != nil || hdr.MessageID == "" || hdr.From.Addr == "" {
		return ledger.Mail{}, false, nil
	}
	known, err := d.ledger.MailByMessageID(ctx, hdr.MessageID, hdr.From.Addr)
	if errors.Is(err, ledger.ErrNotFound) {
		return ledger.Mail{}, false, nil
	}
	if err != nil {
		return ledger.Mail{}, false, fmt.Errorf("look up mail: %w", err)
	}
	return known, true, nil
}

// record stores one decided message in one transaction, then files its workbooks and the
// copies its decision made (an issued report) in the archive. A copy that cannot be written is
// logged here, once: the ledger holds the record.
func (d *Daemon) record(ctx context.Context, in ledger.Intake, copies []office.Copy, log *slog.Logger) (ledger.IntakeResult, error) {
	return d.recordWith(ctx, in, copies, log, d.ledger.RecordIntake)
}

// recordTaken is record for a mail taken through take: its tries are marked done in the same
// transaction.
func (d *Daemon) recordTaken(ctx context.Context, in ledger.Intake, copies []office.Copy, log *slog.Logger) (ledger.IntakeResult, error) {
	return d.recordWith(ctx, in, copies, log, func(ctx context.Context, in ledger.Intake) (ledger.IntakeResult, error) {
		return d.ledger.RecordIntakeDone(ctx, in, d.now())
	})
}

func (d *Daemon) recordWith(ctx context.Context, in ledger.Intake, copies []office.Copy, log *slog.Logger,
	store func(context.Context, ledger.Intake) (ledger.IntakeResult, error)) (ledger.IntakeResult, error) {
	res, err := store(ctx, in)
	if err != nil {
		return res, fmt.Errorf("record: %w", err)
	}
	d.recorded(in, res)
	d.observeRecorded(in, res)
	subs, err := d.submissionCopies(res.Submissions)
	if err = errors.Join(err, d.o.File(copies)); err != nil {
		log.Warn("archive copy not written", "err", err)
	}
	// A received workbook's copy has a name of its own (its version), so it may be filed beside
	// the next mails' judging; the copies a decision made (an issued report) keep their order,
	// since a later one may replace an earlier one's file.
	d.fileCopies(ctx, subs, log)
	log.Info("mail recorded", "from", in.Mail.From, "subject", in.Mail.Subject, "outcome", in.Mail.Outcome,
		"submissions", len(res.Submissions), "replies", len(in.Outbox))
	return res, nil
}

// handleOversize records a message too large to download from its header alone, which is
// stored as its blob (the message itself goes to the quarantine folder, where an operator can
// fetch it), answers a unit, and says that folder.
func (d *Daemon) handleOversize(ctx context.Context, mb *intake.Mailbox, f intake.Fetched, log *slog.Logger) (string, error) {
	header, err := mb.FetchHeader(ctx, f.UID)
	if err != nil {
		log.Warn("header of an oversized message unreadable; recorded without it", "err", err)
		header = fmt.Appendf(nil, "X-Tonghop-Oversize: uidvalidity=%d uid=%d size=%d\r\n\r\n", mb.UIDValidity(), f.UID, f.Size)
	}
	sha, err := d.ledger.PutBlob(header)
	if err != nil {
		return "", fmt.Errorf("store header: %w", err)
	}
	if _, found, err := d.recordedBefore(ctx, sha, header); err != nil {
		return "", err
	} else if !found {
		in, err := d.judge(ctx, log).Oversize(ctx, header, f.Size, sha)
		if err != nil {
			return "", err
		}
		in.Mail.UIDValidity, in.Mail.UID = mb.UIDValidity(), f.UID
		if _, err := d.record(ctx, in, nil, log); err != nil {
			return "", err
		}
		log.Warn("message too large; quarantined", "size", f.Size)
	}
	return d.o.Mailbox.Quarantine, nil
}

func (d *Daemon) folder(outcome ledger.Outcome) string {
	switch outcome {
	case ledger.OutcomeRejected:
		return d.o.Mailbox.Rejected
	case ledger.OutcomeQuarantined:
		return d.o.Mailbox.Quarantine
	case ledger.OutcomeError:
		return d.o.Mailbox.Failed // handling it failed the same way, again and again (deadletter.go)
	}
	return d.o.Mailbox.Processed
}

// openMailbox returns the open connection, dialling it if needed.
func (d *Daemon) openMailbox(ctx context.Context) (*intake.Mailbox, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.mailbox != nil {
		return d.mailbox, nil
	}
	m := d.o.Mailbox
	mb, err := intake.Dial(ctx, intake.MailboxConfig{
		Host: m.Host, Port: m.Port, TLS: intake.TLSMode(m.TLS), User: m.User, Password: m.Password,
		Inbox: m.Inbox, Processed: m.Processed, Rejected: m.Rejected, Quarantine: m.Quarantine, Failed: m.Failed,
		MaxMessageBytes: m.MaxMessageBytes, InsecureSkipVerify: m.InsecureSkipVerify, RootCAs: m.RootCAs,
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

func (d *Daemon) event(actor string, action ledger.Action, object, detail string) ledger.Event {
	return ledger.Event{At: d.now(), Actor: actor, Action: action, Object: object, Detail: detail}
}

package daemon

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
)

// Ingested is what taking in one raw message did, as the ingest command prints it.
type Ingested struct {
	MessageID   string               `json:"message_id"`
	Unit        string               `json:"unit"`    // "" when the sender is no unit
	Outcome     string               `json:"outcome"` // accepted, invalid, quarantined or ignored
	Duplicate   bool                 `json:"duplicate"`
	Submissions []IngestedSubmission `json:"submissions"`
	Reply       string               `json:"reply"` // receipt, errors, receipt+errors or none
	// OfficeNotified says a notice went to the Planning Office's clerks (a stranger's first mail
	// of the day, a unit's message without a report, a report after its period closed, a
	// configured person's mail forwarded, a correction asked for).
	OfficeNotified bool   `json:"office_notified"`
	Note           string `json:"note,omitempty"`
}

// IngestedSubmission is one workbook recorded from the message.
type IngestedSubmission struct {
	Form    string `json:"form"`
	Period  string `json:"period"`
	Version int    `json:"version"`
	Valid   bool   `json:"valid"`
	Late    bool   `json:"late"`
}

// Ingest takes in one raw message received some other way than the mailbox (a saved .eml), by
// the same decisions and the same single ledger transaction as Poll, the try marked in the
// ledger before the message is parsed. Its replies are queued in the outbox for the running
// daemon to send. A message already recorded (same bytes) is reported as it was recorded, with
// Duplicate set, and nothing is written; one whose judging died or ran out of budget twice is
// recorded quarantined, unread.
func (d *Daemon) Ingest(ctx context.Context, raw []byte) (Ingested, error) {
	log := d.log.With("component", "ingest")
	sha, err := d.ledger.PutBlob(raw)
	if err != nil {
		return Ingested{}, fmt.Errorf("store raw mail: %w", err)
	}
	if known, found, err := d.recordedBySHA(ctx, sha); err != nil {
		return Ingested{}, err
	} else if found {
		// Recorded before: nothing is written and nothing sent again.
		return d.ingestedOf(known, true, nil), nil
	}
	var t taken
	if int64(len(raw)) > d.o.Mailbox.MaxMessageBytes {
		// Read from its header alone, as the mailbox reads it: no try to mark.
		if t, err = d.ingestOversize(ctx, raw, sha, log); err != nil {
			return Ingested{}, err
		}
	} else {
		f := intake.Fetched{Raw: raw, Size: int64(len(raw)), InternalDate: d.now()}
		if t, err = d.take(ctx, rawMail{f: f, sha: sha, mailbox: ingestMailbox}, log); err != nil {
			return Ingested{}, err
		}
	}
	if t.copyOf != nil {
		return d.ingestedOf(*t.copyOf, true, nil), nil
	}
	out := d.ingestedOf(t.in.Mail, false, t.in.Outbox)
	for _, s := range t.res.Submissions {
		out.Submissions = append(out.Submissions, IngestedSubmission{Form: s.Form, Period: s.Period, Version: s.Version, Valid: s.Valid, Late: s.Late})
	}
	return out, nil
}

// ingestMailbox names where an ingested message was read in the ledger.
const ingestMailbox = "ingest"

// ingestOversize records a message over the size limit from its header, as the mailbox does; a
// copy of a mail recorded before is found by its sender and Message-ID.
func (d *Daemon) ingestOversize(ctx context.Context, raw []byte, sha string, log *slog.Logger) (taken, error) {
	known, found, err := d.recordedByMessageID(ctx, raw)
	if err != nil {
		return taken{}, err
	}
	if found {
		return taken{copyOf: &known}, nil
	}
	in, err := d.judge(ctx, log).Oversize(ctx, raw, int64(len(raw)), sha)
	if err != nil {
		return taken{}, err
	}
	in.Mail.Mailbox = ingestMailbox
	res, err := d.record(ctx, in, nil, log)
	return taken{in: in, res: res}, err
}

func (d *Daemon) ingestedOf(m ledger.Mail, duplicate bool, replies []ledger.OutMail) Ingested {
	out := Ingested{
		MessageID: m.MessageID, Outcome: ingestOutcome(m.Outcome), Duplicate: duplicate, Note: m.Note,
		Reply: replyKinds(replies), Submissions: []IngestedSubmission{},
	}
	for _, m := range replies {
		out.OfficeNotified = out.OfficeNotified || m.Kind == ledger.KindNotice || m.Kind == ledger.KindLateFile ||
			m.Kind == ledger.KindForward || m.Kind == ledger.KindCorrection
	}
	if u, ok := d.o.UnitByEmail(m.From); ok {
		out.Unit = u.Code
	}
	return out
}

// ingestOutcome names a ledger outcome the way the ingest command reports it.
func ingestOutcome(outcome ledger.Outcome) string {
	if outcome == ledger.OutcomeRejected {
		return "invalid"
	}
	return string(outcome)
}

// replyKinds says which answers were queued: a receipt, an error list, both or none.
func replyKinds(replies []ledger.OutMail) string {
	receipt, errs := false, false
	for _, m := range replies {
		switch m.Kind {
		case ledger.KindReceipt:
			receipt = true
		case ledger.KindRejection:
			errs = true
		}
	}
	switch {
	case receipt && errs:
		return "receipt+errors"
	case receipt:
		return "receipt"
	case errs:
		return "errors"
	}
	return "none"
}

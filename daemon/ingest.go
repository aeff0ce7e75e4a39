package daemon

import (
	"context"
	"fmt"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
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
	// of the day, a unit's message without a report, a report after its period closed).
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
// the same decisions and the same single ledger transaction as Poll. Its replies are queued in
// the outbox for the running daemon to send. A message already recorded (same bytes) is reported
// as it was recorded, with Duplicate set, and nothing is written.
func (d *Daemon) Ingest(ctx context.Context, raw []byte) (Ingested, error) {
	log := d.log.With("component", "ingest")
	sha, err := d.ledger.PutBlob(raw)
	if err != nil {
		return Ingested{}, fmt.Errorf("store raw mail: %w", err)
	}
	if known, found, err := d.recordedBefore(ctx, sha, raw); err != nil {
		return Ingested{}, err
	} else if found {
		// Recorded before: nothing is written and nothing sent again.
		return d.ingestedOf(known, true, nil), nil
	}
	var in ledger.Intake
	var copies []office.Copy
	if int64(len(raw)) > d.o.Mailbox.MaxMessageBytes {
		in, err = d.judge(ctx, log).Oversize(ctx, raw, int64(len(raw)), sha)
	} else {
		in, copies, err = d.decide(ctx, intake.Fetched{Raw: raw, Size: int64(len(raw)), InternalDate: d.now()}, 0, sha, log)
	}
	if err != nil {
		return Ingested{}, err
	}
	in.Mail.Mailbox = "ingest"
	res, err := d.record(ctx, in, copies, log)
	if err != nil {
		return Ingested{}, err
	}
	out := d.ingestedOf(in.Mail, false, in.Outbox)
	for _, s := range res.Submissions {
		out.Submissions = append(out.Submissions, IngestedSubmission{Form: s.Form, Period: s.Period, Version: s.Version, Valid: s.Valid, Late: s.Late})
	}
	return out, nil
}

func (d *Daemon) ingestedOf(m ledger.Mail, duplicate bool, replies []ledger.OutMail) Ingested {
	out := Ingested{
		MessageID: m.MessageID, Outcome: ingestOutcome(m.Outcome), Duplicate: duplicate, Note: m.Note,
		Reply: replyKinds(replies), Submissions: []IngestedSubmission{},
	}
	for _, m := range replies {
		out.OfficeNotified = out.OfficeNotified || m.Kind == ledger.KindNotice
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

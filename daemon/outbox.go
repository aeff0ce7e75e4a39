package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ask"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/mailer"
)

// maxAttempts is how often a mail is tried before it is marked failed for an operator to see.
const maxAttempts = 8

// retryDelay grows with each attempt: 1, 2, 4 … minutes, at most two hours.
func retryDelay(attempt int) time.Duration {
	return min(time.Minute<<min(attempt-1, 10), 2*time.Hour)
}

// Flush sends every outbox mail that is due. A mail is marked "sending" before it is handed to
// SMTP and "sent" after; a crash in between leaves it "sending", and RequeueSending sends it
// again with the same Message-ID, so a mail may arrive twice but is never lost.
func (d *Daemon) Flush(ctx context.Context) error {
	log := d.log.With("component", "outbox")
	for {
		due, err := d.ledger.ClaimDue(ctx, d.now(), 20)
		if err != nil {
			return fmt.Errorf("claim outbox: %w", err)
		}
		if len(due) == 0 {
			return nil
		}
		for _, m := range due {
			if err := d.send(ctx, m, log); err != nil {
				log.Warn("send failed", "key", m.Key, "attempt", m.Attempts, "err", err)
			}
		}
	}
}

// send sends one claimed mail, unless it is a scheduled one no longer needed (the unit has sent
// its file since it was queued), which is cancelled instead. A mail sent is one line of the log
// at Info, and an issued report one more (see logSent).
func (d *Daemon) send(ctx context.Context, m ledger.OutMail, log *slog.Logger) error {
	needed, why, err := d.ask.StillNeeded(ctx, m)
	if err == nil && !needed {
		if err := d.ledger.Cancel(ctx, m.ID, why, d.now()); err != nil {
			return err
		}
		d.monitor.Cancelled(m.Kind)
		return nil
	}
	var msg mailer.Message
	if err == nil {
		msg, err = d.message(m)
	}
	if err == nil {
		var id string
		if id, err = d.sender.Send(ctx, msg); err == nil {
			if err := d.ledger.MarkSent(ctx, m.ID, id, d.now()); err != nil {
				return err
			}
			d.monitor.Sent(m.Kind)
			d.logSent(ctx, m, id, log)
			return nil
		}
	}
	return d.settleFailure(ctx, m, err)
}

// settleFailure retries a mail later, or marks it failed when the error is permanent or the
// attempts are spent.
func (d *Daemon) settleFailure(ctx context.Context, m ledger.OutMail, err error) error {
	final := mailer.IsPermanent(err) || m.Attempts >= maxAttempts
	d.monitor.SendFailed(m.Kind, final)
	if final {
		if markErr := d.ledger.MarkFailed(ctx, m.ID, err.Error(), d.now()); markErr != nil {
			return fmt.Errorf("%w; mark failed: %v", err, markErr)
		}
		return err
	}
	next := d.now().Add(retryDelay(m.Attempts))
	if ask.Scheduled(m) {
		next = d.o.Calendar.NextWorkingTime(next) // scheduled mail never leaves at night, even on a retry
	}
	if markErr := d.ledger.MarkRetry(ctx, m.ID, err.Error(), next); markErr != nil {
		return fmt.Errorf("%w; mark retry: %v", err, markErr)
	}
	return err
}

// message rebuilds the mail from what the outbox stored; attachments come from the blob store.
// Every address the office knows gets its name (office.Named), and the Date is written in the
// office's time zone, as the letters write times.
func (d *Daemon) message(m ledger.OutMail) (mailer.Message, error) {
	msg := mailer.Message{
		Key: m.Key, To: d.o.Named(m.To), Cc: d.o.Named(m.Cc), Subject: m.Subject, Body: m.Body,
		InReplyTo: m.InReplyTo, References: m.References, Date: d.now().In(d.o.Location),
		AutoReply: m.Kind == ledger.KindReceipt || m.Kind == ledger.KindRejection || m.Kind == ledger.KindApprovalNotice,
		// Our report sent to an upper office is a unit's submission there (package upstream).
		Submission: m.Kind == ledger.KindUpstream,
	}
	for _, a := range m.Attachments {
		data, err := d.ledger.Blob(a.SHA256)
		if err != nil {
			return msg, fmt.Errorf("attachment %s: %w", a.Name, err)
		}
		msg.Attachments = append(msg.Attachments, mailer.Attachment{Name: a.Name, ContentType: a.ContentType, Data: data})
	}
	return msg, nil
}

// logSent writes the line an operator reads at the default level for every mail that left:
// its kind, key, how many recipients, its Message-ID; and, for the approved report sent to its
// recipients, one more saying which report was issued, in which version.
func (d *Daemon) logSent(ctx context.Context, m ledger.OutMail, id string, log *slog.Logger) {
	log.Info("mail sent", "kind", m.Kind, "key", m.Key, "recipients", len(m.To)+len(m.Cc), "message_id", id)
	if m.Kind != ledger.KindIssue {
		return
	}
	form, period, version := d.issuedReport(ctx, m)
	log.Info("report issued", "form", form, "period", period, "version", version, "message_id", id)
	d.observeIssued(ctx, form, period)
}

// issuedReport names the report an issue mail carries: its form and period (the mail's About,
// which every issue mail has, migration 0008 filling in older ones) and the version the approval
// issued; what it cannot find stays empty, the line is written all the same.
func (d *Daemon) issuedReport(ctx context.Context, m ledger.OutMail) (form, period string, version int) {
	form, period = m.About.Form, m.About.Period
	if form == "" {
		return "", "", 0
	}
	stored, err := d.ledger.Approval(ctx, form, period)
	if err != nil {
		return form, period, 0
	}
	var st approval.State
	if json.Unmarshal(stored.State, &st) != nil {
		return form, period, 0
	}
	return form, period, st.Version
}

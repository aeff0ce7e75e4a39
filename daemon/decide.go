package daemon

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/receive"
)

// decide routes a received message: an unreadable one is quarantined, automatic mail and
// tonghop's own are ignored, a supervisor's answer about a unit's file goes to the review stage
// (issue 19, part V), a reply in an approval thread goes to the approval, a configured
// person's other mail (unless it carries a report they send for a unit) goes to the approval
// stage too, which forwards it to the clerks or reads a clerk's decision on a late file, and
// anything else is judged by the receive stage. It writes only blobs; the caller records the returned
// Intake in one transaction, then files the archive copies. An error means the ledger could not
// be read: the message is left for the next poll.
func (d *Daemon) decide(ctx context.Context, f intake.Fetched, uidValidity uint32, sha string, log *slog.Logger) (ledger.Intake, []office.Copy, error) {
	in := ledger.Intake{Mail: ledger.Mail{
		SHA256: sha, Size: int64(len(f.Raw)), Mailbox: d.o.Mailbox.Inbox,
		UIDValidity: uidValidity, UID: f.UID, ReceivedAt: d.now(),
	}}
	msg, err := intake.Parse(f.Raw, intake.Limits{})
	if err != nil {
		log.Warn("unreadable message quarantined", "err", err)
		in.Settle(d.now(), ledger.OutcomeQuarantined, "unreadable: "+err.Error(), ledger.ActionMailQuarantined)
		return in, nil, nil
	}
	in.Mail.MessageID, in.Mail.From, in.Mail.Subject, in.Mail.Date = msg.MessageID, msg.From.Addr, msg.Subject, msg.Date
	in.Events = append(in.Events, d.event(msg.From.Addr, ledger.ActionMailReceived, ledger.MailObject(sha), msg.Subject))
	// An upper office's mail is automatic (tonghop's), yet must reach the upstream stage, which
	// records it and never answers it (see package upstream on loops); a clerk's answer to a
	// filled upper template goes there too.
	if handled, err := d.upstream.Route(ctx, &in, msg, f.Raw, log); handled || err != nil {
		return in, nil, err
	}
	if reason := receive.IgnoreReason(d.o, msg); reason != "" {
		in.Settle(d.now(), ledger.OutcomeIgnored, reason, ledger.ActionMailIgnored)
		return in, nil, nil
	}
	s := d.o.SenderOf(msg.From.Addr)
	if s.Unit == nil { // units' mail is never an approval: no thread lookup for it
		// Issue 19, part V: a supervisor's answer about a unit's file, before the approval
		// threads; a report someone else sends for a unit in that thread is a report.
		if ref, ok := d.reviewer.Thread(ctx, msg); ok && (s.Person != nil && s.Person.ID == ref.Review.Supervisor ||
			!(s.MaySubmit() && hasWorkbook(msg))) {
			return in, nil, d.reviewer.Reply(ctx, &in, msg, f.Raw, ref, log)
		}
		if ref, ok := d.approver.Thread(ctx, msg); ok {
			copies, err := d.approver.Reply(ctx, &in, msg, f.Raw, ref, log)
			return in, copies, err
		}
		// A configured person's mail that is no report for a unit belongs to the people who
		// read: the clerks get it (or, a clerk's answer about a late file, it is that decision).
		if s.Person != nil && !(s.MaySubmit() && hasWorkbook(msg)) {
			return in, nil, d.approver.Person(ctx, &in, msg, f.Raw, *s.Person, log)
		}
	}
	blobs, err := d.judge(ctx, log).Mail(ctx, &in, msg, f.Raw, s)
	if err != nil {
		return in, nil, err
	}
	for _, b := range blobs {
		if _, err := d.ledger.PutBlob(b); err != nil {
			return in, nil, fmt.Errorf("store workbook: %w", err)
		}
	}
	return in, nil, nil
}

// judge is the receive stage reading this daemon's ledger and clock.
func (d *Daemon) judge(ctx context.Context, log *slog.Logger) *receive.Judge {
	return &receive.Judge{Office: d.o, Ledger: d.ledger, Events: d.events(ctx), Converter: d.conv, Now: d.now, Log: log,
		LookupTXT: d.approver.LookupTXT}
}

// hasWorkbook reports whether msg carries a file the receive stage reads (.xlsx or .xls, or a
// Word report: issue 20, part W).
func hasWorkbook(msg *intake.Message) bool {
	for _, a := range msg.Attachments {
		if k := a.Kind(); k == intake.KindXLSX || k == intake.KindXLS || k == intake.KindDOCX {
			return true
		}
	}
	return false
}

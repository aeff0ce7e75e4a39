package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Issue 22 (part A): the clerk's actions on the board. Each is decided by its stage into a
// ClerkAction value and recorded here in one transaction, with the mails it answers with and
// the audit events naming the account that acted (AccountActor).

// Audit actions of the clerk's actions on the board (actor: AccountActor).
const (
	ActionTemplateResent   Action = "template.resent"   // a fresh template sent to a unit (object "unit:CODE")
	ActionDeadlineExtended Action = "deadline.extended" // one unit's deadline moved (object SubmissionObject-like)
	ActionPeriodClosed     Action = "period.closed"     // a period closed by hand: nothing more asked, files late
	ActionPeriodReopened   Action = "period.reopened"   // a period reopened by hand: files count again
	ActionDraftDemanded    Action = "draft.demanded"    // a draft built now, at a clerk's request
)

// KindExtension is the mail telling a unit its new deadline.
const KindExtension Kind = "extension"

// CauseClerk is a correction started by a clerk on the board.
const CauseClerk Cause = "clerk"

// UnitPeriodObject names one unit's part of a form's period in the audit trail.
func UnitPeriodObject(form, period, unit string) string {
	return "form:" + form + "/" + period + "/unit:" + unit
}

// ResendKey is the key of the n-th template resent to a unit for a form's period, by a clerk:
// apart from the scheduled template's key, so it leaves even though that one went.
func ResendKey(form, period, unit string, n int) string {
	return fmt.Sprintf("%s:%s:%s:%s:resend%d", KindTemplate, form, period, unit, n)
}

// LateFileBoardKey is the key of the clerks' note that a decision about a unit's late file
// (its version) was taken on the board.
func LateFileBoardKey(form, period, unit string, version int) string {
	return fmt.Sprintf("late-file:board:%s:%s:%s:v%d:recorded", form, period, unit, version)
}

// ExtensionKey is the key of the mail telling a unit its n-th extended deadline.
func ExtensionKey(form, period, unit string, n int) string {
	return fmt.Sprintf("%s:%s:%s:%s:%d", KindExtension, form, period, unit, n)
}

// ClerkAction is what one clerk's action records, in one transaction: its events and mails,
// and at most one of a late file decided, an approval step (a correction opened), a deadline
// extended or a period's status changed.
type ClerkAction struct {
	Events        []Event
	Mails         []OutMail
	LateDecisions []LateDecision  // decided on the board: no mail carried them
	Approval      *ApprovalUpdate // a correction opened
	Extension     *Extension
	PeriodStatus  *PeriodStatus
	CancelKeys    []string // key prefixes of pending mail the action makes stale
}

// PeriodStatus is a period's status set by hand.
type PeriodStatus struct {
	Form, Period, Status string
}

// RecordClerkAction records a in one transaction. A late file no longer pending, or an approval
// saved meanwhile, is ErrConflict: another clerk or mail decided first.
func (l *Ledger) RecordClerkAction(ctx context.Context, a ClerkAction) error {
	if err := checkClerkAction(a); err != nil {
		return fmt.Errorf("record clerk action: %w", err)
	}
	err := l.inTx(ctx, func(tx *sql.Tx) error { return recordClerkAction(ctx, tx, a) })
	if err != nil {
		return fmt.Errorf("record clerk action: %w", err)
	}
	return nil
}

func recordClerkAction(ctx context.Context, tx *sql.Tx, a ClerkAction) error {
	for _, d := range a.LateDecisions {
		if err := decideLateFileOnBoard(ctx, tx, d); err != nil {
			return err
		}
	}
	if a.Approval != nil {
		if err := saveApproval(ctx, tx, *a.Approval); err != nil {
			return err
		}
	}
	if a.Extension != nil {
		if err := insertExtension(ctx, tx, *a.Extension); err != nil {
			return err
		}
	}
	if s := a.PeriodStatus; s != nil {
		if err := setPeriodStatus(ctx, tx, s.Form, s.Period, s.Status); err != nil {
			return err
		}
	}
	if err := cancelKeys(ctx, tx, a.CancelKeys, a.Events); err != nil {
		return err
	}
	for _, m := range a.Mails {
		if _, _, err := insertOutMail(ctx, tx, m); err != nil {
			return fmt.Errorf("outbox %q: %w", m.Key, err)
		}
	}
	return insertEvents(ctx, tx, a.Events)
}

func checkClerkAction(a ClerkAction) error {
	if len(a.Events) == 0 {
		return errors.New("no audit event: every action is recorded")
	}
	for _, d := range a.LateDecisions {
		if err := checkLateDecision(d); err != nil {
			return err
		}
	}
	if a.Approval != nil {
		if err := checkApproval(*a.Approval); err != nil {
			return err
		}
	}
	if a.Extension != nil {
		return checkExtension(*a.Extension)
	}
	if s := a.PeriodStatus; s != nil && s.Status != PeriodOpen && s.Status != PeriodClosed {
		return fmt.Errorf("unknown period status %q", s.Status)
	}
	return nil
}

// decideLateFileOnBoard records a decision taken on the board: as a clerk's answer by mail, but
// no mail carries it.
func decideLateFileOnBoard(ctx context.Context, tx *sql.Tx, d LateDecision) error {
	res, err := tx.ExecContext(ctx, `UPDATE late_files SET decision = ?, decided_by = ?, decided_at = ?
		WHERE submission_id = ? AND decision = 'pending'`, d.Decision, d.By, encodeTime(d.At), d.SubmissionID)
	if err != nil {
		return fmt.Errorf("decide late file %d: %w", d.SubmissionID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("decide late file %d: not pending (%v): %w", d.SubmissionID, err, ErrConflict)
	}
	return nil
}

// setPeriodStatus changes a recorded period's status; ErrNotFound when it is not recorded.
func setPeriodStatus(ctx context.Context, tx *sql.Tx, form, period, status string) error {
	res, err := tx.ExecContext(ctx, `UPDATE periods SET status = ? WHERE form = ? AND period = ?`, status, form, period)
	if err != nil {
		return fmt.Errorf("set period %s %s status: %w", form, period, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("set period %s %s status (%v): %w", form, period, err, ErrNotFound)
	}
	return nil
}

// cancelKeys cancels the pending mails under each prefix, with an event each, at the action's
// time.
func cancelKeys(ctx context.Context, tx *sql.Tx, prefixes []string, events []Event) error {
	var at time.Time
	if len(events) > 0 {
		at = events[0].At
	}
	for _, prefix := range prefixes {
		if prefix == "" {
			return errors.New("cancel: empty key prefix would match every mail")
		}
		ids, err := pendingWithPrefix(ctx, tx, prefix, "")
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'cancelled', last_error = ? WHERE id = ?`,
				"superseded by a clerk's action", id); err != nil {
				return err
			}
			ev := Event{At: at, Actor: "system", Action: ActionOutboxCancelled, Object: outboxObject(id), Detail: "superseded by a clerk's action"}
			if err := insertEvents(ctx, tx, []Event{ev}); err != nil {
				return err
			}
		}
	}
	return nil
}

// IsResendKey reports whether key is a template a clerk resent (ResendKey): it goes even to a
// unit that already sent a valid file, since the clerk asked for it.
func IsResendKey(key string) bool {
	i := strings.LastIndexByte(key, ':')
	return strings.HasPrefix(key, string(KindTemplate)+":") && i > 0 && strings.HasPrefix(key[i+1:], "resend")
}

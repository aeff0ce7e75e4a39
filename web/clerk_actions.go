package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/tonghop/tonghop/approve"
	"github.com/tonghop/tonghop/ask"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
)

// The clerk's actions (issue 22, part A). Each calls its stage's function, which records it
// with the account as the actor and queues the same mails as the matching mail or command, and
// returns to the period's page of actions, which shows the result.

func init() {
	for _, a := range []Action{
		{Path: "late/take", Handle: lateAction(true)},
		{Path: "late/leave", Handle: lateAction(false)},
		{Path: "correction/start", Handle: startCorrection},
		{Path: "template/resend", Handle: resendTemplate},
		{Path: "deadline/extend", Handle: extendDeadline},
		{Path: "period/close", Handle: closePeriod},
		{Path: "period/reopen", Handle: reopenPeriod},
		{Path: "draft/build", Handle: buildDraft},
	} {
		a.Role = RoleClerk
		Register(a)
	}
}

// target is the form and period an action's form names; ok is false for an unknown one.
func target(env Env, r *http.Request) (*config.Form, period.Period, bool) {
	f, ok := env.Office.Form(r.PostFormValue("f"))
	p, err := period.Parse(r.PostFormValue("p"))
	return f, p, ok && err == nil
}

func approver(env Env) *approve.Approver {
	return &approve.Approver{Office: env.Office, Ledger: env.Ledger, Now: env.Now, Log: env.Log}
}

func asker(env Env) *ask.Asker {
	return &ask.Asker{Office: env.Office, Ledger: env.Ledger, Now: env.Now, Log: env.Log}
}

// lateAction takes a late file in (and builds the corrected draft at once, so the page shows
// it) or leaves it out.
func lateAction(taken bool) func(context.Context, Env, *http.Request, Account) (string, error) {
	return func(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
		f, p, ok := target(env, r)
		id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
		if !ok || err != nil {
			return "", Refuse(msgUnknownUnit)
		}
		err = approver(env).DecideLateFile(ctx, f.Code, p.String(), id, taken, approve.Account{Actor: acct.Actor(), Name: acct.Name})
		if err := refusal(err); err != nil {
			return "", err
		}
		if taken {
			_, _, err := report.DraftNow(ctx, env.Office, env.Ledger, f, p, env.Now(), acct.Actor(), false)
			if err := refusal(err); err != nil && !errors.Is(err, report.ErrIssued) {
				return "", err
			}
		}
		return ClerkURL(f.Code, p.String()), nil
	}
}

func startCorrection(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
	f, p, ok := target(env, r)
	if !ok {
		return "", Refuse(msgUnknownUnit)
	}
	err := approver(env).StartCorrection(ctx, f.Code, p.String(), r.PostFormValue("words"), approve.Account{Actor: acct.Actor(), Name: acct.Name})
	return ClerkURL(f.Code, p.String()), refusal(err)
}

func resendTemplate(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
	f, p, ok := target(env, r)
	if !ok {
		return "", Refuse(msgUnknownUnit)
	}
	_, err := asker(env).Resend(ctx, f.Code, p.String(), r.PostFormValue("u"), acct.Actor())
	return ClerkURL(f.Code, p.String()), refusal(err)
}

// extendDeadline reads the new deadline as the office's date and time ("2026-11-25", "17:00").
func extendDeadline(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
	f, p, ok := target(env, r)
	if !ok {
		return "", Refuse(msgUnknownUnit)
	}
	at := r.PostFormValue("time")
	if at == "" {
		at = "17:00"
	}
	deadline, err := time.ParseInLocation("2006-01-02 15:04", r.PostFormValue("date")+" "+at, env.Office.Location)
	if err != nil {
		return "", Refuse(msgBadDeadline)
	}
	err = asker(env).ExtendDeadline(ctx, f.Code, p.String(), r.PostFormValue("u"), deadline, r.PostFormValue("reason"), acct.Actor())
	return ClerkURL(f.Code, p.String()), refusal(err)
}

func closePeriod(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
	f, p, ok := target(env, r)
	if !ok {
		return "", Refuse(msgUnknownUnit)
	}
	return ClerkURL(f.Code, p.String()), refusal(asker(env).ClosePeriod(ctx, f.Code, p.String(), acct.Actor()))
}

func reopenPeriod(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
	f, p, ok := target(env, r)
	if !ok {
		return "", Refuse(msgUnknownUnit)
	}
	_, err := asker(env).ReopenPeriod(ctx, f.Code, p.String(), acct.Actor())
	return ClerkURL(f.Code, p.String()), refusal(err)
}

func buildDraft(ctx context.Context, env Env, r *http.Request, acct Account) (string, error) {
	f, p, ok := target(env, r)
	if !ok {
		return "", Refuse(msgUnknownUnit)
	}
	_, _, err := report.DraftNow(ctx, env.Office, env.Ledger, f, p, env.Now(), acct.Actor(), true)
	return ClerkURL(f.Code, p.String()), refusal(err)
}

// refusals are the stages' errors a clerk can act on, with what the page says.
var refusals = []struct {
	err error
	msg string
}{
	{approve.ErrNotPending, msgLateDecided}, {ledger.ErrConflict, msgChanged}, {ask.ErrNotAsking, msgNoResend},
	{approve.ErrNotIssued, msgNotIssued}, {approve.ErrNoWords, msgNoWords},
	{report.ErrIssued, msgIssuedNoDraft},
	{ask.ErrClosed, msgAlreadyClosed}, {ask.ErrOpen, msgAlreadyOpen}, {ask.ErrIssuedNow, msgIssuedReopen},
	{ask.ErrUnknown, msgUnknownUnit}, {ask.ErrNotLater, msgDeadlineNotLater}, {ledger.ErrNotFound, msgUnknownUnit},
}

// refusal turns a stage's error the clerk can act on into a Refusal; any other stays a failure.
// A draft recorded without its archive copy is done: the ledger holds it (the daemon logs the
// copy's failure on its next pass of the archive).
func refusal(err error) error {
	if errors.Is(err, report.ErrNotArchived) {
		return nil
	}
	for _, r := range refusals {
		if errors.Is(err, r.err) {
			return Refuse(r.msg)
		}
	}
	return err
}

package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/status"
)

// Issue 22 (part A): the page of a form's period where a clerk acts — build a draft now, take a
// late file in or leave it out, start a correction, resend a template, extend a unit's deadline,
// close or reopen the period. Every action returns here, so the page shows what it did: the
// drafts, the late files and their decisions, the deadlines in force. A viewer or leader sees
// the same page without the forms.

func init() {
	RegisterPage(Page{Path: "clerk", Template: "clerk.html", Data: clerkData})
}

// ClerkURL is the page of the clerk's actions on form's period ("" period: the latest).
func ClerkURL(form, period string) string {
	return "/clerk?" + url.Values{"f": {form}, "p": {period}}.Encode()
}

type clerkView struct {
	Form, Title, Period, Label string
	CanAct                     bool
	Closed, Issued, Correcting bool
	Periods                    []clerkPeriodLink
	Drafts                     []clerkDraft
	Late                       []clerkLate
	Units                      []clerkUnit
	ExtendDay                  string // the date the extension form offers: a week from now
}

type clerkPeriodLink struct{ Label, URL string }

type clerkDraft struct {
	Version              int
	BuiltAt, Trigger     string
	Counted, DownloadURL string
}

type clerkLate struct {
	ID                  int64
	Unit, Version, When string
	Decision            string // "" pending: the forms are shown
	DownloadURL         string
}

type clerkUnit struct{ Code, Name, Deadline string }

func (v clerkView) PageTitle() string { return msgClerkTitle + v.Form + " — " + v.Label }

func clerkData(ctx context.Context, env Env, r *http.Request, acct Account) (any, error) {
	f, ok := env.Office.Form(r.URL.Query().Get("f"))
	if !ok {
		return nil, NotFound("form")
	}
	rows, err := env.Ledger.Periods(ctx, f.Code)
	if err != nil || len(rows) == 0 {
		return nil, errors.Join(err, NotFound("period"))
	}
	row := rows[len(rows)-1]
	v := clerkView{Form: f.Code, Title: f.Title, CanAct: acct.Role.Allows(RoleClerk)}
	for _, p := range rows {
		if p.Period == r.URL.Query().Get("p") {
			row = p
		}
		v.Periods = append(v.Periods, clerkPeriodLink{Label: periodName(p.Period), URL: ClerkURL(f.Code, p.Period)})
	}
	v.Period, v.Label, v.Closed = row.Period, periodName(row.Period), row.Status == ledger.PeriodClosed
	v.ExtendDay = env.Now().In(env.Office.Location).AddDate(0, 0, 7).Format("2006-01-02")
	if err := v.readIssue(ctx, env, f.Code); err != nil {
		return nil, err
	}
	if err := v.readDrafts(ctx, env); err != nil {
		return nil, err
	}
	if err := v.readLate(ctx, env); err != nil {
		return nil, err
	}
	return v, v.readUnits(ctx, env, f, row.Deadline)
}

func (v *clerkView) readIssue(ctx context.Context, env Env, form string) error {
	switch _, err := env.Ledger.LatestIssue(ctx, form, v.Period); {
	case errors.Is(err, ledger.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	v.Issued = true
	_, err := env.Ledger.OpenCorrection(ctx, form, v.Period)
	v.Correcting = err == nil
	if errors.Is(err, ledger.ErrNotFound) {
		err = nil
	}
	return err
}

func (v *clerkView) readDrafts(ctx context.Context, env Env) error {
	list, err := env.Ledger.Drafts(ctx, v.Form, v.Period)
	for i := len(list) - 1; i >= 0; i-- { // newest first
		d := list[i]
		v.Drafts = append(v.Drafts, clerkDraft{Version: d.Version, BuiltAt: when(env, d.BuiltAt), Trigger: triggerNames[d.Trigger],
			Counted: itoa(len(d.Basis)), DownloadURL: DownloadURL(ledger.FileDraft, d.ID)})
	}
	return err
}

func (v *clerkView) readLate(ctx context.Context, env Env) error {
	list, err := env.Ledger.LateFiles(ctx, v.Form, v.Period)
	for _, f := range list {
		s := f.Submission
		l := clerkLate{ID: s.ID, Unit: unitName(env, s.Unit), Version: itoa(s.Version), When: when(env, s.ReceivedAt),
			DownloadURL: DownloadURL(ledger.FileSubmission, s.ID)}
		if f.Decision != ledger.DecisionPending {
			l.Decision = decisionNames[f.Decision]
		}
		v.Late = append(v.Late, l)
	}
	return err
}

func (v *clerkView) readUnits(ctx context.Context, env Env, f *config.Form, deadline time.Time) error {
	ext, err := env.Ledger.Extensions(ctx, v.Form, v.Period)
	for _, u := range env.Office.FormUnits(f) {
		d := deadline
		if e, ok := ext[u.Code]; ok {
			d = e.Deadline
		}
		v.Units = append(v.Units, clerkUnit{Code: u.Code, Name: u.Name, Deadline: status.FormatDeadline(d.In(env.Office.Location))})
	}
	return err
}

func when(env Env, t time.Time) string { return status.FormatDateTime(t.In(env.Office.Location)) }

func unitName(env Env, code string) string {
	if u, ok := env.Office.Unit(code); ok {
		return u.Name
	}
	return code
}

package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/approve"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
)

func init() {
	RegisterPage(Page{Path: "period", Template: "period.html", Data: periodData})
}

// periodView is a form's period: its drafts, the approval steps with each reply's words and
// time, the issued reports and the audit trail.
type periodView struct {
	Form, Period, Label, FormURL string
	Status                       string // where the approval stands
	Waiting                      string // the step waited for, as `tonghop status` says it; "" when none
	Drafts                       []draftRow
	Steps                        []stepRow
	Issues                       []issueRow
	Events                       []eventRow
}

func (v periodView) PageTitle() string { return msgPeriodTitle + v.Form + " — " + v.Label }

type draftRow struct {
	Version         int
	Trigger, Author string
	BuiltAt, URL    string
	Units           int
}

type stepRow struct {
	Step             int
	Person, Kind     string
	Version          int
	Comment, At      string
	EditedVersion    int
	CarriedFromLabel int
}

type issueRow struct {
	Number, Version int
	At, URL         string
}

type eventRow struct {
	At, Actor, Action, Object, Detail string
}

func periodData(ctx context.Context, env Env, r *http.Request, _ Account) (any, error) {
	q := r.URL.Query()
	f, ok := env.Office.Form(q.Get("f"))
	if !ok {
		return nil, NotFound("form")
	}
	p, err := env.Ledger.Period(ctx, f.Code, q.Get("p"))
	if err != nil {
		return nil, err // a period never opened is a 404
	}
	v := periodView{Form: f.Code, Period: p.Period, Label: periodLabel(p.Period), FormURL: FormURL(f.Code)}
	if err := v.readDrafts(ctx, env); err != nil {
		return nil, err
	}
	if err := v.readApproval(ctx, env); err != nil {
		return nil, err
	}
	if per, err := period.Parse(p.Period); err == nil {
		a := &approve.Approver{Office: env.Office, Ledger: env.Ledger, Now: env.Now}
		st, err := a.Standing(ctx, f, per)
		if err != nil {
			return nil, err
		}
		if st != nil {
			st.Label = v.Label
			v.Waiting = letters.StepStandingLine(*st)
		}
	}
	if err := v.readIssues(ctx, env); err != nil {
		return nil, err
	}
	events, err := env.Ledger.PeriodEvents(ctx, f.Code, p.Period)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		v.Events = append(v.Events, eventRow{At: formatTime(e.At, env), Actor: e.Actor, Action: string(e.Action), Object: e.Object, Detail: e.Detail})
	}
	return v, nil
}

func (v *periodView) readDrafts(ctx context.Context, env Env) error {
	drafts, err := env.Ledger.Drafts(ctx, v.Form, v.Period)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		v.Drafts = append(v.Drafts, draftRow{Version: d.Version, Trigger: triggerLabels[d.Trigger], Author: personName(env, d.Author),
			BuiltAt: formatTime(d.BuiltAt, env), URL: DownloadURL(ledger.FileDraft, d.ID), Units: len(d.Basis)})
	}
	return nil
}

// readApproval reads the approval's state as the daemon stored it: every decision of the
// chain, with the person's words and when.
func (v *periodView) readApproval(ctx context.Context, env Env) error {
	a, err := env.Ledger.Approval(ctx, v.Form, v.Period)
	if errors.Is(err, ledger.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var st approval.State
	if err := json.Unmarshal(a.State, &st); err != nil {
		return err
	}
	v.Status = approvalStatusLabels[st.Status]
	for _, d := range st.Decisions {
		v.Steps = append(v.Steps, stepRow{Step: d.Step + 1, Person: personName(env, d.Person), Kind: decisionKindLabels[d.Kind],
			Version: d.Version, Comment: d.Comment, At: formatTime(d.At, env), EditedVersion: d.EditedVersion, CarriedFromLabel: d.CarriedFrom})
	}
	return nil
}

func (v *periodView) readIssues(ctx context.Context, env Env) error {
	issues, err := env.Ledger.Issues(ctx, v.Form)
	if err != nil {
		return err
	}
	ids, err := env.Ledger.IssueIDs(ctx, v.Form, v.Period)
	if err != nil {
		return err
	}
	for _, is := range issues {
		if is.Period != v.Period {
			continue
		}
		row := issueRow{Number: is.Number, Version: is.Version, At: formatTime(is.At, env)}
		if is.FileSHA256 != "" {
			row.URL = DownloadURL(ledger.FileIssue, ids[is.Number])
		}
		v.Issues = append(v.Issues, row)
	}
	return nil
}

// personName is a person's name and title from the configuration; "" for tonghop itself.
func personName(env Env, id string) string {
	if id == "" {
		return ""
	}
	if p, ok := env.Office.Person(id); ok {
		if p.Title != "" {
			return p.Name + " (" + p.Title + ")"
		}
		return p.Name
	}
	return id
}

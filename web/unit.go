package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/status"
)

func init() {
	RegisterPage(Page{Path: "unit", Template: "unit.html", Data: unitData})
}

// unitView is a unit's page: every version of every file it sent, by form and period (newest
// period first), each with its problems and the mails that answered it.
type unitView struct {
	Code, Name string
	Periods    []unitPeriod
}

func (v unitView) PageTitle() string { return msgUnitTitle + v.Name }

type unitPeriod struct {
	Form, Period, Label, URL string
	Files                    []unitFile
	DiffURL                  string // the form comparing two versions; "" with fewer than two
	Versions                 []int
}

type unitFile struct {
	Version          int
	FileName         string
	Valid, Late      bool
	ReceivedAt       string
	Decision, Review string
	ReviewComment    string // the supervisor's words when the file was returned or agreed
	Errors, Warnings []form.Problem
	Answers          []answer
	FileURL, MailURL string
}

// answer is an outbox mail answering the unit's mail: its receipt or its list of errors.
type answer struct {
	Subject, Body, Status, SentAt string
}

func unitData(ctx context.Context, env Env, r *http.Request, _ Account) (any, error) {
	u, ok := env.Office.Unit(r.URL.Query().Get("u"))
	if !ok {
		return nil, NotFound("unit")
	}
	v := unitView{Code: u.Code, Name: u.Name}
	for i := range env.Office.Forms {
		f := &env.Office.Forms[i]
		if !slices.ContainsFunc(env.Office.FormUnits(f), func(x config.Unit) bool { return x.Code == u.Code }) {
			continue
		}
		periods, err := env.Ledger.Periods(ctx, f.Code)
		if err != nil {
			return nil, err
		}
		for j := len(periods) - 1; j >= 0; j-- {
			p, err := unitPeriodOf(ctx, env, f.Code, periods[j].Period, u.Code)
			if err != nil {
				return nil, err
			}
			if len(p.Files) > 0 {
				v.Periods = append(v.Periods, p)
			}
		}
	}
	return v, nil
}

// unitPeriodOf reads the unit's files of one form's period with their answers.
func unitPeriodOf(ctx context.Context, env Env, formCode, period, unit string) (unitPeriod, error) {
	subs, err := env.Ledger.Submissions(ctx, formCode, period)
	if err != nil {
		return unitPeriod{}, err
	}
	reviews, err := env.Ledger.Reviews(ctx, formCode, period)
	if err != nil {
		return unitPeriod{}, err
	}
	held := map[int64]ledger.Review{}
	for _, rv := range reviews {
		held[rv.Submission.ID] = rv
	}
	p := unitPeriod{Form: formCode, Period: period, Label: periodLabel(period), URL: PeriodURL(formCode, period)}
	for _, s := range subs {
		if s.Unit != unit {
			continue
		}
		f, err := unitFileOf(ctx, env, s)
		if err != nil {
			return unitPeriod{}, err
		}
		if rv, ok := held[s.ID]; ok && rv.Mode.Holds() {
			f.Review, f.ReviewComment = status.Review(rv.State).Label(), rv.Comment
		}
		p.Files = append(p.Files, f)
		p.Versions = append(p.Versions, s.Version)
	}
	if n := len(p.Versions); n >= 2 {
		p.DiffURL = DiffURL(formCode, period, unit, p.Versions[n-2], p.Versions[n-1])
	}
	return p, nil
}

func unitFileOf(ctx context.Context, env Env, s ledger.Submission) (unitFile, error) {
	f := unitFile{Version: s.Version, FileName: s.FileName, Valid: s.Valid, Late: s.Late,
		ReceivedAt: formatTime(s.ReceivedAt, env), Decision: decisionLabel(s.Decision),
		FileURL: DownloadURL(ledger.FileSubmission, s.ID), MailURL: DownloadURL(ledger.FileMail, s.MailID)}
	var probs struct {
		Errors   []form.Problem `json:"errors"`
		Warnings []form.Problem `json:"warnings"`
	}
	if len(s.Problems) > 0 {
		json.Unmarshal(s.Problems, &probs) //nolint:errcheck // the ledger checked it is JSON; a shape it does not have shows nothing
	}
	f.Errors, f.Warnings = probs.Errors, probs.Warnings
	m, err := env.Ledger.MailByID(ctx, s.MailID)
	if err != nil {
		return f, err
	}
	outs, err := env.Ledger.AnswersTo(ctx, m.SHA256)
	if err != nil {
		return f, err
	}
	for _, o := range outs {
		a := answer{Subject: o.Subject, Body: o.Body, Status: outStatusLabel(o.Status)}
		if !o.SentAt.IsZero() {
			a.SentAt = formatTime(o.SentAt, env)
		}
		f.Answers = append(f.Answers, a)
	}
	return f, nil
}

// DiffURL is the page comparing versions a and b of a unit's file for a form's period.
func DiffURL(formCode, period, unit string, a, b int) string {
	return "/diff?" + url.Values{"f": {formCode}, "p": {period}, "u": {unit},
		"a": {strconv.Itoa(a)}, "b": {strconv.Itoa(b)}}.Encode()
}

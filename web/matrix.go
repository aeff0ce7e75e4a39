package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/status"
)

// chartPeriods is how many of the last periods the form's page shows, in its table and chart.
const chartPeriods = 12

func init() {
	RegisterPage(Page{Path: "form", Template: "form.html", Data: formData})
}

// formView is a form's page: the matrix of units × periods as `tonghop status` builds it
// (report.StatusMatrix: one judgement of lateness, status.DelayOf's rounding), and its chart.
type formView struct {
	Code, Title string
	Periods     []periodHead
	Rows        []matrixRow
	Chart       chart
	Now         string
}

type periodHead struct {
	Label, URL, Deadline string
	Rate                 status.Rate
	Reporting, OnTime    float64
}

type matrixRow struct {
	Code, Name, URL string
	Cells           []matrixCell
}

// matrixCell is a cell's text (status.Cell.Label, the status table's words) and the classes
// that colour it: its state, and where its file stands with the unit's supervisor.
type matrixCell struct {
	Text, Class, Title string
}

func (v formView) PageTitle() string { return msgFormTitle + v.Code }

func formData(ctx context.Context, env Env, r *http.Request, _ Account) (any, error) {
	f, ok := env.Office.Form(r.URL.Query().Get("f"))
	if !ok {
		return nil, NotFound("form")
	}
	now := env.Now()
	m, err := report.StatusMatrix(ctx, env.Office, env.Ledger, f, "", chartPeriods, now)
	if err != nil {
		return nil, err
	}
	v := formView{Code: f.Code, Title: f.Title, Now: status.FormatDateTime(now.In(env.Office.Location))}
	for i, p := range m.Periods {
		h := periodHead{Label: p.Label, URL: PeriodURL(f.Code, p.Period), Rate: m.Rates[i],
			Reporting: m.Rates[i].ReportingRate(), OnTime: m.Rates[i].OnTimeRate()}
		if h.Label == "" {
			h.Label = p.Period
		}
		if !p.Deadline.IsZero() {
			h.Deadline = status.FormatDateTime(p.Deadline.In(env.Office.Location))
		}
		v.Periods = append(v.Periods, h)
	}
	for u, unit := range m.Units {
		row := matrixRow{Code: unit.Code, Name: unit.Name, URL: UnitURL(unit.Code)}
		for _, c := range m.Cells[u] {
			row.Cells = append(row.Cells, cellView(c))
		}
		v.Rows = append(v.Rows, row)
	}
	v.Chart = rateChart(v.Periods)
	return v, nil
}

// cellView dresses a cell: the status table's text, and a title that says how many files the
// unit sent (a resubmission shows as "lần 2" in the text already).
func cellView(c status.Cell) matrixCell {
	class := string(c.State)
	switch c.Review {
	case status.ReviewPending:
		class += " review"
	case status.ReviewReturned:
		class += " returned"
	}
	if c.Versions > 1 {
		class += " resubmitted"
	}
	title := ""
	if c.Versions > 0 {
		title = fmt.Sprintf(msgFilesSent, c.Versions)
	}
	return matrixCell{Text: c.Label(), Class: class, Title: title}
}

package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/status"
)

// pageIndex is the board's front page: the forms, each with its latest period's rates, and the
// units.
var pageIndex = Page{Path: "", Role: RoleViewer, Title: msgIndexTitle, Template: "index.html", Data: indexData}

type indexForm struct {
	Code, Name, URL string
	// Latest is the last period opened, with its rates; "" when none was.
	Latest            string
	Rate              status.Rate
	Reporting, OnTime float64
}

type indexUnit struct {
	Code, Name, URL string
}

type indexView struct {
	Forms []indexForm
	Units []indexUnit
}

func indexData(ctx context.Context, env Env, r *http.Request, acct Account) (any, error) {
	var v indexView
	for i := range env.Office.Forms {
		f := &env.Office.Forms[i]
		row := indexForm{Code: f.Code, Name: f.Title, URL: FormURL(f.Code)}
		m, err := report.StatusMatrix(ctx, env.Office, env.Ledger, f, "", 1, env.Now())
		if err != nil {
			return nil, err
		}
		if len(m.Periods) > 0 {
			row.Latest, row.Rate = orKey(m.Periods[0].Label, m.Periods[0].Period), m.Rates[0]
			row.Reporting, row.OnTime = row.Rate.ReportingRate(), row.Rate.OnTimeRate()
		}
		v.Forms = append(v.Forms, row)
	}
	for _, u := range env.Office.Units {
		v.Units = append(v.Units, indexUnit{Code: u.Code, Name: u.Name, URL: UnitURL(u.Code)})
	}
	return v, nil
}

// FormURL is the page of a form's matrix.
func FormURL(form string) string { return "/form?" + url.Values{"f": {form}}.Encode() }

// UnitURL is the page of a unit's files.
func UnitURL(unit string) string { return "/unit?" + url.Values{"u": {unit}}.Encode() }

// PeriodURL is the page of a form's period.
func PeriodURL(form, period string) string {
	return "/period?" + url.Values{"f": {form}, "p": {period}}.Encode()
}

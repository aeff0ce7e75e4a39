package web

import (
	"context"
	"net/http"
	"net/url"
)

// pageIndex is the board's front page: the forms, each with its latest period's rates, and the
// units.
var pageIndex = Page{Path: "", Role: RoleViewer, Title: msgIndexTitle, Template: "index.html", Data: indexData}

type indexForm struct {
	Code, Name, URL string
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
	for _, f := range env.Office.Forms {
		v.Forms = append(v.Forms, indexForm{Code: f.Code, Name: f.Title, URL: FormURL(f.Code)})
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

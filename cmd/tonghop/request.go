package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/tonghop/tonghop/ask"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
)

// maxRequestAhead is how far ahead a one-off request may be due: a request is for now, and a
// date a year out is more likely a typo than a plan.
const maxRequestAhead = 366 * 24 * time.Hour

func runRequest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("request", `request --config FILE --form CODE --units all|U1,U2 --due "YYYY-MM-DD HH:MM" [--title T] [--covers C]`,
		"Ask units for a one-off report of a form by a date: a numbered one-off period of the form\n"+
			"(2026-R03 for its third request of 2026). Its templates are queued at once, and the running\n"+
			"daemon sends them; reminders, collection, consolidation, approval and issue follow as for\n"+
			"any period. --title says what is asked and --covers the time it covers, as letters print them.", stdout)
	path := fs.String("config", "", "configuration `file` (required)")
	code := fs.String("form", "", "form `code`, such as BM.02.01/KH (required)")
	unitList := fs.String("units", "", "which units: `all|U1,U2`, all the form's units or their codes separated by commas (required)")
	dueText := fs.String("due", "", "due time, `YYYY-MM-DD HH:MM` in the office's zone (required)")
	title := fs.String("title", "", "what is asked, as letters print it")
	covers := fs.String("covers", "", "the time the report covers, as letters print it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || *code == "" || *unitList == "" || *dueText == "" {
		return fmt.Errorf("%w: want --config FILE --form CODE --units all|U1,U2 --due \"YYYY-MM-DD HH:MM\"", errUsage)
	}
	cfg, err := config.LoadOffline(*path)
	if err != nil {
		return err
	}
	now := time.Now().In(cfg.Location)
	r, err := newRequest(cfg, *code, *unitList, *dueText, now)
	if err != nil {
		return err
	}
	r.Title, r.Covers, r.CreatedBy = strings.TrimSpace(*title), strings.TrimSpace(*covers), requestedBy()
	site, err := office.Open(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer site.Close()
	if !site.Office.Calendar.IsWorkingDay(r.Due) {
		fmt.Fprintf(stderr, "tonghop request: warning: %s is not a working day\n", r.Due.Format("2006-01-02"))
	}
	return makeRequest(ctx, site, r, stdout)
}

// newRequest checks the command line against the configuration: the form, its units, a due
// time after now and within a year.
func newRequest(cfg *config.Config, code, unitList, dueText string, now time.Time) (ledger.Request, error) {
	f, ok := cfg.Form(code)
	if !ok {
		return ledger.Request{}, fmt.Errorf("%w: form %q is not in %s", errUsage, code, cfg.Path)
	}
	units, err := requestUnits(cfg.FormUnits(f), unitList)
	if err != nil {
		return ledger.Request{}, fmt.Errorf("%w: --units: %v", errUsage, err)
	}
	due, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(dueText), cfg.Location)
	switch {
	case err != nil:
		return ledger.Request{}, fmt.Errorf("%w: --due %q: want YYYY-MM-DD HH:MM", errUsage, dueText)
	case !due.After(now):
		return ledger.Request{}, fmt.Errorf("%w: --due %s is not after now", errUsage, dueText)
	case due.Sub(now) > maxRequestAhead:
		return ledger.Request{}, fmt.Errorf("%w: --due %s is more than a year ahead", errUsage, dueText)
	}
	return ledger.Request{Form: f.Code, Year: now.Year(), Units: units, Due: due, CreatedAt: now}, nil
}

// requestUnits are the units named by list ("all", or codes separated by commas), in the
// configuration's order; each must report the form.
func requestUnits(formUnits []config.Unit, list string) ([]string, error) {
	named := map[string]bool{}
	for _, c := range strings.Split(list, ",") {
		if c = strings.TrimSpace(c); c != "" {
			named[c] = true
		}
	}
	all := named["all"] && len(named) == 1
	var out []string
	for _, u := range formUnits {
		if all || named[u.Code] {
			out = append(out, u.Code)
			delete(named, u.Code)
		}
	}
	if all {
		return out, nil
	}
	for _, c := range strings.Split(list, ",") { // the first unknown, as written
		if c = strings.TrimSpace(c); named[c] {
			return nil, fmt.Errorf("%q is not a unit of this form", c)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no unit named")
	}
	return out, nil
}

// makeRequest records r and queues its templates, then says what it did.
func makeRequest(ctx context.Context, site *office.Site, r ledger.Request, stdout io.Writer) error {
	loc := site.Office.Location
	detail := fmt.Sprintf("units %s, due %s", strings.Join(r.Units, ","), r.Due.In(loc).Format("2006-01-02 15:04"))
	r, err := site.Ledger.CreateRequest(ctx, r, ledger.Event{At: r.CreatedAt, Actor: r.CreatedBy,
		Action: ledger.ActionRequestCreated, Detail: detail})
	if err != nil {
		return err
	}
	a := ask.Asker{Office: site.Office, Ledger: site.Ledger}
	if err := a.Request(ctx, r.Form, r.Period); err != nil {
		return fmt.Errorf("%s %s recorded, templates not all queued (the daemon will queue them): %w", r.Form, r.Period, err)
	}
	queued := 0
	for _, u := range r.Units {
		if _, err := site.Ledger.OutMail(ctx, ledger.TemplateKey(r.Form, r.Period, u)); err == nil {
			queued++
		}
	}
	_, err = fmt.Fprintf(stdout, "%s %s: due %s, %d units, %d templates queued\n", r.Form, r.Period,
		r.Due.In(loc).Format("2006-01-02 15:04"), len(r.Units), queued)
	return err
}

// requestedBy names who made the request in the record: the program and the account it runs
// under.
func requestedBy() string {
	who := "tonghop request"
	u, err := user.Current()
	host, herr := os.Hostname()
	if err == nil && herr == nil {
		who += " (" + u.Username + "@" + host + ")"
	}
	return who
}

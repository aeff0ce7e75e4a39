package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ask"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/status"
)

// openPeriods runs the scheduler once, as the daemon would: the test office's periods are
// recorded and their templates queued.
func openPeriods(t *testing.T, b *board) ledger.Period {
	t.Helper()
	b.mu.Lock()
	b.now = time.Date(2026, 11, 16, 9, 0, 0, 0, b.office.Location) // the monthly report's templates are due
	b.mu.Unlock()
	a := &ask.Asker{Office: b.office, Ledger: b.ledger, Now: b.Now}
	if err := a.Schedule(context.Background()); err != nil {
		t.Fatal(err)
	}
	rows, err := b.ledger.Periods(context.Background(), "BM.02.01/KH")
	if err != nil || len(rows) == 0 {
		t.Fatalf("periods: %v (%v)", rows, err)
	}
	return rows[len(rows)-1]
}

// A viewer and a leader see the page of actions without its forms, and their posts change
// nothing; a clerk's post does what it says, recorded with the account's name.
func TestClerkActions_ViewerCannotAct(t *testing.T) {
	b := newBoard(t)
	p := openPeriods(t, b)
	page := ClerkURL(p.Form, p.Period)
	form := url.Values{"f": {p.Form}, "p": {p.Period}}
	for _, r := range []Role{RoleViewer, RoleLeader} {
		c := b.loggedIn(r)
		code, body := b.get(c, page)
		if code != http.StatusOK || strings.Contains(body, ActionURL("period/close")) {
			t.Errorf("%s: the page: got %d, with forms %v; want 200 without", r, code, strings.Contains(body, ActionURL("period/close")))
		}
		for _, path := range []string{"period/close", "draft/build", "template/resend"} {
			f := url.Values{"csrf": {b.token(c, page)}, "u": {"QLDN"}}
			for k, v := range form {
				f[k] = v
			}
			if resp, _ := b.post(c, ActionURL(path), f); resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s: got %d, want 403", r, path, resp.StatusCode)
			}
		}
	}
	if got, _ := b.ledger.Period(context.Background(), p.Form, p.Period); got.Status != ledger.PeriodOpen {
		t.Fatalf("after the refused posts: period %s, want open", got.Status)
	}
	if d, err := b.ledger.Drafts(context.Background(), p.Form, p.Period); err != nil || len(d) != 0 {
		t.Fatalf("after the refused posts: %d drafts (%v), want none", len(d), err)
	}
	clerk := b.loggedIn(RoleClerk)
	_, body := b.get(clerk, page)
	if !strings.Contains(body, ActionURL("period/close")) {
		t.Fatal("the clerk's page has no form to close the period")
	}
	form.Set("csrf", b.token(clerk, page))
	resp, _ := b.post(clerk, ActionURL("period/close"), form)
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != page {
		t.Fatalf("close: got %d to %q, want 303 to %s", resp.StatusCode, loc, page)
	}
	if got, _ := b.ledger.Period(context.Background(), p.Form, p.Period); got.Status != ledger.PeriodClosed {
		t.Errorf("after the clerk's close: %s, want closed", got.Status)
	}
	if ev := b.events(ledger.ActionPeriodClosed); len(ev) != 1 || ev[0].Actor != "account:clerk" {
		t.Errorf("period.closed events: got %+v, want one by account:clerk", ev)
	}
	if resp, body := b.post(clerk, ActionURL("period/close"), form); resp.StatusCode != http.StatusConflict || !strings.Contains(body, msgAlreadyClosed) {
		t.Errorf("closed twice: got %d, want 409 saying %q", resp.StatusCode, msgAlreadyClosed)
	}
}

// Building a draft now and extending a deadline from the page, and a deadline that cannot be read.
func TestClerkActions_DraftAndExtension(t *testing.T) {
	b := newBoard(t)
	p := openPeriods(t, b)
	page := ClerkURL(p.Form, p.Period)
	clerk := b.loggedIn(RoleClerk)
	form := url.Values{"csrf": {b.token(clerk, page)}, "f": {p.Form}, "p": {p.Period}}
	if resp, body := b.post(clerk, ActionURL("draft/build"), form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("build: got %d\n%s", resp.StatusCode, body)
	}
	if _, body := b.get(clerk, page); !strings.Contains(body, `class="draft"`) {
		t.Errorf("the page after the build shows no draft")
	}
	ext := url.Values{"u": {"QLDN"}, "date": {"2031-01-15"}, "time": {"16:30"}, "reason": {"Chờ số liệu"}}
	for k, v := range form {
		ext[k] = v
	}
	if resp, body := b.post(clerk, ActionURL("deadline/extend"), ext); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("extend: got %d\n%s", resp.StatusCode, body)
	}
	if _, body := b.get(clerk, page); !strings.Contains(body, "16:30 ngày 15/01/2031") {
		t.Errorf("the page does not show QLDN's new deadline")
	}
	ext.Set("date", "mai")
	if resp, body := b.post(clerk, ActionURL("deadline/extend"), ext); resp.StatusCode != http.StatusConflict || !strings.Contains(body, msgBadDeadline) {
		t.Errorf("a date that is not one: got %d, want 409 saying %q", resp.StatusCode, msgBadDeadline)
	}
	// Past the period's deadline (the session long expired), QLDN is still within its own: not yet due, while QLDT is missing.
	b.advance(5 * 24 * time.Hour)
	f, _ := b.office.Form(p.Form)
	m, err := report.StatusMatrix(context.Background(), b.office, b.ledger, f, p.Period, 1, b.Now())
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]status.State{}
	for i, u := range m.Units {
		states[u.Code] = m.Cells[i][0].State
	}
	if states["QLDN"] != status.Pending || states["QLDT"] != status.Missing {
		t.Errorf("matrix after the period's deadline: QLDN %s, QLDT %s; want pending (extended) and missing", states["QLDN"], states["QLDT"])
	}
}

// The letters' link to a period's page is the board's.
func TestPeriodPage_Agrees(t *testing.T) {
	if got, want := letters.PeriodPage("https://b.example", "BM.02.01/KH", "2026-11"), "https://b.example"+PeriodURL("BM.02.01/KH", "2026-11"); got != want {
		t.Errorf("letters.PeriodPage: got %s, want %s", got, want)
	}
}

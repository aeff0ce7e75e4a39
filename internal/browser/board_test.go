package browser

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/web"
)

type css = chromedp.CSS

// TestBoard_Browser drives the board as the Planning Office's clerk would, in Chromium, on the
// demo's data: a failed log-in, then a good one, a form's matrix, a unit's difference between
// two versions, downloads, and a file received after the issue taken into the report, which
// opens a correction and builds the new draft the page then shows.
func TestBoard_Browser(t *testing.T) {
	ctx := browse(t)
	s := demoSite(t)
	shots := artefacts(t)
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	do("failed log-in", chromedp.Navigate(s.url+"/login"),
		chromedp.SendKeys(css(`input[name=name]`), "lan"), chromedp.SendKeys(css(`input[name=password]`), "không phải mật khẩu"),
		chromedp.Click(css(`form.login button`)), chromedp.WaitVisible(css(`p.error`)))
	if got := text(`p.error`); !strings.Contains(got, "không đúng") {
		t.Errorf("failed log-in: got %q, want the refusal", got)
	}
	shot(t, ctx, shots, "01-login-failed")
	do("log-in", chromedp.Clear(css(`input[name=name]`)), chromedp.SendKeys(css(`input[name=name]`), "lan"), chromedp.SendKeys(css(`input[name=password]`), password),
		chromedp.Click(css(`form.login button`)), chromedp.WaitVisible(css(`ul.cards`)))
	shot(t, ctx, shots, "02-index")

	do("matrix", chromedp.Navigate(s.url+web.FormURL(monthly)), chromedp.WaitVisible(css(`table.matrix`)), chromedp.WaitVisible(css(`svg.chart`)))
	matrix := text(`table.matrix`)
	for _, want := range []string{"QLDN", "QLDT", "TTPC", "Tỷ lệ báo cáo"} {
		if !strings.Contains(matrix, want) {
			t.Errorf("matrix lacks %q:\n%s", want, matrix)
		}
	}
	shot(t, ctx, shots, "03-matrix")

	do("unit", chromedp.Navigate(s.url+web.UnitURL("QLDT")), chromedp.WaitVisible(css(`form.diffpick`)))
	shot(t, ctx, shots, "04-unit")
	do("difference", chromedp.Click(css(`form.diffpick a`)), chromedp.WaitVisible(css(`table.diff`)))
	if got := text(`main`); !strings.Contains(got, "lần gửi thứ 1 so với lần gửi thứ 2") {
		t.Errorf("difference page: got\n%s", got)
	}
	shot(t, ctx, shots, "05-difference")

	checkDownloads(t, ctx, s)
	takeLateFileIn(t, ctx, s, shots, do, text)
	viewerSeesNoForms(t, ctx, s, shots, do)
}

// viewerSeesNoForms logs out and in again as a viewer: the page of actions shows what was done
// but offers no form (the board refuses a viewer's post all the same: web's tests).
func viewerSeesNoForms(t *testing.T, ctx context.Context, s *site, shots string, do func(string, ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	do("log out", chromedp.Click(css(`form[action="/logout"] button`)), chromedp.WaitVisible(css(`form.login`)))
	do("viewer's log-in", chromedp.Navigate(s.url+"/login"), chromedp.SendKeys(css(`input[name=name]`), "xem"),
		chromedp.SendKeys(css(`input[name=password]`), password), chromedp.Click(css(`form.login button`)), chromedp.WaitVisible(css(`ul.cards`)),
		chromedp.Navigate(s.url+web.ClerkURL(monthly, november)), chromedp.WaitVisible(css(`#drafts`)))
	forms, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("main form").length`))
	if err != nil || forms != 0 {
		t.Errorf("the viewer's page of actions: got %d forms (%v), want none", forms, err)
	}
	shot(t, ctx, shots, "09-viewer")
}

// checkDownloads clicks a workbook's download link on QLDT's page: what Chromium saves is one
// of QLDT's files as the ledger holds it.
func checkDownloads(t *testing.T, ctx context.Context, s *site) {
	t.Helper()
	dir := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	err := chromedp.Do(ctx, chromedp.Navigate(s.url+web.UnitURL("QLDT")),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			on := true
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &on})
			return err
		}),
		chromedp.Click(css(`article.file a`)))
	if err != nil {
		t.Fatalf("download: %v", err)
	}
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("download cancelled")
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	subs, err := s.ledger.Submissions(context.Background(), monthly, november)
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range subs {
		if sub.Unit == "QLDT" && sub.FileSHA256 == hex.EncodeToString(sum[:]) {
			return
		}
	}
	t.Errorf("downloaded %d bytes that are none of QLDT's files", len(data))
}

// takeLateFileIn takes QLDN's late file in on the clerk's page and finds the new draft there and
// on the period's page; the ledger agrees.
func takeLateFileIn(t *testing.T, ctx context.Context, s *site, shots string, do func(string, ...chromedp.Action[chromedp.Void]), text func(string) string) {
	t.Helper()
	before, err := s.ledger.LatestDraft(context.Background(), monthly, november)
	if err != nil {
		t.Fatal(err)
	}
	do("clerk's page", chromedp.Navigate(s.url+web.ClerkURL(monthly, november)), chromedp.WaitVisible(css(`button.late-take`)))
	shot(t, ctx, shots, "06-actions-before")
	do("take the late file in", chromedp.Click(css(`button.late-take`)),
		chromedp.WaitVisible(chromedp.Search(`//td[contains(., "đã đưa vào")]`)))
	if got, want := text(`tr.draft td`), strconv.Itoa(before.Version+1); got != want {
		t.Errorf("newest draft on the page: got %q, want %s", got, want)
	}
	shot(t, ctx, shots, "07-actions-after")
	do("period", chromedp.Navigate(s.url+web.PeriodURL(monthly, november)), chromedp.WaitVisible(css(`main`)))
	shot(t, ctx, shots, "08-period")
	head, err := s.ledger.LatestDraft(context.Background(), monthly, november)
	if err != nil || head.Version != before.Version+1 || head.Basis["QLDN"] != s.late.Version {
		t.Errorf("ledger's newest draft: got v%d counting QLDN v%d (%v), want v%d counting v%d", head.Version, head.Basis["QLDN"], err,
			before.Version+1, s.late.Version)
	}
	if c, err := s.ledger.OpenCorrection(context.Background(), monthly, november); err != nil || c.Cause != ledger.CauseLateFile || c.OpenedBy != "account:lan" {
		t.Errorf("correction: got %+v (%v), want one opened for the late file by account:lan", c, err)
	}
}

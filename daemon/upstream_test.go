package daemon

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
)

// TestTwoOffices_DistrictReportsToCity is issue 19's acceptance test: a district with three
// wards and a city with the district as one of its units run a month on the embedded mail
// provider. The city sends its template to the district; the wards submit; the district's
// report is approved by its head and issued; the district fills the city's template from the
// issued figures and sends it; the city takes it in as a valid submission of the district
// (identified unit, form and period, its tag verified with the city's key) and consolidates it:
// the city's figures are the district's issued totals.
func TestTwoOffices_DistrictReportsToCity(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	x := newTwoOffices(t, "0")
	x.city.step(t) // the city's template goes to the district
	if n := len(x.delivered(t, districtAddr, "")); n != 1 {
		t.Fatalf("mails from the city to the district: %d, want its template", n)
	}
	x.district.step(t) // the district records it; its own templates go to the wards
	req, err := x.district.ledger.UpstreamRequest(ctx, cityName, "BM.02.01/KH", "2026-11")
	if err != nil || req.State != ledger.UpstreamWaiting || req.Unit != districtUnit {
		t.Fatalf("upstream request: %+v, %v; want waiting for unit %s", req, err, districtUnit)
	}
	if n := len(x.delivered(t, districtClerk, "Đã nhận biểu mẫu của "+cityName)); n != 1 {
		t.Errorf("clerks told of the city's template: %d, want 1", n)
	}
	x.wardsSubmit(t)
	x.district.step(t) // all wards in: the draft goes to the head
	x.approve(t)
	x.district.step(t) // approved and issued; the city's template is filled and sent
	is, err := x.district.ledger.LatestIssue(ctx, "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatalf("district's issue: %v", err)
	}
	if req, _ = x.district.ledger.UpstreamRequest(ctx, cityName, "BM.02.01/KH", "2026-11"); req.State != ledger.UpstreamSent || req.Issue != 1 {
		t.Fatalf("upstream request after the issue: %s issue %d (%s), want sent from issue 1", req.State, req.Issue, req.Note)
	}
	copies := x.delivered(t, districtClerk, "Bản sao báo cáo gửi "+cityName)
	if len(copies) != 1 || len(copies[0].Spreadsheets()) != 1 {
		t.Fatalf("clerks' copies of the filled file: %d", len(copies))
	}
	// The file goes to the city as a submission, not as automatic mail (which the city would
	// ignore); everything else tonghop sends stays automatic.
	for _, d := range x.deliveries() {
		h, err := intake.ParseHeader(d.Data)
		if err != nil {
			t.Fatal(err)
		}
		if toCity := contains(d.To, cityAddr); toCity != (h.HeaderValue("Auto-Submitted") == "") {
			t.Errorf("mail to %v %q: Auto-Submitted %q", d.To, h.Subject, h.HeaderValue("Auto-Submitted"))
		}
	}
	// It answers the city's template mail, as a unit's clerk would.
	tplMail := x.delivered(t, districtAddr, "")[0]
	if sub := x.delivered(t, cityAddr, ""); len(sub) != 1 || tplMail.MessageID == "" || sub[0].InReplyTo != tplMail.MessageID {
		t.Errorf("the district's file does not answer the city's template mail %s", tplMail.MessageID)
	}
	x.city.step(t) // the district's file arrives

	subs, err := x.city.ledger.LatestValid(ctx, "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	sub, ok := subs[districtUnit]
	if !ok {
		all, _ := x.city.ledger.Submissions(ctx, "BM.02.01/KH", "2026-11")
		for _, s := range all {
			t.Logf("city submission %s v%d valid=%v problems=%s", s.Unit, s.Version, s.Valid, s.Problems)
		}
		t.Fatalf("the city has no valid submission of the district: %v", subs)
	}
	var filled form.Filled
	if err := json.Unmarshal(sub.Data, &filled); err != nil {
		t.Fatal(err)
	}
	if id := filled.Ident; !id.TagOK || id.Guessed || id.Unit != districtUnit || id.Form != "BM.02.01/KH" || id.Period != "2026-11" {
		t.Errorf("the district's file as the city read it: %+v", id)
	}
	draft, err := x.city.ledger.LatestDraft(ctx, "BM.02.01/KH", "2026-11")
	if err != nil || draft.Basis[districtUnit] != sub.Version {
		t.Fatalf("city's draft: %+v, %v; want it to count the district's file", draft, err)
	}

	// The city's consolidated figures are the district's issued totals, indicator by indicator.
	issued := x.district.book(t, is.At)
	cityBook := x.city.book(t, draft.BuiltAt)
	compared := 0
	for i, st := range issued.Summary {
		for j, want := range st.Rows {
			got := cityBook.Summary[i].Rows[j]
			if got.Code != want.Code || got.Period != want.Period {
				t.Errorf("indicator %s: city %+v, district issued %+v", want.Code, got.Period, want.Period)
			}
			if want.Period.OK {
				compared++
			}
		}
	}
	if compared == 0 {
		t.Fatal("no indicator figure compared")
	}
	if got := cityBook.Summary[0].Rows[0].Period.V; got != 12 { // 4 in each of three wards
		t.Errorf("city's indicator 1: %v, want 12", got)
	}
	// And as people read them: the city's draft workbook shows, indicator by indicator, the
	// figures of the workbook the district issued.
	issuedBook, err := x.district.ledger.Blob(is.FileSHA256)
	if err != nil {
		t.Fatal(err)
	}
	cityDraft, err := x.city.ledger.Blob(draft.FileSHA256)
	if err != nil {
		t.Fatal(err)
	}
	want, got := summaryFigures(t, issuedBook), summaryFigures(t, cityDraft)
	if !maps.Equal(got, want) || want["1"] != "12" {
		t.Errorf("city's draft figures %v, district's issued %v", got, want)
	}
	for _, s := range cityBook.Narrative {
		if len(s.Entries) != 1 || !strings.Contains(s.Entries[0].Text, "UBND Phường P1: Nội dung") {
			t.Errorf("city's section %s: %+v; want the district's text gathering its wards'", s.Key, s.Entries)
		}
	}
}

// TestTwoOffices_NoLoop: after the exchange (the city's template, the district's file, the
// city's receipt), the two daemons stepping on for days send each other nothing more: the
// district shows the city's receipt to its clerks and never answers it.
func TestTwoOffices_NoLoop(t *testing.T) {
	t.Parallel()
	x := issuedOffices(t, "0")
	x.steps(t, 2)
	if !x.cityHasDistrict(t) {
		t.Fatal("the city did not take the district's file in")
	}
	up, down := x.between(districtAddr, cityAddr), x.between(cityAddr, districtAddr)
	if up != 1 || down != 2 {
		t.Fatalf("mail district→city %d, city→district %d; want 1 (the file) and 2 (the template, the receipt)", up, down)
	}
	if n := len(x.delivered(t, districtClerk, "Thư của "+cityName)); n != 1 {
		t.Errorf("clerks shown the city's receipt: %d, want 1", n)
	}
	for range 10 {
		x.clock.Advance(7 * time.Hour)
		x.steps(t, 2)
	}
	if u, d := x.between(districtAddr, cityAddr), x.between(cityAddr, districtAddr); u != up || d != down {
		t.Errorf("after days of steps: district→city %d, city→district %d; want still %d and %d", u, d, up, down)
	}
}

// TestTwoOffices_HoldThenSend: with a hold, the clerks' copy says when the file goes; a clerk's
// "Giữ lại" holds it past that time (and a restart), her "Gửi" sends it, and the city takes it.
func TestTwoOffices_HoldThenSend(t *testing.T) {
	t.Parallel()
	x := issuedOffices(t, "2h")
	if r := x.request(t); r.State != ledger.UpstreamReady || r.SendAfter.IsZero() {
		t.Fatalf("after the issue: %s, send after %v; want ready with a time", r.State, r.SendAfter)
	}
	copies := x.delivered(t, districtClerk, "Bản sao báo cáo gửi "+cityName)
	if len(copies) != 1 || !strings.Contains(copies[0].Text, "“Giữ lại”") {
		t.Fatalf("copies: %d; want one saying how to hold it", len(copies))
	}
	x.clerkAnswers(t, "giu@quan.example", "Giữ lại")
	x.district.step(t)
	if r := x.request(t); r.State != ledger.UpstreamHeld {
		t.Fatalf("after “Giữ lại”: %s, want held", r.State)
	}
	if n := len(x.delivered(t, districtClerk, "Đã nhận ý kiến về báo cáo gửi "+cityName)); n != 1 {
		t.Errorf("answers to the clerk: %d, want 1", n)
	}
	x.clock.Advance(30 * time.Hour)
	x.district = x.restartTier(t, x.district)
	x.steps(t, 2)
	if n := x.between(districtAddr, cityAddr); n != 0 || x.cityHasDistrict(t) {
		t.Fatalf("a held file went to the city (%d mails)", n)
	}
	// A "Gửi" the MX did not authenticate (anyone can write the clerk's address) moves nothing.
	copies = x.delivered(t, districtClerk, "Bản sao báo cáo gửi "+cityName)
	if err := x.srv.Append(districtAddr, "INBOX", replyRaw(districtClerk, "forged-gui@quan.example", copies[0], "Gửi", "")); err != nil {
		t.Fatal(err)
	}
	x.steps(t, 2)
	if r := x.request(t); r.State != ledger.UpstreamHeld || x.between(districtAddr, cityAddr) != 0 {
		t.Fatalf("after a forged “Gửi”: %s, want still held", r.State)
	}
	x.clerkAnswers(t, "gui@quan.example", "Gửi")
	x.steps(t, 2)
	if r := x.request(t); r.State != ledger.UpstreamSent {
		t.Fatalf("after “Gửi”: %s, want sent", r.State)
	}
	if !x.cityHasDistrict(t) || x.between(districtAddr, cityAddr) != 1 {
		t.Fatal("the city did not get the district's file once")
	}
}

// TestTwoOffices_HoldRunsOut: a file nobody holds goes when its hold is over, not before.
func TestTwoOffices_HoldRunsOut(t *testing.T) {
	t.Parallel()
	x := issuedOffices(t, "2h")
	x.steps(t, 1)
	if x.between(districtAddr, cityAddr) != 0 {
		t.Fatal("sent before the hold was over")
	}
	x.clock.Advance(3 * time.Hour)
	x.steps(t, 2)
	if !x.cityHasDistrict(t) {
		t.Fatal("not sent after the hold")
	}
}

// TestTwoOffices_TemplateAfterIssue: a template that comes after the district's report was
// issued is filled and sent at once.
func TestTwoOffices_TemplateAfterIssue(t *testing.T) {
	t.Parallel()
	x := newTwoOffices(t, "0")
	x.district.step(t)
	x.wardsSubmit(t)
	x.district.step(t)
	x.approve(t)
	x.district.step(t)
	if _, err := x.district.ledger.LatestIssue(context.Background(), "BM.02.01/KH", "2026-11"); err != nil {
		t.Fatalf("district's issue: %v", err)
	}
	x.city.step(t) // only now the city's template
	x.district.step(t)
	if r := x.request(t); r.State != ledger.UpstreamSent || r.Issue != 1 {
		t.Fatalf("template after the issue: %s from issue %d, want sent from issue 1", r.State, r.Issue)
	}
	told := x.delivered(t, districtClerk, "Đã nhận biểu mẫu của "+cityName)
	if len(told) != 1 || !strings.Contains(told[0].Text, "đã được phát hành") {
		t.Errorf("clerks told of the template: %d", len(told))
	}
	x.city.step(t)
	if !x.cityHasDistrict(t) {
		t.Fatal("the city did not take the district's file in")
	}
}

// TestTwoOffices_ForgedTemplate: a template that claims to come from the city but carries no
// authentication from the MX is quarantined and never acted on; the same mail as the MX
// delivers it, authenticated, is recorded.
func TestTwoOffices_ForgedTemplate(t *testing.T) {
	t.Parallel()
	x := newTwoOffices(t, "0")
	tpl := officetest.WorkbookFor(t, x.city.cfg, districtUnit, x.city.key, "2026-11", false)
	forged := officetest.Mail(cityAddr, districtAddr, "forged@thanhpho.example", "Auto-Submitted: auto-generated\r\n", "bm.xlsx", tpl)
	if err := x.srv.Append(districtAddr, "INBOX", forged); err != nil {
		t.Fatal(err)
	}
	x.district.step(t)
	if _, err := x.district.ledger.UpstreamRequest(context.Background(), cityName, "BM.02.01/KH", "2026-11"); !errors.Is(err, ledger.ErrNotFound) {
		t.Fatalf("an unauthenticated template was recorded: %v", err)
	}
	if n := len(x.delivered(t, districtClerk, cityName)); n != 0 {
		t.Errorf("clerks told of a forged template: %d", n)
	}
	if n := x.folder(t, x.district.cfg.Mailbox.Quarantine); n != 1 {
		t.Errorf("forged mail in the quarantine folder: %d, want 1", n)
	}
	genuine := officetest.Delivered(officetest.Mail(cityAddr, districtAddr, "real@thanhpho.example", "Auto-Submitted: auto-generated\r\n", "bm.xlsx", tpl))
	if err := x.srv.Append(districtAddr, "INBOX", genuine); err != nil {
		t.Fatal(err)
	}
	x.district.step(t)
	if r := x.request(t); r.State != ledger.UpstreamWaiting || r.Unit != districtUnit {
		t.Fatalf("the authenticated template: %+v", r)
	}
	// The template again (a reminder carrying it): the clerks are shown the mail, not told of a
	// new request.
	again := officetest.Delivered(officetest.Mail(cityAddr, districtAddr, "again@thanhpho.example", "Auto-Submitted: auto-generated\r\n", "bm.xlsx", tpl))
	if err := x.srv.Append(districtAddr, "INBOX", again); err != nil {
		t.Fatal(err)
	}
	x.district.step(t)
	told, shown := x.delivered(t, districtClerk, "Đã nhận biểu mẫu"), x.delivered(t, districtClerk, "Thư của "+cityName)
	if len(told) != 1 || len(shown) != 1 {
		t.Errorf("clerks told of the template %d times, shown the city's mail %d times; want 1 and 1", len(told), len(shown))
	}
}

// restartTier closes an office's daemon and ledger and opens them again on its data directory.
func (x *twoOffices) restartTier(t *testing.T, o *tier) *tier {
	t.Helper()
	return x.restartTierWith(t, o, func() {})
}

// restartTierWith is restartTier with between run while the daemon and the ledger are closed.
func (x *twoOffices) restartTierWith(t *testing.T, o *tier, between func()) *tier {
	t.Helper()
	o.d.Close()
	if err := o.ledger.Close(); err != nil {
		t.Fatal(err)
	}
	between()
	l, err := ledger.Open(context.Background(), o.cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	d, err := New(Options{Config: o.cfg, Ledger: l, Clock: x.clock, TemplateKey: o.key})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &tier{addr: o.addr, cfg: o.cfg, key: o.key, ledger: l, d: d}
}

// TestTwoOffices_CorrectionSentAgain: the district head asks to correct the issued report, a
// ward sends new figures, the corrected report is approved and issued again: the city's
// template is filled again from the new issue and sent, and the city takes it as the district's
// next version with the corrected figures.
func TestTwoOffices_CorrectionSentAgain(t *testing.T) {
	t.Parallel()
	x := issuedOffices(t, "0")
	x.steps(t, 1)
	if got, v := x.cityFigure(t, "1.1"); got != "6" || v != 1 {
		t.Fatalf("city's figure 1.1 before the correction: %s (v%d), want 6 (v1)", got, v)
	}
	x.clock.Advance(time.Hour)
	x.headReplies(t, "Xin ý kiến duyệt: ", "sua@quan.example", "Đề nghị Văn phòng kiểm tra, sửa lại số liệu chỉ tiêu 1 và trình lại tôi.")
	x.district.step(t)
	x.clock.Advance(time.Hour)
	x.submit(t, "P2", "sub-P2-2@quan.example", x.wardWorkbook(t, "P2", 5))
	x.district.step(t)
	x.clock.Advance(time.Hour)
	x.headReplies(t, "Xin ý kiến duyệt: ", "duyet-2@quan.example", "Duyệt")
	x.district.step(t)
	is, err := x.district.ledger.LatestIssue(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil || is.Number != 2 {
		t.Fatalf("district's issue: %+v, %v; want the second", is, err)
	}
	if r := x.request(t); r.State != ledger.UpstreamSent || r.Issue != 2 {
		t.Fatalf("upstream request after the re-issue: %s from issue %d (%s)", r.State, r.Issue, r.Note)
	}
	x.city.step(t)
	if got, v := x.cityFigure(t, "1.1"); got != "9" || v != 2 { // 2 + 5 + 2
		t.Errorf("city's figure 1.1 after the correction: %s (v%d), want 9 (v2)", got, v)
	}
	if n := x.between(districtAddr, cityAddr); n != 2 {
		t.Errorf("files sent to the city: %d, want 2", n)
	}
	if sub := x.delivered(t, cityAddr, "Gửi "); len(sub) != 2 || !strings.Contains(sub[1].Text, "bản điều chỉnh") {
		t.Errorf("the second file's letter does not say it corrects the first")
	}
}

// TestTwoOffices_EditedIssueNotFilled: the district head approves with a workbook he edited;
// its figures are no consolidation's, so the city's template is not filled from guesses: the
// clerks are told why, and nothing goes to the city.
func TestTwoOffices_EditedIssueNotFilled(t *testing.T) {
	t.Parallel()
	x := newTwoOffices(t, "0")
	x.city.step(t)
	x.district.step(t)
	x.wardsSubmit(t)
	x.district.step(t)
	reqs := x.delivered(t, districtHead, "Xin ý kiến duyệt: ")
	edited := editWorkbook(t, reqs[0].Spreadsheets()[0].Data, "Lãnh đạo đã sửa")
	raw := replyRaw(districtHead, "duyet-sua@quan.example", reqs[0], "Duyệt", officetest.AuthPass(districtHead),
		officetest.File{Name: "sua.xlsx", Data: edited})
	if err := x.srv.Append(districtAddr, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
	x.steps(t, 2)
	if r := x.request(t); r.State != ledger.UpstreamFailed || r.Issue != 1 {
		t.Fatalf("after an edited issue: %s from issue %d, want failed", r.State, r.Issue)
	}
	failed := x.delivered(t, districtClerk, "Chưa điền được biểu mẫu của "+cityName)
	if len(failed) != 1 || !strings.Contains(failed[0].Text, "chỉnh sửa trực tiếp") {
		t.Fatalf("clerks told: %d", len(failed))
	}
	if n := x.between(districtAddr, cityAddr); n != 0 {
		t.Errorf("mail to the city: %d, want none", n)
	}
}

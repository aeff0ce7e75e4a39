package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
)

const testForm = "BM.02.01/KH"

// seeded is what seed recorded: the rows the downloads name.
type seeded struct {
	subs  map[string]ledger.Submission // "unit/version" → as stored
	mail  ledger.Mail
	draft ledger.Draft
	extra string // a blob in the store that no row names
}

// seed records November (deadline 18/11 17:00, passed) and December (deadline 18/12, not yet):
// QLDN on time then resubmitted, QLDT late by 35 min 20 s, QHXD with an invalid file only,
// QLMT nothing; in December QLDN's file waits for its supervisor, and the others have time.
func (b *board) seed() seeded {
	b.t.Helper()
	ctx, loc := context.Background(), b.office.Location
	nov := time.Date(2026, 11, 18, 17, 0, 0, 0, loc)
	dec := time.Date(2026, 12, 18, 17, 0, 0, 0, loc)
	for _, p := range []ledger.Period{{Form: testForm, Period: "2026-11", Deadline: nov}, {Form: testForm, Period: "2026-12", Deadline: dec}} {
		p.Start, p.End, p.OpenedAt = p.Deadline.AddDate(0, -1, 0), p.Deadline, p.Deadline.AddDate(0, 0, -10)
		if _, err := b.ledger.EnsurePeriod(ctx, p); err != nil {
			b.t.Fatal(err)
		}
	}
	s := seeded{subs: map[string]ledger.Submission{}}
	s.submit(b, "QLDN", "2026-11", nov.Add(-48*time.Hour), true, "100", nil)
	s.submit(b, "QLDN", "2026-11", nov.Add(24*time.Hour), true, "120", nil)
	s.submit(b, "QLDT", "2026-11", nov.Add(35*time.Minute+20*time.Second), true, "90", nil)
	s.submit(b, "QHXD", "2026-11", nov.Add(-time.Hour), false, "", nil)
	s.submit(b, "QLDN", "2026-12", b.now.Add(-time.Hour), true, "130", &ledger.ReviewHold{Mode: ledger.ReviewReview, Supervisor: "ptb"})
	sha, err := b.ledger.PutBlob([]byte("draft workbook"))
	if err != nil {
		b.t.Fatal(err)
	}
	s.draft, err = b.ledger.AddDraft(ctx, ledger.Draft{Form: testForm, Period: "2026-11", FileName: "du-thao.xlsx", FileSHA256: sha,
		Basis: map[string]int{"QLDN": 2, "QLDT": 1}, Trigger: ledger.TriggerDeadline, BuiltAt: nov.Add(2 * time.Hour)})
	if err != nil {
		b.t.Fatal(err)
	}
	if s.extra, err = b.ledger.PutBlob([]byte("a blob no row names")); err != nil {
		b.t.Fatal(err)
	}
	return s
}

// submit records one mail from unit with one workbook whose indicator 01 is value.
func (s *seeded) submit(b *board, unit, period string, at time.Time, valid bool, value string, review *ledger.ReviewHold) {
	b.t.Helper()
	raw := fmt.Appendf(nil, "From: %s@kcn.example\r\nSubject: bao cao %s\r\n\r\n%s", strings.ToLower(unit), at, value)
	mailSHA, err := b.ledger.PutBlob(raw)
	if err != nil {
		b.t.Fatal(err)
	}
	file := fmt.Appendf(nil, "workbook %s %s %s", unit, period, at)
	fileSHA, err := b.ledger.PutBlob(file)
	if err != nil {
		b.t.Fatal(err)
	}
	filled := form.Filled{Indicators: map[string]map[string]map[string]string{"chi_tieu": {"01": {"thuc_hien": value}}}}
	data, _ := json.Marshal(filled)
	sub := ledger.Submission{Form: testForm, Unit: unit, Period: period, FileName: "bao-cao " + unit + ".xlsx", FileSHA256: fileSHA,
		Valid: valid, Data: data, ReceivedAt: at, Review: review}
	outcome := ledger.OutcomeAccepted
	if !valid {
		outcome = ledger.OutcomeRejected
		sub.Problems = json.RawMessage(`{"errors":[{"sheet":"BC","cell":"D7","code":"required","message":"Chưa điền số liệu."}]}`)
	}
	in := ledger.Intake{Mail: ledger.Mail{SHA256: mailSHA, From: strings.ToLower(unit) + "@kcn.example", Subject: "bao cao",
		ReceivedAt: at, Outcome: outcome, Size: int64(len(raw))}, Submissions: []ledger.Submission{sub},
		Events: []ledger.Event{{Actor: "system", Action: ledger.ActionSubmissionAccepted, Object: ledger.SubmissionObject(sub)}}}
	res, err := b.ledger.RecordIntake(context.Background(), in)
	if err != nil {
		b.t.Fatal(err)
	}
	stored := res.Submissions[0]
	s.subs[fmt.Sprintf("%s/%d", unit, stored.Version)] = stored
	s.mail, _ = b.ledger.MailByID(context.Background(), res.MailID)
}

// cellsOf returns the text of each cell of the unit's row in the form's matrix.
func cellsOf(t *testing.T, body, unit string) []string {
	t.Helper()
	_, row, ok := strings.Cut(body, ">"+unit+"</a>")
	if !ok {
		t.Fatalf("no row of %s in:\n%s", unit, body)
	}
	row, _, _ = strings.Cut(row, "</tr>")
	var out []string
	for _, part := range strings.Split(row, "<td")[1:] {
		_, text, _ := strings.Cut(part, ">")
		text, _, _ = strings.Cut(text, "</td>")
		out = append(out, html.UnescapeString(text))
	}
	return out
}

func TestFormPage_Matrix(t *testing.T) {
	b := newBoard(t)
	b.seed()
	c := b.loggedIn(RoleViewer)
	code, body := b.get(c, FormURL(testForm))
	if code != http.StatusOK {
		t.Fatalf("got %d, want 200\n%s", code, body)
	}
	want := map[string][]string{
		"QLDN": {"đúng hạn, lần 2", "đúng hạn, chờ ý kiến lãnh đạo phụ trách"},
		"QLDT": {"trễ 36ph", "chưa đến hạn"},
		"QHXD": {"không hợp lệ", "chưa đến hạn"},
		"QLMT": {"chưa gửi", "chưa đến hạn"},
	}
	for unit, cells := range want {
		if got := cellsOf(t, body, unit); fmt.Sprint(got) != fmt.Sprint(cells) {
			t.Errorf("%s: got %q, want %q", unit, got, cells)
		}
	}
	for _, s := range []string{"2/4 (50%)", "1/4 (25%)", "<svg class=\"chart\"", "<polyline class=\"reporting\""} {
		if !strings.Contains(body, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
	if code, _ := b.get(c, FormURL("NO-SUCH")); code != http.StatusNotFound {
		t.Errorf("unknown form: got %d, want 404", code)
	}
}

func TestUnitPage_AndDiff(t *testing.T) {
	b := newBoard(t)
	s := b.seed()
	c := b.loggedIn(RoleViewer)
	code, body := b.get(c, UnitURL("QHXD"))
	if code != http.StatusOK || !strings.Contains(body, "Chưa điền số liệu.") || !strings.Contains(body, "không hợp lệ") {
		t.Fatalf("unit page: got %d, want 200 with the file's error\n%s", code, body)
	}
	_, body = b.get(c, UnitURL("QLDN"))
	for _, want := range []string{"Lần gửi thứ 1", "Lần gửi thứ 2", html.EscapeString(DiffURL(testForm, "2026-11", "QLDN", 1, 2)),
		html.EscapeString(DownloadURL(ledger.FileSubmission, s.subs["QLDN/2"].ID))} {
		if !strings.Contains(body, want) {
			t.Errorf("QLDN's page lacks %q", want)
		}
	}
	code, body = b.get(c, DiffURL(testForm, "2026-11", "QLDN", 1, 2))
	if code != http.StatusOK {
		t.Fatalf("diff: got %d", code)
	}
	if !strings.Contains(body, "<td>100</td><td class=\"changed\">120</td>") || !strings.Contains(body, "Chỉ tiêu 01") {
		t.Errorf("diff lacks the changed cell 100 → 120:\n%s", body)
	}
	if code, _ := b.get(c, DiffURL(testForm, "2026-11", "QLDN", 1, 7)); code != http.StatusNotFound {
		t.Errorf("diff with a version never sent: got %d, want 404", code)
	}
}

func TestPeriodPage(t *testing.T) {
	b := newBoard(t)
	s := b.seed()
	c := b.loggedIn(RoleLeader)
	code, body := b.get(c, PeriodURL(testForm, "2026-11"))
	if code != http.StatusOK {
		t.Fatalf("got %d\n%s", code, body)
	}
	for _, want := range []string{"hết hạn gửi", html.EscapeString(DownloadURL(ledger.FileDraft, s.draft.ID)), "submission.accepted"} {
		if !strings.Contains(body, want) {
			t.Errorf("period page lacks %q", want)
		}
	}
	if code, _ := b.get(c, PeriodURL(testForm, "2031-01")); code != http.StatusNotFound {
		t.Errorf("a period never opened: got %d, want 404", code)
	}
}

func TestDownload(t *testing.T) {
	b := newBoard(t)
	s := b.seed()
	c := b.loggedIn(RoleViewer)
	sub := s.subs["QLDN/2"]
	resp, err := c.Get(b.srv.URL + DownloadURL(ledger.FileSubmission, sub.ID))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Disposition") != `attachment; filename=bao-cao_QLDN.xlsx` {
		t.Errorf("workbook: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	data, _ := b.ledger.Blob(sub.FileSHA256)
	if _, body := b.get(c, DownloadURL(ledger.FileSubmission, sub.ID)); body != string(data) {
		t.Errorf("workbook bytes differ from the blob")
	}
	if _, body := b.get(c, DownloadURL(ledger.FileMail, s.mail.ID)); !strings.HasPrefix(body, "From: qldn@kcn.example") {
		t.Errorf("mail: got %.40q", body)
	}
	if code, _ := b.get(c, DownloadURL(ledger.FileDraft, s.draft.ID)); code != http.StatusOK {
		t.Errorf("draft: got %d", code)
	}
	refused := []string{
		"/download?kind=submission&id=9999",
		"/download?kind=../../ledger.db&id=1",
		"/download?kind=blob&id=1",
		"/download?sha=" + s.extra,
		"/download?kind=mail&id=-1",
		"/download?kind=issue&id=1", // no issue recorded
	}
	for _, path := range refused {
		if code, _ := b.get(c, path); code != http.StatusNotFound {
			t.Errorf("%s: got %d, want 404", path, code)
		}
	}
	if code, _ := b.get(b.client(), DownloadURL(ledger.FileSubmission, sub.ID)); code != http.StatusSeeOther {
		t.Errorf("download without a session: got %d, want 303 to the log-in", code)
	}
}

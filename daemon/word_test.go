package daemon

import (
	"archive/zip"
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// vpForm is a monthly report of narrative sections only (the Thái Nguyên department's
// BM-VP-01.01), which units may send in Word (issue 20, part W).
const vpForm = `
[[forms]]
code = "BM-VP-01.01"
title = "Báo cáo kết quả công tác"
period = "month"
deadline = "day 20"
approval = ["tb"]
  [[forms.narrative]]
  key = "results"
  title = "I. Kết quả thực hiện nhiệm vụ"
  required = true
  [[forms.narrative]]
  key = "direction"
  title = "III. Phương hướng nhiệm vụ kỳ tới"
  required = true
`

// wordReport zips the receive stage's Word-shaped fixture (receive/testdata/word/README.md).
func wordReport(t *testing.T) []byte {
	t.Helper()
	root := filepath.Join("..", "receive", "testdata", "word", "word2016")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := fs.WalkDir(os.DirFS(root), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			return err
		}
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// vpWorkbook is unit's BM-VP-01.01 workbook for November 2026, its sections written.
func vpWorkbook(t *testing.T, e *env, unit string) []byte {
	t.Helper()
	f, _ := e.cfg.Form("BM-VP-01.01")
	var tpl bytes.Buffer
	meta := templates.Meta{Office: e.cfg.Office.Name, UnitCode: unit, UnitName: unit, Period: "2026-11",
		PeriodLabel: "Tháng 11/2026", ReplyTo: e.cfg.SMTP.From, Secret: []byte(testKey)}
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	out, err := templates.Fill(tpl.Bytes(), f.Form, form.Filled{Narrative: map[string]string{
		"results": "Kết quả của " + unit + ".", "direction": "Phương hướng của " + unit + "."}})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDaemon_WordReport: one unit sends its report in Word, another in Excel; both are
// received, the consolidation gathers the sections of both, and verify reads the Word file
// again as it was read.
func TestDaemon_WordReport(t *testing.T) {
	t.Parallel()
	e := newOfficeEnv(t, officetest.Options{Forms: officetest.FormsDefault + vpForm}, nil)
	ctx := context.Background()
	e.append(t, mail("qldn@kcn.example", "word@kcn", "", "Bao cao thang 11.docx", wordReport(t)))
	e.append(t, mail("qldt@kcn.example", "excel@kcn", "", "BM-VP-01.01_2026-11_QLDT.xlsx", vpWorkbook(t, e, "QLDT")))
	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	mails, err := e.ledger.Mails(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		if m.Outcome != "accepted" {
			t.Errorf("mail %s: got %s (%s), want accepted", m.MessageID, m.Outcome, m.Note)
		}
	}
	o, err := office.Compile(e.cfg, []byte(testKey))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := o.Form("BM-VP-01.01")
	p, _ := period.Parse("2026-11")
	in, _, err := report.ConsolidationInput(ctx, o, e.ledger, f, p, e.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	book, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, entry := range book.Narrative[0].Entries {
		got[entry.Unit] = entry.Text
	}
	if !strings.HasPrefix(got["QLDN"], "Hoàn thành 12/12 nhiệm vụ") || got["QLDT"] != "Kết quả của QLDT." {
		t.Errorf("consolidated section I: got %q, want the Word report's and the workbook's", got)
	}
	v, err := VerifyRecords(ctx, o, e.ledger, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Findings) != 0 || v.Submissions != 2 {
		t.Errorf("verify: %d submissions, findings %v; want 2 and none", v.Submissions, v.Findings)
	}
}

// TestDaemon_PersonWordFiles: a person who reports for a unit sends its Word report, which is
// recorded for the unit its letterhead names; the same person's Word letter naming no unit is
// mail for the clerks, not a report answered with errors.
func TestDaemon_PersonWordFiles(t *testing.T) {
	t.Parallel()
	e := newOfficeEnv(t, officetest.Options{Forms: officetest.FormsDefault + vpForm}, nil)
	ctx := context.Background()
	letter := rezipWithout(t, wordReport(t), "PHÒNG QLDN")
	e.append(t, mail(officetest.Supervisor, "report@kcn", "", "Bao cao QLDN.docx", wordReport(t)))
	e.append(t, mail(officetest.Supervisor, "letter@kcn", "", "Cong van.docx", letter))
	if err := e.d.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	subs, err := e.ledger.AllSubmissions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].Unit != "QLDN" || subs[0].Form != "BM-VP-01.01" || !subs[0].Valid {
		t.Fatalf("got %+v, want QLDN's Word report alone", subs)
	}
	mails, _ := e.ledger.Mails(ctx)
	for _, m := range mails {
		if m.MessageID != "letter@kcn" {
			continue
		}
		if _, err := e.ledger.OutMail(ctx, "rejection:"+m.SHA256); err == nil {
			t.Errorf("the person's letter was answered as a report (outcome %s)", m.Outcome)
		}
	}
}

// rezipWithout rewrites a .docx with a text taken out of its main document.
func rezipWithout(t *testing.T, data []byte, text string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var part bytes.Buffer
		part.ReadFrom(rc)
		rc.Close()
		b := part.Bytes()
		if f.Name == "word/document.xml" {
			b = bytes.ReplaceAll(b, []byte(text), nil)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}

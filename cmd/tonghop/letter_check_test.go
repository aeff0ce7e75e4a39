package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/letters"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// compareLetter holds the letter the daemon queued about a submission to what `tonghop check`
// found in the same file: an invalid file's error letter lists every error and then every
// warning, a valid file's receipt every warning, each in check's order. A letter held back by
// the reply limit, or one listing more than letters.MaxListedProblems, is not compared.
func compareLetter(t *testing.T, l *ledger.Ledger, raw []byte, sub ledger.Submission, got checkResult) {
	t.Helper()
	key, findings := ledger.ReceiptKey(sha256Hex(raw)), got.Warnings
	if !sub.Valid {
		key, findings = ledger.RejectionKey(sha256Hex(raw)), append(append([]form.Problem(nil), got.Errors...), got.Warnings...)
	}
	m, err := l.OutMail(context.Background(), key)
	if err != nil || len(findings) > letters.MaxListedProblems {
		return
	}
	body := strings.Join(strings.Fields(m.Body), " ")
	at := 0
	for i, p := range findings {
		msg := strings.Join(strings.Fields(p.Message), " ")
		j := strings.Index(body[at:], msg)
		if j < 0 {
			t.Errorf("%s: finding %d of check (%s %s!%s) is not in the letter after what came before:\n%q\nletter:\n%s",
				key, i+1, p.Code, p.Sheet, p.Cell, msg, m.Body)
			return
		}
		at += j + len(msg)
	}
}

// TestCheck_LetterCarriesWarnings: a unit's workbook with errors in several places and a date
// on the cover that does not exist ("32/12/2026", a warning). The error letter the daemon sends
// lists everything `tonghop check` reports about the file, warnings included, in check's order;
// and that order is the workbook's: the whole file, then the cover, then the indicator sheet
// row by row.
func TestCheck_LetterCarriesWarnings(t *testing.T) {
	t.Parallel()
	cfgPath, cfg, site, d, clk := corpusDaemon(t)
	ctx := context.Background()
	raw := officetest.Delivered(officetest.Mail(officetest.UnitAddr("QLDN"), officetest.OfficeAddr, "warn@kcn", "",
		"BM.02.01-KH_2026-11_QLDN.xlsx", mistakenWorkbook(t, cfg)))
	if _, err := d.Ingest(ctx, raw); err != nil {
		t.Fatal(err)
	}
	subs := recordedFrom(t, site.Ledger, raw)
	if len(subs) != 1 || subs[0].Valid {
		t.Fatalf("recorded %+v, want one invalid submission", subs)
	}
	got := checkAttachment(t, cfgPath, raw, subs[0], clk.Now())
	if len(got.Errors) < 3 || !bytes.Contains([]byte(problemsText(got.Warnings)), []byte("32/12/2026")) {
		t.Fatalf("check found errors %v and warnings %v; want at least 3 errors and the cover's date", got.Errors, got.Warnings)
	}
	compareLetter(t, site.Ledger, raw, subs[0], got)
	if t.Failed() {
		return
	}
	m, _ := site.Ledger.OutMail(ctx, ledger.RejectionKey(sha256Hex(raw)))
	if !strings.Contains(m.Body, "32/12/2026") {
		t.Errorf("the letter leaves out the cover's date:\n%s", m.Body)
	}
	for _, list := range [][]form.Problem{got.Errors, got.Warnings} {
		checkWorkbookOrder(t, list)
	}
}

// checkWorkbookOrder: problems about the whole file, then the cover, then the other sheets, and
// within a sheet by row then column.
func checkWorkbookOrder(t *testing.T, ps []form.Problem) {
	t.Helper()
	sheets := []string{"", templates.CoverSheet, "Chỉ tiêu"}
	rank := func(p form.Problem) (int, int, int) {
		s := 3
		for i, name := range sheets {
			if p.Sheet == name {
				s = i
			}
		}
		col, row := cellRef(p.Cell)
		return s, row, col
	}
	for i := 1; i < len(ps); i++ {
		s0, r0, c0 := rank(ps[i-1])
		s1, r1, c1 := rank(ps[i])
		if s0 > s1 || s0 == s1 && (r0 > r1 || r0 == r1 && c0 > c1) {
			t.Errorf("order: %s!%s before %s!%s", ps[i-1].Sheet, ps[i-1].Cell, ps[i].Sheet, ps[i].Cell)
		}
	}
}

// cellRef reads "E12" as column 5, row 12; no cell is 0, 0.
func cellRef(ref string) (col, row int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			break
		}
		row = row*10 + int(c-'0')
	}
	return col, row
}

// mistakenWorkbook is QLDN's November report with mistakes in several rows and columns (typed so
// that reading does not meet them in row order) and a date that does not exist on the cover.
func mistakenWorkbook(t *testing.T, cfg *config.Config) []byte {
	t.Helper()
	f, _ := cfg.Form("BM.02.01/KH")
	p, _ := period.Parse("2026-11")
	var tpl bytes.Buffer
	meta := templates.Meta{Office: cfg.Office.Name, UnitCode: "QLDN", UnitName: "QLDN", Period: p.String(),
		PeriodLabel: p.Label(), ReplyTo: cfg.SMTP.From, Secret: []byte(corpusKey)}
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	rows := f.Indicators[0].Rows
	ind := map[string]map[string]string{}
	for _, r := range rows {
		ind[r.Code] = map[string]string{"period": "2"}
	}
	ind["1"]["period"] = "7"                      // subtotal of 1.1 and 1.2: 4
	ind[rows[len(rows)-1].Code]["plan"] = "nhiều" // last row, first value column
	for _, r := range rows[1:] {                  // below the minimum, in a middle row outside the subtotal of 1
		if !strings.HasPrefix(r.Code, "1") {
			ind[r.Code]["period"] = "-3"
			break
		}
	}
	data := form.Filled{Header: map[string]string{templates.HeaderDate: "32/12/2026"},
		Indicators: map[string]map[string]map[string]string{"kcn": ind}, Narrative: map[string]string{}}
	for _, s := range f.Narrative {
		data.Narrative[s.Key] = "Nội dung " + s.Title
	}
	out, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func problemsText(ps []form.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Message + "\n")
	}
	return b.String()
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

package report_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officeapps"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/report"
)

var cfCodes = []string{"BM.04.01/KH", "BM.04.02/KH", "BM.02.01/KH", "KT-XH"}

// TestConsolidate_BuiltinForms builds the consolidated workbook of every built-in form from a
// ledger spanning two years and checks it cell by cell against figures computed here from the
// fixtures by the rules of package consolidate, then has LibreOffice open every workbook.
func TestConsolidate_BuiltinForms(t *testing.T) {
	cfg := cfConfig(t)
	of := cfOffice(t, cfg)
	ctx := context.Background()
	built := map[string][]byte{}
	expects := map[string]*cfExpect{}
	for _, code := range cfCodes {
		t.Run(form.Slug(code), func(t *testing.T) {
			fx := newFixture(t, of, code)
			l := fx.record(t, ctx)
			f, ok := cfg.Form(code)
			if !ok {
				t.Fatalf("form %s not configured", code)
			}
			draft, rep, err := report.AddDraft(ctx, of, l, f, fx.target, fx.now, ledger.TriggerDemand)
			if err != nil {
				t.Fatal(err)
			}
			ex := fx.expect(f.Form)
			checkExercised(t, f.Form, ex)
			checkDraft(t, cfg.DataDir, fx, ex, draft, rep)
			b := openBook(t, rep.Workbook)
			label := of.PeriodLabel(f, fx.target)
			b.checkSheets(f.Form)
			b.checkTitle(cfg.Office.Name, "Biểu mẫu "+code+" — "+label)
			b.checkSummaryFigures(f.Form, ex)
			for _, tb := range f.Tables {
				b.checkList(sheetSummary, tb, ex.lists[tb.Key], true)
			}
			b.checkNotes(ex)
			b.checkNarrative(f.Form, ex)
			b.checkUnitSheets(f.Form, ex)
			b.checkStatus(fx)
			b.checkProvenance(fx, ex)
			b.checkProperties(code, fx)
			built[code], expects[code] = rep.Workbook, ex
		})
	}
	t.Run("LibreOffice", func(t *testing.T) { checkLibreOffice(t, built, expects) })
}

// TestBuildReport_AsAt builds a report as things stood at a time before some files arrived,
// as "tonghop consolidate --at" does: the figures must count only what had arrived, like the
// status sheet of the same workbook.
func TestBuildReport_AsAt(t *testing.T) {
	t.Run("FilesReceivedAfterNowNotCounted", func(t *testing.T) {
		cfg := cfConfig(t)
		of := cfOffice(t, cfg)
		fx := newFixture(t, of, "BM.02.01/KH")
		fx.now = fx.deadline.Add(25 * time.Hour) // QHXD's late file comes an hour later
		l := fx.record(t, context.Background())
		f, _ := cfg.Form(fx.code)
		rep, err := report.BuildReport(context.Background(), of, l, f, fx.target, fx.now, 1, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"QLDN": 2, "QLDT": 1}; !maps.Equal(rep.Basis, want) {
			t.Errorf("basis: got %v, want %v (QHXD's file came after now)", rep.Basis, want)
		}
		s := openBook(t, rep.Workbook).sheet(sheetSummary)
		if note := "Chưa có số liệu: Phòng Quy hoạch - Xây dựng, Phòng Quản lý môi trường."; s.find(0, 0, note) < 0 {
			t.Errorf("summary: no note %q", note)
		}
	})
}

// checkExercised fails when the fixtures no longer exercise the cases this test is about, so
// that no change to them can make the comparisons pass for want of anything to compare.
func checkExercised(t *testing.T, f form.Form, ex *cfExpect) {
	t.Helper()
	seen := map[string]bool{"missing unit": len(ex.counted) == 3 && ex.cur[uAbsent] == nil,
		"resubmission": ex.basis["QLDN"] == 2}
	want := []string{"missing unit", "resubmission", "formula-like text"}
	for _, entries := range ex.narrative {
		for _, e := range entries {
			seen["formula-like text"] = seen["formula-like text"] || slices.ContainsFunc(e.paragraphs, formulaLike)
		}
	}
	if len(f.Indicators) > 0 {
		want = append(want, "ytd warning", "blank figure", "ratio over zero", "avg or subtotal", "typed ytd",
			"imported last year", "typed last year", "history used", "last year's ytd")
		seen["ytd warning"] = ex.mismatches == len(cfMismatchRows[f.Code])
		seen["history used"] = len(ex.history) == 1
		for i, r := range ex.rows {
			seen["last year's ytd"] = seen["last year's ytd"] || r.lastYearYTD.ok
			for _, uf := range r.perUnit {
				seen["typed ytd"] = seen["typed ytd"] || uf.ytdFrom == fromTyped
				seen["imported last year"] = seen["imported last year"] || uf.lastYearFrom == fromImported
				seen["typed last year"] = seen["typed last year"] || uf.lastYearFrom == fromTyped
			}
			seen["blank figure"] = seen["blank figure"] || !r.plan.ok || !r.period.ok
			seen["ratio over zero"] = seen["ratio over zero"] || r.lastYear.ok && r.lastYear.v == 0 && !r.pctLastYear.ok
			seen["avg or subtotal"] = seen["avg or subtotal"] || r.note != "" || len(f.Indicators[0].Rows[i].Children) > 0
		}
	}
	for _, tb := range f.Tables {
		carried, fresh := tb.Key+" carried over", tb.Key+" not carried over"
		if tb.Columns[0].Key == "content" {
			want = append(want, carried)
		}
		want = append(want, fresh)
		for _, r := range ex.lists[tb.Key] {
			seen[carried], seen[fresh] = seen[carried] || r.carried, seen[fresh] || !r.carried
			seen["formula-like text"] = seen["formula-like text"] || formulaLike(r.values[tb.Columns[0].Key])
		}
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("the fixtures of %s no longer exercise: %s", f.Code, w)
		}
	}
}

// checkDraft checks the draft AddDraft recorded: first version, what it counted, the stored
// blob and the archive copy.
func checkDraft(t *testing.T, dataDir string, fx *cfFixture, ex *cfExpect, d ledger.Draft, rep report.Report) {
	t.Helper()
	data := rep.Workbook
	sum := sha256.Sum256(data)
	wantName := office.ReportFileName(fx.code, fx.target, 1)
	if d.Version != 1 || d.FileName != wantName || d.FileSHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("draft: got v%d %q sha %s, want v1 %q sha %x", d.Version, d.FileName, d.FileSHA256, wantName, sum)
	}
	if !maps.Equal(d.Basis, ex.basis) || !maps.Equal(rep.Basis, ex.basis) {
		t.Errorf("basis: got %v in the draft, %v in the report; want %v", d.Basis, rep.Basis, ex.basis)
	}
	archived := filepath.Join(dataDir, "archive", form.Slug(fx.code), fx.target.String(), "_tong-hop", wantName)
	if got, err := os.ReadFile(archived); err != nil || !bytes.Equal(got, data) {
		t.Errorf("archive copy %s: err %v, same bytes %v; want the workbook", archived, err, bytes.Equal(got, data))
	}
}

// Sheet names and labels of the consolidated workbook, as a clerk reads them.
const (
	sheetSummary    = "Tổng hợp"
	sheetNarrative  = "Nội dung báo cáo"
	sheetStatus     = "Tình hình gửi"
	sheetProvenance = "Nguồn số liệu"
	missingNote     = "Chưa có số liệu: Phòng Quản lý môi trường."
	noEntryNote     = "(Không có đơn vị nào ghi nội dung này.)"
)

// cfBook is a consolidated workbook opened again, with its sheets read as raw values.
type cfBook struct {
	t *testing.T
	f *excelize.File
}

func openBook(t *testing.T, data []byte) *cfBook {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return &cfBook{t: t, f: f}
}

// cfSheet is one sheet's raw cell values, rows and columns from 0.
type cfSheet struct {
	name string
	rows [][]string
}

func (b *cfBook) sheet(name string) cfSheet {
	b.t.Helper()
	rows, err := b.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		b.t.Fatalf("sheet %q: %v", name, err)
	}
	return cfSheet{name: name, rows: rows}
}

func (s cfSheet) at(r, c int) string {
	if r < 0 || r >= len(s.rows) || c < 0 || c >= len(s.rows[r]) {
		return ""
	}
	return s.rows[r][c]
}

// find returns the first row from row `from` whose cell in column col is text, or -1.
func (s cfSheet) find(from, col int, text string) int {
	for r := max(from, 0); r < len(s.rows); r++ {
		if s.at(r, col) == text {
			return r
		}
	}
	return -1
}

// header maps the titles of row r to their columns.
func (s cfSheet) header(r int) map[string]int {
	out := map[string]int{}
	for c := range len(s.rows[r]) {
		out[s.at(r, c)] = c
	}
	return out
}

func (s cfSheet) blankRow(r int) bool {
	for c := range 12 {
		if s.at(r, c) != "" {
			return false
		}
	}
	return true
}

// col returns a header's column, failing when the header is absent.
func (b *cfBook) col(h map[string]int, title string) int {
	b.t.Helper()
	c, ok := h[title]
	if !ok {
		b.t.Fatalf("no column %q in header %v", title, h)
	}
	return c
}

// near compares figures with a relative tolerance of 1e-9.
func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// checkFigure compares a raw cell with an expected figure shown at scale (1/100 for the
// percentages Excel stores as fractions); no figure must leave the cell blank.
func (b *cfBook) checkFigure(where, raw string, want fig, scale float64) {
	b.t.Helper()
	if !want.ok {
		if raw != "" {
			b.t.Errorf("%s: got %q, want a blank cell", where, raw)
		}
		return
	}
	got, err := strconv.ParseFloat(raw, 64)
	if err != nil || !near(got, want.v*scale) {
		b.t.Errorf("%s: got %q, want %v", where, raw, want.v*scale)
	}
}

// checkInert checks that a formula-like unit text is a plain string marked as such.
func (b *cfBook) checkInert(sheet string, r, c int, want string) {
	b.t.Helper()
	cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
	formula, _ := b.f.GetCellFormula(sheet, cell)
	typ, _ := b.f.GetCellType(sheet, cell)
	value, _ := b.f.GetCellValue(sheet, cell)
	style, _ := b.f.GetCellStyle(sheet, cell)
	quoted := style < len(b.f.Styles.CellXfs.Xf) && b.f.Styles.CellXfs.Xf[style].QuotePrefix != nil &&
		*b.f.Styles.CellXfs.Xf[style].QuotePrefix
	if formula != "" || typ == excelize.CellTypeFormula || value != want || !quoted {
		b.t.Errorf("%s!%s: got formula %q, type %v, value %q, quote prefix %v; want the text %q, no formula, quoted",
			sheet, cell, formula, typ, value, quoted, want)
	}
}

func formulaLike(s string) bool {
	t := strings.TrimLeft(s, " ")
	return t != "" && strings.ContainsRune("=+-@", rune(t[0]))
}

func (b *cfBook) checkSheets(f form.Form) {
	b.t.Helper()
	want := []string{sheetSummary}
	if len(f.Narrative) > 0 {
		want = append(want, sheetNarrative)
	}
	want = append(want, sheetStatus, sheetProvenance)
	for _, u := range cfUnits {
		want = append(want, u.code)
	}
	if got := b.f.GetSheetList(); !slices.Equal(got, want) {
		b.t.Errorf("sheets: got %q, want %q", got, want)
	}
}

// checkTitle looks for the office, the form and period, and the draft in the title block.
func (b *cfBook) checkTitle(office, formLine string) {
	b.t.Helper()
	s := b.sheet(sheetSummary)
	for _, want := range []string{office, formLine, "DỰ THẢO lần 1"} {
		if r := s.find(0, 0, want); r < 0 || r > 8 {
			b.t.Errorf("summary title block: no line %q (got row %d)", want, r)
		}
	}
}

// checkSummaryFigures checks every indicator's aggregated figures on the summary sheet.
func (b *cfBook) checkSummaryFigures(f form.Form, ex *cfExpect) {
	b.t.Helper()
	if len(f.Indicators) == 0 {
		return
	}
	s := b.sheet(sheetSummary)
	top := s.find(0, 0, f.Indicators[0].Title)
	if top < 0 {
		b.t.Fatalf("summary: no table %q", f.Indicators[0].Title)
	}
	h := s.header(top + 1)
	cols := map[string]int{}
	for _, title := range []string{"Kế hoạch năm", "Thực hiện kỳ báo cáo", "Lũy kế từ đầu năm", "Cùng kỳ năm trước",
		"Lũy kế cùng kỳ năm trước", "% so với kế hoạch", "% so với cùng kỳ", "Số đơn vị báo cáo", "Ghi chú"} {
		cols[title] = b.col(h, title)
	}
	for i, want := range ex.rows {
		r := top + 2 + i
		if got := s.at(r, 0); got != want.code {
			b.t.Errorf("summary row %d: got indicator %q, want %q", r+1, got, want.code)
			continue
		}
		where := func(col string) string { return "summary " + want.code + " «" + col + "»" }
		for col, v := range map[string]fig{"Kế hoạch năm": want.plan, "Thực hiện kỳ báo cáo": want.period,
			"Lũy kế từ đầu năm": want.ytd, "Cùng kỳ năm trước": want.lastYear, "Lũy kế cùng kỳ năm trước": want.lastYearYTD} {
			b.checkFigure(where(col), s.at(r, cols[col]), v, 1)
		}
		b.checkFigure(where("% so với kế hoạch"), s.at(r, cols["% so với kế hoạch"]), want.pctPlan, 0.01)
		b.checkFigure(where("% so với cùng kỳ"), s.at(r, cols["% so với cùng kỳ"]), want.pctLastYear, 0.01)
		if got := s.at(r, cols["Số đơn vị báo cáo"]); got != strconv.Itoa(want.reported) {
			b.t.Errorf("%s: got %q, want %d", where("Số đơn vị báo cáo"), got, want.reported)
		}
		if got := s.at(r, cols["Ghi chú"]); got != want.note {
			b.t.Errorf("%s: got %q, want %q", where("Ghi chú"), got, want.note)
		}
	}
}

// checkList checks a list table's rows on a sheet: numbered from 1, in unit order then line,
// with the unit's name (on the summary), every value in its column's type and the carried
// mark; then that no other row follows.
func (b *cfBook) checkList(sheet string, tb form.Table, want []cfListRow, withUnit bool) {
	b.t.Helper()
	s := b.sheet(sheet)
	top := s.find(0, 0, tb.Title)
	if top < 0 || s.at(top+1, 0) != "STT" {
		b.t.Fatalf("%s: no list table %q", sheet, tb.Title)
	}
	h := s.header(top + 1)
	carried := b.col(h, "Chuyển từ kỳ trước")
	for i, w := range want {
		r := top + 2 + i
		where := sheet + " «" + tb.Title + "» row " + strconv.Itoa(i+1)
		if got := s.at(r, 0); got != strconv.Itoa(i+1) {
			b.t.Errorf("%s: got number %q, want %d", where, got, i+1)
		}
		if unit := cfUnits[w.unit].name; withUnit && s.at(r, b.col(h, "Đơn vị")) != unit {
			b.t.Errorf("%s: got unit %q, want %q", where, s.at(r, b.col(h, "Đơn vị")), unit)
		}
		for _, c := range tb.Columns {
			col := b.col(h, c.Title)
			got, v := s.at(r, col), norm.NFC.String(w.values[c.Key])
			if c.Type == form.Date && v != "" {
				serial, _ := strconv.ParseFloat(got, 64)
				d, err := excelize.ExcelDateToTime(serial, false)
				if got = d.Format("2006-01-02"); err != nil {
					got = err.Error()
				}
			}
			if got != v {
				b.t.Errorf("%s «%s»: got %q, want %q", where, c.Title, got, v)
			}
			if formulaLike(v) {
				b.checkInert(sheet, r, col, v)
			}
		}
		if got, mark := s.at(r, carried), map[bool]string{true: "x"}[w.carried]; got != mark {
			b.t.Errorf("%s «%s» (carried over): got %q, want %q", where, w.values[tb.Columns[0].Key], got, mark)
		}
	}
	if r := top + 2 + len(want); !s.blankRow(r) {
		b.t.Errorf("%s «%s»: got an extra row %q after the %d expected", sheet, tb.Title, s.rows[r], len(want))
	}
}

// checkNotes checks the missing units and the clerk's warnings under the tables.
func (b *cfBook) checkNotes(ex *cfExpect) {
	b.t.Helper()
	s := b.sheet(sheetSummary)
	if s.find(0, 0, missingNote) < 0 {
		b.t.Errorf("summary: no note %q", missingNote)
	}
	r := s.find(0, 0, "Lưu ý khi tổng hợp:")
	var got []string
	for r >= 0 && strings.HasPrefix(s.at(r+1, 0), "- ") {
		got, r = append(got, s.at(r+1, 0)), r+1
	}
	if !slices.Equal(got, ex.warnings) {
		b.t.Errorf("summary warnings: got %q, want %q", got, ex.warnings)
	}
}

// checkNarrative checks the narrative sheet: every section in form order, under it the texts
// of the counted units in unit order, a paragraph a row, or the note that nobody wrote.
func (b *cfBook) checkNarrative(f form.Form, ex *cfExpect) {
	b.t.Helper()
	if len(f.Narrative) == 0 {
		return
	}
	s := b.sheet(sheetNarrative)
	r := 0
	for _, sec := range f.Narrative {
		if r = s.find(r, 0, sec.Title); r < 0 {
			b.t.Fatalf("narrative: no section %q in order", sec.Title)
		}
		r++
		entries := ex.narrative[sec.Key]
		if len(entries) == 0 && s.at(r, 2) != noEntryNote {
			b.t.Errorf("narrative «%s»: got %q, want %q", sec.Title, s.rows[r], noEntryNote)
		}
		for i, e := range entries {
			for j, p := range e.paragraphs {
				no, name := "", ""
				if j == 0 {
					no, name = strconv.Itoa(i+1), cfUnits[e.unit].name
				}
				if s.at(r, 0) != no || s.at(r, 1) != name || s.at(r, 2) != p {
					b.t.Errorf("narrative «%s» row %d: got %q, want [%q %q %q]", sec.Title, r+1, s.rows[r], no, name, p)
				}
				if formulaLike(p) {
					b.checkInert(sheetNarrative, r, 2, p)
				}
				r++
			}
		}
	}
}

// checkUnitSheets checks each unit's detail sheet: its status line, its own figures (typed
// and ledger year to date side by side), its list rows and its texts; the missing unit's
// says it sent nothing.
func (b *cfBook) checkUnitSheets(f form.Form, ex *cfExpect) {
	b.t.Helper()
	for u, unit := range cfUnits {
		s := b.sheet(unit.code)
		state := "Tình trạng: " + cfStates[u].state
		if v := cfStates[u].version; v > 0 {
			state += "; được tính: lần gửi thứ " + strconv.Itoa(v)
		}
		for _, line := range []string{"Đơn vị: " + unit.name + " (" + unit.code + ")", state} {
			if r := s.find(0, 0, line); r < 0 || r > 4 {
				b.t.Errorf("sheet %s: no title line %q (got row %d)", unit.code, line, r)
			}
		}
		if _, ok := ex.cur[u]; !ok {
			if s.find(0, 0, "Đơn vị chưa gửi số liệu cho kỳ báo cáo này.") < 0 || s.find(0, 0, "STT") >= 0 || s.find(0, 0, "Mã số") >= 0 {
				b.t.Errorf("sheet %s: got %q, want only the note that the unit sent nothing", unit.code, s.rows)
			}
			continue
		}
		if len(f.Indicators) > 0 {
			b.checkUnitFigures(s, f.Indicators[0].Title, u, ex)
		}
		for _, tb := range f.Tables {
			var own []cfListRow
			for _, r := range ex.lists[tb.Key] {
				if r.unit == u {
					own = append(own, r)
				}
			}
			b.checkList(unit.code, tb, own, false)
		}
		b.checkUnitNarrative(s, f, u, ex)
	}
}

// checkUnitNarrative checks a unit's texts on its sheet: each section it wrote in, in form
// order, a paragraph a row under the section's title.
func (b *cfBook) checkUnitNarrative(s cfSheet, f form.Form, u int, ex *cfExpect) {
	b.t.Helper()
	r := 0
	for _, sec := range f.Narrative {
		for _, e := range ex.narrative[sec.Key] {
			if e.unit != u {
				continue
			}
			if r = s.find(r, 0, sec.Title); r < 0 {
				b.t.Fatalf("sheet %s: no section %q in order", s.name, sec.Title)
			}
			for j, p := range e.paragraphs {
				if got := s.at(r+1+j, 0); got != p {
					b.t.Errorf("sheet %s «%s» paragraph %d: got %q, want %q", s.name, sec.Title, j+1, got, p)
				} else if formulaLike(p) {
					b.checkInert(s.name, r+1+j, 0, p)
				}
			}
		}
	}
}

func (b *cfBook) checkUnitFigures(s cfSheet, title string, u int, ex *cfExpect) {
	b.t.Helper()
	top := s.find(0, 0, title)
	if top < 0 {
		b.t.Fatalf("sheet %s: no table %q", s.name, title)
	}
	h := s.header(top + 1)
	for i, row := range ex.rows {
		r, want := top+2+i, row.perUnit[u]
		if s.at(r, 0) != row.code {
			b.t.Errorf("sheet %s row %d: got indicator %q, want %q", s.name, r+1, s.at(r, 0), row.code)
			continue
		}
		for col, v := range map[string]fig{"Kế hoạch năm": want.plan, "Thực hiện kỳ": want.period,
			"Lũy kế từ đầu năm": want.ytd, "Lũy kế đơn vị tự ghi": want.own, "Cùng kỳ năm trước": want.lastYear} {
			b.checkFigure("sheet "+s.name+" "+row.code+" «"+col+"»", s.at(r, b.col(h, col)), v, 1)
		}
		for col, from := range map[string]string{"Nguồn lũy kế": want.ytdFrom, "Nguồn cùng kỳ": want.lastYearFrom} {
			if got := s.at(r, b.col(h, col)); got != from {
				b.t.Errorf("sheet %s %s «%s»: got %q, want %q", s.name, row.code, col, got, from)
			}
		}
	}
}

// checkStatus checks the status sheet: each unit's state, version counted, time it arrived
// and files sent, then the two rates.
func (b *cfBook) checkStatus(fx *cfFixture) {
	b.t.Helper()
	s := b.sheet(sheetStatus)
	top := s.find(0, 0, "STT")
	if top < 0 {
		b.t.Fatal("status sheet: no header")
	}
	h := s.header(top)
	for u, unit := range cfUnits {
		r, want := top+1+u, cfStates[u]
		version := ""
		if want.version > 0 {
			version = strconv.Itoa(want.version)
		}
		got := []string{s.at(r, b.col(h, "Mã đơn vị")), s.at(r, b.col(h, "Đơn vị")), s.at(r, b.col(h, "Tình trạng")),
			s.at(r, b.col(h, "Lần gửi được tính")), s.at(r, b.col(h, "Số lần gửi"))}
		exp := []string{unit.code, unit.name, want.state, version, strconv.Itoa(want.versions)}
		if !slices.Equal(got, exp) {
			b.t.Errorf("status row %d: got %q, want %q", u+1, got, exp)
		}
		var first, counted time.Time
		for _, sub := range fx.subs {
			if sub.unit == u && sub.period == fx.target && sub.valid && (first.IsZero() || sub.at.Before(first)) {
				first = sub.at
			}
		}
		if c := fx.counted(u, fx.target); c != nil {
			counted = c.at
		}
		loc := fx.deadline.Location()
		b.checkTime("status "+unit.code+" first valid", s.at(r, b.col(h, "Thời điểm nhận lần gửi hợp lệ đầu tiên")), first, loc)
		b.checkTime("status "+unit.code+" counted", s.at(r, b.col(h, "Thời điểm nhận lần gửi được tính")), counted, loc)
	}
	for label, want := range map[string][2]string{"Tỷ lệ báo cáo": {"3/4 đơn vị", "0.75"}, "Tỷ lệ báo cáo đúng hạn": {"2/4 đơn vị", "0.5"}} {
		r := s.find(top, 2, label)
		if got := [2]string{s.at(r, 3), s.at(r, 4)}; r < 0 || got != want {
			b.t.Errorf("status «%s»: got %q, want %q", label, got, want)
		}
	}
}

// checkTime compares an Excel date with a time on the office's wall clock, to the second.
func (b *cfBook) checkTime(where, raw string, want time.Time, loc *time.Location) {
	b.t.Helper()
	if want.IsZero() {
		if raw != "" {
			b.t.Errorf("%s: got %q, want a blank time", where, raw)
		}
		return
	}
	serial, err := strconv.ParseFloat(raw, 64)
	got, err2 := excelize.ExcelDateToTime(serial, false)
	w := want.In(loc)
	wall := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, time.UTC)
	if err != nil || err2 != nil || got.Sub(wall).Abs() > time.Second {
		b.t.Errorf("%s: got %q (%v), want %v", where, raw, got, wall)
	}
}

// checkProvenance checks the file behind every counted unit's figures.
func (b *cfBook) checkProvenance(fx *cfFixture, ex *cfExpect) {
	b.t.Helper()
	s := b.sheet(sheetProvenance)
	top := s.find(0, 0, "STT")
	if top < 0 {
		b.t.Fatal("provenance sheet: no header")
	}
	h := s.header(top)
	cols := []string{"STT", "Mã đơn vị", "Đơn vị", "Lần gửi", "Quá hạn", "Tên tệp", "Mã kiểm tra tệp (SHA-256)", "Mã định danh thư"}
	for i, u := range ex.counted {
		r, src := top+1+i, ex.cur[u]
		var got []string
		for _, c := range cols {
			got = append(got, s.at(r, b.col(h, c)))
		}
		want := []string{strconv.Itoa(i + 1), cfUnits[u].code, cfUnits[u].name, strconv.Itoa(src.version),
			map[bool]string{true: "x"}[src.late], src.file, src.sha, src.msgID}
		if !slices.Equal(got, want) {
			b.t.Errorf("provenance row %d: got %q, want %q", i+1, got, want)
		}
		b.checkTime("provenance "+cfUnits[u].code, s.at(r, b.col(h, "Thời điểm nhận")), src.at, fx.deadline.Location())
	}
	if r := top + 1 + len(ex.counted); !s.blankRow(r) {
		b.t.Errorf("provenance: got an extra row %q", s.rows[r])
	}
	b.checkHistory(s, fx, ex)
}

// checkHistory checks the imported files the figures use, listed under the submissions: one
// row per unit and period, and none for an import a unit's own file hides.
func (b *cfBook) checkHistory(s cfSheet, fx *cfFixture, ex *cfExpect) {
	b.t.Helper()
	top := s.find(0, 0, "SỐ LIỆU CÁC KỲ TRƯỚC NHẬP TỪ TỆP")
	if len(ex.history) == 0 {
		if top >= 0 {
			b.t.Errorf("provenance: a table of imported files, with none used")
		}
		return
	}
	if top < 0 {
		b.t.Fatal("provenance: no table of imported files")
	}
	h := s.header(top + 1)
	cols := []string{"STT", "Mã đơn vị", "Đơn vị", "Kỳ", "Loại tệp", "Tên tệp", "Mã kiểm tra tệp (SHA-256)", "Người nhập"}
	for i, imp := range ex.history {
		r := top + 2 + i
		var got []string
		for _, c := range cols {
			got = append(got, s.at(r, b.col(h, c)))
		}
		want := []string{strconv.Itoa(i + 1), cfUnits[imp.unit].code, cfUnits[imp.unit].name, imp.period.Label(),
			"Bảng số liệu đầu kỳ", imp.file, imp.sha, "tonghop import (thử)"}
		if !slices.Equal(got, want) {
			b.t.Errorf("imported file %d: got %q, want %q", i+1, got, want)
		}
		b.checkTime("imported file "+imp.file, s.at(r, b.col(h, "Thời điểm nhập")), imp.at, fx.deadline.Location())
	}
	if r := top + 2 + len(ex.history); !s.blankRow(r) {
		b.t.Errorf("provenance: got an extra imported file %q", s.rows[r])
	}
}

// checkProperties checks the document and custom properties that say which consolidation the
// file holds.
func (b *cfBook) checkProperties(code string, fx *cfFixture) {
	b.t.Helper()
	doc, err := b.f.GetDocProps()
	if err != nil {
		b.t.Fatal(err)
	}
	label := fx.target.Label() // the period by its name, "tháng 11/2026" inside the sentence
	label = strings.ToLower(label[:1]) + label[1:]
	if doc.Creator != "tonghop" || doc.ContentStatus != "Dự thảo" || doc.Revision != "1" ||
		doc.Subject != "Báo cáo tổng hợp biểu mẫu "+code+", "+label || strings.Contains(doc.Keywords, fx.target.String()) {
		b.t.Errorf("document properties: got %+v, want creator tonghop, draft 1 of %s %s", doc, code, fx.target)
	}
	custom, err := b.f.GetCustomProps()
	if err != nil {
		b.t.Fatal(err)
	}
	got := map[string]any{}
	for _, p := range custom {
		got[p.Name] = p.Value
	}
	want := map[string]any{"tonghop.form": code, "tonghop.period": fx.target.String(), "tonghop.draft": int32(1),
		"tonghop.built_at": fx.now.UTC().Format(time.RFC3339)}
	for k, v := range want {
		if got[k] != v {
			b.t.Errorf("custom property %s: got %#v, want %#v", k, got[k], v)
		}
	}
}

// checkLibreOffice converts every workbook to CSV in one LibreOffice run, proving that it
// opens, and reads the summary sheet back: the missing unit, one total, the inert formula text.
func checkLibreOffice(t *testing.T, built map[string][]byte, expects map[string]*cfExpect) {
	bin := soffice(t)
	if len(built) != len(cfCodes) {
		t.Fatalf("got %d workbooks built, want %d", len(built), len(cfCodes))
	}
	dir := t.TempDir()
	var files []string
	for _, code := range cfCodes {
		name := filepath.Join(dir, form.Slug(code)+".xlsx")
		if err := os.WriteFile(name, built[code], 0o600); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
	}
	out := filepath.Join(dir, "csv")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out}, files...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, code := range cfCodes {
		data, err := os.ReadFile(filepath.Join(out, form.Slug(code)+".csv"))
		if err != nil {
			t.Fatalf("%s: LibreOffice wrote no CSV: %v", code, err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: CSV: %v", code, err)
		}
		has := func(text string) bool {
			return slices.ContainsFunc(records, func(rec []string) bool { return slices.Contains(rec, text) })
		}
		if !has(missingNote) {
			t.Errorf("%s CSV: no %q", code, missingNote)
		}
		if ex := expects[code]; len(ex.rows) > 0 {
			checkCSVTotal(t, code, records, ex)
		} else if !has("=1+1") {
			t.Errorf("%s CSV: the unit's text %q is not there as text", code, "=1+1")
		}
	}
}

// checkCSVTotal finds, in the CSV of the summary sheet, this period's total of the first
// indicator whose total is a whole number under 1000 (shown as is by "#,##0").
func checkCSVTotal(t *testing.T, code string, records [][]string, ex *cfExpect) {
	t.Helper()
	i := slices.IndexFunc(ex.rows, func(r cfSummaryRow) bool {
		return r.period.ok && r.period.v == math.Trunc(r.period.v) && r.period.v < 1000
	})
	head := slices.IndexFunc(records, func(rec []string) bool { return slices.Contains(rec, "Thực hiện kỳ báo cáo") })
	if i < 0 || head < 0 {
		t.Fatalf("%s CSV: no header (row %d) or no whole total to look for (%d)", code, head, i)
	}
	col, want := slices.Index(records[head], "Thực hiện kỳ báo cáo"), strconv.FormatFloat(ex.rows[i].period.v, 'f', 0, 64)
	for _, rec := range records[head+1:] {
		if len(rec) > col && rec[0] == ex.rows[i].code {
			if rec[col] != want {
				t.Errorf("%s CSV indicator %s: got %q, want %s", code, ex.rows[i].code, rec[col], want)
			}
			return
		}
	}
	t.Errorf("%s CSV: no row for indicator %s", code, ex.rows[i].code)
}

func soffice(t *testing.T) string { return officeapps.Soffice(t) }

package letters_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/reportbook"
	"github.com/tonghop/tonghop/status"
)

// The consolidated workbook of the test office's monthly report, with every note and warning a
// clerk can meet, as a draft and as issued; the work program's, with its lists; and the long
// detail sheet of an office of many units.

var booksICT = time.FixedZone("ICT", 7*3600)

func booksAt(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, booksICT)
}

// booksUnits are the test office's units; QLMT sends nothing.
var booksUnits = []consolidate.Unit{
	{Code: "QLDN", Name: "Phòng Quản lý doanh nghiệp"}, {Code: "QLDT", Name: "Phòng Quản lý đầu tư"},
	{Code: "QHXD", Name: "Phòng Quy hoạch - Xây dựng"}, {Code: "QLMT", Name: "Phòng Quản lý môi trường"},
}

// booksFigures fills the monthly report's indicators: figure n·k for indicator k, the plan
// twelve times that; ytd and lastYear, when set, are typed by the unit.
func booksFigures(f form.Form, n float64, ytd map[string]string) form.Filled {
	narrative := map[string]string{}
	for _, s := range f.Narrative {
		narrative[s.Key] = "Trong kỳ, đơn vị đã thực hiện các nội dung của mục " + s.Title + "."
	}
	if len(f.Indicators) == 0 {
		return form.Filled{Narrative: narrative}
	}
	cells := map[string]map[string]string{}
	for i, ind := range f.Indicators[0].Rows {
		v := n * float64(i+1)
		c := map[string]string{"plan": fmt.Sprint(12 * v), "period": fmt.Sprint(v)}
		if y, ok := ytd[ind.Code]; ok {
			c["ytd"] = y
		}
		cells[ind.Code] = c
	}
	for _, ind := range f.Indicators[0].Rows { // a subtotal is the sum of its parts
		if len(ind.Children) == 0 {
			continue
		}
		var plan, per float64
		for _, child := range ind.Children {
			p, _ := strconv.ParseFloat(cells[child]["plan"], 64)
			v, _ := strconv.ParseFloat(cells[child]["period"], 64)
			plan, per = plan+p, per+v
		}
		cells[ind.Code]["plan"], cells[ind.Code]["period"] = fmt.Sprint(plan), fmt.Sprint(per)
	}
	return form.Filled{Indicators: map[string]map[string]map[string]string{f.Indicators[0].Key: cells}, Narrative: narrative}
}

// booksMonthly is the monthly report of November 2026 with every finding: QLDN's typed year to
// date differs from its months, QLDT's earlier months come from the opening figures, QHXD is
// new (its year to date typed, one unknown), QLMT sends nothing, a unit not on the list sends a
// file, QLDN is listed twice, indicator 7 has a rule the package does not know, a figure is
// text, and the subtotal 1 differs from 1.1 + 1.2.
func booksMonthly(t *testing.T) (consolidate.Input, form.Form) {
	t.Helper()
	f := form.Builtins()["BM.02.01/KH"]
	f.Indicators[0].Rows[len(f.Indicators[0].Rows)-1].Aggregate = "median"
	p, err := period.Parse("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	qldn := booksFigures(f, 2, map[string]string{"1": "99"})
	qldn.Indicators["kcn"]["1"]["period"] = "7" // 1.1 + 1.2 make 6
	qldt := booksFigures(f, 3, nil)
	qldt.Indicators["kcn"]["4"]["period"] = "khoảng 12"
	qhxd := booksFigures(f, 1, map[string]string{"1": "11", "1.1": "4", "1.2": "7", "2": "22", "3": "33", "4": "44", "5": "55"})
	src := func(unit string, version int, at time.Time, late bool, filled form.Filled) consolidate.Source {
		return consolidate.Source{Unit: unit, Version: version, ReceivedAt: at, Late: late,
			FileName: "BM.02.01-KH_2026-11_" + unit + ".xlsx", SHA256: fmt.Sprintf("%064x", len(unit)*version+9),
			MessageID: "<baocao." + strings.ToLower(unit) + "@kcn.gov.vn>", Filled: filled}
	}
	in := consolidate.Input{Form: f, Period: p, Units: append(append([]consolidate.Unit{}, booksUnits...), booksUnits[0]),
		Current: map[string]consolidate.Source{
			"QLDN": src("QLDN", 1, booksAt(16, 9, 30), false, qldn),
			"QLDT": src("QLDT", 2, booksAt(18, 16, 10), false, qldt),
			"QHXD": src("QHXD", 1, booksAt(20, 7, 0), true, qhxd),
			"KHAC": src("KHAC", 1, booksAt(17, 8, 0), false, booksFigures(f, 1, nil)),
		},
		Earlier: map[period.Period]map[string]consolidate.Source{}}
	opening := consolidate.Import{Kind: consolidate.ImportOpening, FileName: "so-lieu-dau-ky.xlsx",
		SHA256: strings.Repeat("ab", 32), ImportedAt: booksAt(2, 8, 0), By: "Chuyên viên tổng hợp Phạm Thị Hoa"}
	for q := p.Prev(); q.Year == p.Year; q = q.Prev() {
		in.Earlier[q] = map[string]consolidate.Source{
			"QLDN": src("QLDN", 1, booksAt(1, 8, 0), false, booksFigures(f, 2, nil)),
			"QLDT": {Unit: "QLDT", Filled: booksFigures(f, 3, nil), Imports: []consolidate.Import{opening}},
		}
	}
	return in, f
}

// booksStatus is the status of the period as the workbook shows it: QLDT sent an invalid file
// first, QHXD was late and nagged, QLMT is reminded and nagged with its supervisor copied.
func booksStatus(p period.Period, form string, deadline, now time.Time) status.Matrix {
	per := p.String()
	var units []status.Unit
	for _, u := range booksUnits {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
	}
	sub := func(unit string, version int, valid bool, at time.Time) status.Submission {
		return status.Submission{Form: form, Unit: unit, Period: per, Version: version, Valid: valid, ReceivedAt: at}
	}
	subs := []status.Submission{
		sub("QLDN", 1, true, booksAt(16, 9, 30)), sub("QLDT", 1, false, booksAt(17, 10, 0)),
		sub("QLDT", 2, true, booksAt(18, 16, 10)), sub("QHXD", 1, true, deadline.Add(38*time.Hour)),
	}
	rem := func(unit, kind string, n int, at time.Time, cc ...string) status.Reminder {
		return status.Reminder{Form: form, Unit: unit, Period: per, Kind: kind, N: n, SentAt: at, Cc: cc}
	}
	reminders := []status.Reminder{
		rem("QHXD", "reminder", 1, booksAt(16, 7, 30)), rem("QHXD", "nag", 1, booksAt(19, 7, 30)),
		rem("QLMT", "reminder", 1, booksAt(16, 7, 30)), rem("QLMT", "nag", 1, booksAt(19, 7, 30)),
		rem("QLMT", "nag", 2, booksAt(20, 7, 30), "Phó Trưởng Ban Trần Thị Bình"),
	}
	periods := []status.Period{{Form: form, Period: per, Label: p.Label(), Deadline: deadline, Closed: true}}
	return status.Build(units, periods, subs, reminders, now)
}

// booksWrite consolidates in and writes its workbook.
func booksWrite(t *testing.T, in consolidate.Input, st status.Matrix, m reportbook.Meta) []byte {
	t.Helper()
	book, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := reportbook.Write(&buf, book, st, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func booksMeta(label string, draft int) reportbook.Meta {
	return reportbook.Meta{Office: "Ban Quản lý các khu công nghiệp tỉnh Thái Nguyên", Desk: "Văn phòng",
		PeriodLabel: label, Draft: draft, BuiltAt: booksAt(21, 8, 30), Location: booksICT,
		LedgerState: "mails≤17 submissions≤15"}
}

func booksMonthlyDraft(t *testing.T) []byte {
	t.Helper()
	in, _ := booksMonthly(t)
	deadline := booksAt(18, 17, 0)
	st := booksStatus(in.Period, in.Form.Code, deadline, booksAt(21, 8, 30))
	return booksWrite(t, in, st, booksMeta("Tháng 11/2026 (số liệu từ 15/10/2026 đến 14/11/2026)", 2))
}

func TestBooksCatalogue_ConsolidatedDraft(t *testing.T) {
	booksGolden(t, "books-consolidated-draft.txt", booksDump(t, booksMonthlyDraft(t), nil), booksDataLine)
}

// The issued workbook: the draft stamped with its approvals; then a replacement, approved by a
// reply that was not authenticated.
func TestBooksCatalogue_ConsolidatedIssued(t *testing.T) {
	draft := booksMonthlyDraft(t)
	approvals := []reportbook.Approval{
		{Title: "Chánh Văn phòng", Name: "Lê Văn Cường", At: booksAt(21, 9, 15), Version: 2, MessageID: "y-kien.1@kcn.gov.vn"},
		{Title: "Trưởng Ban", Name: "Nguyễn Văn An", At: booksAt(21, 10, 30), Version: 2, MessageID: "y-kien.2@kcn.gov.vn"},
	}
	issued, err := reportbook.Stamp(draft, approvals, booksICT)
	if err != nil {
		t.Fatal(err)
	}
	again := []reportbook.Approval{{Title: "Trưởng Ban", Name: "Nguyễn Văn An", At: booksAt(25, 14, 0), Version: 3,
		MessageID: "y-kien.3@kcn.gov.vn", Unauthenticated: true}}
	replaced, err := reportbook.StampReplacement(draft, again, reportbook.Replaced{At: booksAt(21, 10, 30), Version: 2}, booksICT)
	if err != nil {
		t.Fatal(err)
	}
	text := "Báo cáo đã duyệt\n\n" + booksDump(t, issued, booksStampedOnly) +
		"\nBáo cáo thay thế, ý kiến duyệt không được xác thực\n\n" + booksDump(t, replaced, booksStampedOnly)
	booksGolden(t, "books-consolidated-issued.txt", text, nil)
}

// booksStampedOnly keeps, of a stamped workbook, what the stamp writes: the properties, the
// page headers and the summary's title block.
func booksStampedOnly(sheet string, row int) bool { return sheet == "Tổng hợp" && row <= 6 }

// The work program: lists, a task carried over from the week before, a late unit.
func TestBooksCatalogue_ConsolidatedList(t *testing.T) {
	f := form.Builtins()["BM.04.01/KH"]
	p, err := period.Parse("2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	task := func(content, lead, person, deadline, level string) form.Row {
		return form.Row{Line: 5, Values: map[string]string{"content": content, "lead": lead, "person": person,
			"deadline": deadline, "level": level}}
	}
	filled := func(unit string) form.Filled {
		return form.Filled{Tables: map[string][]form.Row{
			"tasks": {task("Rà soát hồ sơ dự án đầu tư của "+unit, unit, "Trần Văn Nam", "2026-11-27", "Trưởng Ban"),
				task("Kiểm tra việc chấp hành pháp luật về lao động", unit, "Lê Thị Thu", "2026-11-26", "")},
			"results": {{Line: 5, Values: map[string]string{"content": "Tổng hợp báo cáo tháng 10/2026", "status": "Hoàn thành"}}},
		}}
	}
	prev := form.Filled{Tables: map[string][]form.Row{
		"tasks":   {task("Kiểm tra việc chấp hành pháp luật về lao động", "QLDT", "Lê Thị Thu", "2026-11-20", "")},
		"results": {{Line: 5, Values: map[string]string{"content": "Kiểm tra việc chấp hành pháp luật về lao động", "status": "Đang thực hiện", "reason": "Chờ ý kiến của Sở Lao động"}}},
	}}
	deadline := booksAt(19, 15, 0)
	src := func(unit string, at time.Time) consolidate.Source {
		return consolidate.Source{Unit: unit, Version: 1, ReceivedAt: at, Late: at.After(deadline),
			FileName: "BM.04.01-KH_2026-W48_" + unit + ".xlsx", SHA256: strings.Repeat("cd", 32),
			MessageID: "<ctct." + strings.ToLower(unit) + "@kcn.gov.vn>", Filled: filled(unit)}
	}
	in := consolidate.Input{Form: f, Period: p, Units: booksUnits[:2], Current: map[string]consolidate.Source{
		"QLDN": src("QLDN", booksAt(18, 9, 0)), "QLDT": src("QLDT", booksAt(19, 16, 20)),
	}, Previous: map[string]consolidate.Source{"QLDT": {Unit: "QLDT", Version: 1, Filled: prev}}}
	var units []status.Unit
	var subs []status.Submission
	for _, u := range in.Units {
		units = append(units, status.Unit{Code: u.Code, Name: u.Name})
		c := in.Current[u.Code]
		subs = append(subs, status.Submission{Form: f.Code, Unit: u.Code, Period: p.String(), Version: 1, Valid: true, ReceivedAt: c.ReceivedAt})
	}
	st := status.Build(units, []status.Period{{Form: f.Code, Period: p.String(), Label: p.Label(), Deadline: deadline, Closed: true}},
		subs, nil, booksAt(20, 8, 0))
	booksGolden(t, "books-consolidated-list.txt", booksDump(t, booksWrite(t, in, st, booksMeta(p.Label(), 1)), nil), booksDataLine)
}

// An office of more units than get a sheet each: the details go to one sheet with a unit
// column. Only that sheet's first rows and the title block are kept.
func TestBooksCatalogue_ConsolidatedUnits(t *testing.T) {
	f := form.Builtins()["KT-XH"]
	p, err := period.Parse("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	in := consolidate.Input{Form: f, Period: p, Current: map[string]consolidate.Source{}}
	var units []status.Unit
	var subs []status.Submission
	for i := range reportbook.UnitSheetLimit + 1 {
		code := fmt.Sprintf("PHUONG%02d", i+1)
		name := "Ủy ban nhân dân phường số " + strconv.Itoa(i+1)
		in.Units = append(in.Units, consolidate.Unit{Code: code, Name: name})
		units = append(units, status.Unit{Code: code, Name: name})
		if i < 2 {
			in.Current[code] = consolidate.Source{Unit: code, Version: 1, ReceivedAt: booksAt(18, 9, 0),
				Filled: booksFigures(f, float64(i+1), map[string]string{"1": "1000", "5": "90"})}
			subs = append(subs, status.Submission{Form: f.Code, Unit: code, Period: p.String(), Version: 1, Valid: true, ReceivedAt: booksAt(18, 9, 0)})
		}
	}
	deadline := booksAt(20, 17, 0)
	st := status.Build(units, []status.Period{{Form: f.Code, Period: p.String(), Label: p.Label(), Deadline: deadline}}, subs, nil, booksAt(19, 8, 0))
	data := booksWrite(t, in, st, booksMeta(p.Label(), 1))
	keep := func(sheet string, row int) bool {
		return sheet == "Chi tiết đơn vị" && row <= 14 || sheet == "Tổng hợp" && row <= 6
	}
	booksGolden(t, "books-consolidated-units.txt", booksDump(t, data, keep), booksDataLine)
}

// booksDataLine leaves out the lines that hold what a program identifies a file by (the digest
// of a file, a mail's identifier): not text to read, and not checked.
func booksDataLine(line string) string {
	if reDigest.MatchString(line) || strings.Contains(line, "@kcn.gov.vn>") {
		return ""
	}
	return line
}

var reDigest = regexp.MustCompile(`^\s*[A-Z]+[0-9]+: [0-9a-f]{64}$`)

// booksDump writes a workbook as a person reads it: the document properties, then each sheet
// with its page header and footer and each non-empty cell. keep, when not nil, says which cells
// of which sheets to write (row from 1).
func booksDump(t *testing.T, data []byte, keep func(sheet string, row int) bool) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString("Thuộc tính tài liệu\n")
	for _, kv := range [][2]string{{"Tiêu đề", props.Title}, {"Chủ đề", props.Subject}, {"Từ khóa", props.Keywords},
		{"Thể loại", props.Category}, {"Tình trạng", props.ContentStatus}, {"Mô tả", props.Description}} {
		fmt.Fprintf(&b, "  %s: %s\n", kv[0], indentLines(kv[1], "    "))
	}
	for _, sheet := range f.GetSheetList() {
		if keep != nil && !keep(sheet, 1) {
			continue
		}
		booksDumpSheet(t, &b, f, sheet, keep)
	}
	return b.String()
}

func booksDumpSheet(t *testing.T, b *strings.Builder, f *excelize.File, sheet string, keep func(string, int) bool) {
	t.Helper()
	fmt.Fprintf(b, "\nTrang “%s”\n", sheet)
	if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil && hf.OddHeader != "" {
		fmt.Fprintf(b, "  Đầu trang: %s\n  Chân trang: %s\n", booksHeader(hf.OddHeader), booksHeader(hf.OddFooter))
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if keep != nil && !keep(sheet, r+1) {
			break
		}
		for c, v := range row {
			if strings.TrimSpace(v) == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if typ, err := f.GetCellType(sheet, cell); err == nil && typ != excelize.CellTypeSharedString &&
				typ != excelize.CellTypeInlineString {
				v = booksViNumber(v)
			}
			fmt.Fprintf(b, "  %s: %s\n", cell, indentLines(v, "      "))
		}
	}
}

// booksHeader reads a page header or footer: "&Lleft&Rright" as "bên trái “…”, bên phải “…”",
// the page fields in words.
func booksHeader(h string) string {
	names := map[byte]string{'L': "bên trái", 'C': "giữa", 'R': "bên phải"}
	fields := strings.NewReplacer("&P", "[số trang]", "&N", "[tổng số trang]", "&&", "&")
	idx := reHeaderSection.FindAllStringIndex(h, -1)
	var parts []string
	for i, m := range idx {
		end := len(h)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		parts = append(parts, names[h[m[0]+1]]+" “"+fields.Replace(h[m[1]:end])+"”")
	}
	return strings.Join(parts, ", ")
}

var (
	reHeaderSection = regexp.MustCompile(`&[LCR]`)
	reExcelNumber   = regexp.MustCompile(`^-?[0-9][0-9,]*(\.[0-9]+)?%?$`)
)

// booksViNumber writes a number as a Vietnamese Excel shows it ("1.837", "91,7%"); excelize
// formats with the English separators.
func booksViNumber(v string) string {
	if !reExcelNumber.MatchString(v) {
		return v
	}
	return strings.NewReplacer(",", ".", ".", ",").Replace(v)
}

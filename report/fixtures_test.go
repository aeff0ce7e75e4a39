package report_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// The fixtures of the consolidation tests: an office of four units that send every built-in
// form over two years, each unit with one part to play:
//
//   - QLDN resubmits this period: v1 valid, v2 valid (counted), v3 invalid (must not hide v2);
//   - QLDT typed a year to date that the ledger does not add up to, skipped last year's
//     period (the office imported its figures from an old report, all but indicator 6, whose
//     figure QLDT types as last year's), and for February sent a valid v1 then an invalid v2;
//   - QHXD skipped February (its year to date is what it types) and sends this period's file
//     late;
//   - QLMT sends everything but this period's file: it must count for nothing.
//
// The office also imported figures of QLDN's January, which QLDN sent: its file wins.
var cfUnits = []struct{ code, name string }{
	{"QLDN", "Phòng Quản lý doanh nghiệp"},
	{"QLDT", "Phòng Quản lý đầu tư"},
	{"QHXD", "Phòng Quy hoạch - Xây dựng"},
	{"QLMT", "Phòng Quản lý môi trường"},
}

const (
	uResubmit = iota // QLDN
	uMismatch        // QLDT
	uLate            // QHXD
	uAbsent          // QLMT
)

// cfConfig is the test office: the four units and the four built-in forms, each with nothing
// but its code, so that the built-in layout and calendar apply.
func cfConfig(t *testing.T) *config.Config {
	t.Helper()
	dir := t.TempDir()
	text := fmt.Sprintf(`data_dir = %q
office = { name = "Ban Quản lý các khu công nghiệp tỉnh (thử)", template_key = "khoa-thu-nghiem" }
mailbox = { host = "127.0.0.1", tls = "none", user = "tonghop@kcn.example", password = "pw" }
smtp = { host = "127.0.0.1", tls = "none", from = "tonghop@kcn.example" }
`, dir)
	for _, u := range cfUnits {
		text += fmt.Sprintf("[[units]]\ncode = %q\nname = %q\nemails = [%q]\n", u.code, u.name, u.code+"@kcn.example")
	}
	for _, code := range []string{"BM.04.01/KH", "BM.04.02/KH", "BM.02.01/KH", "KT-XH"} {
		text += fmt.Sprintf("[[forms]]\ncode = %q\n", code)
	}
	cfg, err := config.Parse([]byte(text), dir+"/tonghop.toml")
	if err != nil {
		t.Fatalf("parse config: %v", err)
	}
	return cfg
}

// cfSub is one workbook a unit sent; version, file, sha and msgID are set when recorded.
type cfSub struct {
	unit        int
	period      period.Period
	valid, late bool
	at          time.Time
	filled      form.Filled

	version          int
	file, sha, msgID string
}

// cfFixture is one form's ledger content and the period consolidated.
type cfFixture struct {
	code          string
	target        period.Period
	deadline, now time.Time
	subs          []*cfSub
	imports       []*cfImport
}

// add appends a workbook, numbering it as the ledger should: the next version of its unit and
// period.
func (fx *cfFixture) add(s *cfSub) {
	s.version = 1
	for _, o := range fx.subs {
		if o.unit == s.unit && o.period == s.period {
			s.version++
		}
	}
	s.filled.Ident = form.Ident{Form: fx.code, FormVersion: 1, Unit: cfUnits[s.unit].code, Period: s.period.String(), TagOK: true}
	fx.subs = append(fx.subs, s)
}

// counted is the submission of a unit for a period that consolidation must use: its latest
// valid version, worked out here from the fixture list rather than asked of the ledger.
func (fx *cfFixture) counted(unit int, p period.Period) *cfSub {
	var best *cfSub
	for _, s := range fx.subs {
		if s.unit == unit && s.period == p && s.valid && (best == nil || s.version > best.version) {
			best = s
		}
	}
	return best
}

// record stores every workbook in a new ledger, each in a mail of its own, and opens the
// consolidated period with its deadline.
func (fx *cfFixture) record(t *testing.T, ctx context.Context) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	for _, s := range fx.subs {
		unit := cfUnits[s.unit].code
		s.file = fmt.Sprintf("%s_%s_%s_v%d.xlsx", form.Slug(fx.code), unit, s.period, s.version)
		s.msgID = fmt.Sprintf("<%s.%s.%s.v%d@kcn.example>", form.Slug(fx.code), unit, s.period, s.version)
		file := []byte("workbook " + s.file)
		sum := sha256.Sum256(file)
		s.sha = hex.EncodeToString(sum[:])
		if got, err := l.PutBlob(file); err != nil || got != s.sha {
			t.Fatalf("put blob: got %q, %v; want %q", got, err, s.sha)
		}
		mailSHA, err := l.PutBlob([]byte("Message-ID: " + s.msgID + "\r\n\r\n" + s.file))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := json.Marshal(s.filled) // maps of strings: cannot fail
		res, err := l.RecordIntake(ctx, ledger.Intake{
			Mail: ledger.Mail{SHA256: mailSHA, MessageID: s.msgID, From: unit + "@kcn.example",
				ReceivedAt: s.at, Outcome: ledger.OutcomeAccepted},
			Submissions: []ledger.Submission{{Form: fx.code, Unit: unit, Period: s.period.String(),
				FileName: s.file, FileSHA256: s.sha, Valid: s.valid, Late: s.late, Data: data, ReceivedAt: s.at}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Submissions[0].Version; got != s.version {
			t.Fatalf("%s %s: ledger numbered version %d, want %d", unit, s.period, got, s.version)
		}
	}
	fx.recordImports(t, ctx, l)
	_, err = l.EnsurePeriod(ctx, ledger.Period{Form: fx.code, Period: fx.target.String(),
		Deadline: fx.deadline, OpenedAt: fx.deadline.AddDate(0, 0, -10)})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// addTarget adds the consolidated period's workbooks, each made by fill(unit, variant):
// variant 0 is the file that must count, 1 an earlier valid file, 2 a later invalid one.
func (fx *cfFixture) addTarget(fill func(unit, variant int) form.Filled) {
	d := fx.deadline
	fx.add(&cfSub{unit: uResubmit, period: fx.target, valid: true, at: d.Add(-72 * time.Hour), filled: fill(uResubmit, 1)})
	fx.add(&cfSub{unit: uMismatch, period: fx.target, valid: true, at: d.Add(-48 * time.Hour), filled: fill(uMismatch, 0)})
	fx.add(&cfSub{unit: uResubmit, period: fx.target, valid: true, at: d.Add(-24 * time.Hour), filled: fill(uResubmit, 0)})
	fx.add(&cfSub{unit: uResubmit, period: fx.target, valid: false, at: d.Add(24 * time.Hour), filled: fill(uResubmit, 2)})
	fx.add(&cfSub{unit: uLate, period: fx.target, valid: true, late: true, at: d.Add(26 * time.Hour), filled: fill(uLate, 0)})
}

// What the status sheet must say of each unit (see addTarget and the deadline + 3 days of now).
var cfStates = []struct {
	state             string
	version, versions int
}{
	{"đúng hạn", 2, 3}, {"đúng hạn", 1, 1}, {"quá hạn 1 ngày 2 giờ", 1, 1}, {"chưa gửi, quá hạn 3 ngày", 0, 0},
}

// rowSpec generates one indicator's figures: unit u's figure for month m of year y is
// base + step·(u+1+m+2·(y-2025)).
type rowSpec struct {
	code       string
	base, step float64
	plan       float64  // unit u's plan for the year is plan·(1+u/4); 0: no plan
	sumOf      []string // a subtotal of these rows
	zero2025   bool     // every figure of 2025 is 0 (so % of last year has no figure)
	blank      string   // "all": never a figure; "target": none in the consolidated period
}

var cfRows = map[string][]rowSpec{
	"BM.02.01/KH": {
		{code: "1", plan: 60, sumOf: []string{"1.1", "1.2"}},
		{code: "1.1", base: 1, step: 1, plan: 40},
		{code: "1.2", base: 0, step: 1, plan: 20},
		{code: "2", base: 100.25, step: 12.3, plan: 3000},
		{code: "3", base: 2, step: 1, plan: 50},
		{code: "4", base: 55.5, step: 3.3, plan: 2400},
		{code: "5", base: 1.2, step: 0.45, plan: 80, zero2025: true},
		{code: "6", base: 20.1, step: 2.2},
		{code: "7", blank: "all"},
	},
	"KT-XH": {
		{code: "1", base: 1500.7, step: 33.9, plan: 90000},
		{code: "2", base: 3, step: 1, plan: 120},
		{code: "3", base: 20, step: 4, plan: 1000},
		{code: "4", base: 140, step: 1, plan: 500},
		{code: "5", base: 85, step: 0.35, plan: 95},
		{code: "6", base: 1, step: 1, zero2025: true},
		{code: "7", base: 2, step: 1, plan: 30, blank: "target"},
	},
}

// cfMismatchRows are the indicators whose year to date QLDT types 7 too high this period: a
// sum, and on KT-XH an average too.
var cfMismatchRows = map[string][]string{"BM.02.01/KH": {"3"}, "KT-XH": {"2", "5"}}

// sends says whether a unit sent a valid file for a month (the parts of QLDT, QHXD, QLMT).
func sends(unit int, p period.Period, target period.Period) bool {
	return !(unit == uMismatch && p == target.SameLastYear() ||
		unit == uLate && p.Year == target.Year && p.N == 2 || unit == uAbsent && p == target)
}

// figure is unit's figure for an indicator in month p, shifted by delta (another version).
func (r rowSpec) figure(rows []rowSpec, unit int, p, target period.Period, delta float64) (float64, bool) {
	if r.blank == "all" || r.blank == "target" && p == target {
		return 0, false
	}
	if len(r.sumOf) > 0 {
		sum, any := 0.0, false
		for _, c := range rows {
			if !slices.Contains(r.sumOf, c.code) {
				continue
			}
			if v, ok := c.figure(rows, unit, p, target, delta); ok {
				sum, any = sum+v, true
			}
		}
		return sum, any
	}
	if r.zero2025 && p.Year == 2025 {
		return 0, true
	}
	return r.base + r.step*float64(unit+1+p.N+2*(p.Year-2025)) + delta, true
}

// ruleOf is an indicator's aggregation rule as the built-in form declares it.
func ruleOf(f form.Form, code string) string {
	for _, r := range f.Indicators[0].Rows {
		if r.Code == code && r.Aggregate != "" {
			return r.Aggregate
		}
	}
	return "sum"
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// addIndicatorForm fills fx with a monthly indicator form over January–May and December of
// last year and January up to the consolidated month of this year.
func (fx *cfFixture) addIndicatorForm(f form.Form) {
	rows := cfRows[fx.code]
	months := []period.Period{}
	for _, n := range []int{1, 2, 3, 4, 5, 12} {
		months = append(months, period.Period{Kind: period.Month, Year: fx.target.Year - 1, N: n})
	}
	for n := 1; n < fx.target.N; n++ {
		months = append(months, period.Period{Kind: period.Month, Year: fx.target.Year, N: n})
	}
	deltas := []float64{0, 7, 1000} // the counted file, an earlier valid one, a later invalid one
	fill := func(unit int, p period.Period, delta float64) form.Filled {
		cells := map[string]map[string]string{}
		for _, r := range rows {
			c := map[string]string{}
			if r.plan > 0 {
				c["plan"] = num(r.plan * (1 + float64(unit)/4))
			}
			if v, ok := r.figure(rows, unit, p, fx.target, delta); ok {
				c["period"] = num(v)
			}
			if ytd, ok := fx.typedYTD(f, r, unit, p, delta); ok {
				c["ytd"] = num(ytd)
			}
			if unit == uMismatch && p == fx.target && r.code == cfTypedLastYear {
				v, _ := r.figure(rows, unit, p.SameLastYear(), fx.target, 0)
				c["last_year"] = num(v)
			}
			cells[r.code] = c
		}
		return form.Filled{Indicators: map[string]map[string]map[string]string{f.Indicators[0].Key: cells},
			Narrative: cfNarrative(unit, delta != 0)}
	}
	for _, p := range months {
		for u := range cfUnits {
			if !sends(u, p, fx.target) {
				continue
			}
			at := time.Date(p.Year, time.Month(p.N), 15, 9+u, 0, 0, 0, fx.deadline.Location())
			fx.add(&cfSub{unit: u, period: p, valid: true, at: at, filled: fill(u, p, 0)})
			if u == uMismatch && p.Year == fx.target.Year && p.N == 2 {
				fx.add(&cfSub{unit: u, period: p, valid: false, at: at.Add(24 * time.Hour), filled: fill(u, p, 1000)})
			}
		}
	}
	fx.addTarget(func(unit, variant int) form.Filled { return fill(unit, fx.target, deltas[variant]) })
	fx.addImports(rows)
}

// typedYTD is the year to date a unit types: its rule over the months of the year it sent up
// to p, with p's own figure shifted by delta; QLDT's is 7 too high on cfMismatchRows this period.
func (fx *cfFixture) typedYTD(f form.Form, r rowSpec, unit int, p period.Period, delta float64) (float64, bool) {
	rows := cfRows[fx.code]
	var xs []float64
	for n := 1; n <= p.N; n++ {
		q := period.Period{Kind: period.Month, Year: p.Year, N: n}
		d := 0.0
		if q == p {
			d = delta
		} else if !sends(unit, q, fx.target) {
			continue
		}
		if v, ok := r.figure(rows, unit, q, fx.target, d); ok {
			xs = append(xs, v)
		}
	}
	v, ok := combine(ruleOf(f, r.code), xs)
	if ok && unit == uMismatch && p == fx.target && slices.Contains(cfMismatchRows[fx.code], r.code) {
		v += 7
	}
	return v, ok
}

// combine applies an aggregation rule, written plainly.
func combine(rule string, xs []float64) (float64, bool) {
	if len(xs) == 0 || rule == "none" {
		return 0, false
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	if rule == "avg" {
		return sum / float64(len(xs)), true
	}
	return sum, true
}

// cfNarrative is a unit's narrative; old marks the texts of files that must not count. QLDN
// writes two paragraphs, QLDT a formula-like highlight, QHXD only white space as its
// shortcomings (which counts as nothing) and the causes; nobody writes the recommendations.
func cfNarrative(unit int, old bool) map[string]string {
	if old || unit == uAbsent {
		return map[string]string{"results": "Bản không được tổng hợp.", "direction": "Bản không được tổng hợp."}
	}
	out := map[int]map[string]string{
		uResubmit: {"results": "Đã thẩm định 5 dự án.\nĐã cấp 3 giấy chứng nhận.", "shortcomings": "Hồ sơ còn chậm."},
		uMismatch: {"results": "Thu hút 2 dự án FDI.", "highlights": "=1+1"},
		uLate:     {"results": "Điều chỉnh quy hoạch KCN.", "shortcomings": "   ", "causes": "Thiếu nhân lực."},
	}[unit]
	out["direction"] = "Phương hướng của " + cfUnits[unit].code + "."
	return out
}

// taskRow and resultRow are rows of the work program's tables.
func taskRow(line int, content string) form.Row {
	return form.Row{Line: line, Values: map[string]string{"content": content, "lead": "Ban Quản lý",
		"person": "Nguyễn Văn An", "deadline": "2026-01-09", "level": "Trưởng Ban"}}
}

func resultRow(line int, content, status string) form.Row {
	v := map[string]string{"content": content, "status": status}
	if status != "Hoàn thành" {
		v["reason"] = "Chờ ý kiến các sở"
	}
	return form.Row{Line: line, Values: v}
}

func assignRow(line int, task string) form.Row {
	return form.Row{Line: line, Values: map[string]string{"task": task, "staff": "Lê Thị Thu",
		"email": "thu@kcn.example", "deadline": "2026-01-02", "measures": "@SUM(A1)"}}
}

// weekFiles are the list tables of each unit's files for the two weeks before the consolidated
// one and for it: [unit] → tables. The previous week's QLDT task is written decomposed (NFD):
// it is the same task as this week's.
func weekFiles(code string) (w51, w52, now map[int]map[string][]form.Row) {
	if code == "BM.04.02/KH" {
		return map[int]map[string][]form.Row{uLate: {"assignments": {assignRow(8, "Lập hồ sơ giao đất")}}},
			map[int]map[string][]form.Row{
				uResubmit: {"assignments": {assignRow(8, "Soạn thảo công văn số 12")}},
				uAbsent:   {"assignments": {assignRow(8, "Quan trắc nước thải")}}},
			map[int]map[string][]form.Row{
				uResubmit: {"assignments": {assignRow(9, "Tổng hợp số liệu quý"), assignRow(8, "Soạn thảo công văn số 12")}},
				uMismatch: {"assignments": {assignRow(8, "=1+1")}},
				uLate:     {"assignments": {assignRow(8, "Lập hồ sơ giao đất")}}}
	}
	return map[int]map[string][]form.Row{uLate: {"tasks": {taskRow(8, "Lập hồ sơ giao đất KCN Yên Phong")}}},
		map[int]map[string][]form.Row{
			uResubmit: {
				"tasks":   {taskRow(8, "Thẩm định hồ sơ dự án A"), taskRow(9, "Kiểm tra PCCC KCN Quế Võ")},
				"results": {resultRow(30, "Rà soát quy hoạch phân khu", "Đang thực hiện"), resultRow(31, "Báo cáo quý IV", "Hoàn thành")}},
			uMismatch: {
				"tasks":   {taskRow(8, norm.NFD.String("Cấp giấy chứng nhận đầu tư dự án B"))},
				"results": {resultRow(30, "Tiếp doanh nghiệp Hàn Quốc", "Quá hạn")}},
			uAbsent: {"tasks": {taskRow(8, "Quan trắc nước thải")}}},
		map[int]map[string][]form.Row{
			uResubmit: {
				"tasks": {taskRow(8, "THẨM ĐỊNH  hồ sơ   dự án A"), taskRow(9, "Rà soát quy hoạch phân khu"),
					taskRow(10, "Báo cáo quý IV"), taskRow(11, "Xây dựng kế hoạch năm 2026")},
				"results": {resultRow(30, "Rà soát quy hoạch phân khu", "Đang thực hiện"),
					resultRow(31, "Báo cáo quý IV", "Hoàn thành"), resultRow(32, "Kiểm tra PCCC KCN Quế Võ", "Hoàn thành")}},
			uMismatch: {
				"tasks": {taskRow(14, "=1+1"), taskRow(12, "Cấp giấy chứng nhận đầu tư dự án B"),
					taskRow(13, "Tiếp doanh nghiệp Hàn Quốc")},
				"results": {resultRow(30, "Tiếp doanh nghiệp Hàn Quốc", "Đang thực hiện")}},
			uLate: {"tasks": {taskRow(8, "Lập hồ sơ giao đất KCN Yên Phong")}}}
}

// addWeekForm fills fx with a weekly list form: the two weeks of last year before the
// consolidated first week of this year, and that week.
func (fx *cfFixture) addWeekForm() {
	w51, w52, now := weekFiles(fx.code)
	prev := fx.target.Prev()
	for i, files := range []map[int]map[string][]form.Row{w51, w52} {
		p := prev
		if i == 0 {
			p = prev.Prev()
		}
		for u := range cfUnits {
			if tables, ok := files[u]; ok {
				at := fx.deadline.AddDate(0, 0, -7*(2-i)).Add(time.Duration(u) * time.Hour)
				fx.add(&cfSub{unit: u, period: p, valid: true, at: at, filled: form.Filled{Tables: tables}})
			}
		}
	}
	fx.addTarget(func(unit, variant int) form.Filled {
		if variant == 0 {
			return form.Filled{Tables: now[unit]}
		}
		key := map[string]string{"BM.04.01/KH": "tasks", "BM.04.02/KH": "assignments"}[fx.code]
		row := form.Row{Line: 8, Values: map[string]string{"content": "Bản không được tổng hợp", "task": "Bản không được tổng hợp"}}
		return form.Filled{Tables: map[string][]form.Row{key: {row}}}
	})
}

// newFixture builds the fixture of one built-in form: monthly forms consolidate April 2026,
// weekly ones the first ISO week of 2026, whose previous week is the last of 2025.
func newFixture(t *testing.T, cfg *office.Office, code string) *cfFixture {
	t.Helper()
	f := form.Builtins()[code]
	fx := &cfFixture{code: code}
	loc := cfg.Location
	if f.Period.Has("week") {
		fx.target = period.Period{Kind: period.Week, Year: 2026, N: 1}
		fx.deadline = time.Date(2025, 12, 25, 15, 0, 0, 0, loc)
	} else {
		fx.target = period.Period{Kind: period.Month, Year: 2026, N: 4}
		fx.deadline = time.Date(2026, 4, 18, 17, 0, 0, 0, loc)
	}
	fx.now = fx.deadline.Add(72 * time.Hour)
	if len(f.Indicators) > 0 {
		fx.addIndicatorForm(f)
	} else {
		fx.addWeekForm()
	}
	return fx
}

// fig is an expected figure; ok is false for a blank cell.
type fig struct {
	v  float64
	ok bool
}

// cfExpect is what the consolidated workbook must show, computed from the fixtures.
type cfExpect struct {
	counted   []int          // units with a counted file, in configuration order
	cur       map[int]*cfSub // their counted files
	basis     map[string]int // unit code → version counted
	rows      []cfSummaryRow // the indicator table, in form order
	lists     map[string][]cfListRow
	narrative map[string][]cfEntry
	warnings  []string // the lines under "Lưu ý khi tổng hợp:"
	// mismatches counts the typed years to date off the ledger's; history the imports the
	// figures use (unit and period), in unit then time order.
	mismatches int
	history    []*cfImport
}

type cfSummaryRow struct {
	code, note                                                     string
	plan, period, ytd, lastYear, lastYearYTD, pctPlan, pctLastYear fig
	reported                                                       int
	perUnit                                                        map[int]cfUnitFigures
}

// cfUnitFigures are a unit's figures, with where its year to date and last year's come
// from as its detail sheet says it.
type cfUnitFigures struct {
	plan, period, ytd, own, lastYear, lastYearYTD fig
	ytdFrom, lastYearFrom                         string
	ytdMissing                                    []period.Period
	lastYearYTDKnown                              bool // the ledger has all of last year up to the period
}

type cfListRow struct {
	unit    int
	values  map[string]string
	carried bool
}

type cfEntry struct {
	unit       int
	paragraphs []string
}

// expect works out the consolidated workbook of fx from the rules of package consolidate.
func (fx *cfFixture) expect(f form.Form) *cfExpect {
	ex := &cfExpect{cur: map[int]*cfSub{}, basis: map[string]int{}, lists: map[string][]cfListRow{},
		narrative: map[string][]cfEntry{}}
	for u := range cfUnits {
		if s := fx.counted(u, fx.target); s != nil {
			ex.counted, ex.cur[u], ex.basis[cfUnits[u].code] = append(ex.counted, u), s, s.version
		}
	}
	if len(f.Indicators) > 0 {
		ex.rows = fx.expectRows(f, ex)
	}
	for _, tb := range f.Tables {
		ex.lists[tb.Key] = fx.expectList(tb, ex)
	}
	for _, sec := range f.Narrative {
		for _, u := range ex.counted {
			var paras []string
			for _, p := range strings.Split(ex.cur[u].filled.Narrative[sec.Key], "\n") {
				if strings.TrimSpace(p) != "" {
					paras = append(paras, p)
				}
			}
			if len(paras) > 0 {
				ex.narrative[sec.Key] = append(ex.narrative[sec.Key], cfEntry{u, paras})
			}
		}
	}
	return ex
}

// cellOf reads one figure of a file.
func cellOf(s *cfSub, table, code, col string) fig {
	if s == nil {
		return fig{}
	}
	text := s.filled.Indicators[table][code][col]
	if text == "" {
		return fig{}
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		panic(err)
	}
	return fig{v, true}
}

// expectSubtotals notes the subtotals whose aggregated figure is not the sum of their
// children's (absent figures count as zero).
func expectSubtotals(inds []form.Indicator, out []cfSummaryRow) {
	for i, ind := range inds {
		sum, any := 0.0, out[i].period.ok
		for _, r := range out {
			if slices.Contains(ind.Children, r.code) && r.period.ok {
				sum, any = sum+r.period.v, true
			}
		}
		if len(ind.Children) > 0 && any && math.Abs(out[i].period.v-sum) > 1e-9*math.Max(math.Abs(sum), 1) {
			out[i].note = strings.TrimPrefix(out[i].note+"; Tổng chưa khớp các chỉ tiêu con", "; ")
		}
	}
}

// figs gathers the figures of the units that gave one.
type figs []float64

func (xs *figs) add(v fig) {
	if v.ok {
		*xs = append(*xs, v.v)
	}
}

func (xs figs) combine(rule string) fig {
	v, ok := combine(rule, xs)
	return fig{v, ok}
}

// viNumber writes a figure as messages do: a decimal comma, at most six decimals. It does not
// group thousands: the fixtures keep the mismatched figures under 1000.
func viNumber(v float64) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 6, 64), "0"), ".")
	return strings.Replace(s, ".", ",", 1)
}

// ratio is a percentage: a / b × 100, no figure when either is missing or b is zero.
func ratio(a, b fig) fig {
	if !a.ok || !b.ok || b.v == 0 {
		return fig{}
	}
	return fig{a.v / b.v * 100, true}
}

// contentKey is how tasks are compared across weeks: NFC, lower case, white space collapsed.
func contentKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// expectList gathers a list table's rows: counted units in order, each unit's rows by line,
// a task carried over when the unit's previous week left it open (planned there, or reported
// there with a status other than "Hoàn thành"; the results table looks only at results).
func (fx *cfFixture) expectList(tb form.Table, ex *cfExpect) []cfListRow {
	tracks := slices.ContainsFunc(tb.Columns, func(c form.Column) bool { return c.Key == "content" })
	var out []cfListRow
	for _, u := range ex.counted {
		open := map[string]bool{}
		if prev := fx.counted(u, fx.target.Prev()); prev != nil && tracks {
			keys := []string{tb.Key}
			if tb.Key != "results" {
				keys = append(keys, "results")
			}
			for _, key := range keys {
				for _, r := range prev.filled.Tables[key] {
					if contentKey(r.Values["status"]) != contentKey("Hoàn thành") && r.Values["content"] != "" {
						open[contentKey(r.Values["content"])] = true
					}
				}
			}
		}
		rows := slices.Clone(ex.cur[u].filled.Tables[tb.Key])
		slices.SortStableFunc(rows, func(a, b form.Row) int { return a.Line - b.Line })
		for _, r := range rows {
			out = append(out, cfListRow{unit: u, values: r.Values, carried: open[contentKey(r.Values["content"])]})
		}
	}
	return out
}

// cfOffice compiles the fixtures' configuration.
func cfOffice(t *testing.T, cfg *config.Config) *office.Office {
	t.Helper()
	o, err := office.Compile(cfg, []byte(cfg.Office.TemplateKey))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

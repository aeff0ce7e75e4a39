package dossier

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tonghop/tonghop/approval"
	"github.com/tonghop/tonghop/ledger"
)

// The index is what the inspector opens first: who sent what when, which version counted, who
// approved when. Every word of it is in labels (held to letters.Lint by the tests); the rest is
// what the ledger holds.

// labels are the index's Vietnamese texts.
var labels = struct {
	Title, Form, Period, Printed                 string
	Received, When, From, Subject, Outcome, File string
	Units, Unit, Version, Valid, OnTime, Counted string
	Drafts, BuiltAt, Author, ByTonghop           string
	Decisions, Person, Step, Decision, Comment   string
	Issued, Number, IssuedAt, FromDraft          string
	Sent, To                                     string
	Corrections, Cause, Replaces, Replacement    string
	LateFiles, LateDecision, DecidedBy           string
	Yes, No, Late, None, Manifest                string
	Outcomes                                     map[ledger.Outcome]string
	Kinds                                        map[string]string
	Causes                                       map[ledger.Cause]string
	LateDecisions                                map[ledger.Decision]string
}{
	Title: "Hồ sơ kỳ báo cáo", Form: "Biểu mẫu", Period: "Kỳ báo cáo", Printed: "Lập hồ sơ lúc",
	Received: "Thư đã nhận", When: "Thời gian", From: "Người gửi", Subject: "Tiêu đề", Outcome: "Kết quả", File: "Tệp trong hồ sơ",
	Units: "Báo cáo của các đơn vị", Unit: "Đơn vị", Version: "Lần gửi", Valid: "Hợp lệ", OnTime: "Đúng hạn",
	Counted: "Được tính vào báo cáo ban hành",
	Drafts:  "Dự thảo tổng hợp", BuiltAt: "Thời gian lập", Author: "Người lập", ByTonghop: "Hệ thống tự tổng hợp",
	Decisions: "Ý kiến của lãnh đạo", Person: "Người cho ý kiến", Step: "Bước duyệt", Decision: "Ý kiến", Comment: "Nội dung",
	Issued: "Báo cáo đã ban hành", Number: "Lần ban hành", IssuedAt: "Thời gian ban hành", FromDraft: "Dự thảo lần",
	Sent: "Thư đã gửi", To: "Người nhận",
	Corrections: "Điều chỉnh báo cáo đã ban hành", Cause: "Lý do", Replaces: "Điều chỉnh báo cáo ban hành lần",
	Replacement: "Ban hành thay thế lần",
	LateFiles:   "Báo cáo gửi sau khi ban hành", LateDecision: "Quyết định của Văn phòng", DecidedBy: "Người quyết định",
	Yes: "Có", No: "Không", Late: "Không, gửi muộn", None: "Chưa có",
	Manifest: "Mã kiểm tra của từng tệp trong hồ sơ được ghi ở tệp MANIFEST kèm theo.",
	Outcomes: map[ledger.Outcome]string{
		ledger.OutcomeAccepted: "Đã tiếp nhận", ledger.OutcomeRejected: "Trả lại để sửa",
		ledger.OutcomeIgnored: "Lưu, không trả lời", ledger.OutcomeQuarantined: "Không đọc được",
		ledger.OutcomeError: "Lỗi khi xử lý",
	},
	Kinds: map[string]string{approval.Approve: "Đồng ý", approval.Revise: "Đề nghị chỉnh sửa"},
	Causes: map[ledger.Cause]string{
		ledger.CauseLeader: "Lãnh đạo đề nghị chỉnh sửa", ledger.CauseLateFile: "Văn phòng tiếp nhận báo cáo gửi sau khi ban hành",
	},
	LateDecisions: map[ledger.Decision]string{
		ledger.DecisionPending: "Chờ quyết định", ledger.DecisionTaken: "Tiếp nhận, tính vào báo cáo điều chỉnh",
		ledger.DecisionLeftOut: "Không tính vào báo cáo",
	},
}

type indexPage struct {
	L                                             any
	Form, FormTitle, Period, PeriodLabel, Printed string
	Mails, Subs, Drafts, Decs, Issues             []indexRow
	Sent, Corrs, Lates                            []indexRow
}

// indexRow is one line of a table: its cells, and the dossier file it names ("" for none).
type indexRow struct {
	Cells []string
	File  string
}

func writeIndex(w io.Writer, r record, n Names) error {
	at := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(n.Location).Format("15:04 02/01/2006")
	}
	p := indexPage{L: labels, Form: r.form, FormTitle: n.FormTitle, Period: r.period, PeriodLabel: n.PeriodLabel, Printed: at(n.At)}
	for _, m := range r.mails {
		p.Mails = append(p.Mails, indexRow{[]string{at(m.ReceivedAt), m.From, m.Subject, outcome(m.Outcome)}, mailName(m)})
	}
	counted := countedVersions(r)
	for _, s := range sortedSubs(r.subs) {
		p.Subs = append(p.Subs, indexRow{[]string{name(n.Units, s.Unit), strconv.Itoa(s.Version), at(s.ReceivedAt),
			yesNo(s.Valid), onTime(s.Late), yesNo(counted[s.Unit] == s.Version)}, submissionName(s)})
	}
	for _, d := range r.drafts {
		author := labels.ByTonghop
		if d.Author != "" {
			author = name(n.People, d.Author)
		}
		p.Drafts = append(p.Drafts, indexRow{[]string{strconv.Itoa(d.Version), at(d.BuiltAt), author}, draftName(d)})
	}
	for _, d := range r.decisions {
		p.Decs = append(p.Decs, indexRow{[]string{at(d.At), name(n.People, d.Person), strconv.Itoa(d.Step + 1),
			strconv.Itoa(d.Version), cmp.Or(labels.Kinds[d.Kind], d.Kind), d.Comment}, ""})
	}
	for _, is := range r.issues {
		p.Issues = append(p.Issues, indexRow{[]string{strconv.Itoa(is.Number), strconv.Itoa(is.Version), at(is.At)}, issueName(is)})
	}
	for _, c := range r.corrections {
		replacement := labels.None
		if c.Issued > 0 {
			replacement = strconv.Itoa(c.Issued)
		}
		p.Corrs = append(p.Corrs, indexRow{[]string{at(c.OpenedAt), name(n.People, c.OpenedBy),
			cmp.Or(labels.Causes[c.Cause], string(c.Cause)), c.Words, strconv.Itoa(c.Replaces), replacement}, ""})
	}
	for _, lf := range r.lateFiles {
		s := lf.Submission
		p.Lates = append(p.Lates, indexRow{[]string{name(n.Units, s.Unit), strconv.Itoa(s.Version), at(s.ReceivedAt),
			cmp.Or(labels.LateDecisions[lf.Decision], string(lf.Decision)), name(n.People, lf.DecidedBy), at(lf.DecidedAt)}, submissionName(s)})
	}
	for _, m := range r.sent {
		p.Sent = append(p.Sent, indexRow{[]string{at(cmp.Or(m.SentAt, m.CreatedAt)), strings.Join(m.To, ", "), m.Subject}, sentName(m)})
	}
	return indexTemplate.Execute(w, p)
}

// countedVersions is the version of each unit the report in force counted (the latest issue's
// basis), or when nothing was issued, the latest draft's.
func countedVersions(r record) map[string]int {
	if len(r.issues) > 0 {
		return r.issues[len(r.issues)-1].Basis
	}
	if len(r.drafts) > 0 {
		return r.drafts[len(r.drafts)-1].Basis
	}
	return nil
}

func sortedSubs(subs []ledger.Submission) []ledger.Submission {
	out := slices.Clone(subs)
	slices.SortStableFunc(out, func(a, b ledger.Submission) int {
		return cmp.Or(cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Version, b.Version))
	})
	return out
}

func name(names map[string]string, code string) string {
	if n := names[code]; n != "" {
		return fmt.Sprintf("%s (%s)", n, code)
	}
	return code
}

func outcome(o ledger.Outcome) string { return cmp.Or(labels.Outcomes[o], string(o)) }

func yesNo(b bool) string {
	if b {
		return labels.Yes
	}
	return labels.No
}

func onTime(late bool) string {
	if late {
		return labels.Late
	}
	return labels.Yes
}

// table is one section of the index: its title, rows, column heads, and what it says when empty.
type table struct {
	Title string
	Rows  []indexRow
	Heads []string
	None  string
}

// rows makes a table in the template: rows(title, rows, head…, none).
func rows(title string, rs []indexRow, rest ...string) table {
	return table{Title: title, Rows: rs, Heads: rest[:len(rest)-1], None: rest[len(rest)-1]}
}

var indexTemplate = template.Must(template.New("index").Funcs(template.FuncMap{"rows": rows}).Parse(`<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{{.L.Title}} {{.Form}} {{.Period}}</title>
<style>
body { font-family: "Times New Roman", serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { border: 1px solid #444; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
@media print { a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>{{.L.Title}}</h1>
<p>{{.L.Form}}: {{.Form}}{{if .FormTitle}} ({{.FormTitle}}){{end}}<br>
{{.L.Period}}: {{or .PeriodLabel .Period}}<br>
{{.L.Printed}}: {{.Printed}}</p>
{{template "table" (rows .L.Received .Mails .L.When .L.From .L.Subject .L.Outcome .L.File .L.None)}}
{{template "table" (rows .L.Units .Subs .L.Unit .L.Version .L.When .L.Valid .L.OnTime .L.Counted .L.File .L.None)}}
{{template "table" (rows .L.Drafts .Drafts .L.FromDraft .L.BuiltAt .L.Author .L.File .L.None)}}
{{template "table" (rows .L.Decisions .Decs .L.When .L.Person .L.Step .L.FromDraft .L.Decision .L.Comment .L.None)}}
{{template "table" (rows .L.Issued .Issues .L.Number .L.FromDraft .L.IssuedAt .L.File .L.None)}}
{{if .Corrs}}{{template "table" (rows .L.Corrections .Corrs .L.When .L.Person .L.Cause .L.Comment .L.Replaces .L.Replacement .L.None)}}{{end}}
{{if .Lates}}{{template "table" (rows .L.LateFiles .Lates .L.Unit .L.Version .L.When .L.LateDecision .L.DecidedBy .L.When .L.File .L.None)}}{{end}}
{{template "table" (rows .L.Sent .Sent .L.When .L.To .L.Subject .L.File .L.None)}}
<p>{{.L.Manifest}}</p>
</body>
</html>
{{define "table"}}<h2>{{.Title}}</h2>
{{if .Rows}}<table>
<tr>{{range .Heads}}<th>{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr>{{range .Cells}}<td>{{.}}</td>{{end}}{{if .File}}<td><a href="{{.File}}">{{.File}}</a></td>{{end}}</tr>
{{end}}</table>{{else}}<p>{{.None}}</p>{{end}}
{{end}}`))

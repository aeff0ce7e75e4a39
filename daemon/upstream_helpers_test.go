package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/clock"
	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/intake"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/localmail"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// Two tonghop offices on one embedded mail provider (issue 19, part 3): a district collecting
// from three wards, and a city that has the district as one of its units. The provider acts as
// both offices' MX: a message submitted by an authenticated user whose From is that user gets
// the MX's Authentication-Results, which both offices' [mail_auth] trusts — so mail between the
// two daemons is authenticated as it would be between two real government mail systems.

const (
	districtAddr  = "tonghop@quan.example"
	districtClerk = "vanthu@quan.example"
	districtHead  = "ct@quan.example"
	cityAddr      = "tonghop@thanhpho.example"
	cityClerk     = "vanthu@thanhpho.example"
	cityHead      = "ct@thanhpho.example"
	districtUnit  = "QBD" // the district's code in the city
	cityName      = "UBND Thành phố"
)

var wards = []string{"P1", "P2", "P3"}

func wardAddr(code string) string { return strings.ToLower(code) + "@quan.example" }

// tier is one of the two offices: its configuration, ledger and daemon.
type tier struct {
	addr   string
	cfg    *config.Config
	key    []byte
	ledger *ledger.Ledger
	d      *Daemon
}

// twoOffices is the district and the city on one provider and one manual clock.
type twoOffices struct {
	srv            *localmail.Server
	clock          *clock.Manual
	district, city *tier
}

// newTwoOffices starts the provider and both daemons; hold is the district's [[upstream]] hold.
func newTwoOffices(t *testing.T, hold string) *twoOffices {
	t.Helper()
	srv, err := localmail.Start(localmail.Options{AuthServID: officetest.MX, Domain: officetest.MX})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	users := []string{districtAddr, districtClerk, districtHead, cityAddr, cityClerk, cityHead}
	for _, w := range wards {
		users = append(users, wardAddr(w))
	}
	for _, u := range users {
		if err := srv.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	clk := clock.NewManual(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	var units strings.Builder
	for _, w := range wards {
		fmt.Fprintf(&units, "[[units]]\ncode = %q\nname = \"UBND Phường %s\"\nemails = [%q]\n", w, w, wardAddr(w))
	}
	districtCfg := officeConfig(srv, "UBND Quận Ba Đình (thử)", "district-key", districtAddr, districtClerk, districtHead, units.String()) +
		fmt.Sprintf("\n[[upstream]]\nname = %q\nemails = [%q]\nhold = %q\n[[upstream.forms]]\ncode = \"BM.02.01/KH\"\nfrom = \"BM.02.01/KH\"\n",
			cityName, cityAddr, hold)
	cityUnits := fmt.Sprintf("[[units]]\ncode = %q\nname = \"UBND Quận Ba Đình\"\nemails = [%q]\n", districtUnit, districtAddr)
	cityCfg := officeConfig(srv, cityName+" (thử)", "city-key", cityAddr, cityClerk, cityHead, cityUnits)
	return &twoOffices{srv: srv, clock: clk,
		district: startOffice(t, clk, districtAddr, "district-key", districtCfg),
		city:     startOffice(t, clk, cityAddr, "city-key", cityCfg)}
}

// officeConfig is an office with a clerk, a head who approves the monthly report, its units.
func officeConfig(srv *localmail.Server, name, key, addr, clerk, head, units string) string {
	return fmt.Sprintf(`data_dir = "data"
[office]
name = %q
template_key = %q
start = "2026-11-01"
[mailbox]
host = "127.0.0.1"
port = %d
tls = "none"
user = %q
password = "pw"
poll_interval = "1s"
[smtp]
host = "127.0.0.1"
port = %d
tls = "none"
user = %q
password = "pw"
from = %q
[health]
listen = "127.0.0.1:0"
[[people]]
id = "ct"
name = "Nguyễn Văn An"
title = "Chủ tịch"
emails = [%q]
roles = ["approver"]
[[people]]
id = "vanthu"
name = "Lê Thị Thu"
title = "Chuyên viên Văn phòng"
emails = [%q]
roles = ["clerk"]
%s
[[forms]]
code = "BM.02.01/KH"
period = "month"
deadline = "day 18"
send_template = "5wd"
approval = ["ct"]

[mail_auth]
trusted_servers = [%q]
`, name, key, srv.IMAPPort(), addr, srv.SMTPPort(), addr, addr, head, clerk, units, officetest.MX)
}

func startOffice(t *testing.T, clk *clock.Manual, addr, key, text string) *tier {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tonghop.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ledger.Open(context.Background(), cfg.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	d, err := New(Options{Config: cfg, Ledger: l, Clock: clk, TemplateKey: []byte(key)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return &tier{addr: addr, cfg: cfg, key: []byte(key), ledger: l, d: d}
}

func (o *tier) step(t *testing.T) {
	t.Helper()
	if err := o.d.Step(context.Background()); err != nil {
		t.Fatalf("%s: step: %v", o.addr, err)
	}
}

// steps runs both daemons n times, the district first.
func (x *twoOffices) steps(t *testing.T, n int) {
	t.Helper()
	for range n {
		x.district.step(t)
		x.city.step(t)
	}
}

// wardsSubmit appends each ward's filled template of November to the district's mailbox, as
// the district's MX delivers it.
func (x *twoOffices) wardsSubmit(t *testing.T) {
	t.Helper()
	for _, w := range wards {
		data := officetest.WorkbookFor(t, x.district.cfg, w, x.district.key, "2026-11", false)
		raw := officetest.Delivered(officetest.Mail(wardAddr(w), districtAddr, "sub-"+w+"@quan.example", "", "bc.xlsx", data))
		if err := x.srv.Append(districtAddr, "INBOX", raw); err != nil {
			t.Fatal(err)
		}
	}
}

// approve sends the district head's "Duyệt" to the approval request he received.
func (x *twoOffices) approve(t *testing.T) {
	t.Helper()
	reqs := x.delivered(t, districtHead, "Xin ý kiến duyệt: ")
	if len(reqs) != 1 {
		t.Fatalf("approval requests to the district head: %d, want 1", len(reqs))
	}
	raw := replyRaw(districtHead, "duyet@quan.example", reqs[0], "Duyệt", officetest.AuthPass(districtHead))
	if err := x.srv.Append(districtAddr, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
}

// delivered returns the messages delivered to addr whose subject contains s, parsed, in order.
func (x *twoOffices) delivered(t *testing.T, addr, s string) []*intake.Message {
	t.Helper()
	var out []*intake.Message
	for _, d := range x.srv.Deliveries() {
		if !contains(d.To, addr) {
			continue
		}
		msg, err := intake.Parse(d.Data, intake.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(msg.Subject, s) {
			out = append(out, msg)
		}
	}
	return out
}

// between counts the deliveries from one address to another.
func (x *twoOffices) between(from, to string) int {
	n := 0
	for _, d := range x.srv.Deliveries() {
		if strings.EqualFold(d.From, from) && contains(d.To, to) {
			n++
		}
	}
	return n
}

// book consolidates November's monthly report of o as its ledger stands.
func (o *tier) book(t *testing.T, asOf time.Time) consolidate.Book {
	t.Helper()
	f, ok := o.d.o.Form("BM.02.01/KH")
	if !ok {
		t.Fatal("no BM.02.01/KH")
	}
	nov, _ := period.Parse("2026-11")
	in, _, err := report.ConsolidationInput(context.Background(), o.d.o, o.ledger, f, nov, asOf)
	if err != nil {
		t.Fatal(err)
	}
	b, err := consolidate.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// toIssue runs the month up to the district's issue: the city's template to the district, the
// wards' files, the head's approval (each office stepping as the mail needs).
func (x *twoOffices) toIssue(t *testing.T) {
	t.Helper()
	x.city.step(t)
	x.district.step(t)
	x.wardsSubmit(t)
	x.district.step(t)
	x.approve(t)
	x.district.step(t)
}

// clerkAnswers sends the district clerk's reply to the copy of the filled file she received.
func (x *twoOffices) clerkAnswers(t *testing.T, id, body string) {
	t.Helper()
	copies := x.delivered(t, districtClerk, "Bản sao báo cáo gửi "+cityName)
	if len(copies) == 0 {
		t.Fatal("no copy of the filled file reached the clerk")
	}
	raw := replyRaw(districtClerk, id, copies[len(copies)-1], body, officetest.AuthPass(districtClerk))
	if err := x.srv.Append(districtAddr, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
}

// request reads the district's upstream request of November.
func (x *twoOffices) request(t *testing.T) ledger.UpstreamRequest {
	t.Helper()
	r, err := x.district.ledger.UpstreamRequest(context.Background(), cityName, "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// cityHasDistrict reports whether the city holds a valid submission of the district.
func (x *twoOffices) cityHasDistrict(t *testing.T) bool {
	t.Helper()
	subs, err := x.city.ledger.LatestValid(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	_, ok := subs[districtUnit]
	return ok
}

// folder is the number of messages in a folder of the district's mailbox.
func (x *twoOffices) folder(t *testing.T, name string) int {
	t.Helper()
	msgs, err := x.srv.Messages(districtAddr, name)
	if err != nil {
		t.Fatal(err)
	}
	return len(msgs)
}

// wardWorkbook is a ward's November file with every indicator at v (indicator 1, the sum of
// 1.1 and 1.2, at 2v).
func (x *twoOffices) wardWorkbook(t *testing.T, ward string, v int) []byte {
	t.Helper()
	cfg := x.district.cfg
	f, _ := cfg.Form("BM.02.01/KH")
	nov, _ := period.Parse("2026-11")
	var tpl bytes.Buffer
	meta := templates.Meta{Office: cfg.Office.Name, UnitCode: ward, UnitName: ward, Period: nov.String(),
		PeriodLabel: nov.Label(), ReplyTo: cfg.SMTP.From, Secret: x.district.key}
	if err := templates.Generate(&tpl, f.Form, meta, nil); err != nil {
		t.Fatal(err)
	}
	data := form.Filled{Indicators: map[string]map[string]map[string]string{"kcn": {}}, Narrative: map[string]string{}}
	for _, row := range f.Indicators[0].Rows {
		data.Indicators["kcn"][row.Code] = map[string]string{"period": fmt.Sprint(v)}
	}
	data.Indicators["kcn"]["1"]["period"] = fmt.Sprint(2 * v)
	for _, s := range f.Narrative {
		data.Narrative[s.Key] = "Nội dung " + s.Title
	}
	out, err := templates.Fill(tpl.Bytes(), f.Form, data)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// submit appends a ward's file to the district's mailbox.
func (x *twoOffices) submit(t *testing.T, ward, id string, data []byte) {
	t.Helper()
	raw := officetest.Delivered(officetest.Mail(wardAddr(ward), districtAddr, id, "", "bc.xlsx", data))
	if err := x.srv.Append(districtAddr, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
}

// headReplies sends the district head's reply to the last mail he received whose subject
// contains s.
func (x *twoOffices) headReplies(t *testing.T, s, id, body string) {
	t.Helper()
	msgs := x.delivered(t, districtHead, s)
	if len(msgs) == 0 {
		t.Fatalf("the district head received nothing about %q", s)
	}
	raw := replyRaw(districtHead, id, msgs[len(msgs)-1], body, officetest.AuthPass(districtHead))
	if err := x.srv.Append(districtAddr, "INBOX", raw); err != nil {
		t.Fatal(err)
	}
}

// cityFigure is indicator code's figure of the district's latest valid file at the city, and
// its version.
func (x *twoOffices) cityFigure(t *testing.T, code string) (string, int) {
	t.Helper()
	subs, err := x.city.ledger.LatestValid(context.Background(), "BM.02.01/KH", "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	s, ok := subs[districtUnit]
	if !ok {
		t.Fatal("the city has no valid file of the district")
	}
	var f form.Filled
	if err := json.Unmarshal(s.Data, &f); err != nil {
		t.Fatal(err)
	}
	return f.Indicators["kcn"][code]["period"], s.Version
}

// summaryFigures reads a consolidated workbook's summary sheet ("Tổng hợp") as the clerks and
// leaders read it: indicator code → the figure of "Thực hiện kỳ báo cáo".
func summaryFigures(t *testing.T, data []byte) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tổng hợp")
	if err != nil {
		t.Fatal(err)
	}
	out, col := map[string]string{}, -1
	for _, r := range rows {
		if len(r) > 0 && r[0] == "Mã số" {
			col = slices.Index(r, "Thực hiện kỳ báo cáo")
			continue
		}
		if col < 0 || len(r) == 0 || r[0] == "" {
			if col >= 0 && len(out) > 0 {
				break
			}
			continue
		}
		if col < len(r) {
			out[r[0]] = r[col]
		}
	}
	if len(out) == 0 {
		t.Fatal("no indicator figures on the summary sheet")
	}
	return out
}

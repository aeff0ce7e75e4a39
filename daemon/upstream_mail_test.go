package daemon

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/internal/officetest"
	"github.com/tonghop/tonghop/period"
	"github.com/tonghop/tonghop/templates"
)

// What the people of the two offices send in the tests: the wards' files, the heads' and the
// clerk's replies.

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

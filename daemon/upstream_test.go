package daemon

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/form"
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
	for _, s := range cityBook.Narrative {
		if len(s.Entries) != 1 || !strings.Contains(s.Entries[0].Text, "UBND Phường P1: Nội dung") {
			t.Errorf("city's section %s: %+v; want the district's text gathering its wards'", s.Key, s.Entries)
		}
	}
}

package upstream

import (
	"context"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/office"
	"github.com/tonghop/tonghop/period"
)

// TestNear: templates are taken for periods about now only, which bounds the requests an
// upper office's mail can make.
func TestNear(t *testing.T) {
	loc := period.DefaultLocation()
	now := time.Date(2026, 11, 16, 9, 0, 0, 0, loc)
	s := &Stage{Office: &office.Office{Config: &config.Config{Location: loc}}, Now: func() time.Time { return now }}
	for name, want := range map[string]bool{
		"2026-11": true, "2026-12": true, "2027-01": true, "2026-W47": true, "2026-Q4": true, "2026": true,
		"2025-12": true, "2025": true, "2025-11": true,
		"2027-03": false, "2099-01": false, "2024-12": false, "2020": false, "2027": true, "2028": false,
	} {
		p, err := period.Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.near(p); got != want {
			t.Errorf("near(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestValidUnit(t *testing.T) {
	for u, want := range map[string]bool{"QBD": true, "P_NHATTAN": true, "": false, "a:b": false, "a b": false,
		"0123456789012345678901234567890123456789x": false} {
		if got := validUnit(u); got != want {
			t.Errorf("validUnit(%q) = %v, want %v", u, got, want)
		}
	}
}

// stageFor is a stage whose office is a unit of "UBND Thành phố" for the built-in monthly
// report, at now; it has no ledger (what is tested reads none).
func stageFor(now time.Time) *Stage {
	loc := period.DefaultLocation()
	ours := config.Form{Form: form.Builtins()["BM.02.01/KH"]}
	c := &config.Config{Location: loc, Forms: []config.Form{ours}, Upstream: []config.Upstream{{Name: "UBND Thành phố",
		Emails: []string{"tonghop@thanhpho.example"}, Forms: []config.UpstreamForm{{Form: form.Form{Code: "BM.02.01/KH"}, From: "BM.02.01/KH"}}}}}
	return &Stage{Office: &office.Office{Config: c}, Now: func() time.Time { return now }}
}

// TestTemplate: the upper office's real template is recognised with our unit code in it, its
// form and period; a filled workbook of another form, or garbage, is not a template.
func TestTemplate(t *testing.T) {
	s := stageFor(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	_, tpl := upperTemplate(t)
	r, tg, ok := s.template(context.Background(), tpl, &s.Office.Upstream[0])
	if !ok || r.Unit != "QBD" || r.Period != "2026-11" || r.Form != "BM.02.01/KH" || tg.ours.Code != "BM.02.01/KH" {
		t.Fatalf("template: %+v, %v", r, ok)
	}
	later := stageFor(time.Date(2028, 6, 1, 9, 0, 0, 0, period.DefaultLocation()))
	if _, _, ok := later.template(context.Background(), tpl, &later.Office.Upstream[0]); ok {
		t.Error("a template of a period long past was taken")
	}
	if _, _, ok := s.template(context.Background(), []byte("not a workbook"), &s.Office.Upstream[0]); ok {
		t.Error("garbage taken as a template")
	}
}

// FuzzTemplate: whatever a workbook from the upper office holds, reading it as a template
// never panics, and what it takes names a configured form, a valid unit and a period near now.
func FuzzTemplate(f *testing.F) {
	_, tpl := upperTemplate(f)
	f.Add(tpl)
	f.Add([]byte("PK\x03\x04"))
	s := stageFor(time.Date(2026, 11, 16, 9, 0, 0, 0, period.DefaultLocation()))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		r, _, ok := s.template(context.Background(), data, &s.Office.Upstream[0])
		if !ok {
			return
		}
		p, err := period.Parse(r.Period)
		if r.Form != "BM.02.01/KH" || !validUnit(r.Unit) || err != nil || !s.near(p) {
			t.Errorf("taken: %+v", r)
		}
	})
}

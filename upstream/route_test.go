package upstream

import (
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
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

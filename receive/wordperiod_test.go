package receive

import (
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
	"github.com/tonghop/tonghop/form"
	"github.com/tonghop/tonghop/period"
)

func TestFindPeriod(t *testing.T) {
	monthly := &config.Form{Form: form.Form{Period: form.Kinds{"month"}}}
	quarterly := &config.Form{Form: form.Form{Period: form.Kinds{"quarter"}}}
	december := time.Date(2026, 12, 3, 9, 0, 0, 0, period.DefaultLocation())
	january := time.Date(2027, 1, 8, 9, 0, 0, 0, period.DefaultLocation())
	tests := []struct {
		name string
		f    *config.Form
		text string
		now  time.Time
		want string // "" for none
	}{
		{"Month and year", monthly, "BÁO CÁO\nKết quả công tác tháng 11 năm 2026", december, "2026-11"},
		{"Month slash year", monthly, "Báo cáo kết quả công tác tháng 11/2026", december, "2026-11"},
		{"Without diacritics", monthly, "BAO CAO KET QUA CONG TAC THANG 11 NAM 2026", december, "2026-11"},
		{"The signing date is no period", monthly, "Hòa Bình, ngày 05 tháng 12 năm 2026\nBÁO CÁO\nKết quả công tác tháng 11 năm 2026", december, "2026-11"},
		{"A numeric date is no period", monthly, "Hòa Bình, 05/12/2026\nBáo cáo tháng 11/2026", december, "2026-11"},
		{"Only a date", monthly, "Hòa Bình, ngày 05 tháng 12 năm 2026\nBÁO CÁO\nKết quả công tác", december, ""},
		{"No year: the date's", monthly, "Hòa Bình, ngày 05 tháng 12 năm 2025\nBÁO CÁO công tác tháng 11", december, "2025-11"},
		{"No year: now's", monthly, "Báo cáo công tác tháng 11", december, "2026-11"},
		{"No year, December written in January", monthly, "Báo cáo công tác tháng 12", january, "2026-12"},
		{"Quarter and year", quarterly, "Báo cáo quý IV năm 2026", january, "2026-Q4"},
		{"Quarter without year in January", quarterly, "BÁO CÁO tình hình quý IV", january, "2026-Q4"},
		{"A month is no quarter", quarterly, "Báo cáo tháng 11 năm 2026", december, ""},
		{"Nothing", monthly, "Báo cáo kết quả công tác", december, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := findPeriod(tt.f, tt.text, tt.now)
			got := ""
			if ok {
				got = p.String()
			}
			if got != tt.want {
				t.Errorf("findPeriod(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

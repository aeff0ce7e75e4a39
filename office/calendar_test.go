package office

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/config"
)

// minimal is a valid configuration, the one config's tests spoil key by key.
var minimal = "\n" + string(must(os.ReadFile("../config/testdata/minimal.toml")))

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func parse(t *testing.T, src string) *Office {
	t.Helper()
	c, err := config.Parse([]byte(src), "t.toml")
	if err != nil {
		t.Fatal(err)
	}
	o, err := Compile(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestCalendar_ComputedAndListedDays(t *testing.T) {
	src := strings.Replace(minimal, "[mailbox]", "holidays = [\"2026-12-31\"]\nworkdays = [\"2026-04-27\"]\nworking_hours = [\"08:00-12:00\", \"13:00-16:30\"]\n[mailbox]", 1)
	o := parse(t, src)
	c := o.Config
	cal := o.Calendar
	loc := c.Location
	for _, tt := range []struct {
		day     time.Time
		working bool
	}{
		{time.Date(2026, 2, 17, 10, 0, 0, 0, loc), false},  // Tết, computed
		{time.Date(2026, 4, 27, 10, 0, 0, 0, loc), true},   // computed compensatory day, worked by the office
		{time.Date(2026, 12, 31, 10, 0, 0, 0, loc), false}, // listed in holidays
		{time.Date(2027, 4, 16, 10, 0, 0, 0, loc), false},  // Giỗ Tổ 2027, computed
	} {
		if got := cal.IsWorkingDay(tt.day); got != tt.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.day.Format("2006-01-02"), got, tt.working)
		}
	}
	if cal.InWorkingHours(time.Date(2026, 11, 23, 16, 45, 0, 0, loc)) {
		t.Error("16:45 is in working hours, but the afternoon ends at 16:30")
	}
}

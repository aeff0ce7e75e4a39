package holiday

import (
	"fmt"

	"github.com/tonghop/tonghop/lunar"
)

// Every Vietnamese text of the package, NFC, as a civil servant reads it in a calendar.
const (
	nameNewYear       = "Tết Dương lịch"
	nameHungKings     = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
	nameVictory       = "Ngày Chiến thắng (30/4)"
	nameLabour        = "Ngày Quốc tế Lao động (1/5)"
	nameNationalDay   = "Quốc khánh (2/9)"
	nameNationalExtra = "Quốc khánh (ngày liền kề)"

	compensationPrefix = "Nghỉ bù cho "

	tetPrefix      = "Tết Nguyên đán"
	tetLastMonth   = "%s (%d tháng Chạp)"   // 29 tháng Chạp
	tetFirstDays   = "%s (mùng %d)"         // mùng 1 … mùng 10
	tetFirstMonth  = "%s (%d tháng Giêng)"  // 11 tháng Giêng onwards, only with long options
	tetOtherLunar  = "%s (%d/%d%s âm lịch)" // any other day, only with very long options
	leapMonthMark  = " nhuận"
	lastLunarMonth = 12
)

// tetName names a day of the Tết holiday by its lunar date: "Tết Nguyên đán (29 tháng
// Chạp)", "Tết Nguyên đán (mùng 1)".
func tetName(d lunar.Date) string {
	switch {
	case d.Leap:
		return fmt.Sprintf(tetOtherLunar, tetPrefix, d.Day, d.Month, leapMonthMark)
	case d.Month == lastLunarMonth:
		return fmt.Sprintf(tetLastMonth, tetPrefix, d.Day)
	case d.Month == 1 && d.Day <= 10:
		return fmt.Sprintf(tetFirstDays, tetPrefix, d.Day)
	case d.Month == 1:
		return fmt.Sprintf(tetFirstMonth, tetPrefix, d.Day)
	}
	return fmt.Sprintf(tetOtherLunar, tetPrefix, d.Day, d.Month, "")
}

// compensationName names the day off given back for holiday name.
func compensationName(name string) string {
	return compensationPrefix + name
}

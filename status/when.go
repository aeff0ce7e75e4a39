package status

import (
	"fmt"
	"strings"
	"time"
)

// How every reader of tonghop sees a time: the status table, the workbooks, the template's
// cover. The order is the one of Vietnamese documents, the time first ("17:00 ngày
// 18/11/2026"), the weekday after a comma; dates follow Decree 30/2020/NĐ-CP: days below 10
// and the months 1 and 2 take a leading zero ("05/3/2026", "18/01/2026"). The package is a leaf
// (floor 0), so that the templates, the workbooks and the letters can all write a deadline with
// this one rule.

// FormatDate writes a date as "18/11/2026" ("05/3/2026", "18/01/2026"), in t's location.
func FormatDate(t time.Time) string {
	y, _, _ := t.Date()
	return FormatDayMonth(t) + "/" + fmt.Sprint(y)
}

// FormatDayMonth writes a day and month as "18/11" ("05/3", "18/01"), in t's location.
func FormatDayMonth(t time.Time) string {
	_, m, d := t.Date()
	month := fmt.Sprint(int(m))
	if m < time.March {
		month = fmt.Sprintf("%02d", int(m))
	}
	return fmt.Sprintf("%02d/%s", d, month)
}

// FormatClock writes a time of day as "17:00".
func FormatClock(t time.Time) string {
	return fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())
}

// FormatDateTime writes an instant as "09:15 ngày 20/11/2026", in t's location.
func FormatDateTime(t time.Time) string {
	return FormatClock(t) + " ngày " + FormatDate(t)
}

// Weekday writes a weekday inside a sentence: "thứ Hai" … "thứ Bảy", "Chủ nhật".
func Weekday(d time.Weekday) string {
	return [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}[d%7]
}

// FormatDeadline writes a deadline, in t's location: "17:00 ngày 18/11/2026, thứ Tư". A
// deadline at the very end of a day reads "trong ngày 15/12/2026, thứ Ba": midnight is the end
// of the day before (a deadline "before 00:00 on the 16th" is the whole of the 15th), and so is
// 23:59.
func FormatDeadline(t time.Time) string {
	day, whole := DeadlineDay(t)
	if whole {
		return "trong ngày " + FormatDate(day) + ", " + Weekday(day.Weekday())
	}
	return FormatDateTime(t) + ", " + Weekday(t.Weekday())
}

// DeadlineDay is the day a deadline falls on as a reader counts it, and whether the whole day
// is given: midnight belongs to the day before, 23:59 to its own day.
func DeadlineDay(t time.Time) (day time.Time, whole bool) {
	switch {
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Add(-time.Minute), true
	case t.Hour() == 23 && t.Minute() == 59:
		return t, true
	}
	return t, false
}

// DelayText writes a delay in words, as DelayOf rounds it and Delay.Parts cuts it: "2 ngày 3
// giờ", "5 giờ 20 phút", "45 phút"; a delay of a few seconds reads "1 phút", never "0 phút".
func DelayText(d time.Duration) string {
	var parts []string
	for _, p := range DelayOf(d).Parts() {
		parts = append(parts, fmt.Sprintf("%d %s", p.N, [...]string{UnitDay: "ngày", UnitHour: "giờ", UnitMinute: "phút"}[p.Unit]))
	}
	return strings.Join(parts, " ")
}

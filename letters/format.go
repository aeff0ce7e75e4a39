package letters

import (
	"fmt"
	"strings"
	"time"

	"github.com/tonghop/tonghop/status"
)

// How letters write dates, times, durations and sizes. Dates follow Decree 30/2020/NĐ-CP, as
// the period package's labels do: days below 10 and the months 1 and 2 take a leading zero
// ("05/3/2026", "18/01/2026").

// Weekday returns the Vietnamese name of a weekday standing alone: "Thứ Hai" … "Thứ Bảy",
// "Chủ nhật".
func Weekday(d time.Weekday) string {
	return [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[d%7]
}

// weekdayInText is the weekday inside a sentence: "thứ Tư", but "Chủ nhật".
func weekdayInText(d time.Weekday) string {
	return strings.Replace(Weekday(d), "Thứ", "thứ", 1)
}

// FormatDate writes a date as "18/11/2026" ("05/3/2026", "18/01/2026"), in t's location.
func FormatDate(t time.Time) string {
	y, m, d := t.Date()
	month := fmt.Sprint(int(m))
	if m < time.March {
		month = fmt.Sprintf("%02d", int(m))
	}
	return fmt.Sprintf("%02d/%s/%d", d, month, y)
}

// FormatTime writes a time of day as "17:00".
func FormatTime(t time.Time) string {
	return fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())
}

// FormatDateTime writes a moment as letters state when something happened: "09:15 ngày
// 17/11/2026", the time first.
func FormatDateTime(t time.Time) string {
	return FormatTime(t) + " ngày " + FormatDate(t)
}

// FormatDeadline writes a deadline, the one way every letter, subject and the template's cover
// state it: "17:00 ngày 18/11/2026, thứ Tư", the weekday after a comma. A deadline at the very end
// of a day (23:59, or midnight, which counts as the end of the day before) is the whole day:
// "trong ngày 15/12/2026, thứ Ba". Say "Thời hạn gửi: " before it, never "hạn trước …", which reads
// as "the previous deadline".
func FormatDeadline(t time.Time) string {
	if endOfDay(t) {
		day := DeadlineDay(t)
		return "trong ngày " + FormatDate(day) + ", " + weekdayInText(day.Weekday())
	}
	return FormatDateTime(t) + ", " + weekdayInText(t.Weekday())
}

// DeadlineDay is the day a deadline falls on as a person counts it: midnight is the end of the
// day before. A subject's "hạn 15/12/2026" is FormatDate(DeadlineDay(t)).
func DeadlineDay(t time.Time) time.Time {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Add(-time.Minute)
	}
	return t
}

func endOfDay(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 || t.Hour() == 23 && t.Minute() == 59
}

// byDeadline is a deadline after a verb: "trước 17:00 ngày 18/11/2026, thứ Tư", or "trong ngày
// 15/12/2026, thứ Ba" for a deadline at the end of a day.
func byDeadline(t time.Time) string {
	if endOfDay(t) {
		return FormatDeadline(t)
	}
	return "trước " + FormatDeadline(t)
}

// FormatDuration writes a length of time with its two largest units: "2 ngày 3 giờ",
// "5 giờ 20 phút", "45 phút". It rounds as status.DelayOf does (a started minute counts;
// anything under a minute, or negative, is "1 phút"), so a receipt and the status table
// state one lateness.
func FormatDuration(d time.Duration) string {
	var parts []string
	for _, p := range status.DelayOf(d).Parts() {
		parts = append(parts, fmt.Sprintf("%d %s", p.N, [...]string{status.UnitDay: "ngày", status.UnitHour: "giờ", status.UnitMinute: "phút"}[p.Unit]))
	}
	return strings.Join(parts, " ")
}

// DaysOverdue counts the calendar days from the deadline's date to now's date, in the
// deadline's location: 0 on the day of the deadline, 1 the day after.
func DaysOverdue(deadline, now time.Time) int {
	y1, m1, d1 := deadline.Date()
	y2, m2, d2 := now.In(deadline.Location()).Date()
	from := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)
	to := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)
	if !to.After(from) {
		return 0
	}
	return int(to.Sub(from).Hours() / 24)
}

// FormatSize writes a size in bytes as people read it: "31,5 MB", "33 MB", "850 KB", a decimal
// comma and no ",0".
func FormatSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max(1, (n+1023)>>10))
	}
	mb := strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0")
	return strings.Replace(mb, ".", ",", 1) + " MB"
}

// count writes a number of things as FormatNumber does: "12", "20.000".
func count(n int) string { return FormatNumber(int64(n)) }

// FormatNumber writes a whole number with thousands dots: "20.000", "1.234.567", "-12.000".
func FormatNumber(n int64) string {
	s := fmt.Sprint(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return sign + s
}

package period

import (
	"fmt"
	"time"
)

// This file holds every text a civil servant reads; keep it in Vietnamese, NFC, with
// correct diacritics.

// Label returns the period's Vietnamese name as used in report titles and mail:
// "Tuần 47 (16/11 – 22/11/2026)", "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026",
// "6 tháng cuối năm 2026", "9 tháng năm 2026", "Năm 2026". Days and months follow the rule of
// Decree 30/2020/NĐ-CP for dates in documents: days below 10 and the months 1 and 2 take a
// leading zero ("02/3", "Tháng 01/2026"), other months do not. An invalid period is labelled
// with its String form.
func (p Period) Label() string {
	if p.Valid() != nil {
		return p.String()
	}
	switch p.Kind {
	case Week:
		return "Tuần " + fmt.Sprint(p.N) + " (" + weekSpan(p) + ")"
	case Month:
		return "Tháng " + monthNumber(p.N) + "/" + fmt.Sprint(p.Year)
	case Quarter:
		return "Quý " + [...]string{"I", "II", "III", "IV"}[p.N-1] + "/" + fmt.Sprint(p.Year)
	case Half:
		if p.N == 1 {
			return "6 tháng đầu năm " + fmt.Sprint(p.Year)
		}
		return "6 tháng cuối năm " + fmt.Sprint(p.Year)
	case NineMonths:
		return "9 tháng năm " + fmt.Sprint(p.Year)
	}
	return "Năm " + fmt.Sprint(p.Year)
}

// Label returns the kind's Vietnamese name in lower case, for use inside a sentence
// ("báo cáo quý", "chương trình công tác tuần").
func (k Kind) Label() string {
	switch k {
	case Week:
		return "tuần"
	case Month:
		return "tháng"
	case Quarter:
		return "quý"
	case Half:
		return "6 tháng"
	case NineMonths:
		return "9 tháng"
	case Year:
		return "năm"
	}
	return string(k)
}

// weekSpan writes "16/11 – 22/11/2026", or "29/12/2025 – 04/01/2026" across New Year.
func weekSpan(p Period) string {
	first := p.Start(nil)
	ly, lm, ld := p.lastDay()
	from := dayMonth(first.Day(), int(first.Month()))
	if first.Year() != ly {
		from += "/" + fmt.Sprint(first.Year())
	}
	return from + " – " + dayMonth(ld, int(lm)) + "/" + fmt.Sprint(ly)
}

// FormatDate writes a date the way Vietnamese documents do ("02/3/2026", "15/01/2026"), in
// t's location.
func FormatDate(t time.Time) string {
	y, m, d := t.Date()
	return dayMonth(d, int(m)) + "/" + fmt.Sprint(y)
}

func dayMonth(day, month int) string {
	return fmt.Sprintf("%02d/%s", day, monthNumber(month))
}

func monthNumber(month int) string {
	if month < 3 {
		return fmt.Sprintf("%02d", month)
	}
	return fmt.Sprint(month)
}

// WeekdayLabel returns the Vietnamese name of a weekday as written inside a sentence:
// "thứ Hai" … "thứ Bảy", "Chủ nhật".
func WeekdayLabel(d time.Weekday) string {
	return [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}[d%7]
}

// FormatDeadline writes a deadline for a letter or mail, in t's location:
// "15:00 thứ Năm, ngày 19/11/2026".
func FormatDeadline(t time.Time) string {
	return fmt.Sprintf("%02d:%02d %s, ngày %s", t.Hour(), t.Minute(), WeekdayLabel(t.Weekday()), FormatDate(t))
}

// announcedDayOffName names a day off listed in the configuration's holidays.
const announcedDayOffName = "Ngày nghỉ theo thông báo (cấu hình)"

// WeekdayName returns the weekday as written on its own, capitalised: "Thứ Hai" … "Chủ nhật".
func WeekdayName(d time.Weekday) string {
	return [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[d%7]
}

// CoverageLabel writes the days a report covers, from start to the day before end:
// "(số liệu từ 15/10/2026 đến 14/11/2026)".
func CoverageLabel(start, end time.Time) string {
	return "(số liệu từ " + FormatDate(start) + " đến " + FormatDate(end.AddDate(0, 0, -1)) + ")"
}

// Explain says how a deadline was placed, for the clerk reading the deadlines listing:
// "quy tắc “thu 15:00”", "quy tắc “day 20”; 20/09/2026 là Chủ nhật, chuyển sang ngày làm việc
// trước đó", "hạn được dời: Lãnh đạo Ban họp ngày 19/11".
func (pl Placement) Explain(pol Policy, cal Calendar) string {
	if pl.Overridden {
		note := pl.Note
		if note == "" {
			note = "theo cấu hình (deadline_overrides)"
		}
		return "hạn được dời: " + note
	}
	s := "quy tắc “" + pol.Rule.String() + "”"
	if !pl.Moved() {
		return s
	}
	why := "ngày nghỉ"
	if r, off := cal.DayOff(pl.Nominal); off {
		why = r.Name
		if r.Kind == OffWeekly {
			why = "ngày nghỉ hằng tuần (" + r.Name + ")"
		}
	}
	where := "trước đó"
	if pl.At.After(pl.Nominal) {
		where = "sau đó"
	}
	return s + "; " + FormatDate(pl.Nominal.In(cal.loc())) + " là " + why + ", chuyển sang ngày làm việc " + where
}

// CutoffNote describes the data a report covers and warns when its deadline leaves less than
// one working day after the cut-off, which Decree 09/2019/NĐ-CP (art. 8.5) requires:
// "số liệu từ 15/10/2026 đến 14/11/2026".
func CutoffNote(start, end, deadline time.Time, cal Calendar) string {
	s := CoverageLabel(start, end)
	s = s[1 : len(s)-1] // without the parentheses
	if cal.WorkingDaysBetween(end.AddDate(0, 0, -1), deadline) < 1 {
		s += " — cảnh báo: hạn gửi cách ngày chốt số liệu chưa đủ 1 ngày làm việc (Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5)"
	}
	return s
}

// PendingNote explains a deadline not known yet, for the deadlines listing:
// "quy tắc “5 working days after issue of BM.04.01/KH”: BM.04.01/KH 2026-W48 chưa ban hành".
func PendingNote(r Rule, p Period) string {
	ev, _ := r.Event()
	return "quy tắc “" + r.String() + "”: " + ev.Form + " " + p.String() + " chưa ban hành"
}

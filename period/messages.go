package period

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
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
	case Once:
		return fmt.Sprintf("Yêu cầu đột xuất số %02d/%d", p.N, p.Year)
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
	case Once:
		return "đột xuất"
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

// announcedDayOffName names a day off listed in the configuration's holidays.
const announcedDayOffName = "Ngày nghỉ theo thông báo của cơ quan"

// WeekdayName returns the weekday as written on its own, capitalised: "Thứ Hai" … "Chủ nhật".
func WeekdayName(d time.Weekday) string {
	return [...]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}[d%7]
}

// CoverageLabel writes the days a report covers, from start to the day before end:
// "(số liệu từ 15/10/2026 đến 14/11/2026)".
func CoverageLabel(start, end time.Time) string {
	return "(số liệu từ " + FormatDate(start) + " đến " + FormatDate(end.AddDate(0, 0, -1)) + ")"
}

// Explain says how a deadline of period p was placed, for the clerk reading the deadlines
// listing: "theo quy định: 15:00 thứ Năm hằng tuần", "theo quy định: ngày 20 hằng tháng;
// 20/9/2026 là ngày nghỉ hằng tuần (Chủ nhật), chuyển sang ngày làm việc trước đó", "hạn được
// điều chỉnh riêng cho kỳ này: Lãnh đạo Ban họp ngày 19/11".
func (pl Placement) Explain(p Period, pol Policy, cal Calendar) string {
	if pl.Overridden {
		s := "hạn được điều chỉnh riêng cho kỳ này"
		if pl.Note != "" {
			s += ": " + pl.Note
		}
		return s
	}
	s := "theo quy định: " + pol.Rule.Describe(p.Kind)
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

// Describe says the rule in words, for a form of periods of kind k, the time first as
// Vietnamese documents write it: "15:00 thứ Năm hằng tuần", "ngày 18 hằng tháng", "ngày 20
// của tháng cuối kỳ", "17:00 ngày 15/6", "ngày 10/01 năm sau", "ngày làm việc cuối cùng của
// kỳ", "ngày làm việc thứ 5 sau khi báo cáo theo biểu mẫu BM.04.01/KH được duyệt", "cuối buổi
// chiều thứ Sáu hằng tuần".
func (r Rule) Describe(k Kind) string {
	var day string
	switch r.form {
	case formNone:
		return "không có hạn"
	case formWeekday:
		day = WeekdayLabel(r.weekday) + " hằng tuần"
	case formMonthDay:
		day = fmt.Sprintf("ngày %d của tháng cuối kỳ", r.day)
		if k == Month {
			day = fmt.Sprintf("ngày %d hằng tháng", r.day)
		}
	case formDate:
		day = "ngày " + dayMonth(r.day, r.month)
		if r.nextYear {
			day += " năm sau"
		}
	case formLastWorkingDay:
		day = "ngày làm việc cuối cùng của kỳ"
	case formAfter:
		day = fmt.Sprintf("ngày làm việc thứ %d sau %s", r.after, r.event.describe())
	}
	switch {
	case r.hasTime:
		return r.at.String() + " " + day
	case r.session == SessionMorning:
		return "cuối buổi sáng " + day
	case r.session == SessionAfternoon:
		return "cuối buổi chiều " + day
	}
	return day
}

// describe names the event an after-rule counts from, after "sau": "ngày cuối kỳ", "khi báo
// cáo theo biểu mẫu BM.04.01/KH được duyệt".
func (e Event) describe() string {
	switch e.Kind {
	case EventPeriodStart:
		return "ngày đầu kỳ"
	case EventPeriodEnd:
		return "ngày cuối kỳ"
	case EventDeadline:
		return "hạn gửi biểu mẫu " + e.Form
	case EventIssue:
		return "khi báo cáo theo biểu mẫu " + e.Form + " được duyệt"
	}
	return string(e.Kind)
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

// PendingNote explains a deadline not known yet, for the deadlines listing: "chưa xác định:
// hạn là ngày làm việc thứ 5 sau khi báo cáo theo biểu mẫu BM.04.01/KH được duyệt; báo cáo
// tuần 48 (23/11 – 29/11/2026) chưa được duyệt".
func PendingNote(r Rule, p Period) string {
	ev, _ := r.Event()
	what := "sự kiện này chưa xảy ra"
	switch ev.Kind {
	case EventIssue:
		what = "báo cáo " + lowerFirst(p.Label()) + " chưa được duyệt"
	case EventDeadline:
		what = "biểu mẫu " + ev.Form + " " + lowerFirst(p.Label()) + " chưa có hạn gửi"
	}
	return "chưa xác định: hạn là " + r.Describe(p.Kind) + "; " + what
}

// lowerFirst lowers the first letter of a label inside a sentence ("tuần 48", "tháng 11/2026").
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// NoWorkingDayNote says, for the deadlines listing, that a week is not asked for because the
// office does not work on any of its days: "không thu: cả tuần 8 (16/02 – 22/02/2026) là ngày nghỉ".
func NoWorkingDayNote(p Period) string {
	return "không thu: cả " + lowerFirst(p.Label()) + " là ngày nghỉ"
}

// OutsidePeriodsNote says, for the deadlines listing, that a form does not collect a period of
// its kind: "không thu: biểu mẫu không thu báo cáo 6 tháng cuối năm 2026".
func OutsidePeriodsNote(p Period) string {
	return "không thu: biểu mẫu không thu báo cáo " + lowerFirst(p.Label())
}

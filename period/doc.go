// Package period computes the reporting periods, deadlines and working days of Vietnamese
// public offices. It is pure: no I/O, no clock of its own, no global configuration.
//
// # Periods
//
// A Period is a week (ISO week, Monday to Sunday), a month, a quarter, a half year (H1
// January–June, H2 July–December), the first nine months ("9 tháng", January–September) or a
// year. Its canonical text, read by Parse and written by String, is
//
//	2026-W47   2026-11   2026-Q4   2026-H1   2026-9M   2026
//
// Start and End give the half-open interval [Start, End) in an office time zone; Label gives
// the Vietnamese name ("Tuần 47 (16/11 – 22/11/2026)", "Quý IV/2026", "6 tháng đầu năm 2026").
// Times are computed in the office zone, Asia/Ho_Chi_Minh by default (see DefaultLocation).
//
// # Working days
//
// A Calendar knows the office's holidays and compensatory working Saturdays, which the
// government announces each year, and its working hours (07:30–11:30, 13:30–17:00 by default).
//
// # Deadline rules
//
// A Rule says when units must send their report for a period. Rules ignore case, extra spaces
// and Vietnamese diacritics. Each is a day, optionally followed by a time of day (HH:MM, or
// 15h, 15h30; "at", "lúc", "before" or "trước" may precede it). Without a time the deadline is
// at the end of the working day, 17:00 by default.
//
//	thu 15:00            weekday of the period's week (week periods only): mon tue wed thu fri
//	fri 17:00            sat sun, full English names, or Vietnamese: thứ 2 … thứ 7, thứ hai …
//	thứ 5 15:00          thứ bảy, chủ nhật, t2 … t7, cn; "thu 5" is thứ 5 without diacritics
//	thứ năm lúc 15h
//	day 20               day of the month: of the period's month for a month period, of its
//	day 18 17:00         last month for a quarter, half, 9 months or year (day 15 for 2026-Q4
//	ngày 15              is 15/12/2026); "day 15 of last month" means the same
//	15/06                a fixed date in the period's year (quarter, half, 9m, year periods);
//	15/06 17:00          it may not fall before the period starts
//	ngày 29/5
//	10/01 next year      a fixed date in the year after the period's ("năm sau")
//	last working day     the period's last working day ("ngày làm việc cuối cùng")
//	last working day 16:00
//
// The phrases offices write are read too (phrases.go), with or without diacritics: "trước
// ngày 20" (day 19: due the day before), "trước ngày 15 tháng cuối quý", "trước ngày 29/5",
// "trước 15h thứ Năm", "chiều thứ Sáu" and "sáng thứ Hai" (the end of that session: 17:00 and
// 11:30 by the office's hours; canonically "fri afternoon", "mon morning"), "cuối tháng" (day
// 31), "cuối năm" (31/12), "ngày 15 tháng 6"; "chậm nhất (là)", "vào", "hằng tháng" and the like
// are dropped.
//
// A day past the end of its month becomes the month's last day (day 31 in February is 28 or
// 29). A deadline that falls on a day off moves back to the previous working day at the same
// time: "day 20" for 2026-09 gives Friday 18/09/2026 17:00, because 20/09 is a Sunday. A week's
// deadline that going back would take out of its week moves forward to the week's next working
// day instead (Policy.Place): Thursday 11/02/2027 of Tết's week gives Friday 12/02.
//
// # Offsets
//
// An Offset moves a time for reminders: "-2d" (calendar days), "4h", "30m", "1wd" (working
// days).
package period

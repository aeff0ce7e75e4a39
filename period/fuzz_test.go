package period

import (
	"testing"
	"time"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-W47", "2026-W53", "2025-W53", "2026-11", "2026-Q4", "2026-H1",
		"2026-9M", "2026-9m", "2026", "0999", "2026-", "26-Q1", "2026-W7", "9999-12", "2026-Q٤", "2026-R03", "2026-R00", "2026-r7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		if err := p.Valid(); err != nil {
			t.Fatalf("Parse(%q) = %+v, which is invalid: %v", s, p, err)
		}
		back, err := Parse(p.String())
		if err != nil || back != p {
			t.Fatalf("Parse(%q) = %+v, %v; want %+v", p.String(), back, err, p)
		}
		start, end := p.Start(time.UTC), p.End(time.UTC)
		if !start.Before(end) || p.Kind != Once && Of(p.Kind, start) != p {
			t.Fatalf("%s: start %v, end %v, Of(start) = %s", p, start, end, Of(p.Kind, start))
		}
		_ = p.Label()
	})
}

func FuzzParseRule(f *testing.F) {
	for _, s := range []string{"thu 15:00", "thứ 5 15:00", "Thứ Năm lúc 15h30", "day 20", "day 18 17:00",
		"day 15 of last month", "15/06", "29/02 17:00", "10/01 next year", "last working day 16:00",
		"ngày làm việc cuối cùng", "day 32", "25:00", "", "t7", "chủ nhật 8h",
		"5 working days after issue of BM.04.01/KH", "trong 3 ngày làm việc kể từ kết thúc kỳ 10:00",
		"day 15 of last month of quarter", "1 working day after deadline of KT-XH",
		// The phrases offices write (phrases.go), and the ones refused.
		"trước ngày 20", "trước ngày 20 hằng tháng", "trước ngày 15 tháng cuối quý", "trước ngày 29/5",
		"trước ngày 29 tháng 5", "trước ngày 15/12", "trước ngày 01/03", "trước ngày 10/01 năm sau",
		"trước 17h ngày 20", "chiều thứ Sáu", "chieu thu 6", "buổi chiều thứ sáu", "sáng thứ Hai",
		"sang thu 2", "trước 15h thứ Năm", "trước 15h00' thứ Năm hàng tuần", "thứ Năm trước 15h",
		"cuối tháng", "cuối quý", "cuối năm", "chậm nhất ngày 18 hằng tháng", "chậm nhất vào ngày 20",
		"ngày 15 tháng 6", "fri afternoon", "mon morning", "trước ngày 1", "trước ngày 01/01",
		"giữa tháng", "chiều", "sáng thứ Tám", "cuối tuần", "chiều thứ Sáu 15:00", "trước ngày 01/01 năm sau",
		"Trước 08/7", "trước 20", "Trước ngày 29 tháng 5 của năm báo cáo", "ngày 20 của năm"} {
		f.Add(s)
	}
	cal := Calendar{Holidays: map[string]bool{"2026-09-02": true}}
	periods := []Period{{Week, 2026, 53}, {Month, 2026, 2}, {Quarter, 2026, 4}, {Half, 2026, 2}, {NineMonths, 2026, 0}, {Year, 2026, 0}}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRule(s)
		if err != nil {
			return
		}
		back, err := ParseRule(r.String())
		if err != nil || back != r {
			t.Fatalf("ParseRule(%q) = %+v, %v; want %+v (from %q)", r.String(), back, err, r, s)
		}
		for _, p := range periods {
			d, err := r.Deadline(p, cal)
			if err == nil && !cal.IsWorkingDay(d) {
				t.Fatalf("Deadline(%q, %s) = %v, not a working day", s, p, d)
			}
		}
	})
}

func FuzzParseOffset(f *testing.F) {
	for _, s := range []string{"2d", "-1d", "4h", "1wd", "30m", "+0h", "99999wd", "1.5h", "d", "morning", "-1wd 08:00", "0d 7h30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := ParseOffset(s)
		if err != nil {
			return
		}
		if back, err := ParseOffset(o.String()); err != nil || back != o {
			t.Fatalf("ParseOffset(%q) = %v, %v; want %v", o.String(), back, err, o)
		}
	})
}

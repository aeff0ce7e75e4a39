package period

import (
	"strings"
	"testing"
)

// weekdaysOff2026to2028 are the statutory days off of 2026 and 2027 that fall on working days,
// listed by hand (Labour Code 2019 art. 112; Tết 17/02/2026 and 06/02/2027, Giỗ Tổ 26/04/2026
// and 16/04/2027), as in daemon/deadline_table_test.go. 2028 needs none for these tests.
var weekdaysOff2026to2028 = Calendar{Loc: DefaultLocation(), Holidays: map[string]bool{
	"2026-01-01": true, "2026-02-16": true, "2026-02-17": true, "2026-02-18": true, "2026-02-19": true,
	"2026-02-20": true, "2026-04-27": true, "2026-04-30": true, "2026-05-01": true, "2026-09-01": true,
	"2026-09-02": true,
	"2027-01-01": true, "2027-02-05": true, "2027-02-08": true, "2027-02-09": true, "2027-02-10": true,
	"2027-02-11": true, "2027-04-16": true, "2027-04-30": true, "2027-05-03": true, "2027-09-02": true,
	"2027-09-03": true,
}}

// TestParseRule_Phrases reads the phrases of the offices' rules of procedure; the deadlines are
// worked out by hand on the calendar above (weekdays from 01/01/2026, a Thursday).
func TestParseRule_Phrases(t *testing.T) {
	tests := []struct{ in, rule, period, want string }{
		{"trước ngày 20", "day 19", "2026-09", "Fri 2026-09-18 17:00"}, // 19/9 Saturday
		{"Trước ngày 20 hằng tháng", "day 19", "2026-11", "Thu 2026-11-19 17:00"},
		{"truoc ngay 20 hang thang", "day 19", "2026-11", "Thu 2026-11-19 17:00"},
		{"trước ngày 15 tháng cuối quý", "day 14", "2026-Q2", "Fri 2026-06-12 17:00"}, // 14/6 Sunday
		{"trước ngày 15 của tháng cuối quý", "day 14", "2026-Q2", "Fri 2026-06-12 17:00"},
		{"trước ngày 29/5", "28/05", "2026-H1", "Thu 2026-05-28 17:00"},
		{"trước ngày 29/05", "28/05", "2027-H1", "Fri 2027-05-28 17:00"},
		{"trước ngày 29 tháng 5", "28/05", "2026-H1", "Thu 2026-05-28 17:00"},
		{"trước ngày 15/12", "14/12", "2026", "Mon 2026-12-14 17:00"},
		{"trước ngày 01/03", "29/02", "2028-Q1", "Tue 2028-02-29 17:00"},
		{"trước ngày 01/03", "29/02", "2027-Q1", "Fri 2027-02-26 17:00"}, // 28/02/2027 Sunday
		{"trước ngày 10/01 năm sau", "09/01 next year", "2026", "Fri 2027-01-08 17:00"},
		{"trước ngày 10/01", "09/01", "2027", "Fri 2027-01-08 17:00"}, // 09/01/2027 Saturday
		{"trước ngày 08/7", "07/07", "2026-H1", "Tue 2026-07-07 17:00"},
		{"trước ngày 08/7", "07/07", "2027-H1", "Wed 2027-07-07 17:00"},
		{"Trước 08/7", "07/07", "2027-H1", "Wed 2027-07-07 17:00"}, // the bloc's plan, without "ngày"
		{"Trước 10/01", "09/01", "2027", "Fri 2027-01-08 17:00"},
		{"Trước ngày 20 hàng tháng của năm báo cáo", "day 19", "2026-11", "Thu 2026-11-19 17:00"}, // DOST
		{"Trước ngày 29 tháng 5 của năm báo cáo", "28/05", "2026-H1", "Thu 2026-05-28 17:00"},
		{"Trước ngày 15 tháng 12 của năm báo cáo", "14/12", "2026", "Mon 2026-12-14 17:00"},
		{"trước 17h ngày 20", "day 20 17:00", "2026-11", "Fri 2026-11-20 17:00"},
		{"chiều thứ Sáu", "fri afternoon", "2026-W47", "Fri 2026-11-20 17:00"},
		{"chieu thu 6", "fri afternoon", "2026-W18", "Wed 2026-04-29 17:00"}, // 1/5 and 30/4 off
		{"buổi chiều thứ sáu", "fri afternoon", "2026-W47", "Fri 2026-11-20 17:00"},
		{"sáng thứ Hai", "mon morning", "2026-W48", "Mon 2026-11-23 11:30"},
		{"sang thu 2", "mon morning", "2026-W18", "Tue 2026-04-28 11:30"}, // 27/4 off: kept in week 18
		{"trước 15h thứ Năm", "thu 15:00", "2026-W47", "Thu 2026-11-19 15:00"},
		{"trước 15h00' thứ Năm hàng tuần", "thu 15:00", "2026-W47", "Thu 2026-11-19 15:00"},
		{"thứ Năm trước 15h", "thu 15:00", "2026-W47", "Thu 2026-11-19 15:00"},
		{"cuối tháng", "day 31", "2026-02", "Fri 2026-02-27 17:00"},
		{"cuoi thang", "day 31", "2026-05", "Fri 2026-05-29 17:00"},
		{"cuối quý", "day 31", "2026-Q2", "Tue 2026-06-30 17:00"},
		{"cuối năm", "31/12", "2026", "Thu 2026-12-31 17:00"},
		{"cuối năm", "31/12", "2027", "Fri 2027-12-31 17:00"},
		{"chậm nhất ngày 18 hằng tháng", "day 18", "2026-11", "Wed 2026-11-18 17:00"},
		{"chậm nhất vào ngày 20", "day 20", "2026-11", "Fri 2026-11-20 17:00"},
		{"chậm nhất là ngày 15 của tháng cuối quý", "day 15", "2026-Q2", "Mon 2026-06-15 17:00"},
		{"ngày 15 tháng 6", "15/06", "2026-H1", "Mon 2026-06-15 17:00"},
		{"ngày 15 tháng 11", "15/11", "2026", "Fri 2026-11-13 17:00"}, // 15/11 Sunday
		// The five offices' rules (the period is the one due: a plan's is the period before).
		{"chậm nhất ngày 20", "day 20", "2026-12", "Fri 2026-12-18 17:00"}, // 20/12 Sunday
		{"chậm nhất ngày 15", "day 15", "2026-02", "Fri 2026-02-13 17:00"}, // 15/02 Sunday
		{"chậm nhất là ngày 15 của tháng cuối quý", "day 15", "2026-Q4", "Tue 2026-12-15 17:00"},
		{"chậm nhất ngày 15 tháng cuối quý", "day 15", "2026-Q1", "Fri 2026-03-13 17:00"}, // 15/03 Sunday
		{"30/11", "30/11", "2026", "Mon 2026-11-30 17:00"},
		{"fri afternoon", "fri afternoon", "2026-W47", "Fri 2026-11-20 17:00"},
		{"mon morning", "mon morning", "2026-W48", "Mon 2026-11-23 11:30"},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+tt.period, func(t *testing.T) {
			r, err := ParseRule(tt.in)
			if err != nil {
				t.Fatalf("ParseRule(%q): %v", tt.in, err)
			}
			if r.String() != tt.rule {
				t.Errorf("ParseRule(%q) = %q, want %q", tt.in, r, tt.rule)
			}
			if back, err := ParseRule(r.String()); err != nil || back != r {
				t.Errorf("ParseRule(%q) = %+v, %v; want %+v", r.String(), back, err, r)
			}
			p, err := Parse(tt.period)
			if err != nil {
				t.Fatal(err)
			}
			pl, err := Policy{Rule: r}.Place(p, weekdaysOff2026to2028, nil)
			if err != nil {
				t.Fatalf("Place(%s): %v", p, err)
			}
			if got := pl.At.Format("Mon 2006-01-02 15:04"); got != tt.want {
				t.Errorf("%q for %s: %s, want %s", tt.in, p, got, tt.want)
			}
		})
	}
}

func TestParseRule_PhrasesRefused(t *testing.T) {
	tests := []struct{ in, want string }{
		{"trước ngày 1", `"cuối tháng"`},
		{"trước ngày 32", "day must be 1–31"},
		{"trước ngày 01/01", `"31/12"`},
		{"giữa tháng", "is not a day"},
		{"chiều", "a day is missing"},
		{"sáng thứ Tám", "is not a day"},
		{"cuối tuần", "is not a day"},
		{"chiều thứ Sáu 15:00", "a session and a time exclude each other"},
		{"trước thứ Năm", "is not a day"},
		{"trước 20", "is not a day"},      // a bare number is not read as "trước ngày 20"
		{"trước 01/01", `"31/12"`},        // as "trước ngày 01/01"
		{"ngày 20 của năm", "unexpected"}, // only "của năm báo cáo" is a filler
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := ParseRule(tt.in)
			if err == nil {
				t.Fatalf("ParseRule(%q) = %q, want an error", tt.in, r)
			}
			for _, want := range []string{tt.want, `"trước ngày 20"`, `"chiều thứ Sáu"`, `"cuối năm"`} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("ParseRule(%q) error = %q, want it to contain %s", tt.in, err, want)
				}
			}
		})
	}
}

func TestRule_DescribeSession(t *testing.T) {
	for in, want := range map[string]string{
		"chiều thứ Sáu":   "cuối buổi chiều thứ Sáu hằng tuần",
		"sáng thứ Hai":    "cuối buổi sáng thứ Hai hằng tuần",
		"trước ngày 20":   "ngày 19 hằng tháng",
		"trước 15h thứ 5": "15:00 thứ Năm hằng tuần",
	} {
		r, err := ParseRule(in)
		if err != nil {
			t.Fatal(err)
		}
		k := Week
		if strings.Contains(in, "ngày") {
			k = Month
		}
		if got := r.Describe(k); got != want {
			t.Errorf("Describe(%q) = %q, want %q", in, got, want)
		}
	}
}

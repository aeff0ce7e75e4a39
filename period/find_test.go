package period

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		kind       Kind
		want       string // "" when nothing should be found
	}{
		{"FileNameWeek", "BM.04.01-KH_2026-W47_PKH.xlsx", Week, "2026-W47"},
		{"FileNameMonth", "BM.02.01-KH_2026-11_PKH (1).xlsx", Month, "2026-11"},
		{"SubjectCanonical", "Re: Báo cáo (2026-Q4)", Quarter, "2026-Q4"},
		{"CanonicalOtherKindSkipped", "2026-11 và 2026-Q4", Quarter, "2026-Q4"},
		{"WeekLabelOwnMail", "Re: Đề nghị gửi chương trình công tác Tuần 47 (16/11–22/11/2026)", Week, "2026-W47"},
		{"WeekLabelSlash", "chuong trinh tuan 47/2026", Week, "2026-W47"},
		{"WeekLabelYearWord", "Tuần 5 năm 2027", Week, "2027-W05"},
		{"MonthLabel", "Re: Đề nghị gửi báo cáo Tháng 11/2026 – hạn 18/11/2026", Month, "2026-11"},
		{"MonthNoDiacritics", "bao cao thang 9 nam 2026", Month, "2026-09"},
		{"MonthUpper", "BÁO CÁO THÁNG 12/2026", Month, "2026-12"},
		{"QuarterRoman", "Báo cáo Quý IV/2026", Quarter, "2026-Q4"},
		{"QuarterDigit", "bao cao quy 3 nam 2026", Quarter, "2026-Q3"},
		{"HalfFirst", "Báo cáo 6 tháng đầu năm 2026", Half, "2026-H1"},
		{"HalfSecond", "bao cao 6 thang cuoi nam 2026", Half, "2026-H2"},
		{"NineMonths", "Báo cáo 9 tháng năm 2026", NineMonths, "2026-9M"},
		{"Year", "Báo cáo tổng kết năm 2026", Year, "2026"},
		{"FileNameRequest", "BM.02.01-KH_2026-R03_QLDN.xlsx", Once, "2026-R03"},
		{"RequestLabelOwnMail", "Re: Đề nghị gửi: Báo cáo yêu cầu đột xuất số 03/2026: Số liệu tháng 6/2026", Once, "2026-R03"},
		{"RequestNoDiacritics", "bao cao yeu cau dot xuat so 7/2026", Once, "2026-R07"},
		{"RequestNotAMonth", "BM.02.01-KH_2026-R03_QLDN.xlsx", Month, ""},
		{"RequestZero", "yêu cầu đột xuất số 00/2026", Once, ""},
		{"MonthWithoutYear", "báo cáo tháng 11", Month, ""},
		{"ImpossibleMonth", "tháng 13/2026", Month, ""},
		{"ImpossibleWeek", "tuần 54/2026", Week, ""},
		{"WrongKind", "Báo cáo tháng 11/2026", Quarter, ""},
		{"DateIsNotMonth", "hạn 18/11/2026", Month, ""},
		{"NumberIsNotPeriod", "mã 12026-112", Month, ""},
		{"Empty", "", Year, ""},
		{"WeekSpanAcrossNewYear", "Tuần 1 (29/12/2025 – 04/01/2026)", Week, "2026-W01"},
		{"WeekSpan53", "Chương trình tuần 53 (28/12/2026 – 03/01/2027)", Week, "2026-W53"},
		{"WeekSpanWrongNumber", "Tuần 12 (16/11 – 22/11/2026)", Week, ""},
		{"DateNotMonth", "Báo cáo tháng 11/2026 (hạn nộp 2026-12-05)", Month, "2026-11"},
		{"CanonicalInsideWord", "x2026-11", Month, ""},
		{"CanonicalAfterCanonical", "2026-11_2026-Q4", Quarter, "2026-Q4"},
		{"NotNineMonths", "ngày 19 tháng năm 2026", NineMonths, ""},
		{"CountryNotYear", "Cộng hòa xã hội chủ nghĩa Việt Nam 2026", Year, ""},
		{"YearNoDiacritics", "bao cao tong ket nam 2026", Year, "2026"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := Find(tc.text, tc.kind)
			got := ""
			if ok {
				got = p.String()
			}
			if got != tc.want {
				t.Errorf("Find(%q, %s) = %q, want %q", tc.text, tc.kind, got, tc.want)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Tuần 47 (16/11–22/11/2026)", "BM.04.01-KH_2026-W47_PKH.xlsx", "quý iv/2026", "6 tháng đầu năm 2026", "năm 2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range Kinds() {
			p, ok := Find(s, k)
			if !ok {
				continue
			}
			if p.Kind != k || p.Valid() != nil {
				t.Fatalf("Find(%q, %s) = %+v, invalid or of another kind", s, k, p)
			}
			if q, err := Parse(p.String()); err != nil || q != p {
				t.Fatalf("Find(%q, %s) = %v does not round-trip: %v %v", s, k, p, q, err)
			}
		}
	})
}

// TestFind_OwnLabels finds every period in the label tonghop's own mails give it, and in its
// canonical name inside a template's file name.
func TestFind_OwnLabels(t *testing.T) {
	for _, first := range []string{"2024-W01", "2024-01", "2024-Q1", "2024-H1", "2024-9M", "2024"} {
		p, err := Parse(first)
		if err != nil {
			t.Fatal(err)
		}
		k := p.Kind
		for p.Year <= 2027 {
			for _, text := range []string{"Re: Đề nghị gửi báo cáo " + p.Label(), "BM.02.01-KH_" + p.String() + "_QLDN.xlsx"} {
				if got, ok := Find(text, k); !ok || got != p {
					t.Errorf("Find(%q, %s) = %v, %v; want %v", text, k, got, ok, p)
				}
			}
			p = p.Next()
		}
	}
}

package reportbook

import (
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/consolidate"
	"github.com/tonghop/tonghop/period"
)

// openingFile is the file the test's imported figures come from.
var openingFile = consolidate.Import{Kind: consolidate.ImportOpening, FileName: "so-lieu-dau-ky.xlsx",
	SHA256: strings.Repeat("b", 64), ImportedAt: time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC), By: "tonghop import (ha)"}

// TestWrite_BasisNotes: under the summary table the workbook says whose year to date and last
// year's figures the ledger rebuilt (with imported history), whose the units typed and whose
// are unknown; the units' details say it figure by figure; the provenance sheet lists the
// imported files. The workbook is opened again and read.
func TestWrite_BasisNotes(t *testing.T) {
	// November 2026: U01 (Phòng Kế hoạch - Đầu tư) has January to October and last November
	// imported; U02 (Văn phòng) has no history, typed its year to date except for indicator 7,
	// and no last year's figure; U03 sent nothing.
	fx := newFixture(t, "BM.02.01/KH", 3, 0, "U03")
	imported := func() consolidate.Source {
		return consolidate.Source{Filled: sampleFilled(fx.form, "U01", 0), Imports: []consolidate.Import{openingFile}}
	}
	fx.in.Earlier = map[period.Period]map[string]consolidate.Source{}
	for _, p := range period.InYear(period.Month, 2026)[:10] {
		fx.in.Earlier[p] = map[string]consolidate.Source{"U01": imported()}
	}
	fx.in.LastYear = map[string]consolidate.Source{"U01": imported()}
	delete(fx.in.Current["U02"].Filled.Indicators["kcn"]["7"], "ytd")
	fx.rebuild(t)
	f, _ := fx.write(t)
	sum := rows(t, f, sheetSummary)
	wantNotes := []string{
		"Lũy kế từ đầu năm của Văn phòng (chỉ tiêu 1, 1.1, 1.2, 2, 3, 4, 5, 6) theo số liệu đơn vị tự báo cáo, do sổ theo dõi chưa có đủ số liệu các kỳ trước; " +
			"của Văn phòng (chỉ tiêu 7) chưa có vì sổ theo dõi chưa có đủ số liệu các kỳ trước và đơn vị cũng không ghi, nên lũy kế tổng hợp của các chỉ tiêu đó để trống; " +
			"của Phòng Kế hoạch - Đầu tư cộng từ số liệu các kỳ trong sổ theo dõi, có kỳ lấy từ tệp số liệu đã nhập, xem trang “Nguồn số liệu”.",
		"Cùng kỳ năm trước của Văn phòng chưa có số liệu, nên số tổng hợp cùng kỳ của các chỉ tiêu đó để trống; " +
			"của Phòng Kế hoạch - Đầu tư theo số liệu đã nhập từ tệp, xem trang “Nguồn số liệu”.",
	}
	_, last := rowWith(t, sum, 0, "7") // the table's last indicator; the notes follow it
	for i, want := range wantNotes {
		if got := at(sum[last+i], 0); got != want {
			t.Errorf("note %d under the table:\ngot  %q\nwant %q", i+1, got, want)
		}
	}
	t.Run("Figures", func(t *testing.T) {
		// Indicator 1: U01 ten imported months of 1 and this month's 1, U02 typed 1.
		header, hr := rowWith(t, sum, 0, hdrCode)
		r, _ := rowWith(t, sum[hr:], 0, "1")
		if got := at(r, indexOf(header, hdrYTD)); got != "12" {
			t.Errorf("YTD of 1: got %q, want 12", got)
		}
		r, _ = rowWith(t, sum[hr:], 0, "7")
		if got := at(r, indexOf(header, hdrYTD)); got != "" {
			t.Errorf("YTD of 7: got %q, want blank (U02's is unknown)", got)
		}
	})
	t.Run("UnitDetails", func(t *testing.T) {
		for _, tt := range []struct{ unit, code, ytdFrom, lastYearFrom string }{
			{"U01", "1", "Sổ theo dõi, có số liệu nhập từ tệp", "Sổ theo dõi, có số liệu nhập từ tệp"},
			{"U02", "1", "Đơn vị tự ghi", "Chưa có"},
			{"U02", "7", "Chưa có", "Chưa có"},
		} {
			all := rows(t, f, tt.unit)
			header, hr := rowWith(t, all, 0, hdrCode)
			r, _ := rowWith(t, all[hr:], 0, tt.code)
			if got := []string{at(r, indexOf(header, hdrYTDSource)), at(r, indexOf(header, hdrLastYearSource))}; got[0] != tt.ytdFrom || got[1] != tt.lastYearFrom {
				t.Errorf("%s indicator %s sources: got %q, want %q and %q", tt.unit, tt.code, got, tt.ytdFrom, tt.lastYearFrom)
			}
		}
	})
	t.Run("Provenance", func(t *testing.T) {
		all := rows(t, f, sheetProvenance)
		_, top := rowWith(t, all, 0, titleHistory)
		var got []string
		for _, r := range all[top:] { // top is 1-based: the header row on
			got = append(got, strings.Join([]string{at(r, 0), at(r, 1), at(r, 3), at(r, 5), at(r, 6)}, "|"))
		}
		// One row per run of consecutive periods from the file.
		want := []string{"STT|Mã đơn vị|Kỳ|Loại tệp|Tên tệp",
			"1|U01|Tháng 11/2025|Bảng số liệu đầu kỳ|so-lieu-dau-ky.xlsx",
			"2|U01|Tháng 01/2026 – Tháng 10/2026|Bảng số liệu đầu kỳ|so-lieu-dau-ky.xlsx"}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("imported files:\ngot  %q\nwant %q", got, want)
		}
	})
}

// TestWrite_BasisNotesLedger: when every unit's figures are the ledger's, one short note each.
func TestWrite_BasisNotesLedger(t *testing.T) {
	fx := newFixture(t, "BM.02.01/KH", 2, 0)
	both := func() map[string]consolidate.Source {
		return map[string]consolidate.Source{"U01": {Filled: sampleFilled(fx.form, "U01", 0)},
			"U02": {Filled: sampleFilled(fx.form, "U02", 0)}}
	}
	fx.in.Earlier = map[period.Period]map[string]consolidate.Source{}
	for _, p := range period.InYear(period.Month, 2026)[:10] {
		fx.in.Earlier[p] = both()
	}
	fx.in.LastYear = both()
	fx.rebuild(t)
	f, _ := fx.write(t)
	sum := rows(t, f, sheetSummary)
	for _, want := range []string{
		"Lũy kế từ đầu năm của tất cả các đơn vị cộng từ số liệu các kỳ đơn vị đã gửi.",
		"Cùng kỳ năm trước của tất cả các đơn vị theo báo cáo cùng kỳ đơn vị đã gửi.",
	} {
		if !contains(sum, want) {
			t.Errorf("summary: no note %q", want)
		}
	}
	if contains(rows(t, f, sheetProvenance), titleHistory) {
		t.Errorf("provenance: a table of imported files, with nothing imported")
	}
}

func indexOf(header []string, title string) int {
	for i, h := range header {
		if h == title {
			return i
		}
	}
	return -1
}

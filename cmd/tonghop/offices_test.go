package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/ledger"
	"github.com/tonghop/tonghop/period"
)

// Issue 18, "Done when": the five offices our forms come from (design §3; their procedures are
// the seeds) configured as they write them, deadline phrases and all. Each file under
// testdata/offices is a whole configuration; each must pass `config check`, list its deadlines
// on the dates worked out below by hand, and give a template a unit can open.
//
// The hand-computed dates use the 2026–2027 calendar: weekdays (1/1/2027 is a Friday; ISO week
// 1 of 2027 starts Mon 04/01/2027, so week W starts 04/01 + 7(W-1)), and the days off of the
// Labour Code: 01/01/2027 (Fri); Tết 2027 Fri 05/02 – Tue 09/02 with Wed 10/02 and Thu 11/02
// given back for mùng 1 and mùng 2 falling on the weekend; Giỗ Tổ Fri 16/04/2027; 30/04 (Fri),
// 01/05 (Sat, given back Mon 03/05); 02/09 (Thu) and 03/09/2027 (Fri). A deadline on a day off
// goes back to the working day before, unless that leaves a week's due week (then forward).

// officeCase is one office: its file, the deadlines to check per form for 2027 ("period\ttime"
// or "period\t—" for a period not collected), and the template of one unit for one period.
type officeCase struct {
	file      string
	deadlines map[string][]string
	template  templateCase
}

// templateCase is the template of one unit for one period; due is its deadline as the template
// prints it ("Hạn gửi"), the same date as the deadlines line of that period.
type templateCase struct{ form, period, unit, due string }

var fiveOffices = []officeCase{
	{
		// Ninh Bình Industrial Zones Authority (seed 000). BM.04.01/KH plans the period after.
		file: "ninhbinh.toml",
		deadlines: map[string][]string{
			"BM.04.01/KH": {
				"2027-Q1\t2026-12-15 17:00",  // "ngày 15 tháng cuối quý" of 2026-Q4: Tue 15/12/2026
				"2027-01\t2026-12-18 17:00",  // "ngày 20" of 12/2026: Sun 20/12 → Fri 18/12
				"2027-W01\t2026-12-31 15:00", // "trước 15h00' thứ Năm" of 2026-W53: Thu 31/12/2026
				"2027\t2026-12-31 17:00",     // "cuối năm" 2026: Thu 31/12/2026
				"2027-W02\t2027-01-07 15:00", // Thu of W01 (04–10/01)
				"2027-02\t2027-01-20 17:00",  // Wed 20/01/2027
				// W06 (08–14/02): Mon 08 – Thu 11 all Tết; going back would leave the week, so
				// forward to Fri 12/02.
				"2027-W07\t2027-02-12 15:00",
				"2027-Q2\t2027-03-15 17:00", // Mon 15/03/2027
				"2027-05\t2027-04-20 17:00", // Tue 20/04/2027
				"2027-12\t2027-11-19 17:00", // Sat 20/11/2027 → Fri 19/11
			},
			"BM.02.01/KH": { // "chậm nhất là ngày 18 hằng tháng", the month itself
				"2027-01\t2027-01-18 17:00", // Mon
				"2027-04\t2027-04-15 17:00", // Sun 18/04 → Sat 17 → Fri 16 Giỗ Tổ → Thu 15/04
				"2027-09\t2027-09-17 17:00", // Sat 18/09 → Fri 17/09
			},
			"BM.02.02/KH": {
				"2027-Q1\t2027-03-15 17:00", // "ngày 15 tháng cuối quý": Mon 15/03/2027
				"2027-H1\t2027-06-15 17:00", // "ngày 15 tháng 6": Tue 15/06/2027
				"2027-H2\t—",                // periods = ["H1"]
				"2027-Q4\t2027-12-15 17:00", // Wed 15/12/2027
			},
			"BM.02.03/KH": {"2027\t2027-11-15 17:00"}, // "ngày 15 tháng 11": Mon 15/11/2027
		},
		template: templateCase{"BM.04.01/KH", "2027-Q1", "QLDN", "17:00 ngày 15/12/2026, thứ Ba"},
	},
	{
		// Tây Hồ district (seed 001): wards and departments; "vào ngày 20 hàng tháng".
		file: "tayho.toml",
		deadlines: map[string][]string{
			"KTXH/T": {
				"2027-01\t2027-01-20 17:00", // Wed
				"2027-02\t2027-02-19 17:00", // Sat 20/02 → Fri 19/02
				"2027-06\t2027-06-18 17:00", // Sun 20/06 → Fri 18/06
				"2027-11\t2027-11-19 17:00", // Sat 20/11 → Fri 19/11
			},
			"KTXH/DK": { // the 20th of the period's last month; 3 tháng = Q1, 6 tháng = H1
				"2027-Q1\t2027-03-19 17:00", // Sat 20/03 → Fri 19/03
				"2027-Q2\t—",
				"2027-H1\t2027-06-18 17:00", // Sun 20/06 → Fri 18/06
				"2027-H2\t—",
				"2027-9M\t2027-09-20 17:00", // Mon 20/09
				"2027\t2027-12-20 17:00",    // Mon 20/12
			},
		},
		template: templateCase{"KTXH/T", "2027-02", "P_NHATTAN", "17:00 ngày 19/02/2027, thứ Sáu"},
	},
	{
		// Thái Nguyên DOST, BM-VP-01 (seed 002): "trước ngày N" is due the day before.
		file: "thainguyen.toml",
		deadlines: map[string][]string{
			"BM-VP-01": {
				"2027-01\t2027-01-19 17:00", // "trước ngày 20": Tue 19/01
				"2027-Q1\t2027-03-12 17:00", // "trước ngày 15 của tháng cuối quý": Sun 14/03 → Fri 12/03
				"2027-H1\t2027-05-28 17:00", // "trước ngày 29 tháng 5": Fri 28/05
				"2027-06\t2027-06-18 17:00", // Sat 19/06 → Fri 18/06
				"2027-H2\t—",
				"2027-09\t2027-09-17 17:00", // Sun 19/09 → Fri 17/09
				"2027\t2027-12-14 17:00",    // "trước ngày 15/12": Tue 14/12
				"2027-12\t2027-12-17 17:00", // Sun 19/12 → Fri 17/12
			},
		},
		template: templateCase{"BM-VP-01", "2027-H1", "QLKH", "17:00 ngày 28/5/2027, thứ Sáu"},
	},
	{
		// The northern industrial-zones emulation bloc (seed 003).
		file: "khoithidua.toml",
		deadlines: map[string][]string{
			"TD.KCN/6T": {
				"2027-H1\t2027-07-07 17:00", // "trước ngày 08/7": Wed 07/07/2027
				"2027-H2\t—",
			},
			"TD.KCN/DK": {"2027\t2027-01-08 17:00"}, // "trước ngày 10/01": Sat 09/01 → Fri 08/01
			"TD.KCN/YC": nil,                        // one-off requests only: none made yet
		},
		template: templateCase{"TD.KCN/6T", "2027-H1", "KCN_TN", "17:00 ngày 07/7/2027, thứ Tư"},
	},
	{
		// The Ethnic Committee (seed 004): every plan is for the period after.
		file: "bandantoc.toml",
		deadlines: map[string][]string{
			"KH.CT": {
				"2027\t2026-11-30 17:00",     // "chậm nhất vào ngày 30/11 hằng năm" of 2026: Mon
				"2027-Q1\t2026-12-15 17:00",  // "ngày 15 của tháng cuối quý" of 2026-Q4: Tue 15/12/2026
				"2027-W01\t2026-12-31 17:00", // "chiều thứ Sáu" of 2026-W53: Fri 01/01 off → Thu 31/12
				"2027-H1\t—",                 // periods name H2 only
				"2027-W06\t2027-02-04 17:00", // W05 (01–07/02): Fri 05/02 Tết → Thu 04/02
				"2027-W07\t2027-02-12 17:00", // W06: Fri 12/02 is a working day
				"2027-Q2\t—",
				"2027-W18\t2027-04-29 17:00", // W17 (26/04–02/05): Fri 30/04 off → Thu 29/04
				"2027-06\t2027-05-14 17:00",  // "ngày 15" of 05/2027: Sat → Fri 14/05
				"2027-Q3\t2027-06-15 17:00",  // Tue 15/06/2027
				"2027-H2\t2027-06-15 17:00",  // the 15th of H1's last month
				"2027-W36\t2027-09-01 17:00", // W35 (30/08–05/09): Fri 03, Thu 02 off → Wed 01/09
				"2027-Q4\t—",
			},
		},
		template: templateCase{"KH.CT", "2027-W07", "CSDT", "17:00 ngày 12/02/2027, thứ Sáu"},
	},
}

// officeConfig copies testdata/offices/file into a temporary directory (its data directory
// beside it) with the secrets it names set, and returns its path.
func officeConfig(t *testing.T, file string) string {
	t.Helper()
	t.Setenv("TONGHOP_TEMPLATE_KEY", "khóa-thử")
	t.Setenv("TONGHOP_IMAP_PASSWORD", "mật-khẩu-thử")
	t.Setenv("TONGHOP_SMTP_PASSWORD", "mật-khẩu-thử")
	src, err := os.ReadFile(filepath.Join("testdata", "offices", file))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFiveOffices(t *testing.T) {
	for _, oc := range fiveOffices {
		t.Run(strings.TrimSuffix(oc.file, ".toml"), func(t *testing.T) {
			cfg := officeConfig(t, oc.file)
			if code, stdout, stderr := runCLI(t, "config", "check", "--config", cfg); code != 0 || !strings.Contains(stdout, "OK") {
				t.Fatalf("config check: exit %d\n%s%s", code, stdout, stderr)
			}
			for form, want := range oc.deadlines {
				checkDeadlines(t, cfg, form, want)
			}
			tc := oc.template
			text := templateText(t, cfg, tc.form, tc.period, tc.unit)
			for _, want := range []string{mustPeriod(t, tc.period).Label(), tc.due} {
				if !strings.Contains(text, want) {
					t.Errorf("template %s %s %s: does not show %q:\n%s", tc.form, tc.period, tc.unit, want, text)
				}
			}
		})
	}
}

// checkDeadlines compares the period and time columns of `deadlines --year 2027` with want,
// line by line by period; want nil: the listing is empty.
func checkDeadlines(t *testing.T, cfg, form string, want []string) {
	t.Helper()
	got := deadlineLines(t, cfg, form, 2027)
	if want == nil && (len(got) != 1 || got[""] != "") {
		t.Errorf("%s: want no deadlines, got %q", form, got)
	}
	for _, w := range want {
		p, _, _ := strings.Cut(w, "\t")
		if line := got[p]; !strings.HasPrefix(line, w+"\t") {
			t.Errorf("%s %s: got %q, want %q", form, p, line, w)
		}
	}
}

// templateText writes the template of form for unit and period with the command and returns
// the text of its cells (the workbook opened with excelize).
func templateText(t *testing.T, cfg, form, p, unit string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), unit+".xlsx")
	if code, _, stderr := runCLI(t, "template", "--config", cfg, "--form", form, "--period", p, "--unit", unit, "-o", out); code != 0 {
		t.Fatalf("template %s %s %s: exit %d: %s", form, p, unit, code, stderr)
	}
	return cellTexts(t, out)
}

// TestFiveOffices_WardRows: in Tây Hồ the district police fill the monthly report without the
// ward indicators; a ward's template has them.
func TestFiveOffices_WardRows(t *testing.T) {
	cfg := officeConfig(t, "tayho.toml")
	const wardRow = "Thu ngân sách trên địa bàn"
	const everyone = "Số vụ phạm pháp hình sự"
	ward := templateText(t, cfg, "KTXH/T", "2027-02", "P_NHATTAN")
	police := templateText(t, cfg, "KTXH/T", "2027-02", "CAQ")
	if !strings.Contains(ward, wardRow) || !strings.Contains(ward, everyone) {
		t.Errorf("the ward's template lacks a row:\n%s", ward)
	}
	if strings.Contains(police, wardRow) || strings.Contains(police, "Số hộ kinh doanh cấp mới") {
		t.Errorf("the police's template has the ward rows:\n%s", police)
	}
	if !strings.Contains(police, everyone) || !strings.Contains(police, "Công an quận") {
		t.Errorf("the police's template lacks its own rows or name:\n%s", police)
	}
}

// TestFiveOffices_BlocRequest: the bloc's dated plan items are a form asked only by one-off
// requests; a request numbers its first period of the year, deadlines lists it, and a unit's
// template for it opens and names it.
func TestFiveOffices_BlocRequest(t *testing.T) {
	cfg := officeConfig(t, "khoithidua.toml")
	due := dueIn(20)
	code, stdout, stderr := runCLI(t, "request", "--config", cfg, "--form", "TD.KCN/YC", "--units", "all",
		"--due", due, "--title", "Hồ sơ đề nghị khen thưởng")
	if code != 0 || !strings.Contains(stdout, ", 4 units, 4 templates queued") {
		t.Fatalf("request: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	year := time.Now().In(period.DefaultLocation()).Year()
	key := ledger.RequestPeriod(year, 1)
	lines := deadlineLines(t, cfg, "TD.KCN/YC", year)
	if want := key + "\t" + due + "\tyêu cầu đột xuất: Hồ sơ đề nghị khen thưởng"; lines[key] != want {
		t.Errorf("deadlines: got %q, want %q", lines[key], want)
	}
	if text := templateText(t, cfg, "TD.KCN/YC", key, "KCN_PT"); !strings.Contains(text, mustPeriod(t, key).Label()) {
		t.Errorf("the request's template does not name it:\n%s", text)
	}
}

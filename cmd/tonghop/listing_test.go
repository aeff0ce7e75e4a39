package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tests of the listings a clerk runs by hand: calendar, deadlines and status.

// listingConfig writes a small office configuration into a temporary directory and returns its
// path and data directory (not created). office is added under [office], forms after the
// units. The mail passwords name an environment variable that is not set: the listings must
// not need them.
func listingConfig(t *testing.T, office, forms string) (path, dataDir string) {
	t.Helper()
	dir := t.TempDir()
	text := `data_dir = "data"
[office]
name = "Ban Quản lý các KCN (thử)"
` + office + `
[mailbox]
host = "127.0.0.1"
user = "tonghop@kcn.example"
password_env = "TONGHOP_LISTING_TEST_UNSET"
[smtp]
host = "127.0.0.1"
user = "tonghop@kcn.example"
password_env = "TONGHOP_LISTING_TEST_UNSET"
from = "tonghop@kcn.example"
[[units]]
code = "QLDN"
name = "Phòng Quản lý doanh nghiệp"
emails = ["qldn@kcn.example"]
[[units]]
code = "QLDT"
name = "Phòng Quản lý đầu tư"
emails = ["qldt@kcn.example"]
[[units]]
code = "QHXD"
name = "Phòng Quy hoạch - Xây dựng"
emails = ["qhxd@kcn.example"]
` + forms
	path = filepath.Join(dir, "tonghop.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, filepath.Join(dir, "data")
}

// lines joins expected output lines, each ended by a newline.
func lines(ls ...string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}

// diffLines reports the first differing line of two outputs, which reads better than two
// dumps of a whole year.
func diffLines(t *testing.T, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("line %d: got %q, want %q\nwhole output:\n%s", i+1, gl, wl, got)
			return
		}
	}
}

// Public holidays of 2026 and 2027 under the Labour Code 2019, worked out by hand:
//
// 2026: 1/1 is a Thursday. Lunar new year (Bính Ngọ) is Tuesday 17/2 (new moon 17/2 19:01
// UTC+7); tháng Chạp began on 19/1 (new moon 19/1 02:52 UTC+7), so it has 29 days and 16/2 is
// its last day, "29 tháng Chạp": Tết is Monday 16/2 to Friday 20/2, no weekend day, no
// compensation. Lunar month 3 begins 17/4 (new moon 18:52 UTC+7), so 10/3 is Sunday 26/4 and
// Monday 27/4 is given back. 30/4 Thursday, 1/5 Friday. 2/9 is a Wednesday: 1/9 (Tuesday) and
// 3/9 (Thursday) both work and neither touches a weekend, so "auto" takes 1/9.
//
// 2027: 1/1 is a Friday. Lunar new year (Đinh Mùi) is Saturday 6/2 (new moon 22:56 UTC+7);
// tháng Chạp began on 8/1 (new moon 03:24 UTC+7), so 5/2 is its 29th and last day. Tết runs
// Friday 5/2 to Tuesday 9/2; mùng 1 (Saturday) and mùng 2 (Sunday) fall on the weekend and are
// given back on the first working days not already off: Wednesday 10/2 and Thursday 11/2.
// Lunar month 3 begins 7/4 (new moon 06:51 UTC+7), so Giỗ Tổ is Friday 16/4. 30/4 is a Friday;
// 1/5 a Saturday, given back on Monday 3/5. 2/9 is a Thursday: 1/9 and 3/9 both work, 3/9 joins
// the weekend (4/9 is a Saturday) and 1/9 does not, so "auto" takes Friday 3/9.
var (
	holidays2026 = []string{
		"2026-01-01\tThứ Năm\tTết Dương lịch",
		"2026-02-16\tThứ Hai\tTết Nguyên đán (29 tháng Chạp)",
		"2026-02-17\tThứ Ba\tTết Nguyên đán (mùng 1)",
		"2026-02-18\tThứ Tư\tTết Nguyên đán (mùng 2)",
		"2026-02-19\tThứ Năm\tTết Nguyên đán (mùng 3)",
		"2026-02-20\tThứ Sáu\tTết Nguyên đán (mùng 4)",
		"2026-04-26\tChủ nhật\tGiỗ Tổ Hùng Vương (10/3 âm lịch)",
		"2026-04-27\tThứ Hai\tNghỉ bù cho Giỗ Tổ Hùng Vương (10/3 âm lịch)",
		"2026-04-30\tThứ Năm\tNgày Chiến thắng (30/4)",
		"2026-05-01\tThứ Sáu\tNgày Quốc tế Lao động (1/5)",
		"2026-09-01\tThứ Ba\tQuốc khánh (ngày liền kề)",
		"2026-09-02\tThứ Tư\tQuốc khánh (2/9)",
	}
	holidays2027 = []string{
		"2027-01-01\tThứ Sáu\tTết Dương lịch",
		"2027-02-05\tThứ Sáu\tTết Nguyên đán (29 tháng Chạp)",
		"2027-02-06\tThứ Bảy\tTết Nguyên đán (mùng 1)",
		"2027-02-07\tChủ nhật\tTết Nguyên đán (mùng 2)",
		"2027-02-08\tThứ Hai\tTết Nguyên đán (mùng 3)",
		"2027-02-09\tThứ Ba\tTết Nguyên đán (mùng 4)",
		"2027-02-10\tThứ Tư\tNghỉ bù cho Tết Nguyên đán (mùng 1)",
		"2027-02-11\tThứ Năm\tNghỉ bù cho Tết Nguyên đán (mùng 2)",
		"2027-04-16\tThứ Sáu\tGiỗ Tổ Hùng Vương (10/3 âm lịch)",
		"2027-04-30\tThứ Sáu\tNgày Chiến thắng (30/4)",
		"2027-05-01\tThứ Bảy\tNgày Quốc tế Lao động (1/5)",
		"2027-05-03\tThứ Hai\tNghỉ bù cho Ngày Quốc tế Lao động (1/5)",
		"2027-09-02\tThứ Năm\tQuốc khánh (2/9)",
		"2027-09-03\tThứ Sáu\tQuốc khánh (ngày liền kề)",
	}
)

const bm0201 = "[[forms]]\ncode = \"BM.02.01/KH\"\n"

func TestCalendar(t *testing.T) {
	t.Parallel()
	// 2026-12-31 (Thursday) is announced off; 2026-09-01, computed as Quốc khánh's adjacent
	// day, is worked instead (the office chose 3/9, say); 2026-10-10 is a Saturday worked in
	// exchange, which changes nothing in the listing.
	withDays, _ := listingConfig(t, `holidays = ["2026-12-31", "2026-06-13"]
workdays = ["2026-09-01", "2026-10-10"]`, bm0201)
	// With public_holidays = "none" only the listed days remain, even one on a Sunday.
	none, _ := listingConfig(t, `public_holidays = "none"
holidays = ["2026-02-17", "2026-03-08"]`, bm0201)
	announced := "Ngày nghỉ theo thông báo của cơ quan"
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"Default2026", []string{"calendar", "--year", "2026"}, lines(holidays2026...)},
		{"Default2027", []string{"calendar", "--year", "2027"}, lines(holidays2027...)},
		{"ConfigAddsAndRemoves", []string{"calendar", "--config", withDays, "--year", "2026"}, lines(
			holidays2026[0], holidays2026[1], holidays2026[2], holidays2026[3], holidays2026[4], holidays2026[5],
			holidays2026[6], holidays2026[7], holidays2026[8], holidays2026[9],
			"2026-06-13\tThứ Bảy\t"+announced, // an announced day on a weekend is still listed
			holidays2026[11],
			"2026-12-31\tThứ Năm\t"+announced,
		)},
		{"ConfigOtherYear", []string{"calendar", "--config", withDays, "--year", "2027"}, lines(holidays2027...)},
		{"PublicHolidaysNone", []string{"calendar", "--config", none, "--year", "2026"}, lines(
			"2026-02-17\tThứ Ba\t"+announced,
			"2026-03-08\tChủ nhật\t"+announced,
		)},
		{"PublicHolidaysNoneOtherYear", []string{"calendar", "--config", none, "--year", "2027"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit code: got %d, want 0 (stderr %q)", code, stderr)
			}
			diffLines(t, stdout, tt.want)
		})
	}
}

func TestCalendar_Usage(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "missing.toml")
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"NoYear", []string{"calendar"}, 2, "--year must be 1200–2199"},
		{"YearTooSmall", []string{"calendar", "--year", "26"}, 2, "--year must be 1200–2199"},
		{"YearTooLarge", []string{"calendar", "--year", "2200"}, 2, "--year must be 1200–2199"},
		{"YearNotANumber", []string{"calendar", "--year", "năm"}, 2, "invalid value"},
		{"ExtraArgument", []string{"calendar", "--year", "2026", "2027"}, 2, `unexpected argument "2027"`},
		{"MissingConfig", []string{"calendar", "--year", "2026", "--config", missing}, 1, "read config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code: got %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr, tt.inStderr)
			}
			if tt.code == 2 && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("a usage error must be one line, got %q", stderr)
			}
			if stdout != "" && tt.name != "YearNotANumber" { // see TestCalendar_BadFlagLeavesStdoutEmpty
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
		})
	}
}

// A mistyped flag value must give the one-line error on stderr and nothing on stdout: newFlags
// promises to report mistakes "instead of printing usage", and a clerk redirecting the listing
// (status --tsv > tinh-hinh.tsv) must not find the help text in the file. It fails while the
// flag package calls fs.Usage (which prints the help to stdout) on every parse error.
func TestCalendar_BadFlagLeavesStdoutEmpty(t *testing.T) {
	t.Parallel()
	cfg, _ := listingConfig(t, "", bm0201)
	for _, args := range [][]string{
		{"calendar", "--year", "năm"},
		{"deadlines", "--config", cfg, "--form", "BM.02.01/KH", "--year", "2027", "--frob"},
		{"status", "--config", cfg, "--tsv", "--last", "sáu"},
	} {
		t.Run(args[0], func(t *testing.T) {
			code, stdout, stderr := runCLI(t, args...)
			if code != 2 {
				t.Errorf("exit code: got %d, want 2 (stderr %q)", code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout: got %q, want nothing", stdout)
			}
		})
	}
}

// noLedger fails the test if the data directory exists: the listings read the ledger but must
// never create one.
func noLedger(t *testing.T, dataDir string) {
	t.Helper()
	if _, err := os.Stat(dataDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("data_dir %s: got stat error %v, want it absent (a listing must not create the ledger)", dataDir, err)
	}
}

// The monthly report BM.02.01/KH, "day 18" (built-in), in 2027, worked out by hand: the 18th
// is a working day in January (Monday), February (Thursday: Tết ended on 11/2), March
// (Thursday), May (Tuesday), June (Friday), August (Wednesday), October (Monday) and November
// (Thursday). 18/4 is a Sunday; Saturday 17/4 and Friday 16/4 (Giỗ Tổ) are off too, so the
// deadline moves back to Thursday 15/4 (the explanation names only the nominal day). 18/7 is a
// Sunday (→ Friday 16/7), 18/9 and 18/12 are Saturdays (→ Fridays 17/9 and 17/12). Without a
// time the deadline is the end of the working day, 17:00.

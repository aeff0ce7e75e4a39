package lunar

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tableRow is one line of testdata/tet_hung_kings.tsv.
type tableRow struct {
	year           int
	tet, hungKings time.Time
	line           int
	source         string
}

// readTable loads the published Tết and Giỗ Tổ dates (see the file header for the source).
func readTable(t *testing.T) []tableRow {
	t.Helper()
	f, err := os.Open("testdata/tet_hung_kings.tsv")
	if err != nil {
		t.Fatalf("open table: %v", err)
	}
	defer f.Close()
	var rows []tableRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "year\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("line %d: got %d columns, want 4", n, len(cols))
		}
		year, err := strconv.Atoi(cols[0])
		if err != nil {
			t.Fatalf("line %d: year: %v", n, err)
		}
		tet, err1 := time.Parse(time.DateOnly, cols[1])
		hung, err2 := time.Parse(time.DateOnly, cols[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("line %d: dates: %v %v", n, err1, err2)
		}
		rows = append(rows, tableRow{year: year, tet: tet, hungKings: hung, line: n, source: cols[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read table: %v", err)
	}
	return rows
}

func TestTable_TetAndHungKings(t *testing.T) {
	rows := readTable(t)
	if len(rows) != 36 || rows[0].year != 2000 || rows[35].year != 2035 {
		t.Fatalf("table covers %d rows, want every year 2000-2035", len(rows))
	}
	for i, r := range rows {
		if r.year != 2000+i {
			t.Fatalf("line %d: got year %d, want %d", r.line, r.year, 2000+i)
		}
		m, d := NewYear(r.year)
		if got, want := date(r.year, m, d), r.tet; !got.Equal(want) {
			t.Errorf("NewYear(%d): got %s, want %s (%s)", r.year, got.Format(time.DateOnly), want.Format(time.DateOnly), r.source)
		}
		y, m, d, ok := ToSolar(Date{Year: r.year, Month: 3, Day: 10})
		if got, want := date(y, m, d), r.hungKings; !ok || !got.Equal(want) {
			t.Errorf("ToSolar(10/3/%d): got %s ok=%v, want %s (%s)", r.year, got.Format(time.DateOnly), ok, want.Format(time.DateOnly), r.source)
		}
		if got := FromSolar(r.hungKings.Date()); got != (Date{Year: r.year, Month: 3, Day: 10}) {
			t.Errorf("FromSolar(%s): got %s, want 10/3/%d", r.hungKings.Format(time.DateOnly), got, r.year)
		}
	}
}

// TestTable_LastDayOfYear checks that the lunar year ends the day before the next Tết of the
// table, and that day 30 of tháng Chạp exists exactly when that day is the 30th.
func TestTable_LastDayOfYear(t *testing.T) {
	for _, r := range readTable(t) {
		want := r.tet.AddDate(0, 0, -1)
		y, m, d := LastDayOfYear(r.year - 1)
		if got := date(y, m, d); !got.Equal(want) {
			t.Errorf("LastDayOfYear(%d): got %s, want %s", r.year-1, got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
		last := FromSolar(want.Date())
		if last.Year != r.year-1 || last.Month != 12 || (last.Day != 29 && last.Day != 30) {
			t.Errorf("FromSolar(%s): got %s, want 29 or 30/12/%d", want.Format(time.DateOnly), last, r.year-1)
		}
		_, _, _, ok := ToSolar(Date{Year: r.year - 1, Month: 12, Day: 30})
		if ok != (last.Day == 30) {
			t.Errorf("ToSolar(30/12/%d): got ok=%v, want %v", r.year-1, ok, last.Day == 30)
		}
	}
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

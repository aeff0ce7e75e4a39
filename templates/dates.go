package templates

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Dates typed as text are read day first, the Vietnamese order: "18/11/2026", "18-11-2026",
// "18.11.2026", "ngày 18 tháng 11 năm 2026"; ISO "2026-11-18" (also with a time, as in t="d"
// cells) is accepted too. A two-digit year is taken as 20yy with a warning. A text whose month
// would be over 12 ("11/18/2026", typed the US way) is refused rather than guessed.
var (
	dayFirst  = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	isoDate   = regexp.MustCompile(`(?i)^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	longDateV = regexp.MustCompile(`^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$`)
)

// parseDateText parses a date typed as text; cleaned reports an interpretation worth a warning.
func parseDateText(s string) (d time.Time, cleaned, ok bool) {
	t := strings.ToLower(strings.Join(strings.FieldsFunc(s, isSpace), " "))
	if m := isoDate.FindStringSubmatch(t); m != nil {
		return makeDate(m[1], m[2], m[3])
	}
	if m := longDateV.FindStringSubmatch(t); m != nil {
		d, _, ok := makeDate(m[3], m[2], m[1])
		return d, false, ok
	}
	m := dayFirst.FindStringSubmatch(t)
	if m == nil {
		return time.Time{}, false, false
	}
	year := m[3]
	if len(year) == 2 {
		year, cleaned = "20"+year, true
	}
	d, _, ok = makeDate(year, m[2], m[1])
	return d, cleaned, ok
}

// makeDate builds a date from its parts, refusing days that do not exist (31/02).
func makeDate(ys, ms, ds string) (time.Time, bool, bool) {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != time.Month(m) {
		return time.Time{}, false, false
	}
	return t, false, true
}

// serialDate converts an Excel date serial (1900 or 1904 system) to a date, dropping any time.
func serialDate(v float64, date1904 bool) (time.Time, bool) {
	if math.IsNaN(v) || v < 1 || v > 2958465 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(math.Floor(v), date1904)
	if err != nil {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// plausibleSerial reports whether a plain number in a date column is likely a date serial that
// lost its format (years 2000–2100 in the 1900 system).
func plausibleSerial(v float64) bool { return v >= serial2000 && v <= serial2100 }

// dateSerial is the 1900-system serial Excel stores for a date typed in a cell.
func dateSerial(d time.Time) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return math.Round(d.Sub(base).Hours() / 24)
}

const (
	isoLayout = "2006-01-02"
	viLayout  = "02/01/2006"
)

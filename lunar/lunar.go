// Package lunar converts between Gregorian dates and the Vietnamese lunisolar calendar (âm
// lịch), computed astronomically with Hồ Ngọc Đức's algorithm at the meridian of Vietnam
// (UTC+7). At UTC+8 the same rules give the Chinese calendar, which differs from the
// Vietnamese one in some years (Tết 2007 and 2030 fall a day earlier in Vietnam).
//
// Gregorian dates are proleptic, as in package time. Conversions are defined for Gregorian
// years MinYear … MaxYear; outside that span FromSolar returns the zero Date and ToSolar
// reports ok false. The Meeus formulas used lose accuracy far from the present, and Vietnam
// reckoned its calendar at UTC+7 only from 1968 (before, it followed the Chinese one), so for
// earlier dates the results are today's rules projected backwards, not what almanacs of the
// time printed; FromSolarInZone with zone 8 comes closer to those.
package lunar

import (
	"fmt"
	"math"
	"time"
)

// VietnamZone is the zone the Vietnamese calendar is reckoned in, in hours east of UTC.
const VietnamZone = 7.0

// The span of Gregorian years the package converts.
const (
	MinYear = 1200
	MaxYear = 2199
)

// Date is a date of the lunar calendar. Leap marks a day of a leap month (tháng nhuận).
// Year is the lunar year, which starts on Tết and so lags the Gregorian year in January and
// February; months run 1 … 12 (1 is tháng Giêng, 12 tháng Chạp) and days 1 … 30.
type Date struct {
	Year, Month, Day int
	Leap             bool
}

// String writes d as day/month/year, with "n" after the month of a leap month:
// "10/3/2026", "15/4n/2023" is the 15th of the leap 4th month (tháng 4 nhuận) of 2023.
func (d Date) String() string {
	leap := ""
	if d.Leap {
		leap = "n"
	}
	return fmt.Sprintf("%d/%d%s/%d", d.Day, d.Month, leap, d.Year)
}

// FromSolar returns the Vietnamese lunar date of a Gregorian date. Out-of-range days and
// months are normalised as by time.Date (31 February is 2 or 3 March).
func FromSolar(year int, month time.Month, day int) Date {
	return FromSolarInZone(year, month, day, VietnamZone)
}

// FromSolarInZone is FromSolar for a lunar calendar reckoned in zone hours east of UTC
// (8 gives the Chinese calendar). It returns the zero Date for a year outside MinYear …
// MaxYear or a zone outside -12 … +14.
func FromSolarInZone(year int, month time.Month, day int, zone float64) Date {
	jd, ok := normalJulianDay(year, month, day)
	if !ok || !validZone(zone) {
		return Date{}
	}
	return fromJulianDay(jd, zone)
}

// ToSolar returns the Gregorian date of a Vietnamese lunar date, or ok false if d does not
// exist: a month or day out of range, a leap month the year does not have, day 30 of a
// 29-day month, or a date outside the supported span.
func ToSolar(d Date) (year int, month time.Month, day int, ok bool) {
	return ToSolarInZone(d, VietnamZone)
}

// ToSolarInZone is ToSolar for a lunar calendar reckoned in zone hours east of UTC.
func ToSolarInZone(d Date, zone float64) (int, time.Month, int, bool) {
	jd, ok := toJulianDay(d, zone)
	if !ok {
		return 0, 0, 0, false
	}
	y, m, dd := civilDate(jd)
	return y, time.Month(m), dd, true
}

// NewYear returns the Gregorian month and day of Tết (1/1 of the lunar year) in Gregorian
// year year, or (0, 0) if year is outside the supported span.
func NewYear(year int) (time.Month, int) {
	y, m, d, ok := ToSolar(Date{Year: year, Month: 1, Day: 1})
	if !ok || y != year {
		return 0, 0
	}
	return m, d
}

// LastDayOfYear returns the Gregorian date of the last day of lunar year lunarYear (29 or
// 30 tháng Chạp, the day before the next Tết), or zeros if it is outside the supported span.
func LastDayOfYear(lunarYear int) (int, time.Month, int) {
	jd, ok := toJulianDay(Date{Year: lunarYear + 1, Month: 1, Day: 1}, VietnamZone)
	if !ok {
		return 0, 0, 0
	}
	y, m, d := civilDate(jd - 1)
	if y < MinYear || y > MaxYear {
		return 0, 0, 0
	}
	return y, time.Month(m), d
}

// normalJulianDay normalises a Gregorian date like time.Date and returns its Julian day
// number, or ok false if it lies outside MinYear … MaxYear.
func normalJulianDay(year int, month time.Month, day int) (int, bool) {
	if year < MinYear-1 || year > MaxYear+1 { // keep time.Date away from overflow
		return 0, false
	}
	t := time.Date(year, month, day, 12, 0, 0, 0, time.UTC)
	if t.Year() < MinYear || t.Year() > MaxYear {
		return 0, false
	}
	return julianDay(t.Year(), int(t.Month()), t.Day()), true
}

func validZone(zone float64) bool {
	return !math.IsNaN(zone) && zone >= -12 && zone <= 14
}

// fromJulianDay converts the day jd to the lunar calendar reckoned in zone.
func fromJulianDay(jd int, zone float64) Date {
	// The mean-motion estimate of k can be one lunation ahead of the true new moon (by up
	// to about 14 hours). Hồ Ngọc Đức's programs step back only once and then give lunar day
	// 0 for such a day (e.g. 7 May 2054); stepping back until the month has begun fixes that.
	k := int(math.Floor((float64(jd)-newMoonEpochDay)/synodicMonth)) + 1
	monthStart := newMoonDay(k, zone)
	for monthStart > jd {
		k--
		monthStart = newMoonDay(k, zone)
	}
	year, _, _ := civilDate(jd)
	a11 := month11Start(year, zone) // month 11 that starts this lunar year span…
	b11 := a11                      // …and the one that ends it
	lunarYear := year
	if a11 >= monthStart {
		a11 = month11Start(year-1, zone)
	} else {
		lunarYear = year + 1
		b11 = month11Start(year+1, zone)
	}
	d := Date{Day: jd - monthStart + 1}
	diff := (monthStart - a11) / 29 // months since month 11
	d.Month = diff + 11
	if b11-a11 > 365 { // 13 months between the two solstice months: one is leap
		leap := leapMonthOffset(a11, zone)
		if diff >= leap {
			d.Month = diff + 10
			d.Leap = diff == leap
		}
	}
	if d.Month > 12 {
		d.Month -= 12
	}
	if d.Month >= 11 && diff < 4 {
		lunarYear--
	}
	d.Year = lunarYear
	return d
}

// toJulianDay converts a lunar date reckoned in zone to a Julian day number. It checks the
// result by converting back, which rejects days that do not exist.
func toJulianDay(d Date, zone float64) (int, bool) {
	if d.Year < MinYear-1 || d.Year > MaxYear || d.Month < 1 || d.Month > 12 ||
		d.Day < 1 || d.Day > 30 || !validZone(zone) {
		return 0, false
	}
	var a11, b11 int
	if d.Month < 11 {
		a11 = month11Start(d.Year-1, zone)
		b11 = month11Start(d.Year, zone)
	} else {
		a11 = month11Start(d.Year, zone)
		b11 = month11Start(d.Year+1, zone)
	}
	k := int(math.Floor(0.5 + (float64(a11)-newMoonEpochDay)/synodicMonth))
	off := d.Month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		leapOff := leapMonthOffset(a11, zone)
		// The month number fromJulianDay gives the leap month (offset 1 → 11, 2 → 12,
		// 3 → 1 …). Hồ Ngọc Đức's programs compute leapOff-2 here, which turns a leap
		// 12th month (as in lunar year 1403) into month 0 and rejects it.
		leapMonth := leapOff + 10
		if leapMonth > 12 {
			leapMonth -= 12
		}
		if d.Leap && d.Month != leapMonth {
			return 0, false
		}
		if d.Leap || off >= leapOff {
			off++
		}
	} else if d.Leap {
		return 0, false
	}
	jd := newMoonDay(k+off, zone) + d.Day - 1
	y, _, _ := civilDate(jd)
	if y < MinYear || y > MaxYear || fromJulianDay(jd, zone) != d {
		return 0, false
	}
	return jd, true
}

package lunar

import "math"

// The astronomy below follows Hồ Ngọc Đức's published algorithm for the Vietnamese lunar
// calendar ("Thuật toán tính âm lịch", https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_v02.html,
// and his amlich JavaScript/Java programs), which abridges Jean Meeus, "Astronomical
// Algorithms" (1998), chapters 49 (new moons) and 25 (solar coordinates). The constants are
// his; the Go code is written anew. One deliberate difference: julianDay and civilDate use the
// proleptic Gregorian calendar for every date, like package time, where his programs switch to
// the Julian calendar before 15 October 1582.

// Julian day numbers and the epoch of new moon k = 0 (1 January 1900, 13:52 UTC).
const (
	newMoonEpochDay = 2415021.076998695 // Julian day of new moon k = 0
	synodicMonth    = 29.530588853      // mean days between new moons
	julianDay1900   = 2415021           // Julian day number of 1 January 1900
)

// julianDay returns the Julian day number of a proleptic Gregorian date (the day that begins
// at noon UTC of that date). Formula from Claus Tøndering's calendar FAQ.
func julianDay(year, month, day int) int {
	a := (14 - month) / 12
	y := year + 4800 - a
	m := month + 12*a - 3
	return day + (153*m+2)/5 + 365*y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) - 32045
}

// civilDate is the inverse of julianDay.
func civilDate(jd int) (year, month, day int) {
	a := jd + 32044
	b := floorDiv(4*a+3, 146097)
	c := a - floorDiv(146097*b, 4)
	d := floorDiv(4*c+3, 1461)
	e := c - floorDiv(1461*d, 4)
	m := floorDiv(5*e+2, 153)
	day = e - floorDiv(153*m+2, 5) + 1
	month = m + 3 - 12*(m/10)
	year = 100*b + d - 4800 + m/10
	return year, month, day
}

// floorDiv divides rounding towards minus infinity, so that dates far in the past still work.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// newMoon returns the instant (Julian date, UTC, fractional) of the k-th new moon after the
// one of 1 January 1900 13:52 UTC.
func newMoon(k int) float64 {
	const dr = math.Pi / 180
	kf := float64(k)
	t := kf / 1236.85 // Julian centuries since 1900 January 0.5
	t2 := t * t
	t3 := t2 * t
	mean := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	mean += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	sunAnomaly := (359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3) * dr
	moonAnomaly := (306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3) * dr
	latitude := (21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3) * dr

	c := (0.1734-0.000393*t)*math.Sin(sunAnomaly) + 0.0021*math.Sin(2*sunAnomaly)
	c += -0.4068*math.Sin(moonAnomaly) + 0.0161*math.Sin(2*moonAnomaly)
	c += -0.0004 * math.Sin(3*moonAnomaly)
	c += 0.0104*math.Sin(2*latitude) - 0.0051*math.Sin(sunAnomaly+moonAnomaly)
	c += -0.0074*math.Sin(sunAnomaly-moonAnomaly) + 0.0004*math.Sin(2*latitude+sunAnomaly)
	c += -0.0004*math.Sin(2*latitude-sunAnomaly) - 0.0006*math.Sin(2*latitude+moonAnomaly)
	c += 0.0010*math.Sin(2*latitude-moonAnomaly) + 0.0005*math.Sin(2*moonAnomaly+sunAnomaly)

	// deltaT converts dynamical time to universal time.
	var deltaT float64
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return mean + c - deltaT
}

// sunLongitude returns the apparent longitude of the sun, in radians in [0, 2π), at the
// Julian date jd (UTC, fractional).
func sunLongitude(jd float64) float64 {
	const dr = math.Pi / 180
	t := (jd - 2451545.0) / 36525 // Julian centuries since 2000-01-01 12:00 UTC
	t2 := t * t
	anomaly := (357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2) * dr
	meanLong := 280.46645 + 36000.76983*t + 0.0003032*t2
	centre := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(anomaly)
	centre += (0.019993-0.000101*t)*math.Sin(2*anomaly) + 0.000290*math.Sin(3*anomaly)
	l := (meanLong + centre) * dr
	return l - 2*math.Pi*math.Floor(l/(2*math.Pi))
}

// sunSector returns which twelfth of the ecliptic (0 … 11, 0 starting at the March equinox)
// the sun is in at local midnight starting day jd in the given zone. A month whose first
// day and the next month's first day share a sector contains no major solar term (trung khí).
func sunSector(jd int, zone float64) int {
	return int(math.Floor(sunLongitude(float64(jd)-0.5-zone/24) / math.Pi * 6))
}

// newMoonDay returns the Julian day number of the local day containing new moon k.
func newMoonDay(k int, zone float64) int {
	return int(math.Floor(newMoon(k) + 0.5 + zone/24))
}

// month11Start returns the first day of the lunar month containing the December solstice of
// Gregorian year year (tháng 11 âm lịch, the month the winter solstice always falls in).
func month11Start(year int, zone float64) int {
	off := julianDay(year, 12, 31) - julianDay1900
	k := int(math.Floor(float64(off) / synodicMonth))
	start := newMoonDay(k, zone)
	if sunSector(start, zone) >= 9 { // the new moon is after the solstice: take the previous one
		start = newMoonDay(k-1, zone)
	}
	return start
}

// leapMonthOffset returns, for the 13-month span starting with month 11 on day a11, the
// offset (1 … 13) of the leap month: the first month after a11 without a major solar term.
func leapMonthOffset(a11 int, zone float64) int {
	k := int(math.Floor((float64(a11)-newMoonEpochDay)/synodicMonth + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k+i, zone), zone)
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k+i, zone), zone)
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

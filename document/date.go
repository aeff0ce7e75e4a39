package document

import (
	"fmt"
	"time"
)

// PlaceDate is the place and date line: "Ninh Bình, ngày 08 tháng 12 năm 2026". Decree 30,
// Appendix I: a day below 10 and the months 1 and 2 take a leading zero (so nobody can write a
// digit before them); the other months are written as they are.
func PlaceDate(place string, t time.Time) string {
	month := fmt.Sprintf("%d", t.Month())
	if t.Month() <= time.February {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	date := fmt.Sprintf(dateFormat, fmt.Sprintf("%02d", t.Day()), month, t.Year())
	if place == "" {
		return date
	}
	return place + ", " + date
}

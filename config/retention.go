package config

import "github.com/tonghop/tonghop/period"

// Retention of the records (issue 21, part D): how long a period's mails, workbooks, drafts and
// issued reports are kept after the period ends, as the records schedule says — a yearly report
// for ever, others a number of years.

// DefaultRetentionYears is how long a form's periods are kept when it says nothing.
const DefaultRetentionYears = 5

// minRetentionYears: a report's last-year figures are read from the same period a year before,
// so nothing younger than two years may go.
const minRetentionYears = 2

// Retention returns how many years the records of f's periods of kind k are kept after the
// period ends; forever is true when they are never purged.
func (f *Form) Retention(k period.Kind) (years int, forever bool) {
	if k == period.Year {
		return 0, true
	}
	if f.RetentionYears == nil {
		return DefaultRetentionYears, false
	}
	if *f.RetentionYears == 0 {
		return 0, true
	}
	return *f.RetentionYears, false
}

func validateRetention(v *validator, path string, f *Form) {
	if y := f.RetentionYears; y != nil && *y != 0 && (*y < minRetentionYears || *y > 100) {
		v.add(path+".retention_years", "%d must be 0 (for ever) or between %d (last year's figures are read from the year before) and 100",
			*y, minRetentionYears)
	}
}

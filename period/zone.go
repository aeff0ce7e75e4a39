package period

import (
	"sync"
	"time"

	// The IANA database is embedded (about 450 kB) so that Asia/Ho_Chi_Minh loads even in a
	// minimal container without /usr/share/zoneinfo: a deadline must never be computed in UTC
	// by accident. The fixed fallback below is therefore only a belt-and-braces measure, and an
	// exact one for any date the daemon handles: Vietnam has kept UTC+7 without daylight saving
	// since 1975.
	_ "time/tzdata"
)

// DefaultZone is the IANA name of the office time zone used when none is given.
const DefaultZone = "Asia/Ho_Chi_Minh"

var defaultLocation = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation(DefaultZone)
	if err != nil {
		return time.FixedZone("ICT", 7*60*60)
	}
	return loc
})

// DefaultLocation returns the office time zone used when a nil *time.Location is passed:
// Asia/Ho_Chi_Minh, or a fixed +07:00 zone named "ICT" should the database ever fail to load.
func DefaultLocation() *time.Location {
	return defaultLocation()
}

// orDefault returns loc, or the default office zone when loc is nil.
func orDefault(loc *time.Location) *time.Location {
	if loc == nil {
		return DefaultLocation()
	}
	return loc
}

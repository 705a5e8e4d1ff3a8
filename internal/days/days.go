// Package days counts whole days between two instants, the one day
// arithmetic of the analyses: RFM recency, the new and dormant rule
// segments and the rating's tenure all read it.
package days

import "time"

// Between returns the whole days elapsed from t to asOf: the elapsed
// time divided by 24 hours, rounded down (what pandas'
// Timedelta.days gives in the public RFM tutorials). Two instants 47
// hours apart are 1 day apart. It works on Unix seconds, so it neither
// saturates like time.Duration (292 years) nor depends on time zones.
func Between(t, asOf time.Time) int64 {
	secs := asOf.Unix() - t.Unix()
	if asOf.Nanosecond() < t.Nanosecond() {
		secs--
	}
	days := secs / 86400
	if secs < 0 && secs%86400 != 0 {
		days--
	}
	return days
}

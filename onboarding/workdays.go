package onboarding

import (
	"time"

	"github.com/clientele-go/clientele"
)

// Stage targets are counted in working days, Monday to Friday: the
// article counts training in days of work ("2 days of training, not
// 10"). Public holidays are the host's calendar and are not known here:
// a host that needs them extends the stage (EventExtend) by the holidays
// it spans.

// WorkingDays returns the number of working days (Monday to Friday) from
// from to to, both included: 5 for a Monday to a Sunday of the same
// week. It is 0 when to is before from or either day is not valid. It
// costs the same for a day as for a decade.
func WorkingDays(from, to clientele.Date) int {
	if !from.IsValid() || !to.IsValid() || to.Before(from) {
		return 0
	}
	n := to.Sub(from) + 1
	count := n / 7 * 5
	wd := from.Weekday()
	for range n % 7 {
		if wd != time.Saturday && wd != time.Sunday {
			count++
		}
		wd = (wd + 1) % 7
	}
	return count
}

// WorkingDay returns the day of the n-th working day counted from start
// (n ≥ 1): start itself when it is a working day and n is 1, else the
// next Monday for a weekend start. An invalid start, an n below 1 or a
// day past year 9999 gives an invalid Date.
func WorkingDay(start clientele.Date, n int) clientele.Date {
	if !start.IsValid() || n < 1 || n > 3_000_000 {
		return clientele.NewDate(0, 0, 0) // no such day: invalid
	}
	d := start
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDays(2)
	case time.Sunday:
		d = d.AddDays(1)
	}
	n--
	d = d.AddDays(n / 5 * 7)
	for range n % 5 {
		d = d.AddDays(1)
		if d.Weekday() == time.Saturday {
			d = d.AddDays(2)
		}
	}
	return d
}

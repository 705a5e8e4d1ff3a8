package clientele

import "time"

// Working days are Monday to Friday: onboarding counts its stage targets
// in them (the article's "2 days of training, not 10") and kpi its
// targets per working day. Public holidays are the host's calendar and
// are not known here: onboarding extends a stage by the holidays it
// spans, kpi takes the host's own count of working days.

// WorkingDays returns the number of working days (Monday to Friday) from
// from to to, both included: 5 for a Monday to a Sunday of the same
// week. It is 0 when to is before from or either day is not valid. It
// costs the same for a day as for a decade.
func WorkingDays(from, to Date) int {
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
func WorkingDay(start Date, n int) Date {
	if !start.IsValid() || n < 1 || n > 3_000_000 {
		return NewDate(0, 0, 0) // no such day: invalid
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

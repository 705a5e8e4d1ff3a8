package kpi

import (
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// MaxPeriodDays bounds a period: a scorecard covers a week, a month, a
// quarter or at most a (leap) year.
const MaxPeriodDays = 366

// Period is the span of days a scorecard covers, both ends included. Use
// Week, Month, Quarter or Year for calendar periods; any span of up to
// MaxPeriodDays is accepted. The zero Period is unset: Validate refuses
// it.
type Period struct {
	From clientele.Date `json:"from"`
	To   clientele.Date `json:"to"`
}

// Week returns the ISO week (Monday to Sunday) holding day.
func Week(day clientele.Date) Period {
	back := (int(day.Weekday()) + 6) % 7 // days since Monday
	from := day.AddDays(-back)
	return Period{From: from, To: from.AddDays(6)}
}

// Month returns the calendar month m of year y.
func Month(y int, m time.Month) Period {
	from := clientele.NewDate(y, m, 1)
	return Period{From: from, To: from.AddMonths(1).AddDays(-1)}
}

// Quarter returns quarter q (1-4) of year y; another q gives an invalid
// Period that Validate refuses.
func Quarter(y, q int) Period {
	if q < 1 || q > 4 {
		return Period{From: clientele.NewDate(y, 13, 1)}
	}
	from := clientele.NewDate(y, time.Month(3*q-2), 1)
	return Period{From: from, To: from.AddMonths(3).AddDays(-1)}
}

// Year returns the calendar year y.
func Year(y int) Period {
	return Period{From: clientele.NewDate(y, time.January, 1), To: clientele.NewDate(y, time.December, 31)}
}

// Days returns the number of days in p, both ends counted (0 for an
// invalid period).
func (p Period) Days() int {
	if !p.From.IsValid() || !p.To.IsValid() || p.To.Before(p.From) {
		return 0
	}
	return p.To.Sub(p.From) + 1
}

// Contains reports whether day lies within p.
func (p Period) Contains(day clientele.Date) bool {
	return day.Compare(p.From) >= 0 && day.Compare(p.To) <= 0
}

// Next returns the period of the same calendar length right after p: the
// next month (or months) when p runs from a month's first day to a
// month's last, otherwise the next span of as many days (the next week).
func (p Period) Next() Period {
	if months, ok := p.wholeMonths(); ok {
		from := p.To.AddDays(1)
		return Period{From: from, To: from.AddMonths(months).AddDays(-1)}
	}
	return Period{From: p.To.AddDays(1), To: p.To.AddDays(p.Days())}
}

// wholeMonths reports how many calendar months p spans when it is made
// of whole months.
func (p Period) wholeMonths() (int, bool) {
	if p.From.Day() != 1 || p.To.AddDays(1).Day() != 1 {
		return 0, false
	}
	end := p.To.AddDays(1)
	return (end.Year()-p.From.Year())*12 + int(end.Month()-p.From.Month()), true
}

// WorkingDays counts the Mondays to Fridays in p: the days a target per
// working day is multiplied by unless the host supplies its own count
// (Inputs.WorkingDays) for holidays and leave.
func (p Period) WorkingDays() int { return clientele.WorkingDays(p.From, p.To) }

// String writes the period as "2026-03-01..2026-03-31".
func (p Period) String() string { return p.From.String() + ".." + p.To.String() }

// Validate reports an unset or invalid end, an end before the start and
// a period longer than MaxPeriodDays.
func (p Period) Validate() error {
	var q validate.Problems
	p.check(&q, "")
	return q.Err(ErrInvalid)
}

func (p Period) check(q *validate.Problems, prefix string) bool {
	if p.From.IsValid() && p.To.IsValid() && !p.To.Before(p.From) && p.Days() <= MaxPeriodDays {
		return true // the usual period: no field name to build
	}
	okFrom := q.Date(validate.Path(prefix, "from"), p.From, true)
	okTo := q.Date(validate.Path(prefix, "to"), p.To, true)
	switch {
	case !okFrom || !okTo:
		return false
	case p.To.Before(p.From):
		q.Addf(validate.Path(prefix, "to"), p.To, "is before the start %s: a period ends on or after it starts", p.From)
		return false
	case p.Days() > MaxPeriodDays:
		q.Addf(validate.Path(prefix, "to"), p.To, "makes a period of %d days; the limit is %d", p.Days(), MaxPeriodDays)
		return false
	}
	return true
}

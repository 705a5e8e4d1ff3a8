package clientele

import (
	"strconv"
	"time"
)

// Date is a calendar day of the proleptic Gregorian calendar, from
// 0001-01-01 to 9999-12-31, with no time of day and no time zone. It is
// a comparable value: == and the map key work, Compare orders.
//
// The zero Date is unset: IsZero reports it, and every package reports an
// unset date it needs as "is required". A Date built from an impossible
// day (NewDate(2026, 2, 30)), an out-of-range time or an addition past
// year 9999 is invalid rather than silently moved: IsValid is false,
// String says so, MarshalText refuses it and every package refuses it as
// input.
type Date struct {
	// ord is the day's ordinal, 0001-01-01 being 1 (Python's
	// date.toordinal); 0 is unset, -1 invalid.
	ord int32
}

const (
	minOrd = 1
	maxOrd = 3652059 // 9999-12-31
	// epochOrd is the ordinal of 1970-01-01.
	epochOrd = 719163
)

var invalidDate = Date{ord: -1}

// NewDate returns the day y-m-d, or an invalid Date when there is no such
// day in years 1-9999 (a 30 February, a month 13): unlike time.Date it
// does not roll over into the next month.
func NewDate(y int, m time.Month, d int) Date {
	if y < 1 || y > 9999 || m < time.January || m > time.December || d < 1 || d > daysIn(y, m) {
		return invalidDate
	}
	return Date{ord: int32(daysFromCivil(y, m, d) + epochOrd)}
}

// DateOf returns the calendar day t shows in its own location (t.Date()):
// the library never converts time zones, so pass a time in the zone whose
// day you mean. A time outside years 1-9999 gives an invalid Date.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads a day written "2006-01-02" (ISO 8601, as JSON carries
// dates). Anything else, an impossible day included, is an error that
// matches ErrInvalid and quotes the text.
func ParseDate(s string) (Date, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, e1 := strconv.Atoi(s[0:4])
		m, e2 := strconv.Atoi(s[5:7])
		d, e3 := strconv.Atoi(s[8:10])
		if e1 == nil && e2 == nil && e3 == nil && allDigits(s[0:4]+s[5:7]+s[8:10]) {
			if day := NewDate(y, time.Month(m), d); day.IsValid() {
				return day, nil
			}
		}
	}
	return Date{}, &ValidationError{Fields: []*FieldError{{Value: strconv.Quote(FormatValue(s)), Reason: "is not a calendar date written YYYY-MM-DD"}}}
}

// MustParseDate is ParseDate for tests and examples with hard-coded dates:
// it panics on a malformed one.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether d is the unset zero Date.
func (d Date) IsZero() bool { return d.ord == 0 }

// IsValid reports whether d is a day: neither unset nor invalid.
func (d Date) IsValid() bool { return d.ord >= minOrd }

// Date returns the year, month and day; 0, 0, 0 for an unset or invalid
// Date.
func (d Date) Date() (year int, month time.Month, day int) {
	if !d.IsValid() {
		return 0, 0, 0
	}
	return civilFromDays(int(d.ord) - epochOrd)
}

// Year returns the year, 0 for an unset or invalid Date.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns the month, 0 for an unset or invalid Date.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns the day of the month, 0 for an unset or invalid Date.
func (d Date) Day() int { _, _, day := d.Date(); return day }

// Weekday returns the day of the week; Sunday for an unset or invalid
// Date, which has none (check IsValid first).
func (d Date) Weekday() time.Weekday {
	if !d.IsValid() {
		return time.Sunday
	}
	return time.Weekday((int(d.ord)%7 + 7) % 7) // 0001-01-01 was a Monday: ordinal 1
}

// AddDays returns the day n days after d (before, for negative n). A
// result outside years 1-9999, or any addition to an unset or invalid
// Date, is an invalid Date.
func (d Date) AddDays(n int) Date {
	if !d.IsValid() || n > maxOrd || n < -maxOrd {
		return invalidDate
	}
	o := int(d.ord) + n
	if o < minOrd || o > maxOrd {
		return invalidDate
	}
	return Date{ord: int32(o)}
}

// AddMonths returns the same day n months later (earlier, for negative
// n), moved back to the month's last day where the month is shorter:
// 31 January plus one month is 28 February (29 in a leap year), as
// contract terms and Java's plusMonths count. Out of range, unset or
// invalid: an invalid Date.
func (d Date) AddMonths(n int) Date {
	if !d.IsValid() || n > 12*9999 || n < -12*9999 {
		return invalidDate
	}
	y, m, day := d.Date()
	months := y*12 + int(m) - 1 + n
	ny, nm := months/12, time.Month(months%12+1)
	if ny < 1 || ny > 9999 {
		return invalidDate
	}
	return NewDate(ny, nm, min(day, daysIn(ny, nm)))
}

// Sub returns the number of days from e to d (d − e): positive when d is
// later. It is 0 when either is unset or invalid, so check both first.
func (d Date) Sub(e Date) int {
	if !d.IsValid() || !e.IsValid() {
		return 0
	}
	return int(d.ord - e.ord)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. Unset
// sorts before every day, and invalid before unset.
func (d Date) Compare(e Date) int {
	switch {
	case d.ord < e.ord:
		return -1
	case d.ord > e.ord:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.ord < e.ord }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.ord > e.ord }

// Time returns midnight at the start of d in loc (UTC when loc is nil),
// the zero time for an unset or invalid Date.
func (d Date) Time(loc *time.Location) time.Time {
	if !d.IsValid() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, loc)
}

// String returns "2006-01-02", "" for the unset Date and "invalid date"
// for an invalid one.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case !d.IsValid():
		return "invalid date"
	}
	y, m, day := d.Date()
	// Written digit by digit: a report names thousands of days, and fmt
	// costs a parse of the format and an interface per number.
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + day/10), byte('0' + day%10)}
	return string(b[:])
}

// MarshalText writes "2006-01-02", and "" for the unset Date (leave it
// out of JSON with the omitzero option); an invalid Date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if d.ord < 0 {
		return nil, &ValidationError{Fields: []*FieldError{{Reason: "cannot marshal an invalid date"}}}
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads "2006-01-02", or "" as the unset Date; anything
// else is ParseDate's error and leaves d unchanged.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// daysFromCivil returns the days from 1970-01-01 to y-m-d (Howard
// Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
func daysFromCivil(y int, m time.Month, d int) int {
	if m <= time.February {
		y--
	}
	era := y / 400 // y >= 0 here
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil (civil_from_days).
func civilFromDays(z int) (int, time.Month, int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), d
}

package clientele

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Ordinals as Python's date.toordinal gives them: date(1,1,1) is 1,
// date(1970,1,1) 719163, date(2000,2,29) 730179, date(9999,12,31) 3652059.
func TestDateOrdinalsMatchPython(t *testing.T) {
	cases := []struct {
		y    int
		m    time.Month
		d    int
		ord  int32
		week time.Weekday
	}{
		{1, time.January, 1, 1, time.Monday},
		{1970, time.January, 1, 719163, time.Thursday},
		{2000, time.February, 29, 730179, time.Tuesday},
		{2026, time.December, 5, 739955, time.Saturday},
		{9999, time.December, 31, 3652059, time.Friday},
	}
	for _, c := range cases {
		d := NewDate(c.y, c.m, c.d)
		require.True(t, d.IsValid(), "%d-%d-%d", c.y, c.m, c.d)
		assert.Equal(t, c.ord, d.ord, "%s", d)
		assert.Equal(t, c.week, d.Weekday(), "%s", d)
		y, m, day := d.Date()
		assert.Equal(t, [3]int{c.y, int(c.m), c.d}, [3]int{y, int(m), day})
	}
}

func TestEveryDayRoundTripsAgainstTime(t *testing.T) {
	// Every day from 1599 to 2401 (leap centuries 1600, 2000, 2400 and the
	// common 1700, 1800, 1900, 2100) against the standard library.
	start := time.Date(1599, time.January, 1, 0, 0, 0, 0, time.UTC)
	first := DateOf(start)
	for i := 0; i < 803*366; i++ {
		tm := start.AddDate(0, 0, i)
		d := first.AddDays(i)
		require.Equal(t, DateOf(tm), d, "day %d", i)
		require.Equal(t, tm.Format(time.DateOnly), d.String())
		require.Equal(t, tm.Weekday(), d.Weekday())
		require.Equal(t, i, d.Sub(first))
	}
}

func TestImpossibleDaysAreInvalidNotRolledOver(t *testing.T) {
	for _, d := range []Date{
		NewDate(2026, time.February, 29), NewDate(2026, time.April, 31), NewDate(2026, 13, 1),
		NewDate(0, time.January, 1), NewDate(10000, time.January, 1), NewDate(2026, time.January, 0),
		DateOf(time.Date(-5, time.January, 1, 0, 0, 0, 0, time.UTC)),
		NewDate(9999, time.December, 31).AddDays(1), NewDate(1, time.January, 1).AddDays(-1),
		Date{}.AddDays(1), NewDate(2026, time.January, 1).AddDays(1 << 40),
	} {
		assert.False(t, d.IsValid())
		assert.False(t, d.IsZero())
		assert.Equal(t, "invalid date", d.String())
		_, err := d.MarshalText()
		assert.ErrorIs(t, err, ErrInvalid)
	}
	assert.True(t, NewDate(2024, time.February, 29).IsValid(), "2024 is a leap year")
	assert.False(t, NewDate(1900, time.February, 29).IsValid(), "1900 is not")
	assert.True(t, NewDate(2000, time.February, 29).IsValid(), "2000 is")
}

// DateOf takes the day a time shows in its own zone: 23:30 on the 4th in
// New York is already the 5th in UTC, and the library keeps the 4th.
func TestDateOfKeepsTheTimesOwnDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EST", -5*3600)
	}
	late := time.Date(2026, time.December, 4, 23, 30, 0, 0, ny)
	assert.Equal(t, "2026-12-04", DateOf(late).String())
	assert.Equal(t, "2026-12-05", DateOf(late.UTC()).String())
	// Whole calendar days whatever the hour: 00:10 to 23:50 the next day
	// is one day, although 47 hours and 40 minutes passed.
	a := DateOf(time.Date(2026, time.March, 1, 0, 10, 0, 0, time.UTC))
	b := DateOf(time.Date(2026, time.March, 2, 23, 50, 0, 0, time.UTC))
	assert.Equal(t, 1, b.Sub(a))
	assert.Equal(t, -1, a.Sub(b))
}

func TestAddMonthsEndsAtTheMonthsLastDay(t *testing.T) {
	cases := []struct {
		from, want string
		n          int
	}{
		{"2026-01-31", "2026-02-28", 1},
		{"2024-01-31", "2024-02-29", 1},
		{"2026-03-31", "2026-04-30", 1},
		{"2026-12-15", "2027-01-15", 1},
		{"2026-01-15", "2025-12-15", -1},
		{"2026-05-31", "2027-05-31", 12},
		{"2024-02-29", "2025-02-28", 12},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, MustParseDate(c.from).AddMonths(c.n).String(), "%s %+d months", c.from, c.n)
	}
	assert.False(t, MustParseDate("9999-12-01").AddMonths(1).IsValid())
}

func TestParseDateIsStrict(t *testing.T) {
	d, err := ParseDate("2026-12-05")
	require.NoError(t, err)
	assert.Equal(t, NewDate(2026, time.December, 5), d)
	for _, s := range []string{"", "2026-12-5", "2026/12/05", "2026-02-30", "+026-12-05", "2026-12-05T00:00:00Z", "２０２６-12-05"} {
		_, err := ParseDate(s)
		assert.ErrorIs(t, err, ErrInvalid, "%q", s)
	}
	_, err = ParseDate("2026-1x-05")
	assert.EqualError(t, err, `invalid input: "2026-1x-05": is not a calendar date written YYYY-MM-DD`)
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		Due  Date `json:"due"`
		Paid Date `json:"paid,omitzero"`
	}
	b, err := json.Marshal(rec{Due: MustParseDate("2026-12-05")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"due":"2026-12-05"}`, string(b))
	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"due":"2027-01-31","paid":""}`), &r))
	assert.Equal(t, "2027-01-31", r.Due.String())
	assert.True(t, r.Paid.IsZero())
	r.Due = MustParseDate("2020-01-01")
	assert.Error(t, json.Unmarshal([]byte(`{"due":"2027-02-31"}`), &r))
	assert.Equal(t, "2020-01-01", r.Due.String(), "a refused date leaves the field unchanged")
}

func TestDateOrderAndZero(t *testing.T) {
	a, b := MustParseDate("2026-01-01"), MustParseDate("2026-01-02")
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, 1, b.Compare(a))
	var zero Date
	assert.True(t, zero.IsZero())
	assert.Equal(t, "", zero.String())
	assert.Equal(t, 0, zero.Sub(a))
	assert.True(t, zero.Time(nil).IsZero())
	assert.Equal(t, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), b.Time(nil))
	assert.Equal(t, 0, zero.Year())
}

// String writes digit by digit what fmt's "%04d-%02d-%02d" writes, over
// the whole range (every 7th day, so every weekday and month length, and
// the ends: years 1, 999, 1000 and 9999 keep their leading zeros).
func TestStringMatchesFmtOverTheWholeRange(t *testing.T) {
	check := func(d Date) {
		y, m, day := d.Date()
		require.Equal(t, fmt.Sprintf("%04d-%02d-%02d", y, int(m), day), d.String())
	}
	for o := int32(minOrd); o <= maxOrd; o += 7 {
		check(Date{ord: o})
	}
	for _, s := range []string{"0001-01-01", "0009-09-09", "0999-12-31", "1000-01-01", "9999-12-31"} {
		assert.Equal(t, s, MustParseDate(s).String())
	}
	check(Date{ord: maxOrd})
}

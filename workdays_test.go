package clientele

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// 2026-03-02 is a Monday (ISO 8601 week 10 of 2026).
func TestWorkingDays(t *testing.T) {
	assert.Equal(t, time.Monday, MustParseDate("2026-03-02").Weekday())
	cases := []struct {
		from, to string
		want     int
	}{
		{"2026-03-02", "2026-03-02", 1},   // Monday alone
		{"2026-03-02", "2026-03-06", 5},   // Monday to Friday
		{"2026-03-02", "2026-03-08", 5},   // to Sunday: the weekend adds nothing
		{"2026-03-07", "2026-03-08", 0},   // a weekend
		{"2026-03-06", "2026-03-09", 2},   // Friday and Monday
		{"2026-03-02", "2026-03-31", 22},  // March 2026 from the 2nd: 4 full weeks (20) + Mon 30, Tue 31
		{"2026-03-02", "2026-08-30", 130}, // 26 weeks, Monday to Sunday: 26 × 5
		{"2026-03-03", "2026-03-02", 0},   // backwards
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, WorkingDays(MustParseDate(tc.from), MustParseDate(tc.to)), "%s..%s", tc.from, tc.to)
	}
	assert.Zero(t, WorkingDays(Date{}, MustParseDate("2026-03-02")))
}

// WorkingDays agrees with counting day by day over every start weekday
// and every length up to five weeks.
func TestWorkingDaysAgreesWithCounting(t *testing.T) {
	for start := range 7 {
		from := MustParseDate("2026-03-02").AddDays(start)
		for n := range 36 {
			to := from.AddDays(n)
			assert.Equal(t, countWorkingDays(from, to), WorkingDays(from, to), "%s + %d", from, n)
		}
	}
}

func countWorkingDays(from, to Date) int {
	n := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

func TestWorkingDay(t *testing.T) {
	cases := []struct {
		start string
		n     int
		want  string
	}{
		{"2026-03-02", 1, "2026-03-02"},  // Monday is day 1
		{"2026-03-02", 5, "2026-03-06"},  // Friday is day 5
		{"2026-03-02", 6, "2026-03-09"},  // then Monday
		{"2026-03-06", 2, "2026-03-09"},  // from Friday, day 2 is Monday
		{"2026-03-07", 1, "2026-03-09"},  // a Saturday start begins on Monday
		{"2026-03-08", 1, "2026-03-09"},  // a Sunday start too
		{"2026-03-03", 20, "2026-03-30"}, // 4 weeks of 5 from a Tuesday end on the 4th Monday after
	}
	for _, tc := range cases {
		got := WorkingDay(MustParseDate(tc.start), tc.n)
		assert.Equal(t, tc.want, got.String(), "%s day %d", tc.start, tc.n)
		assert.Equal(t, tc.n, WorkingDays(MustParseDate(tc.start), got), "the inverse of WorkingDays")
	}
	assert.False(t, WorkingDay(MustParseDate("2026-03-02"), 0).IsValid())
	assert.False(t, WorkingDay(Date{}, 1).IsValid())
	assert.False(t, WorkingDay(MustParseDate("9999-12-30"), 5).IsValid(), "past year 9999")
}

// BenchmarkWorkingDays counts the working days of six months (2026-03-02
// to 2026-09-01); BenchmarkWorkingDaysByDay is the plain day-by-day count
// it is checked against, the reference for the ratio.
func BenchmarkWorkingDays(b *testing.B) {
	from, to := MustParseDate("2026-03-02"), MustParseDate("2026-09-01")
	n := 0
	for b.Loop() {
		n += WorkingDays(from, to)
	}
	sinkWorkingDays = n
}

func BenchmarkWorkingDaysByDay(b *testing.B) {
	from, to := MustParseDate("2026-03-02"), MustParseDate("2026-09-01")
	n := 0
	for b.Loop() {
		n += countWorkingDays(from, to)
	}
	sinkWorkingDays = n
}

var sinkWorkingDays int

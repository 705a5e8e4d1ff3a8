package kpi_test

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCalendarPeriods(t *testing.T) {
	d := clientele.MustParseDate
	cases := []struct {
		name          string
		p             kpi.Period
		from, to      string
		days, working int
		next          string
	}{
		// 4 March 2026 is a Wednesday: its ISO week runs Monday 2 to Sunday 8.
		{"week", kpi.Week(d("2026-03-04")), "2026-03-02", "2026-03-08", 7, 5, "2026-03-09..2026-03-15"},
		// A Sunday belongs to the week that began the Monday before.
		{"week of a Sunday", kpi.Week(d("2026-03-08")), "2026-03-02", "2026-03-08", 7, 5, "2026-03-09..2026-03-15"},
		// February 2028 is a leap month; 1 February 2028 is a Tuesday: 21 weekdays.
		{"leap February", kpi.Month(2028, time.February), "2028-02-01", "2028-02-29", 29, 21, "2028-03-01..2028-03-31"},
		// March 2026: Sunday 1 to Tuesday 31, 22 weekdays.
		{"month", kpi.Month(2026, time.March), "2026-03-01", "2026-03-31", 31, 22, "2026-04-01..2026-04-30"},
		// January 2026 has 31 days: the next month is February's 28, not 31 days.
		{"month to a short one", kpi.Month(2026, time.January), "2026-01-01", "2026-01-31", 31, 22, "2026-02-01..2026-02-28"},
		// Q4 2026: 92 days from Thursday 1 October; 13 weeks (65) + 1 day (Thursday 31 Dec).
		{"quarter", kpi.Quarter(2026, 4), "2026-10-01", "2026-12-31", 92, 66, "2027-01-01..2027-03-31"},
		// 2026 starts on a Thursday: 52 weeks (260) + Thursday 31 December.
		{"year", kpi.Year(2026), "2026-01-01", "2026-12-31", 365, 261, "2027-01-01..2027-12-31"},
		// A span that is not whole months moves by its length; Sunday 25
		// January to Tuesday 3 February holds 26-30 January and 2-3 February.
		{"ten days", kpi.Period{From: d("2026-01-25"), To: d("2026-02-03")}, "2026-01-25", "2026-02-03", 10, 7, "2026-02-04..2026-02-13"},
	}
	for _, c := range cases {
		require.NoError(t, c.p.Validate(), c.name)
		assert.Equal(t, c.from+".."+c.to, c.p.String(), c.name)
		assert.Equal(t, c.days, c.p.Days(), c.name)
		assert.Equal(t, c.working, c.p.WorkingDays(), c.name)
		assert.Equal(t, c.next, c.p.Next().String(), c.name)
	}
	assert.True(t, kpi.Month(2026, time.March).Contains(d("2026-03-31")))
	assert.False(t, kpi.Month(2026, time.March).Contains(d("2026-04-01")))
	assert.Error(t, kpi.Quarter(2026, 0).Validate())
	assert.Zero(t, kpi.Period{}.Days())
}

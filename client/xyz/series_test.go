package xyz

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMonthlyPeriods(t *testing.T) {
	ps, err := MonthlyPeriods(day(2025, time.November, 1), 3)
	require.NoError(t, err)
	assert.Equal(t, []Period{
		{day(2025, time.November, 1), day(2025, time.December, 1)},
		{day(2025, time.December, 1), day(2026, time.January, 1)},
		{day(2026, time.January, 1), day(2026, time.February, 1)},
	}, ps)

	// From the 31st: the day is clamped to short months and comes back.
	ps, err = MonthlyPeriods(day(2024, time.January, 31), 4)
	require.NoError(t, err)
	var starts []clientele.Date
	for _, p := range ps {
		starts = append(starts, p.Start)
	}
	assert.Equal(t, []clientele.Date{day(2024, time.January, 31), day(2024, time.February, 29), day(2024, time.March, 31), day(2024, time.April, 30)}, starts)
	assert.Equal(t, day(2024, time.May, 31), ps[3].End)

	// From 28 February, the 28th of each month.
	ps, err = MonthlyPeriods(day(2025, time.February, 28), 1)
	require.NoError(t, err)
	assert.Equal(t, day(2025, time.March, 28), ps[0].End)
	assert.True(t, ps[0].Contains(day(2025, time.February, 28)), "start is in")
	assert.True(t, ps[0].Contains(day(2025, time.March, 27)))
	assert.False(t, ps[0].Contains(day(2025, time.March, 28)), "end is out")

	_, err = MonthlyPeriods(clientele.Date{}, 0)
	require.ErrorIs(t, err, ErrInvalid)
	assert.EqualError(t, err, "xyz: invalid input: start: is required; count = 0: must be 1 to 1200")
	_, err = MonthlyPeriods(day(2025, time.February, 29), 1)
	assert.EqualError(t, err, "xyz: invalid input: start: is not a calendar date in years 1-9999")
	_, err = MonthlyPeriods(day(9999, time.January, 1), 12)
	assert.EqualError(t, err, "xyz: invalid input: count = 12: months from 9999-01-01 run past the year 9999")
	ps, err = MonthlyPeriods(day(9999, time.January, 1), 11)
	require.NoError(t, err)
	assert.Equal(t, day(9999, time.December, 1), ps[10].End)
}

func TestOrderSeries(t *testing.T) {
	periods, err := MonthlyPeriods(day(2025, time.January, 1), 3) // Jan, Feb, Mar 2025
	require.NoError(t, err)
	orders := []client.Order{
		{ClientID: "a", Date: day(2024, time.December, 15), Amount: dec("50")}, // before: a existed
		{ClientID: "a", Date: day(2025, time.January, 10), Amount: dec("100.10")},
		{ClientID: "b", Date: day(2025, time.February, 28), Amount: dec("70")}, // the last day of February
		{ClientID: "a", Date: day(2025, time.January, 20), Amount: dec("0.9")},
		{ClientID: "c", Date: day(2025, time.April, 1), Amount: dec("5")}, // at the end: after
		{ClientID: "a", Date: day(2025, time.March, 31), Amount: dec("30")},
		{ClientID: "b", Date: day(2025, time.March, 1), Amount: dec("0")},
	}
	res, err := OrderSeries(orders, periods, SeriesFromFirstOrder)
	require.NoError(t, err)
	require.Len(t, res.Series, 2, "c ordered only after the window")
	// a: Jan 100.10 + 0.9 = 101.00, Feb nothing, Mar 30.
	assert.Equal(t, "a", res.Series[0].ClientID)
	assert.Equal(t, 0, res.Series[0].FirstPeriod)
	assert.Equal(t, []string{"101", "0", "30"}, decStrings(res.Series[0].Values))
	// b's first order is in February: its history starts there.
	assert.Equal(t, Series{ClientID: "b", FirstPeriod: 1, Values: res.Series[1].Values}, res.Series[1])
	assert.Equal(t, []string{"70", "0"}, decStrings(res.Series[1].Values))
	assert.Equal(t, 5, res.OrdersInPeriods)
	assert.Equal(t, 1, res.OrdersBefore)
	assert.Equal(t, 1, res.OrdersAfter)
	assert.Equal(t, 0, res.OrdersInGaps)

	res, err = OrderSeries(orders, periods, SeriesFromWindowStart)
	require.NoError(t, err)
	assert.Equal(t, []string{"0", "70", "0"}, decStrings(res.Series[1].Values))
	assert.Equal(t, 0, res.Series[1].FirstPeriod)
}

func TestOrderSeriesWithGaps(t *testing.T) {
	// Two quarters a year apart; an order between them is in a gap, and
	// a client first seen in the gap starts at the second period.
	periods := []Period{
		{day(2024, time.January, 1), day(2024, time.April, 1)},
		{day(2025, time.January, 1), day(2025, time.April, 1)},
	}
	orders := []client.Order{
		{ClientID: "g", Date: day(2024, time.July, 1), Amount: dec("9")},
		{ClientID: "g", Date: day(2025, time.February, 1), Amount: dec("4")},
	}
	res, err := OrderSeries(orders, periods, SeriesFromFirstOrder)
	require.NoError(t, err)
	assert.Equal(t, 1, res.OrdersInGaps)
	assert.Equal(t, 1, res.Series[0].FirstPeriod)
	assert.Equal(t, []string{"4"}, decStrings(res.Series[0].Values))
}

func TestOrderSeriesErrors(t *testing.T) {
	jan := Period{day(2025, time.January, 1), day(2025, time.February, 1)}
	_, err := OrderSeries(nil, []Period{jan, {day(2025, time.January, 15), day(2025, time.March, 1)}, {day(2025, time.May, 1), day(2025, time.May, 1)}}, 0)
	require.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, "start = : unknown series start")
	assert.ErrorContains(t, err, "periods[1].start = 2025-01-15: must not be before the end of periods[0] (2025-02-01)")
	assert.ErrorContains(t, err, "periods[2].end = 2025-05-01: must be after start 2025-05-01")

	_, err = OrderSeries(nil, []Period{{day(2025, time.January, 1), day(2025, time.February, 30)}}, SeriesFromFirstOrder)
	assert.EqualError(t, err, "xyz: invalid input: periods[0].end: is not a calendar date in years 1-9999")

	_, err = OrderSeries(nil, nil, SeriesFromFirstOrder)
	assert.ErrorContains(t, err, "periods: is empty")

	_, err = OrderSeries([]client.Order{
		{Date: day(2025, time.January, 2), Amount: dec("1")},
		{ClientID: "x", Amount: dec("1")},
		{ClientID: "y", Date: day(2025, time.January, 2), Amount: dec("-3")},
		{ClientID: "z", Date: day(2025, time.January, 32), Amount: dec("1")},
	}, []Period{jan}, SeriesFromFirstOrder)
	require.ErrorIs(t, err, ErrInvalid)
	assert.EqualError(t, err, "xyz: invalid input: orders[0].client_id: is required; orders[1].date: is required; orders[2].amount = -3: must not be negative; "+
		"orders[3].date: is not a calendar date in years 1-9999")
}

func TestOrderSeriesFeedsXYZ(t *testing.T) {
	// Four months of orders: 87, 100, 113, 100 for one client (split over
	// several orders), the hand-worked series of TestXYZHandWorkedBothDeviations.
	periods, err := MonthlyPeriods(day(2025, time.January, 1), 4)
	require.NoError(t, err)
	orders := []client.Order{
		{ClientID: "c", Date: day(2025, time.January, 3), Amount: dec("80")},
		{ClientID: "c", Date: day(2025, time.January, 30), Amount: dec("7")},
		{ClientID: "c", Date: day(2025, time.February, 14), Amount: dec("100")},
		{ClientID: "c", Date: day(2025, time.March, 1), Amount: dec("113.00")},
		{ClientID: "c", Date: day(2025, time.April, 30), Amount: dec("99.5")},
		{ClientID: "c", Date: day(2025, time.April, 30), Amount: dec("0.5")},
	}
	s, err := OrderSeries(orders, periods, SeriesFromFirstOrder)
	require.NoError(t, err)
	res, err := Classify(s.Series, cfgWith(Sample, 4))
	require.NoError(t, err)
	assert.Equal(t, ClassY, res.Rows[0].Class)
	assert.InDelta(t, 10.6145, res.Rows[0].Stats.CVPct, 1e-4)
}

func decStrings(ds []decimal.Decimal) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

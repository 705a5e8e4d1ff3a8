package client

import (
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHistoriesFromOrders(t *testing.T) {
	orders := []Order{
		{ClientID: "b", Date: day(2026, 3, 5), Amount: decimal.RequireFromString("100.50")},
		{ClientID: "a", Date: day(2026, 1, 10), Amount: decimal.RequireFromString("20")},
		{ClientID: "b", Date: day(2026, 1, 2), Amount: decimal.RequireFromString("0.25")},
		{ClientID: "b", Date: day(2026, 2, 1), Amount: decimal.Zero},
	}
	hs, err := Histories([]string{"a", "b", "c"}, orders)
	require.NoError(t, err)
	require.Len(t, hs, 3)

	assert.Equal(t, "a", hs[0].ClientID)
	assert.Equal(t, 1, hs[0].Orders)
	assert.Equal(t, day(2026, 1, 10), hs[0].FirstOrder)
	assert.Equal(t, day(2026, 1, 10), hs[0].LastOrder)
	assert.Equal(t, "20", hs[0].Total.String())

	// b: three orders, first 2 Jan, last 5 Mar, 100.50 + 0.25 + 0 = 100.75.
	assert.Equal(t, 3, hs[1].Orders)
	assert.Equal(t, day(2026, 1, 2), hs[1].FirstOrder)
	assert.Equal(t, day(2026, 3, 5), hs[1].LastOrder)
	assert.Equal(t, "100.75", hs[1].Total.String())

	assert.Equal(t, History{ClientID: "c"}, hs[2], "a client without orders is kept, with nothing")
	assert.False(t, hs[2].HasOrders())
	for _, h := range hs {
		require.NoError(t, h.Validate())
	}
}

func TestHistoriesErrors(t *testing.T) {
	_, err := Histories(nil, nil)
	assert.ErrorContains(t, err, "client_ids: the client base is empty")

	_, err = Histories([]string{"a", "", "a"}, []Order{
		{ClientID: "a", Date: day(2026, 1, 1), Amount: decimal.RequireFromString("-3")},
		{ClientID: "zz", Amount: decimal.NewFromInt(1)},
		{Date: day(2026, 1, 1)},
		{ClientID: "a", Date: day(2026, 1, 1), Amount: decimal.New(1, 31)},
		{ClientID: "a", Date: day(2026, 1, 32), Amount: decimal.NewFromInt(1)},
	})
	require.ErrorIs(t, err, ErrInvalid)
	for _, want := range []string{
		"client_ids[1]: is required",
		"client_ids[2] = a: repeats client_ids[0]",
		"orders[0].amount = -3: must not be negative: returns and credit notes are not orders",
		"orders[1].client_id = zz: is not in the client base",
		"orders[1].date: is required",
		"orders[2].client_id: is required",
		"orders[3].amount = 1e31: is out of range: more than 30 decimal places or a scale above 10^30",
		"orders[4].date: is not a calendar date in years 1-9999",
	} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestHistoryValidate(t *testing.T) {
	good := History{ClientID: "c", Orders: 2, FirstOrder: day(2026, 1, 1), LastOrder: day(2026, 2, 1), Total: decimal.NewFromInt(5)}
	require.NoError(t, good.Validate())

	bad := good
	bad.LastOrder = day(2025, 12, 1)
	assert.ErrorContains(t, bad.Validate(), `last_order = 2025-12-01: client "c": is before first_order 2026-01-01`)

	bad = History{ClientID: "c", FirstOrder: day(2026, 1, 1), LastOrder: day(2026, 1, 1)}
	err := bad.Validate()
	assert.ErrorContains(t, err, `first_order = 2026-01-01: client "c": must be empty when the client has no orders`)
	assert.ErrorContains(t, err, `last_order = 2026-01-01: client "c": must be empty`)

	invalid := good
	invalid.FirstOrder = day(2026, 2, 29) // 2026 is no leap year
	requireProblems(t, invalid.Validate(), []string{`first_order: client "c": is not a calendar date in years 1-9999`})

	// An order on the as-of day is in time; one the day after is not.
	asOf := day(2026, 2, 1)
	require.NoError(t, good.ValidateAsOf(asOf))
	late := good
	late.LastOrder = day(2026, 2, 2)
	requireProblems(t, late.ValidateAsOf(asOf), []string{`last_order = 2026-02-02: client "c": is after the as-of date 2026-02-01`})

	// The fast path and the detailed check agree on every case above.
	for _, h := range []History{good, bad, invalid, {ClientID: "x", Orders: -1}, {}, {ClientID: " "}, {ClientID: "x", Total: decimal.New(1, -31)}} {
		err := h.Validate()
		assert.Equal(t, err == nil, historyOK(h, clientele.Date{}), "%+v", h)
	}
	assert.False(t, historyOK(late, asOf))
}

func TestHistoryJSON(t *testing.T) {
	var h History
	require.NoError(t, json.Unmarshal([]byte(`{"client_id":"c","orders":2,"first_order":"2026-01-01",
		"last_order":"2026-02-01","total":"1500.00"}`), &h))
	require.NoError(t, h.Validate())
	assert.Equal(t, day(2026, 2, 1), h.LastOrder)
	assert.Equal(t, "1500", h.Total.String())
	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.JSONEq(t, `{"client_id":"c","orders":2,"first_order":"2026-01-01","last_order":"2026-02-01","total":"1500"}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{"client_id":"c","first_order":"2026-01-01T00:00:00Z"}`), &h), "a date is a day, not a time")
	b, err = json.Marshal(History{ClientID: "p"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"client_id":"p","orders":0,"total":"0"}`, string(b), "no dates for a client without orders")
}

func TestHistoriesCapsListedProblems(t *testing.T) {
	// 250 orders of an unknown client without a date: 2 problems each.
	orders := make([]Order, 250)
	for i := range orders {
		orders[i] = Order{ClientID: "ghost", Amount: decimal.NewFromInt(1)}
	}
	_, err := Histories([]string{"a"}, orders)
	requireCapped(t, err, "orders", 500)
}

package discount

import (
	"errors"
	"github.com/clientele-go/clientele"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fieldsOf lists the field paths of a validation error, in order.
func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	var list *clientele.ValidationError
	require.ErrorAs(t, err, &list)
	var out []string
	for _, f := range list.Fields {
		out = append(out, f.Field)
	}
	return out
}

func TestPriceListValidateAcceptsFixture(t *testing.T) {
	require.NoError(t, testPriceList().Validate())
}

func TestPriceListValidateReportsEveryProblem(t *testing.T) {
	pl := PriceList{
		ID: "", Currency: "XYZ",
		ValidFrom: day(2026, time.March, 1), ValidTo: day(2026, time.February, 1),
		Items: []Item{
			{SKU: "A", UnitPrice: d("-1")},
			{SKU: "A", UnitPrice: d("1.123456789")},
			{SKU: "B\t", UnitPrice: d("1"), Cost: nd("-2"), MinPrice: nd("1e-20")},
		},
	}
	err := pl.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, ErrCurrency, "an unknown currency is also a currency error")
	assert.Equal(t, []string{
		"id", "currency", "valid_to",
		"items[0].unit_price", "items[1].sku", "items[1].unit_price",
		"items[2].sku", "items[2].cost", "items[2].min_price",
	}, fieldsOf(t, err))
	assert.Contains(t, err.Error(), "currency = XYZ: unknown ISO 4217 currency code")
	assert.Contains(t, err.Error(), "items[0].unit_price = -1: must not be negative")
	assert.Contains(t, err.Error(), "items[1].sku = A: duplicate SKU (also items[0])")
	assert.Contains(t, err.Error(), `items[2].sku = "B\t": must be printable UTF-8`, "a control character in an ID")
}

func TestPriceListPriceDecimalsFollowCurrency(t *testing.T) {
	// JPY has no minor unit: a unit price may have up to 0+6 decimals.
	pl := PriceList{ID: "jp", Currency: "JPY", Items: []Item{{SKU: "A", UnitPrice: d("100.123456")}}}
	require.NoError(t, pl.Validate())
	pl.Items[0].UnitPrice = d("100.1234567")
	assert.ErrorContains(t, pl.Validate(), "has more than 6 decimal places")
	// Trailing zeros are not precision: 100.10000000 is 100.1.
	pl.Items[0].UnitPrice = d("100.10000000")
	require.NoError(t, pl.Validate())
}

func TestPriceListRejectsHostileDecimalsWithoutHanging(t *testing.T) {
	// JSON input stops at exponents of 10000 (shopspring's decoder); Go
	// callers can build anything.
	for _, v := range []decimal.Decimal{
		d("1e-9999"), d("1e9999"), d("1" + strings.Repeat("0", 50)),
		decimal.New(1, -999_999_999), decimal.New(7, 999_999_999),
	} {
		pl := PriceList{ID: "x", Currency: "EUR", Items: []Item{{SKU: "A", UnitPrice: v}}}
		assert.ErrorIs(t, pl.Validate(), ErrInvalid, v.Exponent())
	}
}

func TestPriceListValidity(t *testing.T) {
	pl := testPriceList()
	assert.True(t, pl.validOn(day(2026, time.January, 1)), "first day included")
	late := time.Date(2026, time.December, 31, 23, 59, 0, 0, time.FixedZone("MSK", 3*60*60))
	assert.True(t, pl.validOn(clientele.DateOf(late)), "last day included, whatever the hour, in the zone the host means")
	assert.False(t, pl.validOn(day(2027, time.January, 1)))
	assert.False(t, pl.validOn(day(2025, time.December, 31)))
	assert.True(t, PriceList{}.validOn(day(1990, time.May, 5)), "open ends")
}

func TestPriceListLoadsStrictly(t *testing.T) {
	pl, err := clientele.LoadConfig[PriceList](strings.NewReader(`{"id":"p","currency":"EUR","items":[{"sku":"A","unit_price":"9.99","cost":5}]}`))
	require.NoError(t, err)
	requireDec(t, "9.99", pl.Items[0].UnitPrice)
	require.True(t, pl.Items[0].Cost.Valid)
	requireDec(t, "5", pl.Items[0].Cost.Decimal)
	assert.False(t, pl.Items[0].MinPrice.Valid)

	_, err = clientele.LoadConfig[PriceList](strings.NewReader(`{"id":"p","currency":"EUR","items":[{"sku":"A","price":"9.99"}]}`))
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.ErrorContains(t, err, `unknown field "price"`)

	_, err = clientele.LoadConfig[PriceList](strings.NewReader(`{"id":"p","currency":"EUR","items":[{"sku":"A","unit_price":"1"}]} {}`))
	assert.ErrorContains(t, err, "has data after the JSON document")

	_, err = clientele.LoadConfig[PriceList](strings.NewReader(`{"id":"p","currency":"usd","items":[{"sku":"A","unit_price":"1"}]}`))
	assert.True(t, errors.Is(err, ErrCurrency), "codes are upper case, as ISO 4217 writes them")
}

func TestCheckShapeBounds(t *testing.T) {
	for _, tc := range []struct {
		v  string
		ok bool
	}{
		{"999999999999999", true}, // 15 integer digits
		{"1000000000000000", false},
		{"1.5e3", true},
		{"1e15", false},
		{"0.12345678", true},
		{"0.123456789", false},
		{"0.1234567800", true},
		{"0", true},
	} {
		var p problems
		assert.Equal(t, tc.ok, checkShape(&p, "f", decimal.RequireFromString(tc.v), 8), tc.v)
	}
}

package discount

import (
	"github.com/clientele-go/clientele"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// d parses a decimal literal; test-only.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// nd is an optional decimal that is set.
func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

func day(y int, m time.Month, dd int) clientele.Date { return clientele.NewDate(y, m, dd) }

// testDate is inside every fixture's validity window.
var testDate = day(2026, time.November, 26)

// testPriceList is a small EUR price list: two tools, a fastener priced
// below a cent, and an item whose list price is below cost.
func testPriceList() PriceList {
	return PriceList{
		ID: "pl-2026", Currency: "EUR",
		ValidFrom: day(2026, time.January, 1), ValidTo: day(2026, time.December, 31),
		Items: []Item{
			{SKU: "DRILL", Name: "Cordless drill", Group: "tools", UnitPrice: d("100.00"), Cost: nd("60.00")},
			{SKU: "SAW", Name: "Circular saw", Group: "tools", UnitPrice: d("250.00"), Cost: nd("150.00")},
			{SKU: "SCREW", Name: "Wood screw", Group: "fasteners", UnitPrice: d("0.05"), Cost: nd("0.02")},
			{SKU: "GLOVE", Name: "Work gloves", Group: "safety", UnitPrice: d("10.00"), Cost: nd("9.80")},
		},
	}
}

// baseRules is a rule set with no discount rule, for tests to add to.
func baseRules(p Policy) Rules {
	return Rules{Currency: "EUR", Combination: p}
}

func req(lines ...LineRequest) Request {
	return Request{Date: testDate, Currency: "EUR", Lines: lines}
}

func line(sku, qty string) LineRequest { return LineRequest{SKU: sku, Quantity: d(qty)} }

func mustQuote(t *testing.T, pl PriceList, r Rules, rq Request) Quote {
	t.Helper()
	q, err := NewQuote(pl, r, rq)
	require.NoError(t, err)
	return q
}

// requireDec compares decimals by value, printing both on failure.
func requireDec(t *testing.T, want string, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	require.Truef(t, d(want).Equal(got), "want %s, got %s %v", want, got, msgAndArgs)
}

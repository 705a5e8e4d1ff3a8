package discount

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func bigOf(x wide) *big.Int { return x.big() }

// wideOf returns c as a wide; c must fit.
func wideOf(c *big.Int) wide {
	var x wide
	w := new(big.Int).Set(c)
	mask := new(big.Int).SetUint64(^uint64(0))
	for i := range x {
		x[i] = new(big.Int).And(w, mask).Uint64()
		w.Rsh(w, 64)
	}
	return x
}

func TestRoundPow10MatchesDecimal(t *testing.T) {
	// Ties, a tie broken by a digit far below (sticky), even and odd
	// quotients, and dropped digits across several words.
	for _, tc := range []struct {
		x    string
		k    int32
		up   string // half up, as decimal.Round gives it
		even string // half even, as decimal.RoundBank gives it
		ceil string // up, as decimal.RoundCeil gives it
	}{
		{"25", 1, "3", "2", "3"},
		{"35", 1, "4", "4", "4"},
		{"30", 1, "3", "3", "3"},
		{"2500000000000000000000000000001", 30, "3", "3", "3"},
		{"2500000000000000000000000000000", 30, "3", "2", "3"},
		{"2499999999999999999999999999999", 30, "2", "2", "3"},
		{"2000000000000000000000000000001", 30, "2", "2", "3"},
		{"123456789012345678901234567890123456789", 19, "12345678901234567890", "12345678901234567890", "12345678901234567891"},
		{"98765", 0, "98765", "98765", "98765"},
		{"4", 45, "0", "0", "1"},
	} {
		c, _ := new(big.Int).SetString(tc.x, 10)
		got := roundPow10(wideOf(c), tc.k, RoundHalfUp)
		assert.Equal(t, tc.up, bigOf(got).String(), "%s / 10^%d half up", tc.x, tc.k)
		got = roundPow10(wideOf(c), tc.k, RoundHalfEven)
		assert.Equal(t, tc.even, bigOf(got).String(), "%s / 10^%d half even", tc.x, tc.k)
		// and decimal agrees
		dd := decimal.NewFromBigInt(c, -tc.k)
		assert.Equal(t, tc.up, dd.Round(0).String(), tc.x)
		assert.Equal(t, tc.even, dd.RoundBank(0).String(), tc.x)
		assert.Equal(t, tc.ceil, bigOf(ceilPow10(wideOf(c), tc.k)).String(), "%s / 10^%d up", tc.x, tc.k)
		assert.Equal(t, tc.ceil, dd.RoundCeil(0).String(), tc.x)
	}
}

func TestCeilUnitsMatchesDecimal(t *testing.T) {
	// The cap and floor prices: a list price or cost times a factor,
	// rounded up to the unit-price precision.
	rng := rand.New(rand.NewPCG(5, 9))
	fitted := 0
	for range 5000 {
		d := decimal.New(rng.Int64N(1_000_000_000), -int32(rng.IntN(9)))
		f := decimal.New(rng.Int64N(20_000_000_000), -int32(2+rng.IntN(9)))
		places := int32(rng.IntN(9))
		want := d.Mul(f).RoundCeil(places)
		got, ok := ceilUnits(d, newFixedFactor(f), places)
		if !ok {
			require.True(t, want.Shift(places).GreaterThanOrEqual(decimal.NewFromUint64(1<<63)), "%s × %s fits in an int64", d, f)
			continue
		}
		require.Equal(t, want.String(), decimal.New(got, -places).String(), "%s × %s up to %d places", d, f, places)
		fitted++
	}
	assert.Greater(t, fitted, 3000, "most cases fit in an int64")
}

func TestWideArithmeticMatchesBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 256))
	limit := new(big.Int).Lsh(big.NewInt(1), 256)
	for range 5000 {
		var x wide
		for i := range rng.IntN(5) {
			x[i] = rng.Uint64()
		}
		y := rng.Uint64() >> rng.IntN(64)
		want := new(big.Int).Mul(bigOf(x), new(big.Int).SetUint64(y))
		got := x
		ok := got.mulWord(y)
		require.Equal(t, want.Cmp(limit) < 0, ok, "mulWord overflow of %v × %d", x, y)
		if ok {
			require.Equal(t, want.String(), bigOf(got).String())
		}
		if y == 0 {
			continue
		}
		q := x
		r := q.divWord(y)
		wq, wr := new(big.Int).QuoRem(bigOf(x), new(big.Int).SetUint64(y), new(big.Int))
		require.Equal(t, wq.String(), bigOf(q).String())
		require.Equal(t, wr.Uint64(), r)

		f := fixedFactor{hi: rng.Uint64() >> rng.IntN(64), lo: rng.Uint64(), ok: true}
		want = new(big.Int).Mul(bigOf(x), bigOf(wide{f.lo, f.hi}))
		got = x
		ok = got.mulFactor(f)
		require.Equal(t, want.Cmp(limit) < 0, ok, "mulFactor overflow")
		if ok {
			require.Equal(t, want.String(), bigOf(got).String())
		}
	}
}

func TestNewFixedFactor(t *testing.T) {
	for _, tc := range []struct {
		d      string
		coef   string
		dec    int32
		usable bool
	}{
		{"0.95", "95", 2, true},
		{"0.9500", "95", 2, true}, // trailing zeros dropped
		{"1.0098630136986301", "10098630136986301", 16, true},
		{"0.99333333333333333333", "99333333333333333333", 20, true}, // above 2^64
		{"2e3", "2000", 0, true},
		{"0", "0", 0, true},
		{"-1", "0", 0, false},
		{"1e40", "0", 0, false}, // over 128 bits
	} {
		f := newFixedFactor(d(tc.d))
		require.Equal(t, tc.usable, f.ok, tc.d)
		if !f.ok {
			continue
		}
		assert.Equal(t, tc.coef, bigOf(wide{f.lo, f.hi}).String(), tc.d)
		assert.Equal(t, tc.dec, f.dec, tc.d)
	}
}

// requireSameQuote fails unless a and b are equal field by field, every
// decimal equal in value and in exponent (so they print alike).
func requireSameQuote(t *testing.T, a, b Quote, context ...any) {
	t.Helper()
	if diff := sameValue(reflect.ValueOf(a), reflect.ValueOf(b), "quote"); diff != "" {
		require.Fail(t, diff, context...)
	}
}

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	quoteType   = reflect.TypeFor[Quote]() // this package's types are walked field by field
)

func sameValue(a, b reflect.Value, path string) string {
	switch {
	case a.Type() == decimalType:
		x, y := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		if !x.Equal(y) || (!x.IsZero() && x.Exponent() != y.Exponent()) {
			return fmt.Sprintf("%s: %s (exp %d) != %s (exp %d)", path, x, x.Exponent(), y, y.Exponent())
		}
	case a.Kind() == reflect.Struct && a.Type().PkgPath() == quoteType.PkgPath():
		for i := range a.NumField() {
			if d := sameValue(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
	case a.Kind() == reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d != %d elements", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := sameValue(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case !reflect.DeepEqual(a.Interface(), b.Interface()):
		return fmt.Sprintf("%s: %v != %v", path, a, b)
	}
	return ""
}

// bothPaths compiles pl and r twice, with and without the fast path.
func bothPaths(t testing.TB, pl PriceList, r Rules) (fast, slow *Engine, err error) {
	fast, err = Compile(pl, r)
	if err != nil {
		return nil, nil, err
	}
	slow, err = Compile(pl, r)
	if err != nil {
		return nil, nil, err
	}
	slow.decimalOnly = true
	return fast, slow, nil
}

// TestFixedMatchesDecimal prices random rule sets and requests both
// ways and requires the same quote to the last digit and exponent; it
// also checks that most lines took the fast path, so the comparison is
// not vacuous.
func TestFixedMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2026))
	lines, fastLines := 0, 0
	for range 1500 {
		r := randomRules(rng)
		if rng.IntN(3) == 0 {
			r.Rounding = RoundHalfEven
		}
		fast, slow, err := bothPaths(t, testPriceList(), r)
		if err != nil {
			continue // first_match conflicts, as in the volume property test
		}
		rq := randomRequest(rng, r)
		got, n, err := fast.quote(rq)
		require.NoError(t, err)
		want, _, err := slow.quote(rq)
		require.NoError(t, err)
		requireSameQuote(t, want, got, "rules %+v\nrequest %+v", r, rq)
		lines += len(rq.Lines)
		fastLines += n
	}
	require.Greater(t, lines, 2000)
	assert.Greater(t, float64(fastLines)/float64(lines), 0.95, "share of lines on the fast path")
}

// TestFixedFallsBackWhereItMust prices lines the fast path cannot carry:
// a quantity of 19 digits, additive rates past 100 %, an overflow of 256
// bits; the decimal path prices them, with the same result as ever.
func TestFixedFallsBackWhereItMust(t *testing.T) {
	check := func(pl PriceList, r Rules, rq Request, wantFast int) {
		t.Helper()
		fast, slow, err := bothPaths(t, pl, r)
		require.NoError(t, err)
		got, n, err := fast.quote(rq)
		require.NoError(t, err)
		want, _, err := slow.quote(rq)
		require.NoError(t, err)
		requireSameQuote(t, want, got)
		assert.Equal(t, wantFast, n, "lines on the fast path")
	}
	check(testPriceList(), baseRules(Additive), req(line("DRILL", "1234567890123.456789")), 0)
	check(testPriceList(), baseRules(Additive), req(line("DRILL", "123456789012.345678")), 1)

	r := twoRules(Additive)
	r.Promotions[0].Rate, r.Promotions[1].Rate = d("60"), d("50")
	check(testPriceList(), r, req(line("DRILL", "3")), 0)

	// Eight compounding rates of 8 decimals each and a 16-decimal payment
	// factor: 10 + 8 × 10 + 17 digits, past 256 bits.
	r = baseRules(Compounding)
	for i := range 8 {
		r.Promotions = append(r.Promotions, PromotionRule{Header: Header{ID: fmt.Sprintf("p%d", i), Priority: i}, Rate: d("1.23456789")})
	}
	r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: CompoundInterest}
	rq := req(line("SAW", "7"))
	rq.Payment.Days = 45
	check(testPriceList(), r, rq, 0)
	r.Promotions = r.Promotions[:2]
	check(testPriceList(), r, rq, 1)
}

// FuzzFixedMatchesDecimal prices one line both ways over arbitrary
// prices, quantities, rates, guards, payment terms and rounding.
func FuzzFixedMatchesDecimal(f *testing.F) {
	f.Add("100.00", "45", "5", "3", "2", uint8(3), "30", "20", 30, false, uint8(0), false)
	f.Add("9.99", "3", "25", "0", "0", uint8(2), "25", "", 0, true, uint8(1), true)
	f.Add("0.0125", "1000.5", "12.5", "7.25", "0.00000001", uint8(1), "", "12", 90, false, uint8(2), true)
	f.Add("999999999999.99", "999999", "99.99999999", "50", "1", uint8(0), "100", "1000", 3650, false, uint8(6), false)
	f.Fuzz(func(t *testing.T, price, qty, rate1, rate2, mgr string, policy uint8, maxDiscount, markup string, days int, prepay bool, extra uint8, even bool) {
		dec := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		pl := PriceList{ID: "pl", Currency: "EUR", Items: []Item{{SKU: "X", Group: "g", UnitPrice: dec(price), Cost: decimal.NewNullDecimal(dec(price).Div(decimal.NewFromInt(2)).Round(2))}}}
		r := baseRules(Policy(1 + policy%4))
		r.ExtraUnitDecimals = int32(extra % 7)
		if even {
			r.Rounding = RoundHalfEven
		}
		// A graduated blend (a 20-decimal rate) ahead of two flat rates.
		r.Volume = []VolumeRule{{Header: Header{ID: "v"}, Per: PerItem, Basis: BasisQuantity, Mode: Graduated,
			Tiers: []Tier{{Min: decimal.Zero, Rate: decimal.Zero}, {Min: decimal.NewFromInt(7), Rate: dec(rate2)}}}}
		r.Segments = []SegmentRule{{Header: Header{ID: "s", Priority: 1}, Segment: "A", Rate: dec(rate1)}}
		r.Promotions = []PromotionRule{{Header: Header{ID: "p", Priority: 2}, Rate: dec(rate2)}}
		if maxDiscount != "" {
			r.MaxDiscount = decimal.NewNullDecimal(dec(maxDiscount))
		}
		if markup != "" {
			r.Floor.MinMarkup = decimal.NewNullDecimal(dec(markup))
		}
		r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("9.5"), Interest: InterestMethod(1 + days%2)}
		r.Authority = []Authority{{ID: "m", MaxDiscount: d("100")}}
		fast, slow, err := bothPaths(t, pl, r)
		if err != nil {
			return
		}
		rq := Request{Date: testDate, Currency: "EUR", Client: ClientFacts{Segments: []string{"A"}},
			Lines:   []LineRequest{{SKU: "X", Quantity: dec(qty)}},
			Payment: PaymentTerms{Days: days, Prepayment: prepay},
			Manager: ManagerDiscount{ManagerID: "m1", Role: "m", Rate: dec(mgr)}}
		want, _, err := slow.quote(rq)
		if err != nil {
			return
		}
		got, _, err := fast.quote(rq)
		require.NoError(t, err)
		requireSameQuote(t, want, got)
	})
}

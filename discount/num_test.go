package discount

import (
	"fmt"

	"github.com/clientele-go/clientele/authority"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numCase is a decimal and the num of it, on words or forced to a
// decimal.
func numCase(rng *rand.Rand) (decimal.Decimal, num) {
	digits := []int64{0, 1, 5, 95, 999_999, 123_456_789_012_345, 999_999_999_999_999_999}
	c := decimal.NewFromInt(digits[rng.IntN(len(digits))] / int64(1+rng.IntN(9)))
	if rng.IntN(4) == 0 { // a coefficient past 64 bits, or past 256
		c = c.Mul(decimal.New(1, int32(rng.IntN(70)))).Add(decimal.NewFromInt(rng.Int64N(1000)))
	}
	if rng.IntN(3) == 0 {
		c = c.Neg()
	}
	v := decimal.NewFromBigInt(c.BigInt(), -int32(rng.IntN(25)))
	if rng.IntN(5) == 0 {
		return v, bigNum(v)
	}
	return v, numOf(v)
}

// TestNumMatchesDecimal holds every num operation to shopspring's, on
// words, in decimals and mixed, through overflows: equal values, and a
// rounding's exponent is the places asked for.
func TestNumMatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	onWords := 0
	same := func(want decimal.Decimal, got *num, what string, a ...any) {
		t.Helper()
		require.Truef(t, want.Equal(got.decimal()), what+": want %s, got %s", append(a, want, got.decimal())...)
	}
	for range 20_000 {
		dx, x := numCase(rng)
		dy, y := numCase(rng)
		var z num
		same(dx, &x, "numOf(%s)", dx)
		same(dx.Mul(dy), z.mul(&x, &y), "%s × %s", dx, dy)
		same(dx.Sub(dy), z.sub(&x, &y), "%s − %s", dx, dy)
		same(dx.Mul(dx), z.mul(&x, &x), "%s squared", dx)
		same(decimal.Zero, z.sub(&x, &x), "%s − itself", dx)
		require.Equal(t, dx.Cmp(dy), x.cmp(&y), "%s vs %s", dx, dy)
		require.Equal(t, dx.IsZero(), x.isZero())
		places := int32(rng.IntN(12))
		for _, m := range []RoundingMode{RoundHalfUp, RoundHalfEven} {
			want, got := m.Round(dx, places), z.round(&x, places, m)
			same(want, got, "%s to %d places in %s", dx, places, m)
			require.Equal(t, want.Exponent(), got.decimal().Exponent(), "%s to %d places", dx, places)
			if !got.big {
				onWords++
			}
		}
		same(dx.RoundCeil(places), z.ceil(&x, places), "%s up to %d places", dx, places)
		if c, exp, ok := x.int64(); ok {
			same(decimal.New(c, exp), &x, "units of %s", dx)
		}
		z = x
		same(dx.Mul(dy), z.mul(&z, &y), "%s × %s in place", dx, dy)
	}
	assert.Greater(t, onWords, 20_000, "most roundings stay on words")
}

func TestNumOf(t *testing.T) {
	for _, tc := range []struct {
		d     string
		coef  string
		dec   int32
		words bool
	}{
		{"0.95", "95", 2, true},
		{"0.9500", "95", 2, true}, // trailing zeros dropped
		{"-12.50", "125", 1, true},
		{"1.0098630136986301", "10098630136986301", 16, true},
		{"0.99333333333333333333", "99333333333333333333", 20, true}, // above 2^64
		{"2e3", "2000", 0, true},
		{"0", "0", 0, true},
		{"2e77", "", 0, false}, // over 256 bits
		{"123456789012345678901234567890123456789012345678901234567890123456789012345678", "", 0, false},
	} {
		x := numOf(d(tc.d))
		require.Equal(t, tc.words, !x.big, tc.d)
		assert.True(t, d(tc.d).Equal(x.decimal()), tc.d)
		if !tc.words {
			continue
		}
		assert.Equal(t, tc.coef, x.coef.Big().String(), tc.d)
		assert.Equal(t, tc.dec, x.dec, tc.d)
		assert.Equal(t, d(tc.d).Sign() < 0, x.neg, tc.d)
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

// bothPaths compiles pl and r twice: as a host does, and as the decimal
// reference, every value a decimal.
func bothPaths(t testing.TB, pl PriceList, r Rules) (fast, slow *Engine, err error) {
	fast, err = Compile(pl, r)
	if err != nil {
		return nil, nil, err
	}
	slow, err = compile(pl, r, true)
	if err != nil {
		return nil, nil, err
	}
	return fast, slow, nil
}

// TestWordsMatchDecimal prices random rule sets and requests both ways
// and requires the same quote to the last digit and exponent; it also
// checks that most lines stayed on machine words, so the comparison is
// not vacuous.
func TestWordsMatchDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 2026))
	lines, exactLines := 0, 0
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
		exactLines += n
	}
	require.Greater(t, lines, 2000)
	assert.Greater(t, float64(exactLines)/float64(lines), 0.95, "share of lines on machine words")
}

// TestWordsFallBackWhereTheyMust prices lines near and past what machine
// words carry: a quantity of 19 digits and additive rates past 100 %
// (a negative price) stay on words; an overflow of 256 bits moves the
// line to decimals from that step on, with the same result as ever.
func TestWordsFallBackWhereTheyMust(t *testing.T) {
	check := func(pl PriceList, r Rules, rq Request, wantExact int) {
		t.Helper()
		fast, slow, err := bothPaths(t, pl, r)
		require.NoError(t, err)
		got, n, err := fast.quote(rq)
		require.NoError(t, err)
		want, _, err := slow.quote(rq)
		require.NoError(t, err)
		requireSameQuote(t, want, got)
		assert.Equal(t, wantExact, n, "lines on machine words throughout")
	}
	check(testPriceList(), baseRules(Additive), req(line("DRILL", "1234567890123.456789")), 1)
	check(testPriceList(), baseRules(Additive), req(line("DRILL", "123456789012.345678")), 1)

	r := twoRules(Additive)
	r.Promotions[0].Rate, r.Promotions[1].Rate = d("60"), d("50")
	check(testPriceList(), r, req(line("DRILL", "3")), 1)

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

// FuzzWordsMatchDecimal prices one line both ways over arbitrary
// prices, quantities, rates, guards, payment terms and rounding.
func FuzzWordsMatchDecimal(f *testing.F) {
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
		r.Authority = authority.Limits{{Holder: "m", Max: d("100")}}
		fast, slow, err := bothPaths(t, pl, r)
		if err != nil {
			return
		}
		rq := Request{Date: testDate, Currency: "EUR", Client: ClientFacts{Segments: []string{"A"}},
			Lines:   []LineRequest{{SKU: "X", Quantity: dec(qty)}},
			Payment: PaymentTiming{Days: days, Prepayment: prepay},
			Manager: ManagerDiscount{By: authority.Actor{ID: "m1", Role: "m"}, Rate: dec(mgr)}}
		want, _, err := slow.quote(rq)
		if err != nil {
			return
		}
		got, _, err := fast.quote(rq)
		require.NoError(t, err)
		requireSameQuote(t, want, got)
	})
}

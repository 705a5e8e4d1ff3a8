package discount

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func paymentRules(pp PaymentPricing) Rules {
	r := baseRules(Additive)
	r.Payment = pp
	r.ExtraUnitDecimals = 2 // unit prices to 4 decimals
	return r
}

func payQuote(t *testing.T, r Rules, terms PaymentTiming) Line {
	t.Helper()
	rq := req(line("DRILL", "1"))
	rq.Payment = terms
	return mustQuote(t, testPriceList(), r, rq).Lines[0]
}

func TestPaymentTable(t *testing.T) {
	r := paymentRules(PaymentPricing{Method: PaymentTable, Prepayment: nd("-2"),
		Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}, {UpToDays: 30, Adjustment: d("1")}, {UpToDays: 60, Adjustment: d("2.5")}}})
	for _, tc := range []struct {
		terms PaymentTiming
		unit  string
	}{
		{PaymentTiming{Prepayment: true}, "98"},
		{PaymentTiming{}, "100"},           // on delivery
		{PaymentTiming{Days: 1}, "101"},    // up to 30 days
		{PaymentTiming{Days: 30}, "101"},   // 30 is still "up to 30"
		{PaymentTiming{Days: 31}, "102.5"}, // the next step
		{PaymentTiming{Days: 60}, "102.5"},
	} {
		l := payQuote(t, r, tc.terms)
		requireDec(t, tc.unit, l.NetUnitPrice, tc.terms.String())
	}
	rq := req(line("DRILL", "1"))
	rq.Payment = PaymentTiming{Days: 61}
	_, err := NewQuote(testPriceList(), r, rq)
	assert.ErrorContains(t, err, "payment.days = 61: beyond the longest deferral the rules price (60 days)")

	r.Payment.Prepayment.Valid = false
	rq.Payment = PaymentTiming{Prepayment: true}
	_, err = NewQuote(testPriceList(), r, rq)
	assert.ErrorContains(t, err, "payment.prepayment = true: the rules offer no prepayment price")
}

func TestPaymentCostOfMoney(t *testing.T) {
	// A 12 % annual cost of money on a 100.00 price, worked out to 40
	// digits with Python's decimal module:
	//   simple, 30 days, 365:    100 × (1 + 0.12 × 30/365)   = 100.98630137
	//   compound, 30 days, 365:  100 × 1.12^(30/365)         = 100.93582032
	//   simple prepaid 30 days:  100 / (1 + 0.12 × 30/365)   =  99.02333152
	//   compound prepaid:        100 × 1.12^(-30/365)        =  99.07285608
	//   simple, 30 days, 360:    100 × (1 + 0.12 × 30/360)   = 101 exactly
	//   compound, 30 days, 360:  100 × 1.12^(30/360)         = 100.94887929
	for _, tc := range []struct {
		interest InterestMethod
		basis    int
		terms    PaymentTiming
		unit     string
		rate     string
	}{
		{SimpleInterest, 365, PaymentTiming{Days: 30}, "100.9863", "0.98630137"},
		{CompoundInterest, 0, PaymentTiming{Days: 30}, "100.9358", "0.93582032"},
		{SimpleInterest, 365, PaymentTiming{Prepayment: true, Days: 30}, "99.0233", "-0.97666848"},
		{CompoundInterest, 365, PaymentTiming{Prepayment: true, Days: 30}, "99.0729", "-0.92714392"},
		{SimpleInterest, 360, PaymentTiming{Days: 30}, "101", "1"},
		{CompoundInterest, 360, PaymentTiming{Days: 30}, "100.9489", "0.94887929"},
		{SimpleInterest, 365, PaymentTiming{}, "100", ""},
	} {
		r := paymentRules(PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: tc.interest, DayCount: tc.basis})
		l := payQuote(t, r, tc.terms)
		requireDec(t, tc.unit, l.NetUnitPrice, tc.interest, tc.terms.String())
		if tc.rate == "" {
			assert.Empty(t, l.Adjustments, "paying on delivery costs nothing")
			continue
		}
		require.Len(t, l.Adjustments, 1)
		assert.Equal(t, KindPayment, l.Adjustments[0].Kind)
		requireDec(t, tc.rate, l.Adjustments[0].Rate)
	}
}

func TestCompoundDeferralIsWorthThePriceToday(t *testing.T) {
	// The point of present value: the deferred price discounted back at
	// the same rate is the price at delivery. 90 days at 12 %:
	// 100 × 1.12^(90/365) = 102.8338…, and 102.8338… × 1.12^(-90/365) = 100.
	pp := PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: CompoundInterest}
	up, err := pp.costOfMoneyFactor(PaymentTiming{Days: 90})
	require.NoError(t, err)
	down, err := pp.costOfMoneyFactor(PaymentTiming{Days: 90, Prepayment: true})
	require.NoError(t, err)
	requireDec(t, "102.83381569", up.mul.Shift(2).Round(8))
	requireDec(t, "1", up.mul.Mul(down.mul).Round(15))
}

func TestPaymentAppliesAfterTheFloor(t *testing.T) {
	// The floor guards the commercial price; the deferral surcharge then
	// pays for the time: DRILL at 28 % off (72.00) floored to 78.00 (cost
	// 60 + 30 %), then +1 % for 30 days = 78.78.
	r := twoRules(Compounding)
	r.Floor.MinMarkup = nd("30")
	r.Payment = PaymentPricing{Method: PaymentTable, Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}, {UpToDays: 30, Adjustment: d("1")}}}
	rq := req(line("DRILL", "1"))
	rq.Payment.Days = 30
	q := mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "78.78", q.Lines[0].NetUnitPrice)
	requireDec(t, "0.78", q.Totals.Surcharge)
	// Discount = gross + surcharge - net = 100 + 0.78 - 78.78 = 22.00: the
	// 28 % of the rules less the 6.00 the floor gave back.
	requireDec(t, "22", q.Totals.Discount)
}

func TestPrepaymentIsADiscountInTheTotals(t *testing.T) {
	// 3 drills prepaid at -2 %: 300.00 gross, 294.00 net. A prepayment
	// discount is a discount in the totals (300 - 6 + 0 = 294) and in the
	// client's summary, not a negative surcharge.
	r := baseRules(Additive)
	r.Payment = PaymentPricing{Method: PaymentTable, Prepayment: nd("-2"), Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}}}
	rq := req(line("DRILL", "3"))
	rq.Payment = PaymentTiming{Prepayment: true}
	q := mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "294", q.Totals.Net)
	requireDec(t, "6", q.Totals.Discount)
	requireDec(t, "0", q.Totals.Surcharge)
	require.Len(t, q.Summary, 1)
	assert.Equal(t, "Prepayment discount", q.Summary[0].Label())
	requireDec(t, "-6", q.Summary[0].Amount)
}

func TestPaymentTermsString(t *testing.T) {
	assert.Equal(t, "prepayment", PaymentTiming{Prepayment: true}.String())
	assert.Equal(t, "prepayment 10 days before delivery", PaymentTiming{Prepayment: true, Days: 10}.String())
	assert.Equal(t, "payment on delivery", PaymentTiming{}.String())
	assert.Equal(t, "payment 45 days after delivery", PaymentTiming{Days: 45}.String())
}

func TestSimpleInterestIsExactUpToTheOneRounding(t *testing.T) {
	// 301.50 at 12 % simple interest, 360-day year, 10 days:
	// 301.50 × (1 + 0.12 × 10/360) = 301.50 × 361.2/360 = 302.505 exactly,
	// 302.51 half-up and 302.50 half-even. Before, the factor was cut to
	// 1.0033333333333333 first: 302.50499…, 302.50 either way.
	pl := PriceList{ID: "pl", Currency: "EUR", Items: []Item{{SKU: "X", UnitPrice: d("301.50")}}}
	pp := PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: SimpleInterest, DayCount: 360}
	for _, tc := range []struct {
		mode RoundingMode
		qty  string
		unit string
		net  string
	}{
		{RoundHalfUp, "1", "302.51", "302.51"},
		{RoundHalfEven, "1", "302.50", "302.50"},
		// 2 units: the line is the rounded unit price × 2, 605.02.
		{RoundHalfUp, "2", "302.51", "605.02"},
	} {
		r := baseRules(Additive)
		r.Payment, r.Rounding = pp, tc.mode
		rq := Request{Date: testDate, Currency: "EUR", Lines: []LineRequest{line("X", tc.qty)}, Payment: PaymentTiming{Days: 10}}
		fast, slow, err := bothPaths(t, pl, r)
		require.NoError(t, err)
		for _, e := range []*Engine{fast, slow} {
			q, err := e.Quote(rq)
			require.NoError(t, err)
			l := q.Lines[0]
			requireDec(t, tc.unit, l.NetUnitPrice, tc.mode)
			requireDec(t, tc.net, l.Net, tc.mode)
			requireDec(t, "0.33333333", l.Adjustments[0].Rate, "the rate shown, 0.12 × 10/360")
		}
	}
	// The payment step's amount is the exact total rounded once: 2 units
	// are 605.01 exactly, +2.01 on 603.00; the unit price's rounding adds
	// the last cent of 605.02.
	r := baseRules(Additive)
	r.Payment = pp
	q := mustQuote(t, pl, r, Request{Date: testDate, Currency: "EUR", Lines: []LineRequest{line("X", "2")}, Payment: PaymentTiming{Days: 10}})
	requireDec(t, "2.01", q.Lines[0].Adjustments[0].Amount)
}

// TestQuoRoundIsExact holds the division of a price by a simple-interest
// divisor, on words and in decimals, to the exact quotient rounded once.
func TestQuoRoundIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 8))
	for range 20_000 {
		dx, x := numCase(rng)
		y := []int64{2, 360, 365, 36120000000, 999_999_999_999_999}[rng.IntN(5)]
		places := int32(rng.IntN(12))
		exact := new(big.Rat).SetFrac(dx.Coefficient(), big.NewInt(y))
		exact.Mul(exact, new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-dx.Exponent())), nil)))
		for _, m := range []RoundingMode{RoundHalfUp, RoundHalfEven} {
			// exact is x / y × 10^places; round it to an integer by hand.
			q, r := new(big.Int).QuoRem(exact.Num(), exact.Denom(), new(big.Int))
			twice := new(big.Int).Abs(r)
			twice.Lsh(twice, 1)
			if c := twice.Cmp(exact.Denom()); c > 0 || c == 0 && (m == RoundHalfUp || q.Bit(0) == 1) {
				q.Add(q, big.NewInt(int64(exact.Sign())))
			}
			want := decimal.NewFromBigInt(q, -places)
			var z num
			got := z.quoRound(&x, y, places, m).decimal()
			require.Truef(t, want.Equal(got), "%s / %d to %d places in %s: want %s, got %s", dx, y, places, m, want, got)
			require.Equal(t, -places, got.Exponent())
			slow := bigNum(dx)
			got = z.quoRound(&slow, y, places, m).decimal()
			require.Truef(t, want.Equal(got), "decimals: %s / %d to %d places in %s: want %s, got %s", dx, y, places, m, want, got)
		}
	}
}

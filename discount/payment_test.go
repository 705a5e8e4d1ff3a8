package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func paymentRules(pp PaymentPricing) Rules {
	r := baseRules(Additive)
	r.Payment = pp
	r.ExtraUnitDecimals = 2 // unit prices to 4 decimals
	return r
}

func payQuote(t *testing.T, r Rules, terms PaymentTerms) Line {
	t.Helper()
	rq := req(line("DRILL", "1"))
	rq.Payment = terms
	return mustQuote(t, testPriceList(), r, rq).Lines[0]
}

func TestPaymentTable(t *testing.T) {
	r := paymentRules(PaymentPricing{Method: PaymentTable, Prepayment: nd("-2"),
		Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}, {UpToDays: 30, Adjustment: d("1")}, {UpToDays: 60, Adjustment: d("2.5")}}})
	for _, tc := range []struct {
		terms PaymentTerms
		unit  string
	}{
		{PaymentTerms{Prepayment: true}, "98"},
		{PaymentTerms{}, "100"},           // on delivery
		{PaymentTerms{Days: 1}, "101"},    // up to 30 days
		{PaymentTerms{Days: 30}, "101"},   // 30 is still "up to 30"
		{PaymentTerms{Days: 31}, "102.5"}, // the next step
		{PaymentTerms{Days: 60}, "102.5"},
	} {
		l := payQuote(t, r, tc.terms)
		requireDec(t, tc.unit, l.NetUnitPrice, tc.terms.String())
	}
	rq := req(line("DRILL", "1"))
	rq.Payment = PaymentTerms{Days: 61}
	_, err := NewQuote(testPriceList(), r, rq)
	assert.ErrorContains(t, err, "payment.days = 61: beyond the longest deferral the rules price (60 days)")

	r.Payment.Prepayment.Valid = false
	rq.Payment = PaymentTerms{Prepayment: true}
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
		terms    PaymentTerms
		unit     string
		rate     string
	}{
		{SimpleInterest, 365, PaymentTerms{Days: 30}, "100.9863", "0.98630137"},
		{CompoundInterest, 0, PaymentTerms{Days: 30}, "100.9358", "0.93582032"},
		{SimpleInterest, 365, PaymentTerms{Prepayment: true, Days: 30}, "99.0233", "-0.97666848"},
		{CompoundInterest, 365, PaymentTerms{Prepayment: true, Days: 30}, "99.0729", "-0.92714392"},
		{SimpleInterest, 360, PaymentTerms{Days: 30}, "101", "1"},
		{CompoundInterest, 360, PaymentTerms{Days: 30}, "100.9489", "0.94887929"},
		{SimpleInterest, 365, PaymentTerms{}, "100", ""},
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
	up, err := pp.costOfMoneyFactor(PaymentTerms{Days: 90})
	require.NoError(t, err)
	down, err := pp.costOfMoneyFactor(PaymentTerms{Days: 90, Prepayment: true})
	require.NoError(t, err)
	requireDec(t, "102.83381569", up.Shift(2).Round(8))
	requireDec(t, "1", up.Mul(down).Round(15))
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
	rq.Payment = PaymentTerms{Prepayment: true}
	q := mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "294", q.Totals.Net)
	requireDec(t, "6", q.Totals.Discount)
	requireDec(t, "0", q.Totals.Surcharge)
	require.Len(t, q.Summary, 1)
	assert.Equal(t, "Prepayment discount", q.Summary[0].Label())
	requireDec(t, "-6", q.Summary[0].Amount)
}

func TestPaymentTermsString(t *testing.T) {
	assert.Equal(t, "prepayment", PaymentTerms{Prepayment: true}.String())
	assert.Equal(t, "prepayment 10 days before delivery", PaymentTerms{Prepayment: true, Days: 10}.String())
	assert.Equal(t, "payment on delivery", PaymentTerms{}.String())
	assert.Equal(t, "payment 45 days after delivery", PaymentTerms{Days: 45}.String())
}

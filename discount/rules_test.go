package discount

import (
	"encoding/json"
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func volumeRule(id string, prio int, per Per, mode TierMode, tiers ...Tier) VolumeRule {
	return VolumeRule{Header: Header{ID: id, Priority: prio}, Per: per, Basis: BasisQuantity, Mode: mode, Tiers: tiers}
}

func tier(min, rate string) Tier { return Tier{Min: d(min), Rate: d(rate)} }

func TestDefaultRulesAreValid(t *testing.T) {
	r := DefaultRules("EUR")
	require.NoError(t, r.Validate())
	assert.Equal(t, BestForClient, r.Combination)
	requireDec(t, "25", r.MaxDiscount.Decimal)
}

func TestRulesValidateReportsEveryProblem(t *testing.T) {
	r := Rules{
		Currency:          "EURO",
		Rounding:          RoundingMode(7),
		ExtraUnitDecimals: 9,
		MaxDiscount:       nd("101"),
		HintWithin:        nd("0"),
		Volume: []VolumeRule{{
			Header: Header{ID: "v", Priority: -1, Scope: Scope{SKUs: []string{"A", "A"}}},
			Per:    PerGroup,
			Tiers:  []Tier{tier("10", "5"), tier("10", "6"), tier("20", "4"), tier("-1", "150")},
		}},
		Segments: []SegmentRule{{Header: Header{ID: "v"}, Segment: "", Rate: d("-5")}},
		Loyalty:  []LoyaltyRule{{Header: Header{ID: "loy"}, Tiers: []LoyaltyTier{{MinSpend: d("100"), Rate: d("2")}}}},
		Promotions: []PromotionRule{{
			Header: Header{ID: "promo", ValidFrom: day(2026, time.December, 1), ValidTo: day(2026, time.November, 1)},
			Rate:   d("10.123456789"),
		}},
	}
	err := r.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{
		"currency", "rounding", "extra_unit_decimals", "combination", "max_discount", "hint_within",
		"volume[0].priority", "volume[0].scope.skus[1]", "volume[0].basis", "volume[0].mode", "volume[0].scope.skus",
		"volume[0].tiers[1].min", "volume[0].tiers[2].rate", "volume[0].tiers[3].min", "volume[0].tiers[3].rate",
		"segments[0].id", "segments[0].segment", "segments[0].rate",
		"loyalty[0].tiers[0].min_spend",
		"promotions[0].valid_to", "promotions[0].rate",
	}, fieldsOf(t, err))
	msg := err.Error()
	assert.Contains(t, msg, "max_discount = 101: must be a percentage within 0..100", "a discount over 100 %")
	assert.Contains(t, msg, "volume[0].tiers[1].min = 10: tiers out of order: must be above the previous tier's 10")
	assert.Contains(t, msg, "volume[0].tiers[2].rate = 4: a higher tier must not give less than the previous tier's 6 %")
	assert.Contains(t, msg, "segments[0].id = v: duplicate rule ID (also volume[0])")
	assert.Contains(t, msg, "loyalty[0].tiers[0].min_spend = 100: the lowest loyalty tier must start at 0")
	assert.Contains(t, msg, "promotions[0].rate = 10.123456789: has more than 8 decimal places")
}

func TestRulesValidatePayment(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pay    PaymentPricing
		fields []string
	}{
		{"table ok", PaymentPricing{Method: PaymentTable, Prepayment: nd("-2"),
			Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}, {UpToDays: 30, Adjustment: d("1.5")}}}, nil},
		{"steps out of order", PaymentPricing{Method: PaymentTable,
			Steps: []DelayStep{{UpToDays: 30, Adjustment: d("1")}, {UpToDays: 30, Adjustment: d("2")}, {UpToDays: 60, Adjustment: d("0.5")}}},
			[]string{"payment.steps[1].up_to_days", "payment.steps[2].adjustment"}},
		{"prepayment above first step", PaymentPricing{Method: PaymentTable, Prepayment: nd("1"),
			Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}}}, []string{"payment.prepayment"}},
		{"a -100 % adjustment", PaymentPricing{Method: PaymentTable, Steps: []DelayStep{{UpToDays: 0, Adjustment: d("-100")}}},
			[]string{"payment.steps[0].adjustment"}},
		{"negative days", PaymentPricing{Method: PaymentTable, Steps: []DelayStep{{UpToDays: -1, Adjustment: d("0")}}},
			[]string{"payment.steps[0].up_to_days"}},
		{"table without steps", PaymentPricing{Method: PaymentTable}, []string{"payment.steps"}},
		{"cost of money ok", PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: CompoundInterest, DayCount: 360}, nil},
		{"cost of money incomplete", PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("0"), DayCount: 364},
			[]string{"payment.annual_rate", "payment.interest", "payment.day_count"}},
		{"mixed methods", PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: SimpleInterest,
			Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}}}, []string{"payment.steps"}},
		{"no method", PaymentPricing{AnnualRate: d("10")}, []string{"payment.method"}},
		// A day count alone would otherwise be dropped without a word.
		{"no method, a day count", PaymentPricing{DayCount: 360}, []string{"payment.method"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := baseRules(Additive)
			r.Payment = tc.pay
			err := r.Validate()
			if tc.fields == nil {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, tc.fields, fieldsOf(t, err))
		})
	}
}

func TestRulesValidateAuthority(t *testing.T) {
	r := baseRules(Additive)
	r.Authority = authority.Limits{
		{Holder: "manager", Max: d("5"), ApprovedBy: "head"},
		{Holder: "head", Max: d("5"), ApprovedBy: "nobody"},
		{Holder: "manager", Max: d("120")},
	}
	err := r.Validate()
	assert.Equal(t, []string{"authority[2].holder", "authority[2].max"}, fieldsOf(t, err),
		"the chain is checked once the entries themselves are sound")
	assert.ErrorContains(t, err, "authority[2].max = 120: must be a percentage within 0..100", "a limit is a discount rate")
	r.Authority = r.Authority[:2]
	err = r.Validate()
	assert.Equal(t, []string{"authority[0].approved_by", "authority[1].approved_by"}, fieldsOf(t, err))
	assert.ErrorContains(t, err, "the approver's max 5 must be above this holder's 5")
	assert.ErrorContains(t, err, "authority[1].approved_by = nobody: no limit has this holder")
}

func TestRulesLoadStrictly(t *testing.T) {
	src := `{
	  "currency": "EUR", "combination": "compounding", "max_dicount": "30"
	}`
	_, err := clientele.LoadConfig[Rules](strings.NewReader(src))
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.ErrorContains(t, err, `unknown field "max_dicount"`, "a typo must not silently mean no cap")

	_, err = clientele.LoadConfig[Rules](strings.NewReader(`{"currency": "EUR", "combination": "best"}`))
	assert.ErrorContains(t, err, `unknown combination policy "best"`)

	// Percentages load from strings and from JSON numbers alike, exactly.
	r, err := clientele.LoadConfig[Rules](strings.NewReader(`{"currency":"EUR","combination":"additive","max_discount":12.5,
	  "segments":[{"id":"a","priority":1,"segment":"A","rate":"0.1"}]}`))
	require.NoError(t, err)
	requireDec(t, "12.5", r.MaxDiscount.Decimal)
	requireDec(t, "0.1", r.Segments[0].Rate)
}

func TestRulesJSONRoundTrip(t *testing.T) {
	r := DefaultRules("EUR")
	r.Volume = []VolumeRule{volumeRule("bulk", 1, PerItem, Graduated, tier("0", "0"), tier("100", "5"))}
	r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: SimpleInterest}
	data, err := json.Marshal(r)
	require.NoError(t, err)
	back, err := clientele.LoadConfig[Rules](strings.NewReader(string(data)))
	require.NoError(t, err)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(again))
	assert.NotContains(t, string(data), `"floor"`, "an empty floor is left out")
}

func TestEnumsRoundTrip(t *testing.T) {
	type textEnum interface {
		String() string
		MarshalText() ([]byte, error)
	}
	for _, v := range []textEnum{
		FirstMatch, BestForClient, Additive, Compounding, RoundHalfUp, RoundHalfEven,
		PerItem, PerGroup, PerOrder, BasisQuantity, BasisAmount, AllUnits, Graduated,
		PaymentTable, PaymentCostOfMoney, SimpleInterest, CompoundInterest,
		KindVolume, KindRounding, ApprovalPending, WarnCapReached,
	} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(b))
	}
	_, err := Policy(0).MarshalText()
	assert.Error(t, err, "an unset enum never marshals as if valid")
	assert.Equal(t, "Policy(9)", Policy(9).String())
	var k Kind
	require.NoError(t, k.UnmarshalText([]byte("floor")))
	assert.Equal(t, KindFloor, k)
	assert.Error(t, k.UnmarshalText([]byte("Floor")))
}

func TestEnumsParseEveryName(t *testing.T) {
	check := func(names []string, parse func(string) (string, error)) {
		for _, n := range names {
			got, err := parse(n)
			require.NoError(t, err, n)
			assert.Equal(t, n, got)
		}
		_, err := parse("nope")
		assert.Error(t, err)
	}
	via := func(unmarshal func([]byte) error, str func() string) func(string) (string, error) {
		return func(s string) (string, error) {
			if err := unmarshal([]byte(s)); err != nil {
				return "", err
			}
			return str(), nil
		}
	}
	var k Kind
	check(kindNames[1:], via(k.UnmarshalText, func() string { return k.String() }))
	var p Policy
	check(policyNames[1:], via(p.UnmarshalText, func() string { return p.String() }))
	var r RoundingMode
	check(roundingNames[1:], via(r.UnmarshalText, func() string { return r.String() }))
	var per Per
	check(perNames[1:], via(per.UnmarshalText, func() string { return per.String() }))
	var b Basis
	check(basisNames[1:], via(b.UnmarshalText, func() string { return b.String() }))
	var m TierMode
	check(tierModeNames[1:], via(m.UnmarshalText, func() string { return m.String() }))
	var pm PaymentMethod
	check(paymentMethodNames[1:], via(pm.UnmarshalText, func() string { return pm.String() }))
	var im InterestMethod
	check(interestNames[1:], via(im.UnmarshalText, func() string { return im.String() }))
	var a ApprovalStatus
	check(approvalNames[1:], via(a.UnmarshalText, func() string { return a.String() }))
	var w WarningCode
	check(warningNames[1:], via(w.UnmarshalText, func() string { return w.String() }))
	assert.True(t, KindRounding.IsValid() && ApprovalGranted.IsValid() && WarnCouponNotApplied.IsValid())
	assert.False(t, Kind(0).IsValid() || ApprovalStatus(9).IsValid() || WarningCode(0).IsValid())
}

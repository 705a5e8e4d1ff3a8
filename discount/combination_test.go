package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// twoRules is the pair of ERPNext's test_multiple_pricing_rules: 20 % at
// priority 1 and 10 % at priority 2 on the same item.
func twoRules(p Policy) Rules {
	r := baseRules(p)
	r.Promotions = []PromotionRule{
		{Header: Header{ID: "p20", Priority: 1}, Rate: d("20")},
		{Header: Header{ID: "p10", Priority: 2}, Rate: d("10")},
	}
	return r
}

func TestCombinationPolicies(t *testing.T) {
	for _, tc := range []struct {
		policy Policy
		unit   string
		rates  []string
		source string
	}{
		// ERPNext test_multiple_pricing_rules: discount_percentage 30.
		{Additive, "70", []string{"-20", "-10"}, "20 + 10 = 30 % of 100"},
		// ERPNext test_multiple_pricing_rules_with_apply_discount_on_discounted_rate: 28.
		{Compounding, "72", []string{"-20", "-10"}, "100 × 0.8 × 0.9 = 72"},
		{FirstMatch, "80", []string{"-20"}, "priority 1 wins"},
		{BestForClient, "80", []string{"-20"}, "the larger discount"},
	} {
		t.Run(tc.policy.String(), func(t *testing.T) {
			l := mustQuote(t, testPriceList(), twoRules(tc.policy), req(line("DRILL", "1"))).Lines[0]
			requireDec(t, tc.unit, l.NetUnitPrice, tc.source)
			var rates []string
			for _, a := range l.Adjustments {
				rates = append(rates, a.Rate.String())
			}
			assert.Equal(t, tc.rates, rates)
		})
	}
}

func TestCompoundingAttributesInPriorityOrder(t *testing.T) {
	// 100 -> -20.00 -> 80 -> -8.00 -> 72: the second rule's amount is 10 %
	// of the price the first one left.
	l := mustQuote(t, testPriceList(), twoRules(Compounding), req(line("DRILL", "1"))).Lines[0]
	requireDec(t, "-20", l.Adjustments[0].Amount)
	requireDec(t, "-8", l.Adjustments[1].Amount)
	assert.Equal(t, "p20", l.Adjustments[0].RuleID)
}

func TestBestForClientPicksLargestWhateverThePriority(t *testing.T) {
	r := twoRules(BestForClient)
	r.Promotions[0].Rate, r.Promotions[1].Rate = d("5"), d("12")
	l := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0]
	require.Len(t, l.Adjustments, 1)
	assert.Equal(t, "p10", l.Adjustments[0].RuleID)
	requireDec(t, "88", l.NetUnitPrice)
}

func TestBestForClientTieGoesToTheBetterPriorityThenTheID(t *testing.T) {
	// Two 10 % rules: the client pays 90.00 either way, and the
	// explanation names the rule of better priority, then the smaller ID.
	r := twoRules(BestForClient)
	r.Promotions[0].Rate, r.Promotions[1].Rate = d("10"), d("10")
	r.Promotions[0].ID, r.Promotions[1].ID = "z-first", "a-second"
	l := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0]
	require.Len(t, l.Adjustments, 1)
	assert.Equal(t, "z-first", l.Adjustments[0].RuleID, "priority 1 before priority 2")
	requireDec(t, "90", l.NetUnitPrice)

	r.Promotions[1].Priority = 1
	l = mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0]
	assert.Equal(t, "a-second", l.Adjustments[0].RuleID, "same priority: the smaller ID")
}

func TestARuleNamingASKUAndItsGroupAppliesOnce(t *testing.T) {
	// DRILL is listed by SKU and by its group "tools": one 10 % rule, once,
	// 100 × 0.90 = 90.00 (applied twice, compounding would give 81.00).
	r := baseRules(Compounding)
	r.Promotions = []PromotionRule{{Header: Header{ID: "p", Scope: Scope{SKUs: []string{"DRILL"}, Groups: []string{"tools"}}}, Rate: d("10")}}
	l := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0]
	require.Len(t, l.Adjustments, 1)
	requireDec(t, "90", l.NetUnitPrice)
}

func TestFirstMatchSpecificRuleByPriority(t *testing.T) {
	// ERPNext test_pricing_rule_for_variants: a rule for the exact item
	// (17.5 %, priority 1) takes precedence over the general 7.5 % rule.
	// Odoo orders by specificity implicitly; here the priority says it.
	r := baseRules(FirstMatch)
	r.Promotions = []PromotionRule{
		{Header: Header{ID: "all", Priority: 5}, Rate: d("7.5")},
		{Header: Header{ID: "drill", Priority: 1, Scope: Scope{SKUs: []string{"DRILL"}}}, Rate: d("17.5")},
	}
	q := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"), line("SAW", "1")))
	requireDec(t, "82.5", q.Lines[0].NetUnitPrice)
	requireDec(t, "231.25", q.Lines[1].NetUnitPrice, "250 × 0.925")
}

func TestFirstMatchAZeroRateMatchStillWins(t *testing.T) {
	// A loyalty programme matches every client (its base tier starts at
	// 0), so under first_match it wins every line in its scope, even at
	// its 0 % base tier, as an Odoo pricelist rule of 0 % would: the VIP
	// rule behind it never applies. The package documentation says to
	// order such rules after the ones they should not hide.
	r := baseRules(FirstMatch)
	r.Loyalty = []LoyaltyRule{{Header: Header{ID: "club", Priority: 1}, Tiers: []LoyaltyTier{{MinSpend: d("0"), Rate: d("0")}, {MinSpend: d("1000"), Rate: d("1")}}}}
	r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: 2}, Rate: d("5")}}
	rq := req(line("DRILL", "1"))
	rq.Client = ClientFacts{VIP: true}
	requireDec(t, "100", mustQuote(t, testPriceList(), r, rq).Lines[0].NetUnitPrice, "base tier, 0 %")
	rq.Client.LoyaltySpend = d("1000")
	requireDec(t, "99", mustQuote(t, testPriceList(), r, rq).Lines[0].NetUnitPrice, "silver, 1 %")
	// Behind the VIP rule, the loyalty tier no longer hides it.
	r.Loyalty[0].Priority = 3
	requireDec(t, "95", mustQuote(t, testPriceList(), r, rq).Lines[0].NetUnitPrice)
}

func TestFirstMatchPriorityTieIsAConfigurationError(t *testing.T) {
	// ERPNext raises MultiplePricingRuleConflict when two rules of equal
	// priority match at order time (test_pricing_rule_for_discount); here
	// the rule set is refused when compiled, naming both rules and an item.
	r := baseRules(FirstMatch)
	r.Segments = []SegmentRule{{Header: Header{ID: "seg-a", Priority: 3}, Segment: "A", Rate: d("5")}}
	r.Promotions = []PromotionRule{{Header: Header{ID: "autumn", Priority: 3, Scope: Scope{Groups: []string{"tools"}}}, Rate: d("10")}}
	_, err := Compile(testPriceList(), r)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrConflict)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, `rules.segments[0].priority = 3: same priority as rules.promotions[0] ("autumn"), and both can apply to SKU DRILL`)

	// Same priority on disjoint items is no conflict.
	r.Promotions[0].Scope = Scope{SKUs: []string{"SCREW"}}
	r.Segments[0].Scope = Scope{Groups: []string{"tools"}}
	_, err = Compile(testPriceList(), r)
	require.NoError(t, err)

	// The other policies need no tie-break: the price is the same either way.
	r = baseRules(Compounding)
	r.Segments = []SegmentRule{{Header: Header{ID: "seg-a", Priority: 3}, Segment: "A", Rate: d("5")}}
	r.Promotions = []PromotionRule{{Header: Header{ID: "autumn", Priority: 3}, Rate: d("10")}}
	_, err = Compile(testPriceList(), r)
	require.NoError(t, err)
}

func TestFirstMatchRefusesAVolumeRuleThatWouldRaiseThePrice(t *testing.T) {
	// Under first_match a 3 % volume rule ahead of a 10 % VIP rule would
	// replace the VIP discount at 100 units: 99 units at 90.00, 100 units
	// at 97.00. The rule set is refused.
	r := baseRules(FirstMatch)
	r.Volume = []VolumeRule{volumeRule("bulk", 1, PerItem, AllUnits, tier("100", "3"))}
	r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: 2}, Rate: d("10")}}
	_, err := Compile(testPriceList(), r)
	assert.ErrorIs(t, err, ErrConflict)
	assert.ErrorContains(t, err, `once its first tier is reached "bulk" (3 % at first) replaces "vip" (up to 10 %)`)

	// Behind the VIP rule, or starting at 10 %, it is fine.
	r.Volume[0].Priority = 3
	_, err = Compile(testPriceList(), r)
	require.NoError(t, err)
	r.Volume[0].Priority = 1
	r.Volume[0].Tiers = []Tier{tier("100", "10"), tier("500", "12")}
	_, err = Compile(testPriceList(), r)
	require.NoError(t, err)
	// A graduated rule starts at a sliver of its first rate: it cannot be
	// ahead of any rule that gives something.
	r.Volume[0].Mode = Graduated
	_, err = Compile(testPriceList(), r)
	assert.ErrorIs(t, err, ErrConflict)
}

func TestClientRules(t *testing.T) {
	r := baseRules(Additive)
	r.Segments = []SegmentRule{
		{Header: Header{ID: "seg-a", Name: "Class A client", Priority: 1}, Segment: "A", Rate: d("5")},
		{Header: Header{ID: "seg-champ", Priority: 2}, Segment: "champions", Rate: d("2")},
	}
	r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: 3}, Rate: d("3")}}
	r.Loyalty = []LoyaltyRule{{Header: Header{ID: "club", Priority: 4}, Tiers: []LoyaltyTier{
		{Name: "Basic", MinSpend: d("0"), Rate: d("0")},
		{Name: "Silver", MinSpend: d("1000"), Rate: d("1")},
		{Name: "Gold", MinSpend: d("5000"), Rate: d("4")},
	}}}
	for _, tc := range []struct {
		name    string
		client  ClientFacts
		unit    string
		loyalty int
	}{
		{"nobody special", ClientFacts{}, "100", 0},
		{"segment A, case-sensitive", ClientFacts{Segments: []string{"a"}}, "100", 0},
		{"A and champions", ClientFacts{Segments: []string{"A", "champions"}}, "93", 0},
		{"VIP", ClientFacts{VIP: true}, "97", 0},
		{"silver just below gold", ClientFacts{LoyaltySpend: d("4999.99")}, "99", 2},
		{"gold from 5000", ClientFacts{LoyaltySpend: d("5000")}, "96", 3},
		{"everything: 5+2+3+4", ClientFacts{Segments: []string{"A", "champions"}, VIP: true, LoyaltySpend: d("9000")}, "86", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rq := req(line("DRILL", "1"))
			rq.Client = tc.client
			l := mustQuote(t, testPriceList(), r, rq).Lines[0]
			requireDec(t, tc.unit, l.NetUnitPrice)
			for _, a := range l.Adjustments {
				if a.Kind == KindLoyalty {
					assert.Equal(t, tc.loyalty, a.Tier)
				}
			}
		})
	}
}

func TestPromotionWindowAndCoupon(t *testing.T) {
	// Odoo's test_product_pricelist prices a 30 % promotion dated
	// 2011-12-27..2011-12-31 on its last day: both ends are included.
	r := baseRules(Additive)
	r.Promotions = []PromotionRule{
		{Header: Header{ID: "yearend", Priority: 1, ValidFrom: day(2026, 12, 27), ValidTo: day(2026, 12, 31)}, Rate: d("30")},
		{Header: Header{ID: "coupon", Priority: 2, Scope: Scope{Groups: []string{"safety"}}}, Rate: d("15"), Coupon: "SAFE15"},
	}
	at := func(dd int, coupons ...string) Quote {
		rq := req(line("DRILL", "1"), line("GLOVE", "1"))
		rq.Date, rq.Coupons = day(2026, 12, dd), coupons
		return mustQuote(t, testPriceList(), r, rq)
	}
	requireDec(t, "100", at(26).Lines[0].NetUnitPrice)
	requireDec(t, "70", at(27).Lines[0].NetUnitPrice)
	requireDec(t, "70", at(31).Lines[0].NetUnitPrice)

	requireDec(t, "10", at(26).Lines[1].NetUnitPrice, "no coupon, no coupon discount")
	q := at(26, "SAFE15")
	requireDec(t, "8.5", q.Lines[1].NetUnitPrice)
	assert.Empty(t, q.Warnings)

	r.Promotions[1].ValidTo = day(2026, 12, 1)
	q = at(26, "SAFE15")
	require.Len(t, q.Warnings, 1)
	assert.Equal(t, WarnCouponNotApplied, q.Warnings[0].Code)
	assert.Contains(t, q.Warnings[0].Message, "not valid on 2026-12-26")

	_, err := NewQuote(testPriceList(), r, Request{Date: testDate, Currency: "EUR", Lines: []LineRequest{line("DRILL", "1")}, Coupons: []string{"FREE"}})
	assert.ErrorContains(t, err, "coupons[0] = FREE: unknown coupon")
}

package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func volumeOnly(v ...VolumeRule) Rules {
	r := baseRules(Additive)
	r.Volume = v
	return r
}

func TestAllUnitsTiers(t *testing.T) {
	// DRILL lists at 100.00; from 10 units 5 %, from 50 units 10 %, every
	// unit priced at the tier reached.
	r := volumeOnly(volumeRule("bulk", 1, PerItem, AllUnits, tier("0", "0"), tier("10", "5"), tier("50", "10")))
	for _, tc := range []struct{ qty, unit, net string }{
		{"9", "100", "900"},
		{"10", "95", "950"},    // 100 × 0.95 = 95.00; × 10
		{"49", "95", "4655"},   // 95.00 × 49
		{"50", "90", "4500"},   // 100 × 0.90 = 90.00; × 50
		{"500", "90", "45000"}, // the top tier is open-ended
	} {
		q := mustQuote(t, testPriceList(), r, req(line("DRILL", tc.qty)))
		requireDec(t, tc.unit, q.Lines[0].NetUnitPrice, tc.qty)
		requireDec(t, tc.net, q.Lines[0].Net, tc.qty)
	}
}

func TestAllUnitsMatchesERPNextStockQtyCase(t *testing.T) {
	// ERPNext test_pricing_rule_for_stock_qty (erpnext/accounts/doctype/
	// pricing_rule/test_pricing_rule.py): 17.5 % on a 100 price list rate
	// from 5 units gives a rate of 82.5. Unlike ERPNext's max_qty band, the
	// top tier here stays open, so 10 units keep 82.50 instead of jumping
	// back to 100 (see TestDecreasingTierIsRejected).
	pl := testPriceList()
	r := volumeOnly(volumeRule("q5", 1, PerItem, AllUnits, tier("5", "17.5")))
	requireDec(t, "100", mustQuote(t, pl, r, req(line("DRILL", "4"))).Lines[0].NetUnitPrice)
	requireDec(t, "82.5", mustQuote(t, pl, r, req(line("DRILL", "5"))).Lines[0].NetUnitPrice)
	requireDec(t, "82.5", mustQuote(t, pl, r, req(line("DRILL", "10"))).Lines[0].NetUnitPrice)
}

func TestDecreasingTierIsRejected(t *testing.T) {
	// ERPNext issue 18006: a 50 % rule for 2..5 units; at 8 units the whole
	// line fell back to the list price (800 for 8 against 250 for 5).
	// Here a tier giving less than the one below is refused outright.
	r := volumeOnly(volumeRule("band", 1, PerItem, AllUnits, tier("2", "50"), tier("6", "0")))
	err := r.Validate()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, "volume[0].tiers[1].rate = 0: a higher tier must not give less than the previous tier's 50 %")
}

func TestGraduatedTiers(t *testing.T) {
	// The cumulative tiered pricing example of Dolibarr issue 32016: units
	// 1-10 at 10, 11-20 at 8, 21+ at 6; 25 units cost 10×10 + 10×8 + 5×6 =
	// 210. On a 10.00 list price that is 0 %, 20 % and 40 % bands; the
	// blended rate is (10×20 + 5×40) / 25 = 16 %, a unit price of 8.40.
	r := volumeOnly(volumeRule("grad", 1, PerItem, Graduated, tier("0", "0"), tier("10", "20"), tier("20", "40")))
	q := mustQuote(t, testPriceList(), r, req(line("GLOVE", "25")))
	l := q.Lines[0]
	requireDec(t, "8.4", l.NetUnitPrice)
	requireDec(t, "210", l.Net)
	require.Len(t, l.Adjustments, 1)
	requireDec(t, "-16", l.Adjustments[0].Rate, "the blended rate")
	requireDec(t, "-40", l.Adjustments[0].Amount)
	assert.Equal(t, 3, l.Adjustments[0].Tier, "the highest tier reached")

	// 10 units stay in the first band: no discount at all.
	requireDec(t, "100", mustQuote(t, testPriceList(), r, req(line("GLOVE", "10"))).Lines[0].Net)
}

func TestGraduatedRoundsTheLineTotalOnce(t *testing.T) {
	// 3 gloves, first unit at 0 %, the rest at 10 %: band by band 10 + 9 + 9
	// = 28.00. The blended unit price is 9.3333…, shown rounded (9.33, or
	// 9.3333 with two extra unit decimals), but the line is the bands'
	// total rounded once, 28.00, not 9.33 × 3 = 27.99: a rounded blended
	// unit price times the quantity could make a larger order cheaper.
	r := volumeOnly(volumeRule("grad", 1, PerItem, Graduated, tier("0", "0"), tier("1", "10")))
	for _, tc := range []struct {
		extra int32
		unit  string
	}{{0, "9.33"}, {2, "9.3333"}} {
		r.ExtraUnitDecimals = tc.extra
		l := mustQuote(t, testPriceList(), r, req(line("GLOVE", "3"))).Lines[0]
		requireDec(t, tc.unit, l.NetUnitPrice)
		requireDec(t, "28", l.Net)
		require.Len(t, l.Adjustments, 1, "no rounding step: the last step's total is the line's")
		requireDec(t, "-2", l.Adjustments[0].Amount)
	}
}

func TestCumulativeVolume(t *testing.T) {
	// The client bought 95 drills this year; 10 more reach the 100 tier.
	for _, tc := range []struct {
		mode TierMode
		unit string
		net  string
	}{
		// All units: 105 >= 100, every unit of this order gets 5 %: 95.00.
		{AllUnits, "95", "950"},
		// Graduated: units 96-100 at 0 %, 101-105 at 5 %: 5×100 + 5×95 = 975.
		{Graduated, "97.5", "975"},
	} {
		v := volumeRule("year", 1, PerItem, tc.mode, tier("0", "0"), tier("100", "5"))
		v.Cumulative = true
		rq := req(line("DRILL", "10"))
		rq.Client.Prior = []PriorVolume{{RuleID: "year", Key: "DRILL", Quantity: d("95")}}
		l := mustQuote(t, testPriceList(), volumeOnly(v), rq).Lines[0]
		requireDec(t, tc.unit, l.NetUnitPrice, tc.mode)
		requireDec(t, tc.net, l.Net, tc.mode)
		requireDec(t, "105", l.Adjustments[0].Basis, "the basis counts the prior purchases")
	}
}

func TestPerGroupAddsUpAcrossSKUs(t *testing.T) {
	// "10 % from 5 tools": 3 drills and 2 saws make 5 tools, so both lines
	// get it, though neither SKU reaches 5 alone (the case odoo/odoo issue
	// 30036 asked of pricelists).
	grp := volumeRule("tools5", 1, PerGroup, AllUnits, tier("5", "10"))
	grp.Scope = Scope{Groups: []string{"tools"}}
	q := mustQuote(t, testPriceList(), volumeOnly(grp), req(line("DRILL", "3"), line("SAW", "2"), line("SCREW", "10")))
	requireDec(t, "270", q.Lines[0].Net) // 90.00 × 3
	requireDec(t, "450", q.Lines[1].Net) // 225.00 × 2
	requireDec(t, "0.5", q.Lines[2].Net, "screws are out of scope")

	item := volumeRule("each5", 1, PerItem, AllUnits, tier("5", "10"))
	q = mustQuote(t, testPriceList(), volumeOnly(item), req(line("DRILL", "3"), line("SAW", "2")))
	requireDec(t, "300", q.Lines[0].Net, "per item, 3 drills do not reach 5")
}

func TestPerItemAddsUpRepeatedSKU(t *testing.T) {
	r := volumeOnly(volumeRule("each5", 1, PerItem, AllUnits, tier("5", "10")))
	q := mustQuote(t, testPriceList(), r, req(line("DRILL", "3"), line("DRILL", "2")))
	requireDec(t, "90", q.Lines[0].NetUnitPrice, "two lines of one SKU count together")
	requireDec(t, "90", q.Lines[1].NetUnitPrice)
}

func TestPerOrderAmountTiers(t *testing.T) {
	// Order-level amount tiers at list prices: 8 drills (800) + 1 saw (250)
	// = 1050 >= 1000, so 2 % on every line: 98.00 × 8 = 784, 245.00 × 1.
	v := volumeRule("order", 1, PerOrder, AllUnits, tier("0", "0"), tier("1000", "2"), tier("5000", "4"))
	v.Basis = BasisAmount
	q := mustQuote(t, testPriceList(), volumeOnly(v), req(line("DRILL", "8"), line("SAW", "1")))
	requireDec(t, "784", q.Lines[0].Net)
	requireDec(t, "245", q.Lines[1].Net)
	requireDec(t, "1050", q.Lines[0].Adjustments[0].Basis)
	requireDec(t, "-21", q.Totals.Discount.Neg()) // 2 % of 1050
}

// TestVolumeBasisIsTheDecimalSum: a volume's basis is the quantities
// (or amounts) added up as decimal.Add does from zero, in value and in
// exponent, whatever the rule counts by. A quantity written "1E+2" is
// 100 at exponent 0 (zero's exponent is 0, and decimal.Add keeps the
// smaller), per item and per group as per order; 2.50 keeps exponent -2.
func TestVolumeBasisIsTheDecimalSum(t *testing.T) {
	for _, per := range []Per{PerItem, PerGroup, PerOrder} {
		for _, tc := range []struct {
			qty   []string
			basis string
			exp   int32
		}{
			{[]string{"1E+2"}, "100", 0},
			{[]string{"1E+2", "3E+1"}, "130", 0}, // 100 + 30
			{[]string{"2.50"}, "2.5", -2},
			{[]string{"2.50", "1E+1"}, "12.5", -2}, // 2.50 + 10
		} {
			v := volumeRule("v", 1, per, AllUnits, tier("0", "1"), tier("1000", "5"))
			var lines []LineRequest
			for _, q := range tc.qty {
				lines = append(lines, line("DRILL", q))
			}
			b := mustQuote(t, testPriceList(), volumeOnly(v), req(lines...)).Lines[0].Adjustments[0].Basis
			requireDec(t, tc.basis, b, per, tc.qty)
			assert.Equal(t, tc.exp, b.Exponent(), "%v %v", per, tc.qty)
		}
	}
}

func TestGraduatedFraction(t *testing.T) {
	tiers := []Tier{tier("0", "0"), tier("10", "20"), tier("20", "40")}
	for _, tc := range []struct{ prior, x, want string }{
		{"0", "25", "0.16"}, // (10×20 + 5×40) / 25 %
		{"0", "10", "0"},    // all in the 0 % band
		{"15", "10", "0.3"}, // 5 at 20 % + 5 at 40 % = 300 / 10 %
		{"30", "5", "0.4"},  // entirely in the top band
		{"0", "0.5", "0"},   // fractional quantities
		{"9.5", "1", "0.1"}, // half a unit at 0 %, half at 20 %
	} {
		got := graduatedFraction(tiers, d(tc.prior), d(tc.x))
		requireDec(t, tc.want, got, tc)
	}
	// The first tier may start above zero: below it, nothing.
	requireDec(t, "0.025", graduatedFraction([]Tier{tier("100", "5")}, d("0"), d("200")))
}

package discount

import (
	"github.com/clientele-go/clientele/authority"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCapGivesBackTheExcess(t *testing.T) {
	// Additive 20 % + 10 % = 30 %, capped at 25 %: 2 drills gross 200.00,
	// -40.00, -20.00, cap +10.00, net 150.00 (75.00 a unit).
	r := twoRules(Additive)
	r.MaxDiscount = nd("25")
	l := mustQuote(t, testPriceList(), r, req(line("DRILL", "2"))).Lines[0]
	requireDec(t, "75", l.NetUnitPrice)
	requireDec(t, "150", l.Net)
	cap := l.Adjustments[2]
	assert.Equal(t, KindCap, cap.Kind)
	requireDec(t, "10", cap.Amount)
	requireDec(t, "5", cap.Rate, "5 % of the list price given back")
	require.Len(t, l.Warnings, 1)
	assert.Equal(t, WarnCapReached, l.Warnings[0].Code)
	assert.Contains(t, l.Warnings[0].Message, "maximum of 25 %")
}

func TestCapCoversTheManagerDiscount(t *testing.T) {
	// Compounding 20 % then 10 % (72.00), the manager's 5 % on top (68.40,
	// a total of 31.6 %), capped at 30 %: 70.00.
	r := twoRules(Compounding)
	r.MaxDiscount = nd("30")
	r.Authority = authority.Limits{{Holder: "m1", Max: d("10")}}
	rq := req(line("DRILL", "1"))
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m1"}, Rate: d("5")}
	l := mustQuote(t, testPriceList(), r, rq).Lines[0]
	requireDec(t, "70", l.NetUnitPrice)
	kinds := []Kind{}
	for _, a := range l.Adjustments {
		kinds = append(kinds, a.Kind)
	}
	assert.Equal(t, []Kind{KindPromotion, KindPromotion, KindManager, KindCap}, kinds)
	requireDec(t, "-3.6", l.Adjustments[2].Amount, "5 % of 72.00")
	requireDec(t, "1.6", l.Adjustments[3].Amount, "68.40 back up to 70.00")
}

func TestAdditiveNeverGoesBelowZero(t *testing.T) {
	// 60 % + 50 % add up to 110 %; without a cap the price stops at 0 and
	// says so.
	r := twoRules(Additive)
	r.Promotions[0].Rate, r.Promotions[1].Rate = d("60"), d("50")
	l := mustQuote(t, testPriceList(), r, req(line("DRILL", "3"))).Lines[0]
	requireDec(t, "0", l.NetUnitPrice)
	requireDec(t, "0", l.Net)
	requireDec(t, "30", l.Adjustments[2].Amount, "10 % of 300.00 given back")
	assert.Contains(t, l.Warnings[0].Message, "more than 100 %")
}

func TestFloorByMarkupAndMinPrice(t *testing.T) {
	pl := testPriceList()
	pl.Items[1].MinPrice = nd("240")
	r := twoRules(Compounding) // 28 % off
	r.Floor.MinMarkup = nd("30")
	q := mustQuote(t, pl, r, req(line("DRILL", "1"), line("SAW", "1"), line("GLOVE", "1")))

	// DRILL: cost 60.00 × 1.30 = 78.00; 100 × 0.72 = 72.00 is below, so
	// the floor gives 6.00 back.
	drill := q.Lines[0]
	requireDec(t, "78", drill.NetUnitPrice)
	assert.Equal(t, KindFloor, drill.Adjustments[2].Kind)
	requireDec(t, "6", drill.Adjustments[2].Amount)
	require.Len(t, drill.Warnings, 1)
	assert.Equal(t, WarnFloorReached, drill.Warnings[0].Code)

	// SAW: cost floor 150 × 1.3 = 195.00, own minimum 240.00: the higher
	// wins; 250 × 0.72 = 180.00 goes back up to 240.00.
	requireDec(t, "240", q.Lines[1].NetUnitPrice)

	// GLOVE: cost 9.80 × 1.30 = 12.74 is above the 10.00 list price: the
	// floor stops at the list price (it never raises it) and warns that the
	// list price needs a look.
	glove := q.Lines[2]
	requireDec(t, "10", glove.NetUnitPrice)
	require.Len(t, glove.Warnings, 1)
	assert.Equal(t, WarnListBelowFloor, glove.Warnings[0].Code)
}

func TestFloorNeedsCosts(t *testing.T) {
	pl := testPriceList()
	pl.Items[2].Cost.Valid = false
	r := baseRules(Additive)
	r.Floor.MinMarkup = nd("10")
	_, err := Compile(pl, r)
	assert.ErrorContains(t, err, "price_list.items[2].cost: is required: rules.floor.min_markup prices the floor from cost")
}

func TestRoundingModes(t *testing.T) {
	// 10.00 less 0.15 % is 9.985: half up gives 9.99, half even 9.98.
	r := baseRules(Additive)
	r.Promotions = []PromotionRule{{Header: Header{ID: "p"}, Rate: d("0.15")}}
	requireDec(t, "9.99", mustQuote(t, testPriceList(), r, req(line("GLOVE", "1"))).Lines[0].NetUnitPrice)
	r.Rounding = RoundHalfEven
	requireDec(t, "9.98", mustQuote(t, testPriceList(), r, req(line("GLOVE", "1"))).Lines[0].NetUnitPrice)
	// 9.975 -> 9.98 both ways (8 is even).
	r.Promotions[0].Rate = d("0.25")
	requireDec(t, "9.98", mustQuote(t, testPriceList(), r, req(line("GLOVE", "1"))).Lines[0].NetUnitPrice)
}

func TestUnitPricePrecision(t *testing.T) {
	// A 0.05 screw less 12.5 % is 0.04375. Rounded to cents the unit price
	// is 0.04 and 1000 screws 40.00; each extra unit decimal keeps more of
	// the exact 43.75.
	r := baseRules(Additive)
	r.Promotions = []PromotionRule{{Header: Header{ID: "p"}, Rate: d("12.5")}}
	for extra, want := range []struct{ unit, net string }{
		{"0.04", "40"}, {"0.044", "44"}, {"0.0438", "43.8"}, {"0.04375", "43.75"},
	} {
		r.ExtraUnitDecimals = int32(extra)
		l := mustQuote(t, testPriceList(), r, req(line("SCREW", "1000"))).Lines[0]
		requireDec(t, want.unit, l.NetUnitPrice, extra)
		requireDec(t, want.net, l.Net, extra)
	}
}

func TestPriceFinerThanTheUnitPrecisionIsRefused(t *testing.T) {
	pl := testPriceList()
	pl.Items[2].UnitPrice = d("0.0125")
	_, err := Compile(pl, baseRules(Additive))
	assert.ErrorContains(t, err, "price_list.items[2].unit_price = 0.0125: has more than 2 decimal places")
	r := baseRules(Additive)
	r.ExtraUnitDecimals = 2
	_, err = Compile(pl, r)
	require.NoError(t, err)
}

func TestGuardsHoldAfterRounding(t *testing.T) {
	// Guards are limits on the price the client pays, so rounding the unit
	// price must not take it past them: each is rounded up to the cent
	// grid the unit price is rounded to.
	pl := PriceList{ID: "pl", Currency: "EUR", Items: []Item{
		{SKU: "BOX", UnitPrice: d("9.99"), Cost: nd("5.00")},
		{SKU: "GLV", UnitPrice: d("4.50"), Cost: nd("2.70")},
	}}

	// Cap 25 % of 9.99 is 7.4925. A 25 % promotion lands on it exactly and
	// a 30 % one (6.993) below it; rounded half up, 7.4925 would be 7.49, a
	// discount of 2.50 = 25.03 %. Rounded up to the cent the cap is 7.50:
	// 2.49 off, 24.92 %, within the cap.
	r := baseRules(Additive)
	r.MaxDiscount = nd("25")
	for _, rate := range []string{"25", "30"} {
		r.Promotions = []PromotionRule{{Header: Header{ID: "p"}, Rate: d(rate)}}
		l := mustQuote(t, pl, r, req(line("BOX", "1"))).Lines[0]
		requireDec(t, "7.5", l.NetUnitPrice, rate)
		require.Len(t, l.Warnings, 1, rate)
		assert.Equal(t, WarnCapReached, l.Warnings[0].Code, rate)
	}

	// Floor: cost 2.70 + 12 % = 3.024. A 32.8 % promotion gives 4.50 ×
	// 0.672 = 3.024, on the floor; rounded half up it would be 3.02, below
	// it. On the cent grid the floor is 3.03.
	r = baseRules(Additive)
	r.Floor.MinMarkup = nd("12")
	r.Promotions = []PromotionRule{{Header: Header{ID: "p"}, Rate: d("32.8")}}
	l := mustQuote(t, pl, r, req(line("GLV", "1"))).Lines[0]
	requireDec(t, "3.03", l.NetUnitPrice)
	require.Len(t, l.Warnings, 1)
	assert.Equal(t, WarnFloorReached, l.Warnings[0].Code)
	assert.Contains(t, l.Warnings[0].Message, "the floor of 3.03 EUR")

	// With a unit price to a tenth of a cent the floor is exact again.
	r.ExtraUnitDecimals = 1
	l = mustQuote(t, pl, r, req(line("GLV", "1000"))).Lines[0]
	requireDec(t, "3.024", l.NetUnitPrice)
	requireDec(t, "3024", l.Net)
	assert.Empty(t, l.Adjustments[1:], "a price on the floor is not below it: no floor step")
	assert.Empty(t, l.Warnings)
}

func TestCapReachedExactlyDoesNotBite(t *testing.T) {
	// 20 % + 10 % = 30 % under a 30 % cap: the price is on the cap, not
	// below it, so no cap step and no warning.
	r := twoRules(Additive)
	r.MaxDiscount = nd("30")
	l := mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0]
	requireDec(t, "70", l.NetUnitPrice)
	assert.Len(t, l.Adjustments, 2)
	assert.Empty(t, l.Warnings)
}

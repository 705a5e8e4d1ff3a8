package discount

import (
	"errors"
	"fmt"
	"github.com/clientele-go/clientele/authority"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// randomRules draws a valid rule set: every policy, volume rules of every
// shape (per item, group and order; quantity and amount; all-units and
// graduated; cumulative), flat client rules, and sometimes a cap, a
// floor, payment pricing and manager authority.
func randomRules(rng *rand.Rand) Rules {
	r := baseRules(Policy(1 + rng.IntN(4)))
	r.Rounding = RoundingMode(1 + rng.IntN(2))
	r.ExtraUnitDecimals = int32(rng.IntN(4))
	prio := rng.Perm(20)
	next := func() int { p := prio[0]; prio = prio[1:]; return p }
	for i := range 1 + rng.IntN(3) {
		v := VolumeRule{
			Header:     Header{ID: fmt.Sprintf("vol%d", i), Priority: next()},
			Per:        Per(1 + rng.IntN(3)),
			Basis:      Basis(1 + rng.IntN(2)),
			Mode:       TierMode(1 + rng.IntN(2)),
			Cumulative: rng.IntN(3) == 0,
		}
		if v.Per != PerGroup && rng.IntN(2) == 0 {
			v.Scope.SKUs = []string{"DRILL", "SCREW"}
		} else if rng.IntN(3) == 0 {
			v.Scope.Groups = []string{"tools"}
		}
		scale := int64(1)
		if v.Basis == BasisAmount {
			scale = 100
		}
		minimum, rate := int64(rng.IntN(40)), int64(rng.IntN(100))
		for range 1 + rng.IntN(4) {
			v.Tiers = append(v.Tiers, Tier{Min: decimal.NewFromInt(minimum * scale), Rate: decimal.New(rate, -1)})
			minimum += 1 + int64(rng.IntN(25))
			rate += int64(rng.IntN(120))
		}
		r.Volume = append(r.Volume, v)
	}
	if rng.IntN(2) == 0 {
		r.Segments = []SegmentRule{{Header: Header{ID: "seg", Priority: next()}, Segment: "A", Rate: decimal.NewFromInt(int64(rng.IntN(20)))}}
	}
	if rng.IntN(2) == 0 {
		r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: next(), Scope: Scope{Groups: []string{"tools"}}}, Rate: decimal.NewFromInt(int64(rng.IntN(30)))}}
	}
	if rng.IntN(2) == 0 {
		r.MaxDiscount = decimal.NewNullDecimal(decimal.NewFromInt(int64(10 + rng.IntN(60))))
	}
	if rng.IntN(2) == 0 {
		r.Floor.MinMarkup = decimal.NewNullDecimal(decimal.NewFromInt(int64(rng.IntN(40))))
	}
	switch rng.IntN(3) {
	case 0:
		r.Payment = PaymentPricing{Method: PaymentTable, Prepayment: nd("-2"), Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}, {UpToDays: 60, Adjustment: d("1.5")}}}
	case 1:
		r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("15"), Interest: InterestMethod(1 + rng.IntN(2))}
	}
	r.Authority = authority.Limits{{Holder: "m", Max: d("100")}}
	return r
}

func randomRequest(rng *rand.Rand, r Rules) Request {
	skus := []string{"DRILL", "SAW", "SCREW", "GLOVE"}
	rq := req()
	for range 1 + rng.IntN(4) {
		q := decimal.New(int64(1+rng.IntN(800)), -1) // 0.1 .. 80
		rq.Lines = append(rq.Lines, LineRequest{SKU: skus[rng.IntN(len(skus))], Quantity: q})
	}
	rq.Client = ClientFacts{Segments: []string{"A"}, VIP: rng.IntN(2) == 0}
	for _, v := range r.Volume {
		if !v.Cumulative || rng.IntN(2) == 0 {
			continue
		}
		pv := PriorVolume{RuleID: v.ID, Quantity: decimal.NewFromInt(int64(rng.IntN(30))), Amount: decimal.NewFromInt(int64(rng.IntN(3000)))}
		switch v.Per {
		case PerItem:
			pv.Key = "DRILL"
		case PerGroup:
			pv.Key = "tools"
		}
		rq.Client.Prior = append(rq.Client.Prior, pv)
	}
	rq.Payment = PaymentTiming{Days: rng.IntN(61), Prepayment: rng.IntN(4) == 0}
	if rng.IntN(2) == 0 {
		rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-1", Role: "m"}, Rate: decimal.NewFromInt(int64(rng.IntN(6)))}
	}
	return rq
}

// TestMoreVolumeNeverRaisesTheUnitPrice is the property of the issue:
// under the same rules, adding to any line's quantity never raises the
// net unit price of that line or of any other (group and order volume
// rules count other lines too), and no price is ever negative.
//
// For an all-units tier the total may fall as the order grows (see
// TestAllUnitsBoundaryCanMakeALargerOrderCheaper); the unit price must
// not rise. Under first_match, rule sets where a volume rule would take
// over from a richer rule are refused by Compile, so they are skipped.
func TestMoreVolumeNeverRaisesTheUnitPrice(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2026))
	checked, refused := 0, 0
	for range 1500 {
		r := randomRules(rng)
		e, err := Compile(testPriceList(), r)
		if errors.Is(err, ErrConflict) && r.Combination == FirstMatch {
			refused++
			continue
		}
		require.NoError(t, err)
		rq := randomRequest(rng, r)
		before, err := e.Quote(rq)
		require.NoError(t, err)
		for i := range rq.Lines {
			more := rq
			more.Lines = append([]LineRequest(nil), rq.Lines...)
			more.Lines[i].Quantity = more.Lines[i].Quantity.Add(decimal.New(int64(1+rng.IntN(400)), -1))
			after, err := e.Quote(more)
			require.NoError(t, err)
			for j := range after.Lines {
				b, a := before.Lines[j], after.Lines[j]
				require.Truef(t, a.NetUnitPrice.LessThanOrEqual(b.NetUnitPrice),
					"line %d (%s) rose from %s to %s when line %d grew\nrules %+v\nrequest %+v", j, b.SKU, b.NetUnitPrice, a.NetUnitPrice, i, r, more)
				require.True(t, a.NetUnitPrice.Sign() >= 0 && a.Net.Sign() >= 0, "never negative")
			}
			checked++
		}
	}
	require.Greater(t, checked, 2000, "enough cases ran (%d first_match rule sets refused)", refused)
}

func TestAllUnitsBoundaryCanMakeALargerOrderCheaper(t *testing.T) {
	// 20 % from 10 units, all units: 9 drills cost 900.00, 10 cost 800.00.
	// The unit price fell (100 -> 80), as it must; the total fell too, the
	// well-known all-units effect that graduated tiers avoid.
	r := volumeOnly(volumeRule("bulk", 1, PerItem, AllUnits, tier("10", "20")))
	requireDec(t, "900", mustQuote(t, testPriceList(), r, req(line("DRILL", "9"))).Totals.Net)
	requireDec(t, "800", mustQuote(t, testPriceList(), r, req(line("DRILL", "10"))).Totals.Net)
	// Graduated bands cover the volume above their bound, like tax
	// brackets: "from 10" discounts the 11th unit on, and the total never
	// falls: 10 cost 1000.00, 11 cost 10 × 100 + 80 = 1080.00 (a unit
	// price of 98.1818…, kept to 4 decimals so the cent survives).
	r.Volume[0].Mode = Graduated
	r.ExtraUnitDecimals = 2
	requireDec(t, "1000", mustQuote(t, testPriceList(), r, req(line("DRILL", "10"))).Totals.Net)
	requireDec(t, "1080", mustQuote(t, testPriceList(), r, req(line("DRILL", "11"))).Totals.Net)
}

// TestLargerGraduatedOrderNeverCostsLess is the documented promise over
// quantities 1..500 of one item at 1.00, graduated 0 % from 0 and 50 %
// from 10: units 1-10 cost 1.00, the rest 0.50, so n > 10 units cost
// 10 + (n − 10) / 2 exactly. Before, the blended unit price was rounded
// first: 111 units cost 111 × 0.55 = 61.05 (unit 60.50 / 111 = 0.54504…)
// and 112 cost 112 × 0.54 = 60.48 (unit 61 / 112 = 0.54464…).
func TestLargerGraduatedOrderNeverCostsLess(t *testing.T) {
	pl := PriceList{ID: "pl", Currency: "EUR", Items: []Item{{SKU: "X", UnitPrice: d("1.00")}}}
	r := volumeOnly(volumeRule("grad", 1, PerItem, Graduated, tier("0", "0"), tier("10", "50")))
	fast, slow, err := bothPaths(t, pl, r)
	require.NoError(t, err)
	prev := decimal.Zero
	for n := 1; n <= 500; n++ {
		rq := req(LineRequest{SKU: "X", Quantity: decimal.NewFromInt(int64(n))})
		q, err := fast.Quote(rq)
		require.NoError(t, err)
		want := decimal.NewFromInt(int64(n))
		if n > 10 {
			want = decimal.NewFromInt(10).Add(decimal.New(int64(n-10), 0).Div(decimal.NewFromInt(2)))
		}
		requireDec(t, want.String(), q.Totals.Net, n)
		require.True(t, q.Totals.Net.GreaterThanOrEqual(prev), "%d units cost %s, %d cost %s", n, q.Totals.Net, n-1, prev)
		prev = q.Totals.Net
		ref, err := slow.Quote(rq)
		require.NoError(t, err)
		requireSameQuote(t, ref, q, "%d units", n)
	}
}

// randomERPRules adds to randomRules the kinds ERPNext and Odoo users
// bring: amounts off per unit and per line, conditions on other lines,
// fixed and margin prices, free items, units and taxes.
func randomERPRules(rng *rand.Rand) Rules {
	r := randomRules(rng)
	prio := 100
	next := func() int { prio++; return prio }
	per := AmountPer(1 + rng.IntN(2))
	r.Promotions = append(r.Promotions, PromotionRule{
		Header:    Header{ID: "amount", Priority: next(), Scope: Scope{Groups: []string{"tools"}}},
		AmountOff: AmountOff{Amount: decimal.New(int64(1+rng.IntN(3000)), -2), Per: per},
	})
	if rng.IntN(2) == 0 {
		r.Promotions = append(r.Promotions, PromotionRule{
			Header: Header{ID: "cond", Priority: next(), Scope: Scope{SKUs: []string{"SCREW", "GLOVE"}},
				When: Condition{Groups: []string{"tools"}, MinQuantity: decimal.NewNullDecimal(decimal.NewFromInt(int64(rng.IntN(20))))}},
			Rate: decimal.NewFromInt(int64(rng.IntN(30))),
		})
	}
	if rng.IntN(2) == 0 {
		r.Prices = append(r.Prices, PriceRule{Header: Header{ID: "fixed", Priority: 1, Scope: Scope{SKUs: []string{"DRILL"}}},
			Price: decimal.NewNullDecimal(decimal.New(int64(5000+rng.IntN(10000)), -2))})
	}
	if rng.IntN(2) == 0 {
		r.Prices = append(r.Prices, PriceRule{Header: Header{ID: "margin", Priority: 2, Scope: Scope{Groups: []string{"tools", "safety"}}},
			Margin: Margin{Base: BaseCost, Percent: decimal.NewNullDecimal(decimal.NewFromInt(int64(rng.IntN(90))))}})
	}
	if rng.IntN(2) == 0 {
		r.FreeItems = []FreeItemRule{{Header: Header{ID: "free", Priority: 1}, Buy: decimal.NewNullDecimal(decimal.NewFromInt(int64(1 + rng.IntN(10)))),
			Get: decimal.NewFromInt(1), Repeat: rng.IntN(2) == 0, Rounding: FreeRounding(1 + rng.IntN(2))}}
	}
	r.Taxes = Taxes{Included: rng.IntN(2) == 0, Rounding: TaxRounding(1 + rng.IntN(2)), EarlyPayment: EarlyPayTax(1 + rng.IntN(3)), Rates: []Tax{
		{ID: "vat", Percent: decimal.NewNullDecimal(decimal.NewFromInt(int64(rng.IntN(30))))},
		{ID: "fee", Amount: nd("0.25"), Scope: Scope{Groups: []string{"tools"}}},
	}}
	return r
}

// unitPriceList is testPriceList with screws also sold per box of 100.
func unitPriceList() PriceList {
	pl := testPriceList()
	pl.Items[2].Units = []Unit{{Name: "box", Factor: d("100"), UnitPrice: nd("4.50")}}
	return pl
}

// TestERPKindsProperties: under random rule sets of the new kinds, every
// quote reconciles (gross + adjustments = net on every line, no negative
// price, no negative tax, Total = Untaxed + Tax), and more volume never
// raises a unit price, save on the line that grew when it carries an
// amount per line: a fixed sum spread over more units (its total never
// falls below the smaller order's less that sum's change, and is
// checked by reconciliation).
func TestERPKindsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2026))
	checked := 0
	for range 600 {
		r := randomERPRules(rng)
		e, err := Compile(unitPriceList(), r)
		if errors.Is(err, ErrConflict) && r.Combination == FirstMatch {
			continue
		}
		require.NoError(t, err)
		rq := randomRequest(rng, r)
		if rng.IntN(2) == 0 {
			rq.Lines = append(rq.Lines, LineRequest{SKU: "SCREW", Quantity: decimal.NewFromInt(int64(1 + rng.IntN(5))), Unit: "box"})
		}
		rq.EarlyPayment = EarlyPaymentTerms{DiscountRate: decimal.NewFromInt(int64(1 + rng.IntN(5))), DiscountDays: 10, NetDays: 30}
		before, err := e.Quote(rq)
		require.NoError(t, err)
		requireQuoteReconciles(t, before)
		for i := range rq.Lines {
			more := rq
			more.Lines = append([]LineRequest(nil), rq.Lines...)
			more.Lines[i].Quantity = more.Lines[i].Quantity.Add(decimal.NewFromInt(int64(1 + rng.IntN(40))))
			after, err := e.Quote(more)
			require.NoError(t, err)
			requireQuoteReconciles(t, after)
			for j := range rq.Lines {
				b, a := before.Lines[j], after.Lines[j]
				if j == i && (hasAmountPerLine(a) || hasAmountPerLine(b)) {
					continue
				}
				require.Truef(t, a.NetUnitPrice.LessThanOrEqual(b.NetUnitPrice),
					"line %d (%s) rose from %s to %s when line %d grew\nbefore %+v\nafter %+v", j, b.SKU, b.NetUnitPrice, a.NetUnitPrice, i, b.Adjustments, a.Adjustments)
			}
			checked++
		}
	}
	require.Greater(t, checked, 800)
}

func hasAmountPerLine(l Line) bool {
	for _, a := range l.Adjustments {
		if a.AmountPer == AmountPerLine {
			return true
		}
	}
	return false
}

package discount

import (
	"bytes"
	"encoding/json"
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// FuzzLoadRules feeds arbitrary bytes to clientele.LoadConfig[Rules]: it must never
// panic, and whatever it accepts must survive a JSON round trip and
// compile against a price list without panicking.
func FuzzLoadRules(f *testing.F) {
	data, err := os.ReadFile("../examples/quickstart/pricing-rules.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	seed, _ := json.Marshal(richRules())
	f.Add(seed)
	f.Add([]byte(`{"currency":"EUR","combination":"first_match","volume":[{"id":"v","priority":1,"per":"item","basis":"quantity","mode":"graduated","tiers":[{"min":"0","rate":"0"},{"min":"1e3","rate":"5"}]}]}`))
	f.Add([]byte(`{"currency":"EUR","combination":"additive","max_discount":"1e-9999"}`))
	f.Add([]byte(`{"currency":"EUR","combination":"compounding","payment":{"method":"cost_of_money","annual_rate":"99.99999999","interest":"compound","day_count":360}}`))
	f.Add([]byte(`{"currency":"EUR","combination":"best_for_client","authority":[{"holder":"a","max":"5","approved_by":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := clientele.LoadConfig[Rules](bytes.NewReader(data))
		if err != nil {
			return
		}
		out, err := json.Marshal(r)
		require.NoError(t, err)
		back, err := clientele.LoadConfig[Rules](bytes.NewReader(out))
		require.NoError(t, err, "a loaded rule set must reload: %s", out)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(out), string(again))
		e, err := Compile(testPriceList(), r)
		if err != nil {
			return
		}
		_, _ = e.Quote(req(line("DRILL", "3"), line("SCREW", "150")))
	})
}

// FuzzQuote prices arbitrary quantities, rates, tiers and terms: the
// engine must never panic, and every quote it returns must reconcile
// (gross + adjustments = net, line by line and in total) and never be
// negative.
func FuzzQuote(f *testing.F) {
	f.Add(uint8(3), "20", "10", "45", "10", true, "2", uint8(2), "30", 30, false)
	f.Add(uint8(2), "100", "100", "0.000001", "0", false, "0", uint8(0), "", 0, true)
	f.Add(uint8(1), "0", "99.99999999", "999999999", "1e9", true, "100", uint8(6), "0", 3650, false)
	f.Add(uint8(4), "12.5", "0.5", "1e-6", "0.000001", false, "", uint8(1), "100", 1, true)
	f.Fuzz(func(t *testing.T, policy uint8, rate1, rate2, qty, tierMin string, graduated bool, managerRate string, extra uint8, maxDiscount string, days int, prepay bool) {
		dec := func(s string) decimal.Decimal {
			v, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return v
		}
		mode := AllUnits
		if graduated {
			mode = Graduated
		}
		r := baseRules(Policy(policy % 5))
		r.ExtraUnitDecimals = int32(extra % 8)
		r.Volume = []VolumeRule{{Header: Header{ID: "v", Priority: 1}, Per: PerGroup, Basis: BasisQuantity, Mode: mode,
			Tiers: []Tier{{Min: decimal.Zero, Rate: decimal.Zero}, {Min: dec(tierMin), Rate: dec(rate1)}}}}
		r.Promotions = []PromotionRule{{Header: Header{ID: "p", Priority: 2}, Rate: dec(rate2)}}
		if maxDiscount != "" {
			r.MaxDiscount = decimal.NewNullDecimal(dec(maxDiscount))
		}
		r.Floor.MinMarkup = decimal.NewNullDecimal(decimal.NewFromInt(5))
		r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("9.5"), Interest: CompoundInterest}
		r.Authority = authority.Limits{{Holder: "m", Max: d("10"), ApprovedBy: "boss"}, {Holder: "boss", Max: d("100")}}
		rq := req(LineRequest{SKU: "DRILL", Quantity: dec(qty)}, line("SAW", "2"), line("GLOVE", "1"))
		rq.Payment = PaymentTerms{Days: days, Prepayment: prepay}
		rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m1", Role: "m"}, Rate: dec(managerRate)}
		q, err := NewQuote(testPriceList(), r, rq)
		if err != nil {
			return
		}
		net := decimal.Zero
		for _, l := range q.Lines {
			sum := l.Gross
			for _, a := range l.Adjustments {
				sum = sum.Add(a.Amount)
			}
			require.True(t, sum.Equal(l.Net), "line %s: %s + adjustments != %s", l.SKU, l.Gross, l.Net)
			require.True(t, l.NetUnitPrice.Sign() >= 0 && l.Net.Sign() >= 0, "negative price %s", l.NetUnitPrice)
			net = net.Add(l.Net)
		}
		require.True(t, net.Equal(q.Totals.Net))
		require.True(t, q.Totals.Gross.Sub(q.Totals.Discount).Add(q.Totals.Surcharge).Equal(q.Totals.Net))
	})
}

// FuzzParseEarlyPaymentTerms: no panic, and what parses prints back to
// terms that parse to the same.
func FuzzParseEarlyPaymentTerms(f *testing.F) {
	for _, s := range []string{"2/10 net 30", "2/10, n/30", "1.5/15 N45", "99.99999999/0 net 3650", "2/10 net", "٣/10 net 30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms, err := ParseEarlyPaymentTerms(s)
		if err != nil {
			return
		}
		back, err := ParseEarlyPaymentTerms(terms.String())
		require.NoError(t, err)
		require.True(t, back.DiscountRate.Equal(terms.DiscountRate))
		require.Equal(t, terms.DiscountDays, back.DiscountDays)
		require.Equal(t, terms.NetDays, back.NetDays)
		_, err = terms.AnnualCost(terms.NetDays)
		require.NoError(t, err)
	})
}

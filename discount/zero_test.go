package discount

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestZeroValues holds every exported type's zero value to its doc
// comment: it works, or it is refused with an error naming what is
// missing; it never panics.
func TestZeroValues(t *testing.T) {
	marshals := func(t *testing.T, v any) {
		t.Helper()
		_, err := json.Marshal(v)
		assert.NoError(t, err)
	}
	refusesToMarshal := func(t *testing.T, v any) {
		t.Helper()
		_, err := json.Marshal(v)
		assert.Error(t, err)
	}
	engine, err := Compile(testPriceList(), DefaultRules("EUR"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		test func(t *testing.T)
	}{
		{"Engine", func(t *testing.T) {
			var e Engine
			_, err := e.Quote(req(line("DRILL", "1")))
			assert.EqualError(t, err, "discount: invalid input: engine: is the zero Engine; build one with Compile")
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			_, err = e.Approve(Quote{}, authority.Signature{})
			assert.ErrorContains(t, err, "is the zero Engine")
			var nilEngine *Engine
			_, err = nilEngine.Quote(Request{})
			assert.ErrorContains(t, err, "is the zero Engine")
		}},
		{"PriceList", func(t *testing.T) {
			assert.Equal(t, []string{"id", "currency", "items"}, fieldsOf(t, PriceList{}.Validate()))
		}},
		{"Item", func(t *testing.T) {
			pl := testPriceList()
			pl.Items = []Item{{}}
			assert.Equal(t, []string{"items[0].sku"}, fieldsOf(t, pl.Validate()))
		}},
		{"Rules", func(t *testing.T) {
			assert.Equal(t, []string{"currency", "combination"}, fieldsOf(t, Rules{}.Validate()))
			_, err := NewQuote(PriceList{}, Rules{}, Request{})
			assert.ErrorIs(t, err, ErrInvalid)
		}},
		{"Header, VolumeRule, Tier, Per, Basis, TierMode", func(t *testing.T) {
			r := baseRules(Additive)
			r.Volume = []VolumeRule{{}}
			assert.Equal(t, []string{"volume[0].id", "volume[0].per", "volume[0].basis", "volume[0].mode", "volume[0].tiers"}, fieldsOf(t, r.Validate()))
			r.Volume = []VolumeRule{volumeRule("v", 1, PerItem, AllUnits, Tier{})}
			assert.NoError(t, r.Validate(), "the zero Tier is from 0, 0 %% off")
		}},
		{"SegmentRule, VIPRule, LoyaltyRule, LoyaltyTier, PromotionRule", func(t *testing.T) {
			r := baseRules(Additive)
			r.Segments, r.VIP, r.Loyalty, r.Promotions = []SegmentRule{{}}, []VIPRule{{}}, []LoyaltyRule{{}}, []PromotionRule{{}}
			assert.Equal(t, []string{"segments[0].id", "segments[0].segment", "vip[0].id", "loyalty[0].id", "loyalty[0].tiers", "promotions[0].id"}, fieldsOf(t, r.Validate()))
			r = baseRules(Additive)
			r.Loyalty = []LoyaltyRule{{Header: Header{ID: "l"}, Tiers: []LoyaltyTier{{}}}}
			assert.NoError(t, r.Validate())
		}},
		{"Scope, Floor, PaymentPricing, DelayStep", func(t *testing.T) {
			assert.True(t, Scope{}.IsZero())
			r := baseRules(Additive)
			r.Floor, r.Payment = Floor{}, PaymentPricing{}
			requireDec(t, "100", mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0].Net)
			r.Payment = PaymentPricing{Method: PaymentTable, Steps: []DelayStep{{}}}
			requireDec(t, "100", mustQuote(t, testPriceList(), r, req(line("DRILL", "1"))).Lines[0].Net)
		}},
		{"Request, LineRequest, ClientFacts, PaymentTiming, ManagerDiscount", func(t *testing.T) {
			_, err := engine.Quote(Request{})
			assert.Equal(t, []string{"date", "currency", "lines"}, fieldsOf(t, err))
			rq := req(LineRequest{})
			rq.Client, rq.Payment, rq.Manager = ClientFacts{}, PaymentTiming{}, ManagerDiscount{}
			_, err = engine.Quote(rq)
			assert.Equal(t, []string{"lines[0].sku", "lines[0].quantity"}, fieldsOf(t, err))
			assert.Equal(t, "payment on delivery", PaymentTiming{}.String())
		}},
		{"PriorVolume", func(t *testing.T) {
			rq := req(line("DRILL", "1"))
			rq.Client.Prior = []PriorVolume{{}}
			_, err := engine.Quote(rq)
			assert.Equal(t, []string{"client.prior[0].rule_id"}, fieldsOf(t, err))
		}},
		{"Quote, Approval, ApprovalStatus", func(t *testing.T) {
			assert.ErrorIs(t, Quote{}.Offerable(), ErrInvalid)
			_, err := engine.Approve(Quote{}, authority.Signature{By: authority.Actor{ID: "d", Role: "director"}, At: time.Now()})
			assert.Equal(t, []string{"approval.status"}, fieldsOf(t, err))
			refusesToMarshal(t, Quote{})
			refusesToMarshal(t, Approval{})
			assert.Equal(t, "", ApprovalStatus(0).String())
		}},
		{"Line, Adjustment, Totals, Warning, Kind, WarningCode", func(t *testing.T) {
			marshals(t, Totals{})
			refusesToMarshal(t, Adjustment{})
			refusesToMarshal(t, Warning{})
			marshals(t, Line{})
			assert.False(t, Kind(0).IsValid())
			assert.False(t, WarningCode(0).IsValid())
		}},
		{"SummaryLine, Hint", func(t *testing.T) {
			assert.Equal(t, "", SummaryLine{}.Label())
			assert.Equal(t, "Order 0 more units to get 0 % ().", Hint{}.Text("EUR"))
		}},
		{"Policy, RoundingMode, PaymentMethod, InterestMethod", func(t *testing.T) {
			assert.False(t, Policy(0).IsValid())
			requireDec(t, "2.35", RoundingMode(0).Round(d("2.345"), 2), "the zero mode rounds half up")
			assert.False(t, PaymentMethod(0).IsValid())
			r := baseRules(Additive)
			r.Payment = PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12")}
			assert.Equal(t, []string{"payment.interest"}, fieldsOf(t, r.Validate()))
		}},
		{"EarlyPaymentTerms, AnnualCost", func(t *testing.T) {
			var terms EarlyPaymentTerms
			assert.Equal(t, []string{"discount_rate", "net_days"}, fieldsOf(t, terms.Validate()))
			c, err := terms.AnnualCost(30)
			assert.Error(t, err)
			assert.Equal(t, AnnualCost{}, c)
			assert.Equal(t, "0/0 net 0", terms.String())
		}},
		{"EarlyPaymentInvoice, Settlement, PaymentApplication", func(t *testing.T) {
			s, err := EarlyPaymentInvoice{}.Settle(nil)
			assert.Equal(t, []string{"terms.discount_rate", "terms.net_days", "invoice.currency", "invoice.amount", "invoice.issued", "invoice.due"}, fieldsOf(t, err))
			assert.Equal(t, Settlement{}, s)
			assert.Nil(t, s.Applications)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotPanics(t, func() { tc.test(t) })
		})
	}
}

package discount

import (
	"encoding/json"
	"errors"
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// richRules exercises every step: volume, segment, loyalty, promotion,
// manager, cap, floor, payment.
func richRules() Rules {
	r := baseRules(Compounding)
	r.MaxDiscount = nd("30")
	r.Floor.MinMarkup = nd("20")
	r.HintWithin = nd("20")
	r.Volume = []VolumeRule{volumeRule("bulk", 1, PerItem, AllUnits, tier("0", "0"), tier("10", "5"), tier("50", "10"))}
	r.Segments = []SegmentRule{{Header: Header{ID: "seg-a", Name: "Class A client", Priority: 2}, Segment: "A", Rate: d("3")}}
	r.Loyalty = []LoyaltyRule{{Header: Header{ID: "club", Priority: 3}, Tiers: []LoyaltyTier{{MinSpend: d("0"), Rate: d("0")}, {MinSpend: d("1000"), Rate: d("2")}}}}
	r.Promotions = []PromotionRule{{Header: Header{ID: "autumn", Name: "Autumn sale", Priority: 4, Scope: Scope{Groups: []string{"tools"}}}, Rate: d("4")}}
	r.Payment = PaymentPricing{Method: PaymentTable, Prepayment: nd("-2"), Steps: []DelayStep{{UpToDays: 0, Adjustment: d("0")}, {UpToDays: 30, Adjustment: d("1")}, {UpToDays: 60, Adjustment: d("2.5")}}}
	r.Authority = authority.Limits{{Holder: "manager", Max: d("3"), ApprovedBy: "head"}, {Holder: "head", Max: d("10")}}
	return r
}

func richRequest() Request {
	rq := req(line("DRILL", "45"), line("SAW", "12"), line("SCREW", "2000"), line("GLOVE", "7"))
	rq.Client = ClientFacts{ID: "c-001", Segments: []string{"A", "AX"}, LoyaltySpend: d("1500")}
	rq.Payment = PaymentTiming{Days: 30}
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-anna", Role: "manager"}, Rate: d("2")}
	return rq
}

func TestQuoteReconciles(t *testing.T) {
	q := mustQuote(t, testPriceList(), richRules(), richRequest())
	gross, net := d("0"), d("0")
	for _, l := range q.Lines {
		sum := l.Gross
		for _, a := range l.Adjustments {
			sum = sum.Add(a.Amount)
		}
		requireDec(t, l.Net.String(), sum, "line %s: gross + adjustments = net", l.SKU)
		requireDec(t, l.Net.String(), l.NetUnitPrice.Mul(l.Quantity).Round(2), "net = unit × quantity")
		gross, net = gross.Add(l.Gross), net.Add(l.Net)
	}
	requireDec(t, gross.String(), q.Totals.Gross)
	requireDec(t, net.String(), q.Totals.Net)
	requireDec(t, q.Totals.Net.String(), q.Totals.Gross.Sub(q.Totals.Discount).Add(q.Totals.Surcharge))
	summed := d("0")
	for _, s := range q.Summary {
		summed = summed.Add(s.Amount)
	}
	requireDec(t, q.Totals.Net.Sub(q.Totals.Gross).String(), summed, "the summary adds up to net - gross")
}

func TestQuoteHandWorked(t *testing.T) {
	q := mustQuote(t, testPriceList(), richRules(), richRequest())
	drill := q.Lines[0]
	// 45 drills at 100.00 (gross 4500.00), compounding in priority order.
	// Each amount is the change of the line total, rounded to cents:
	//   bulk 5 %      unit 95            line 4275.00   -225.00
	//   segment A 3 % unit 92.15         line 4146.75   -128.25
	//   loyalty 2 %   unit 90.307        line 4063.815  -> 4063.82  -82.93
	//   autumn 4 %    unit 86.69472      line 3901.2624 -> 3901.26  -162.56
	//   manager 2 %   unit 84.9608256    line 3823.237152 -> 3823.24  -78.02
	//   cap 30 % (70.00) and floor 60 × 1.2 = 72.00: not reached
	//   30 days +1 %  unit 85.810433856  line 3861.4695… -> 3861.47  +38.23
	//   unit rounded to 85.81, line 85.81 × 45 = 3861.45: rounding -0.02.
	want := []struct {
		kind   Kind
		amount string
	}{
		{KindVolume, "-225"}, {KindSegment, "-128.25"}, {KindLoyalty, "-82.93"}, {KindPromotion, "-162.56"},
		{KindManager, "-78.02"}, {KindPayment, "38.23"}, {KindRounding, "-0.02"},
	}
	require.Len(t, drill.Adjustments, len(want))
	for i, w := range want {
		assert.Equal(t, w.kind, drill.Adjustments[i].Kind, i)
		requireDec(t, w.amount, drill.Adjustments[i].Amount, w.kind)
	}
	requireDec(t, "85.81", drill.NetUnitPrice)
	requireDec(t, "3861.45", drill.Net)
	assert.Equal(t, "Class A client", drill.Adjustments[1].Name)
	assert.Equal(t, 2, drill.Adjustments[2].Tier, "loyalty tier 2 of 2")

	// 2000 screws (fasteners: no autumn sale): 0.05 × 0.90 (bulk 10 %) ×
	// 0.97 × 0.98 (loyalty) × 0.98 (manager) = 0.04192146, above the cap
	// (0.05 × 0.70 = 0.035) and the floor (0.02 × 1.20 = 0.024); +1 % for
	// 30 days = 0.0423406746, rounded to cents 0.04.
	requireDec(t, "0.04", q.Lines[2].NetUnitPrice)

	// The hint: 45 drills, 5 short of the 10 % tier (5 <= 20 % of 50).
	require.Len(t, q.Hints, 1)
	assert.Equal(t, "Order 5 more units of DRILL to get 10 % (bulk).", q.Hints[0].Text("EUR"))
	// The manager's 2 % is within the 3 % limit.
	assert.Equal(t, ApprovalNotRequired, q.Approval.Status)
	require.NoError(t, q.Offerable())
}

func TestQuoteSummaryIsClientFacing(t *testing.T) {
	q := mustQuote(t, testPriceList(), richRules(), richRequest())
	var labels []string
	for _, s := range q.Summary {
		labels = append(labels, s.Label())
	}
	assert.Equal(t, []string{"bulk", "Class A client", "club", "Autumn sale", "Additional discount", "Minimum price limit",
		"Deferred payment surcharge", "Unit price rounding"}, labels)
}

func TestQuoteIsDeterministic(t *testing.T) {
	a := mustQuote(t, testPriceList(), richRules(), richRequest())
	b := mustQuote(t, testPriceList(), richRules(), richRequest())
	assert.Equal(t, a, b)

	// The order rules are listed in does not matter: they are sorted by
	// priority, then ID.
	r := richRules()
	r.Promotions = append(r.Promotions, PromotionRule{Header: Header{ID: "z-extra", Priority: 4}, Rate: d("1")}, PromotionRule{Header: Header{ID: "a-extra", Priority: 4}, Rate: d("1")})
	r2 := r
	r2.Promotions = slices.Clone(r.Promotions)
	slices.Reverse(r2.Promotions)
	ja, _ := json.Marshal(mustQuote(t, testPriceList(), r, richRequest()))
	jb, _ := json.Marshal(mustQuote(t, testPriceList(), r2, richRequest()))
	assert.JSONEq(t, string(ja), string(jb))
}

func TestQuoteBadRequestNamesEveryField(t *testing.T) {
	rq := Request{
		Date:     day(2027, time.February, 1),
		Currency: "USD",
		Client: ClientFacts{Segments: []string{"A", "A"}, LoyaltySpend: d("-5"),
			Prior: []PriorVolume{{RuleID: "seg-a"}, {RuleID: "nope"}}},
		Lines:   []LineRequest{line("DRILL", "0"), line("NAIL", "5"), line("SAW", "-2"), line("SCREW", "0.0000001")},
		Payment: PaymentTiming{Days: -3},
		Coupons: []string{"FREE"},
		Manager: ManagerDiscount{By: authority.Actor{ID: "m-x"}, Rate: d("150")},
	}
	_, err := NewQuote(testPriceList(), richRules(), rq)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, ErrUnknownSKU)
	assert.ErrorIs(t, err, ErrCurrency)
	assert.Equal(t, []string{
		"date", "currency", "client.segments[1]", "client.loyalty_spend",
		"lines[0].quantity", "lines[1].sku", "lines[2].quantity", "lines[3].quantity",
		"payment.days", "coupons[0]", "manager.rate",
		"client.prior[0].rule_id", "client.prior[1].rule_id",
	}, fieldsOf(t, err))
	msg := err.Error()
	assert.Contains(t, msg, "date = 2027-02-01: outside the validity of price list pl-2026 (2026-01-01 to 2026-12-31)")
	assert.Contains(t, msg, "currency = USD: the price list is in EUR")
	assert.Contains(t, msg, "lines[0].quantity = 0: must be above 0")
	assert.Contains(t, msg, "lines[1].sku = NAIL: not in price list pl-2026")
	assert.Contains(t, msg, "payment.days = -3: must not be negative")
	assert.Contains(t, msg, "manager.rate = 150: must be a percentage within 0..100")

	var fe *clientele.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "date", fe.Field)
}

func TestQuoteRequiresCurrencyAndLines(t *testing.T) {
	_, err := NewQuote(testPriceList(), baseRules(Additive), Request{Date: testDate})
	assert.Equal(t, []string{"currency", "lines"}, fieldsOf(t, err))
	_, err = NewQuote(testPriceList(), baseRules(Additive), Request{Currency: "EUR", Lines: []LineRequest{line("DRILL", "1")}})
	assert.Equal(t, []string{"date"}, fieldsOf(t, err))
}

func TestCompileCrossChecks(t *testing.T) {
	r := baseRules(Additive)
	r.Currency = "USD"
	_, err := Compile(testPriceList(), r)
	assert.ErrorIs(t, err, ErrCurrency)
	assert.ErrorContains(t, err, "rules.currency = USD: the price list is in EUR")

	r = baseRules(Additive)
	r.Promotions = []PromotionRule{{Header: Header{ID: "p", Scope: Scope{SKUs: []string{"DRILL", "HAMMER"}, Groups: []string{"garden"}}}, Rate: d("5")}}
	_, err = Compile(testPriceList(), r)
	assert.ErrorIs(t, err, ErrUnknownSKU)
	assert.ErrorContains(t, err, "rules.promotions[0].scope.skus[1] = HAMMER: not in price list pl-2026")
	assert.ErrorContains(t, err, "rules.promotions[0].scope.groups[0] = garden: no item of price list pl-2026 is in this group")

	_, err = Compile(PriceList{}, Rules{})
	assert.ErrorContains(t, err, "price_list.currency")
	assert.ErrorContains(t, err, "rules.combination")
}

func TestPriorVolumeChecks(t *testing.T) {
	v := volumeRule("year", 1, PerItem, AllUnits, tier("100", "5"))
	v.Cumulative = true
	g := volumeRule("grp", 2, PerGroup, AllUnits, tier("100", "5"))
	g.Cumulative = true
	r := volumeOnly(v, g)
	rq := req(line("DRILL", "1"))
	rq.Client.Prior = []PriorVolume{
		{RuleID: "year", Key: "NAIL", Quantity: d("1")},
		{RuleID: "year", Key: "DRILL", Quantity: d("1")},
		{RuleID: "year", Key: "DRILL", Quantity: d("2")},
		{RuleID: "grp", Key: "garden"},
		{RuleID: "grp", Key: "tools", Amount: d("-1")},
	}
	_, err := NewQuote(testPriceList(), r, rq)
	assert.ErrorIs(t, err, ErrUnknownSKU)
	assert.Equal(t, []string{"client.prior[0].key", "client.prior[2].key", "client.prior[3].key", "client.prior[4].amount"}, fieldsOf(t, err))
}

func TestHintsFollowThePolicy(t *testing.T) {
	bulk := volumeRule("bulk", 2, PerItem, AllUnits, tier("0", "0"), tier("10", "5"))
	vip := VIPRule{Header: Header{ID: "vip", Priority: 1}, Rate: d("8")}
	quoteWith := func(p Policy) Quote {
		r := baseRules(p)
		r.HintWithin = nd("20")
		r.Volume = []VolumeRule{bulk}
		r.VIP = []VIPRule{vip}
		rq := req(line("DRILL", "9"))
		rq.Client.VIP = true
		return mustQuote(t, testPriceList(), r, rq)
	}
	// 9 drills, 1 short of 5 %: worth saying when the 5 % would add up...
	assert.Len(t, quoteWith(Additive).Hints, 1)
	assert.Len(t, quoteWith(Compounding).Hints, 1)
	// ...but not when the VIP rule wins anyway (priority 1) or gives more.
	assert.Empty(t, quoteWith(FirstMatch).Hints)
	assert.Empty(t, quoteWith(BestForClient).Hints)

	// Beyond the threshold (20 % of 10 = 2 units), no hint.
	r := baseRules(Additive)
	r.HintWithin = nd("20")
	r.Volume = []VolumeRule{bulk}
	assert.Empty(t, mustQuote(t, testPriceList(), r, req(line("DRILL", "7"))).Hints)
	// Amount hints are rounded up to the cent; one hint per rule and key.
	a := volumeRule("amt", 1, PerOrder, Graduated, tier("0", "0"), tier("1000", "3"))
	a.Basis = BasisAmount
	r.Volume = []VolumeRule{a}
	q := mustQuote(t, testPriceList(), r, req(line("DRILL", "9"), line("SCREW", "3")))
	require.Len(t, q.Hints, 1)
	requireDec(t, "99.85", q.Hints[0].Missing) // 1000 - 900 - 0.15
	assert.Equal(t, "Order 99.85 EUR more to get 3 % on what you order beyond the threshold (amt).", q.Hints[0].Text("EUR"))
}

func TestHintEdges(t *testing.T) {
	bulk := volumeRule("bulk", 1, PerItem, AllUnits, tier("0", "0"), tier("5", "4"), tier("10", "8"))
	hints := func(p Policy, qty string, extra ...PromotionRule) []Hint {
		r := baseRules(p)
		r.HintWithin = nd("20")
		r.Volume = []VolumeRule{bulk}
		r.Promotions = extra
		return mustQuote(t, testPriceList(), r, req(line("DRILL", qty))).Hints
	}
	// 20 % of the 10-unit tier is 2 units: 8 drills are exactly that far
	// ("at most that share"), 7.5 drills are not.
	require.Len(t, hints(Additive, "8"), 1)
	requireDec(t, "2", hints(Additive, "8")[0].Missing)
	assert.Empty(t, hints(Additive, "7.5"))
	// Under first_match the volume rule is itself the rule that wins at 4 %:
	// its better tier would apply, so the hint stands.
	require.Len(t, hints(FirstMatch, "9"), 1)
	// Under best_for_client a 8 % promotion already gives what the next
	// tier would: no hint; a 7.99 % one gives less: hint.
	promo := func(rate string) PromotionRule {
		return PromotionRule{Header: Header{ID: "promo", Priority: 2}, Rate: d(rate)}
	}
	assert.Empty(t, hints(BestForClient, "9", promo("8")))
	assert.Len(t, hints(BestForClient, "9", promo("7.99")), 1)

	// An amount still to order is rounded up to the cent, so ordering it
	// reaches the tier: 1000 - 3 × 0.0125 = 999.9625 -> 999.97.
	pl := testPriceList()
	pl.Items[2].UnitPrice = d("0.0125")
	amt := volumeRule("amt", 1, PerOrder, AllUnits, tier("0", "0"), tier("1000", "3"))
	amt.Basis = BasisAmount
	r := volumeOnly(amt)
	r.ExtraUnitDecimals = 2
	r.HintWithin = nd("100")
	q := mustQuote(t, pl, r, req(line("SCREW", "3")))
	require.Len(t, q.Hints, 1)
	requireDec(t, "999.97", q.Hints[0].Missing)
}

func TestEngineIsSafeForConcurrentUse(t *testing.T) {
	e, err := Compile(testPriceList(), richRules())
	require.NoError(t, err)
	want, err := e.Quote(richRequest())
	require.NoError(t, err)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 20 {
				got, err := e.Quote(richRequest())
				if err == nil && !assert.ObjectsAreEqual(want, got) {
					err = errors.New("quotes differ")
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-errs)
	}
}

// minorUnits is r units of a currency with minor decimals, as pricing
// holds a rounded amount.
func minorUnits(r int64, minor int32) *num {
	x := numOf(decimal.New(r, -minor))
	return x.round(&x, minor, RoundHalfUp)
}

func TestSlotSumIsExactBeyondInt64(t *testing.T) {
	numAt := func(s string) *num {
		x := numOf(d(s))
		return &x
	}
	var s slotSum
	assert.False(t, s.set)
	s.add(minorUnits(0, 2)) // a rule that gave nothing still applied
	assert.True(t, s.set)
	s.add(numAt("92233720368547758.07")) // the largest int64 coefficient
	s.add(minorUnits(1, 2))              // would overflow: the decimal path
	s.add(numAt("-0.01"))
	s.add(numAt("1234567890123456789.12")) // 21 digits
	half := bigNum(d("0.5"))
	s.add(&half)                                               // another exponent, a decimal
	requireDec(t, "1326801610492004547.69", s.total.Decimal()) // worked with Python's decimal module
	assert.Equal(t, int32(-2), s.total.Decimal().Exponent(), "cents")
	assert.True(t, s.set)
}

func TestSharedResidues(t *testing.T) {
	s := newQuoteScratch(0, 0, 0, 0, 0)
	for _, r := range []int64{-257, -256, -3, 0, 3, 256, 257} {
		for range 2 { // made, then shared
			got := s.residue(minorUnits(r, 2))
			assert.Equal(t, decimal.New(r, -2).String(), got.String())
			assert.Equal(t, int32(-2), got.Exponent())
		}
	}
	assert.Equal(t, "-3", newQuoteScratch(0, 0, 0, 0, 0).residue(minorUnits(-3, 0)).String(), "JPY: whole yen")
}

func TestQuoteScratchGenerationWraps(t *testing.T) {
	s := newQuoteScratch(2, 1, 0, 0, 0)
	s.gen = ^uint32(0)
	s.itemGen[1] = 7
	s.next()
	assert.Equal(t, uint32(1), s.gen)
	assert.Equal(t, []uint32{0, 0}, s.itemGen, "stale generations cleared on wrap")
}

package discount

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/cputime"
	"github.com/shopspring/decimal"
)

// benchFixture is the benchmark size: a 1,000-item price list in
// 20 groups, 50 rules of every kind under compounding (the policy that
// applies the most rules per line), a cap, a markup floor and
// cost-of-money payment pricing; requests of 100 lines.
func benchFixture(nRequests int) (PriceList, Rules, []Request) {
	rng := rand.New(rand.NewPCG(7, 50))
	pl := PriceList{ID: "bench", Currency: "EUR"}
	for i := range 1000 {
		price := decimal.New(int64(100+rng.IntN(99900)), -2) // 1.00 .. 999.99
		pl.Items = append(pl.Items, Item{
			SKU: fmt.Sprintf("SKU-%04d", i), Group: fmt.Sprintf("G%02d", i%20),
			UnitPrice: price, Cost: decimal.NewNullDecimal(price.Mul(d("0.6")).Round(2)),
		})
	}
	r := Rules{Currency: "EUR", Combination: Compounding, MaxDiscount: nd("40"), Floor: Floor{MinMarkup: nd("5")},
		HintWithin: nd("15"),
		Payment:    PaymentPricing{Method: PaymentCostOfMoney, AnnualRate: d("12"), Interest: SimpleInterest}}
	prio := 0
	hdr := func(id string, scope Scope) Header {
		prio++
		return Header{ID: id, Priority: prio, Scope: scope}
	}
	for i := range 10 {
		var skus []string
		for j := range 5 {
			skus = append(skus, fmt.Sprintf("SKU-%04d", i*50+j*7))
		}
		r.Volume = append(r.Volume, VolumeRule{Header: hdr(fmt.Sprintf("vol-item-%d", i), Scope{SKUs: skus}),
			Per: PerItem, Basis: BasisQuantity, Mode: AllUnits,
			Tiers: []Tier{tier("0", "0"), tier("10", "3"), tier("50", "6"), tier("200", "10")}})
	}
	for i := range 5 {
		r.Volume = append(r.Volume, VolumeRule{Header: hdr(fmt.Sprintf("vol-group-%d", i), Scope{Groups: []string{fmt.Sprintf("G%02d", i*4)}}),
			Per: PerGroup, Basis: BasisQuantity, Mode: Graduated,
			Tiers: []Tier{tier("0", "0"), tier("100", "2"), tier("500", "4")}})
	}
	for i := range 2 {
		r.Volume = append(r.Volume, VolumeRule{Header: hdr(fmt.Sprintf("vol-order-%d", i), Scope{Groups: []string{fmt.Sprintf("G%02d", 1+i)}}),
			Per: PerOrder, Basis: BasisAmount, Mode: AllUnits,
			Tiers: []Tier{tier("0", "0"), tier("5000", "1"), tier("20000", "2")}})
	}
	segments := []string{"A", "B", "C", "AX", "AY", "BX", "champions", "loyal", "key", "at_risk"}
	for i, s := range segments {
		r.Segments = append(r.Segments, SegmentRule{Header: hdr("seg-"+s, Scope{Groups: []string{fmt.Sprintf("G%02d", i), fmt.Sprintf("G%02d", 10+i)}}),
			Segment: s, Rate: decimal.NewFromInt(int64(1 + i%4))})
	}
	for i := range 3 {
		r.VIP = append(r.VIP, VIPRule{Header: hdr(fmt.Sprintf("vip-%d", i), Scope{Groups: []string{fmt.Sprintf("G%02d", 5+i)}}), Rate: d("2")})
	}
	for i := range 3 {
		r.Loyalty = append(r.Loyalty, LoyaltyRule{Header: hdr(fmt.Sprintf("club-%d", i), Scope{Groups: []string{fmt.Sprintf("G%02d", 12+i)}}),
			Tiers: []LoyaltyTier{{MinSpend: d("0"), Rate: d("0")}, {MinSpend: d("10000"), Rate: d("1")}, {MinSpend: d("50000"), Rate: d("3")}}})
	}
	for i := range 17 {
		p := PromotionRule{Header: hdr(fmt.Sprintf("promo-%d", i), Scope{Groups: []string{fmt.Sprintf("G%02d", i)}}), Rate: d("5")}
		if i%2 == 1 {
			p.ValidFrom, p.ValidTo = day(2026, time.January, 1), day(2026, time.March, 31) // expired on the quote date
		}
		if i%5 == 0 {
			p.Coupon = fmt.Sprintf("CODE%d", i)
		}
		r.Promotions = append(r.Promotions, p)
	}
	r.Authority = authority.Limits{{Holder: "manager", Max: d("5")}}

	reqs := make([]Request, nRequests)
	for k := range reqs {
		rq := Request{Date: testDate, Currency: "EUR", Payment: PaymentTiming{Days: 30},
			Client:  ClientFacts{ID: fmt.Sprintf("c-%d", k), Segments: []string{"A", "AX", "champions"}, VIP: k%2 == 0, LoyaltySpend: d("25000")},
			Coupons: []string{"CODE0"},
			Manager: ManagerDiscount{By: authority.Actor{ID: "m-1", Role: "manager"}, Rate: d("2")}}
		for range 100 {
			rq.Lines = append(rq.Lines, LineRequest{SKU: fmt.Sprintf("SKU-%04d", rng.IntN(1000)), Quantity: decimal.NewFromInt(int64(1 + rng.IntN(300)))})
		}
		reqs[k] = rq
	}
	return pl, r, reqs
}

func mustCompile(b *testing.B, pl PriceList, r Rules) *Engine {
	b.Helper()
	e, err := Compile(pl, r)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// perLine measures a benchmark per priced line: wall time, and the
// process's CPU time from when it was started (after the benchmark's
// set-up) to the report.
type perLine struct{ cpu cputime.Since }

func startPerLine() perLine { return perLine{cpu: cputime.Start()} }

func (p perLine) report(b *testing.B, linesPerOp int) {
	lines := float64(b.N * linesPerOp)
	perLine := float64(b.Elapsed().Nanoseconds()) / lines
	b.ReportMetric(perLine, "ns/line")
	b.ReportMetric(1e9/perLine, "lines/s")
	if cpu, ok := p.cpu.PerOp(b.N * linesPerOp); ok {
		b.ReportMetric(cpu, "cpu-ns/line")
	}
}

// BenchmarkQuote100Lines50Rules prices one 100-line request against 50
// rules on a compiled engine.
func BenchmarkQuote100Lines50Rules(b *testing.B) {
	pl, r, reqs := benchFixture(1)
	e := mustCompile(b, pl, r)
	b.ReportAllocs()
	m := startPerLine()
	for b.Loop() {
		if _, err := e.Quote(reqs[0]); err != nil {
			b.Fatal(err)
		}
	}
	m.report(b, 100)
}

// erpBenchFixture is benchFixture with the kinds of the ERP rule file
// mixed in: two of the promotions become amounts (per unit and per
// line), one takes a condition on other lines, price rules (a fixed
// price on 20 SKUs, a margin on cost for two groups), two free-item
// rules, VAT with a fixed fee, early-payment terms, a few lines per box
// of 10 and one with a manual price.
func erpBenchFixture() (PriceList, Rules, Request) {
	pl, r, reqs := benchFixture(1)
	for i := range pl.Items {
		if i%10 == 0 {
			pl.Items[i].Units = []Unit{{Name: "box", Factor: d("10")}}
		}
	}
	r.Promotions[0].Rate, r.Promotions[0].AmountOff = decimal.Zero, AmountOff{Amount: d("1.50"), Per: AmountPerUnit}
	r.Promotions[2].Rate, r.Promotions[2].AmountOff = decimal.Zero, AmountOff{Amount: d("20"), Per: AmountPerLine}
	r.Promotions[4].When = Condition{Groups: []string{"G07"}, MinQuantity: nd("10")}
	var skus []string
	for j := range 20 {
		skus = append(skus, fmt.Sprintf("SKU-%04d", j*37))
	}
	r.Prices = []PriceRule{
		{Header: Header{ID: "contract", Priority: 1, Scope: Scope{SKUs: skus}}, Clients: []string{"c-0"}, Price: nd("42.00")},
		{Header: Header{ID: "cost-plus", Priority: 2, Scope: Scope{Groups: []string{"G03", "G13"}}}, Margin: Margin{Base: BaseCost, Percent: nd("55")}},
	}
	r.FreeItems = []FreeItemRule{
		{Header: Header{ID: "1-per-20", Priority: 1, Scope: Scope{Groups: []string{"G09"}}}, Buy: nd("20"), Get: d("1"), Repeat: true},
		{Header: Header{ID: "gift", Priority: 2}, MinAmount: nd("10000"), Get: d("1"), FreeSKU: "SKU-0999"},
	}
	r.Taxes = Taxes{EarlyPayment: EarlyPayMixed, Rates: []Tax{
		{ID: "vat", Percent: nd("20")},
		{ID: "fee", Amount: nd("0.25"), Scope: Scope{Groups: []string{"G01", "G02"}}},
	}}
	rq := reqs[0]
	rq.EarlyPayment = EarlyPaymentTerms{DiscountRate: d("2"), DiscountDays: 10, NetDays: 30}
	for i := range rq.Lines {
		var n int
		fmt.Sscanf(rq.Lines[i].SKU, "SKU-%d", &n)
		if n%10 == 0 {
			rq.Lines[i].Unit = "box"
		}
	}
	rq.Lines[0].ManualPrice = nd("10.00")
	return pl, r, rq
}

// BenchmarkQuoteERPKinds prices the 100-line request with the new kinds
// mixed in (erpBenchFixture): against BenchmarkQuote100Lines50Rules it
// gives what the price rules, amounts, conditions, units, free items
// and taxes cost.
func BenchmarkQuoteERPKinds(b *testing.B) {
	pl, r, rq := erpBenchFixture()
	e := mustCompile(b, pl, r)
	b.ReportAllocs()
	m := startPerLine()
	for b.Loop() {
		if _, err := e.Quote(rq); err != nil {
			b.Fatal(err)
		}
	}
	m.report(b, 100)
}

// BenchmarkQuoteBatch1000 prices 1,000 different 100-line requests.
func BenchmarkQuoteBatch1000(b *testing.B) {
	pl, r, reqs := benchFixture(1000)
	e := mustCompile(b, pl, r)
	b.ReportAllocs()
	m := startPerLine()
	for b.Loop() {
		for i := range reqs {
			if _, err := e.Quote(reqs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	m.report(b, 100*len(reqs))
}

// BenchmarkQuoterQuote100Lines50Rules is BenchmarkQuote100Lines50Rules
// on a Quoter, which reuses the last quote's lines and adjustments.
func BenchmarkQuoterQuote100Lines50Rules(b *testing.B) {
	pl, r, reqs := benchFixture(1)
	qr := mustCompile(b, pl, r).NewQuoter()
	b.ReportAllocs()
	m := startPerLine()
	for b.Loop() {
		if _, err := qr.Quote(reqs[0]); err != nil {
			b.Fatal(err)
		}
	}
	m.report(b, 100)
}

// BenchmarkQuoterBatch1000 is BenchmarkQuoteBatch1000 on a Quoter: the
// batch use it is made for.
func BenchmarkQuoterBatch1000(b *testing.B) {
	pl, r, reqs := benchFixture(1000)
	qr := mustCompile(b, pl, r).NewQuoter()
	b.ReportAllocs()
	m := startPerLine()
	for b.Loop() {
		for i := range reqs {
			if _, err := qr.Quote(reqs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	m.report(b, 100*len(reqs))
}

// BenchmarkNewQuote is the simple entry point: compile and quote.
func BenchmarkNewQuote(b *testing.B) {
	pl, r, reqs := benchFixture(1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewQuote(pl, r, reqs[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile compiles the 1,000-item list with its 50 rules.
func BenchmarkCompile(b *testing.B) {
	pl, r, _ := benchFixture(0)
	b.ReportAllocs()
	for b.Loop() {
		mustCompile(b, pl, r)
	}
}

// referenceLine is the arithmetic one priced line of the benchmark
// needs, taken from the engine's own quote: list price, quantity, and
// the factor of each adjustment it applied (1 + rate).
type referenceLine struct {
	price, qty decimal.Decimal
	factors    []decimal.Decimal
}

// BenchmarkReferenceLineArithmetic is the yardstick of the speed target:
// the bare shopspring/decimal operations the 100 lines of
// BenchmarkQuote100Lines50Rules need, with the same adjustments, and
// nothing else: the gross (multiply, round); per adjustment the new unit
// price, its change, and the change on the line (multiply, subtract,
// multiply, round, add); the unit price and line total (round, multiply,
// round); the rounding residue (two subtractions); the totals (two
// additions). No rule matching, no validation, no explanation records.
// The ratio of the two benchmarks' cpu-ns/line is what a priced line
// costs against the bare decimal arithmetic it needs (issue 15's
// target: at most 0.5); with the exact fast path the engine skips most
// of that arithmetic, so the ratio is below 1. By CPU time the
// reference costs the same in its own process and after the quote
// benchmarks in one (a median ratio of 1.01 over 17 paired runs).
func BenchmarkReferenceLineArithmetic(b *testing.B) {
	pl, r, reqs := benchFixture(1)
	e := mustCompile(b, pl, r)
	q, err := e.Quote(reqs[0])
	if err != nil {
		b.Fatal(err)
	}
	// The payment factor the engine uses, to 16 places, not its 8-place
	// display rate.
	var p problems
	pf, _ := r.Payment.factor(&p, reqs[0].Payment)
	payFactor := pf.mul.DivRound(decimal.NewFromInt(pf.div), factorPlaces)
	lines := make([]referenceLine, len(q.Lines))
	adjustments := 0
	for i, l := range q.Lines {
		lines[i] = referenceLine{price: l.ListPrice, qty: l.Quantity}
		for _, a := range l.Adjustments {
			switch a.Kind {
			case KindRounding:
				continue
			case KindPayment:
				lines[i].factors = append(lines[i].factors, payFactor)
			default:
				lines[i].factors = append(lines[i].factors, one.Add(fraction(a.Rate)))
			}
			adjustments++
		}
	}
	var sink decimal.Decimal
	b.ReportAllocs()
	m := startPerLine()
	for b.Loop() {
		gross, net := decimal.Zero, decimal.Zero
		for i := range lines {
			l := &lines[i]
			g := l.price.Mul(l.qty).Round(2)
			p, sum := l.price, decimal.Zero
			for _, f := range l.factors {
				next := p.Mul(f)
				amt := next.Sub(p).Mul(l.qty).Round(2)
				sum, p = sum.Add(amt), next
			}
			unit := p.Round(2)
			n := unit.Mul(l.qty).Round(2)
			sink = n.Sub(g).Sub(sum)
			gross, net = gross.Add(g), net.Add(n)
		}
		sink = sink.Add(gross).Add(net)
	}
	_ = sink
	m.report(b, len(lines))
	b.ReportMetric(float64(adjustments)/float64(len(lines)), "adj/line")
}

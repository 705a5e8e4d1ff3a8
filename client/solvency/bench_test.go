package solvency

import (
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// synthClient builds a company with a statement and 24 monthly invoices
// as of 2025-06-30, drawn from r: some pay on time, some late, some owe.
func synthClient(r *rand.Rand) Input {
	cents := func(lo, hi int64) decimal.Decimal { return decimal.New(lo+r.Int64N(hi-lo), -2) }
	ta := 100_000_00 + r.Int64N(10_000_000_00)
	ca := ta * (20 + r.Int64N(50)) / 100
	tl := ta * (20 + r.Int64N(90)) / 100
	st := &Statement{
		PeriodEnd: day("2024-12-31"), Currency: "EUR",
		Cash: decimal.NewNullDecimal(decimal.New(ca/5, -2)), MarketableSecurities: decimal.NewNullDecimal(decimal.New(ca/10, -2)),
		Receivables: decimal.NewNullDecimal(decimal.New(ca/3, -2)), Inventory: decimal.NewNullDecimal(decimal.New(ca/4, -2)),
		CurrentAssets: decimal.NewNullDecimal(decimal.New(ca, -2)), TotalAssets: decimal.NewNullDecimal(decimal.New(ta, -2)),
		CurrentLiabilities: decimal.NewNullDecimal(decimal.New(tl*(30+r.Int64N(60))/100, -2)), TotalLiabilities: decimal.NewNullDecimal(decimal.New(tl, -2)),
		Equity: decimal.NewNullDecimal(decimal.New(ta-tl, -2)), RetainedEarnings: decimal.NewNullDecimal(decimal.New((ta-tl)/2, -2)),
		Revenue: decimal.NewNullDecimal(decimal.New(ta*(50+r.Int64N(150))/100, -2)), EBIT: decimal.NewNullDecimal(cents(-ta/20, ta/5)),
		InterestExpense: decimal.NewNullDecimal(decimal.New(tl/50, -2)),
	}
	if r.IntN(10) == 0 {
		st.Inventory = decimal.NullDecimal{} // one in ten did not report it
	}
	lateness := r.IntN(40)
	invs := make([]ledger.Invoice, 24)
	for i := range invs {
		issued := day("2023-07-01").AddMonths(i)
		in := ledger.Invoice{ID: "inv", Currency: "EUR", Amount: cents(1_000_00, 50_000_00), Issued: issued, Due: issued.AddDays(30)}
		if late := r.IntN(lateness + 1); r.IntN(20) > 0 {
			in.Paid = in.Due.AddDays(late - 5)
		}
		invs[i] = in
	}
	return Input{Kind: client.KindCompany, Facts: Facts{Manufacturer: r.IntN(2) == 0}, Statement: st, Invoices: invs}
}

// benchPool is how many distinct synthetic clients are built at a time.
// A full input (a statement and 24 invoices) takes about 6 KB, so a
// million of them would take 6 GB: the million-client benchmarks draw
// them in batches of this size, each batch from its own seed, so every
// one of the million is distinct.
const benchPool = 10_000

// synthBatch fills in with distinct synthetic clients drawn from seed.
func synthBatch(in []Input, seed uint64) {
	r := rand.New(rand.NewPCG(1, seed))
	for i := range in {
		in[i] = synthClient(r)
	}
}

func benchInputs(b *testing.B) []Input {
	in := make([]Input, benchPool)
	synthBatch(in, 2)
	return in
}

// benchFeatures assesses n distinct synthetic clients (n a multiple of
// benchPool) and keeps their features, 176 bytes each: the scorecard
// step's input for a million clients fits in memory where their
// statements and invoices would not.
func benchFeatures(b *testing.B, s *Scorer, n int) []Features {
	asOf := day("2025-06-30")
	inputs := make([]Input, benchPool)
	fs := make([]Features, 0, n)
	for seed := range uint64(n / benchPool) {
		synthBatch(inputs, seed+2)
		for i := range inputs {
			a, err := s.Assess(inputs[i], asOf)
			if err != nil {
				b.Fatal(err)
			}
			fs = append(fs, NewFeatures(a.Ratios, a.Altman, a.Discipline))
		}
	}
	return fs
}

// BenchmarkScorecard is the scorecard step alone, one client per op, on
// precomputed features, reusing one result: it allocates nothing.
func BenchmarkScorecard(b *testing.B) {
	s := defaultScorer(b)
	sc := s.Scorecard(client.KindCompany)
	fs := benchFeatures(b, s, benchPool)
	var r ScoreResult
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sc.ScoreInto(&r, &fs[i])
		if i++; i == len(fs) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scores/s")
}

// BenchmarkScorecardMillion scores 1,000,000 distinct clients per op,
// each assessed beforehand from its own statement and 24 invoices.
func BenchmarkScorecardMillion(b *testing.B) {
	s := defaultScorer(b)
	sc := s.Scorecard(client.KindCompany)
	fs := benchFeatures(b, s, 1_000_000)
	var r ScoreResult
	b.ReportAllocs()
	for b.Loop() {
		for i := range fs {
			sc.ScoreInto(&r, &fs[i])
		}
	}
	b.ReportMetric(float64(b.N)*1e6/b.Elapsed().Seconds(), "scores/s")
}

// BenchmarkScorecardFresh returns a new result per client: its two
// slices are the only allocations.
func BenchmarkScorecardFresh(b *testing.B) {
	s := defaultScorer(b)
	sc := s.Scorecard(client.KindCompany)
	fs := benchFeatures(b, s, benchPool)
	b.ReportAllocs()
	i := 0
	var sink float64
	for b.Loop() {
		sink += sc.Score(&fs[i]).Score
		if i++; i == len(fs) {
			i = 0
		}
	}
	_ = sink
}

// BenchmarkAssess is the whole pipeline for one client per op: validate
// the statement and 24 invoices, ratios, Z-score, payment discipline,
// features, scorecard, notes.
func BenchmarkAssess(b *testing.B) {
	s := defaultScorer(b)
	inputs := benchInputs(b)
	asOf := day("2025-06-30")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Assess(inputs[i], asOf); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(inputs) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "clients/s")
}

// BenchmarkAssessMillion assesses 1,000,000 distinct clients per op.
// They are drawn 10,000 at a time with the timer stopped (a million
// inputs would take 6 GB); only the assessments are timed, and only their
// allocations counted.
func BenchmarkAssessMillion(b *testing.B) {
	s := defaultScorer(b)
	inputs := make([]Input, benchPool)
	asOf := day("2025-06-30")
	b.ReportAllocs()
	for b.Loop() {
		for seed := range uint64(1_000_000 / benchPool) {
			b.StopTimer()
			synthBatch(inputs, seed+2)
			b.StartTimer()
			for i := range inputs {
				if _, err := s.Assess(inputs[i], asOf); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.N)*1e6/b.Elapsed().Seconds(), "clients/s")
}

// BenchmarkPaymentDiscipline measures 24 invoices, validation included.
func BenchmarkPaymentDiscipline(b *testing.B) {
	inputs := benchInputs(b)
	cfg := DefaultDisciplineConfig()
	asOf := day("2025-06-30")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := PaymentDiscipline(inputs[i].Invoices, asOf, cfg); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(inputs) {
			i = 0
		}
	}
}

// BenchmarkRatiosAndZScore measures the statement side: ratios and the
// Z-score, validation included.
func BenchmarkRatiosAndZScore(b *testing.B) {
	inputs := benchInputs(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		st := *inputs[i].Statement
		if _, err := ComputeRatios(st); err != nil {
			b.Fatal(err)
		}
		if _, err := ZScore(st, ModelZPrime); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(inputs) {
			i = 0
		}
	}
}

// BenchmarkCheckOrder checks an order against 24 invoices and 5 open orders.
func BenchmarkCheckOrder(b *testing.B) {
	inputs := benchInputs(b)
	p := DefaultCreditPolicy("EUR")
	open := []Order{order("o1", "100"), order("o2", "200"), order("o3", "300"), order("o4", "400"), order("o5", "500")}
	c := Credit{Grade: GradeB, DeferralDays: 45, Limit: Money{Amount: d("150000"), Currency: "EUR"}}
	asOf := day("2025-06-30")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := CheckOrder(OrderCheck{AsOf: asOf, Credit: c, Invoices: inputs[i].Invoices, OpenOrders: open, Order: order("new", "1000")}, p); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(inputs) {
			i = 0
		}
	}
}

package solvency

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzLoadConfig: any bytes either fail to load with ErrInvalid, or give
// a config that compiles and scores within its own points range.
func FuzzLoadConfig(f *testing.F) {
	good, _ := json.Marshal(DefaultConfig())
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"model":"z"}`))
	f.Add([]byte(`[1,2]`))
	c := DefaultConfig()
	c.Business.Factors[1].Bins[2].From = ptr(1.7)
	bad, _ := json.Marshal(c)
	f.Add(bad)
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := clientele.LoadConfig[Config](bytes.NewReader(data))
		if err != nil {
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		s, err := NewScorer(cfg)
		require.NoError(t, err)
		for _, k := range []client.Kind{client.KindCompany, client.KindIndividual} {
			sc := s.Scorecard(k)
			var ff Features
			checkScore(t, sc, sc.Score(&ff))
			h := healthy(t)
			checkScore(t, sc, sc.Score(&h))
		}
	})
}

// FuzzLoadCreditPolicy: any bytes either fail to load with ErrInvalid,
// or give a policy that checks an order and answers a release without
// panicking, within the rules: a release is allowed or refused by a
// limit, never by bad input.
func FuzzLoadCreditPolicy(f *testing.F) {
	good, _ := json.Marshal(DefaultCreditPolicy("EUR"))
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"currency":"JPY","release":{"hold":[{"holder":"x","max":"1e40"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := clientele.LoadConfig[CreditPolicy](bytes.NewReader(data))
		if err != nil {
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		c := Credit{Grade: GradeA, DeferralDays: 30, Limit: Money{Amount: d("1000"), Currency: p.Currency}}
		dec, err := CheckOrder(OrderCheck{AsOf: day("2025-06-30"), Credit: c,
			Order: Order{ID: "o", Currency: p.Currency, Amount: d("1400")}}, p)
		require.NoError(t, err)
		require.GreaterOrEqual(t, dec.Outcome, OutcomeHold, "1,400 is above the limit of 1,000")
		_, err = dec.Release(sig("u-1", "credit_controller"), p)
		if err != nil {
			assert.ErrorIs(t, err, authority.ErrLimitExceeded)
		}
	})
}

// checkScore asserts the invariants of any score: finite, within the
// card's range, a probability, a grade, a confidence share, reasons
// sorted by loss.
func checkScore(t *testing.T, sc *Scorecard, r ScoreResult) {
	lo, hi := sc.base, sc.base
	for _, cf := range sc.factors {
		flo, fhi := cf.missing, cf.missing
		for k := range cf.n {
			flo, fhi = math.Min(flo, cf.points[k]), math.Max(fhi, cf.points[k])
		}
		flo, fhi = math.Min(flo, cf.undefined), math.Max(fhi, cf.undefined)
		lo, hi = lo+flo, hi+fhi
	}
	require.False(t, math.IsNaN(r.Score) || math.IsInf(r.Score, 0))
	assert.GreaterOrEqual(t, r.Score, lo-1e-6)
	assert.LessOrEqual(t, r.Score, hi+1e-6)
	assert.True(t, r.PD >= 0 && r.PD <= 1, "pd %v", r.PD)
	assert.True(t, r.Grade.IsValid())
	assert.True(t, r.Confidence >= -1e-12 && r.Confidence <= 1+1e-12, "confidence %v", r.Confidence)
	assert.LessOrEqual(t, len(r.Reasons), sc.maxReasons)
	for i := 1; i < len(r.Reasons); i++ {
		assert.GreaterOrEqual(t, r.Reasons[i-1].Lost, r.Reasons[i].Lost)
	}
}

// FuzzScorecard: whatever the feature values, the default cards score
// within 420..690 (business) and 430..690 (individual).
func FuzzScorecard(f *testing.F) {
	f.Add(1.6, 0.4, 3.0, 30.0, 0.9, 4.0, 0.0, 0.0, uint8(2), uint8(2), uint8(0))
	f.Add(-1e300, math.Inf(1), math.NaN(), 0.0, -5.0, 1e9, 1e9, 7.0, uint8(0), uint8(9), uint8(255))
	s, err := NewScorer(DefaultConfig())
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, cr, ea, ic, dso, ot, late, overdue, wo float64, zone, trend, missing uint8) {
		var ff Features
		for i, x := range []struct {
			ft Feature
			v  float64
		}{{FeatureCurrentRatio, cr}, {FeatureEquityToAssets, ea}, {FeatureInterestCoverage, ic}, {FeatureDSO, dso},
			{FeatureOnTimeShareByAmount, ot}, {FeatureAvgDaysLateWeighted, late}, {FeatureOldestOverdueDays, overdue}, {FeatureWrittenOff, wo}} {
			m := Measure{Value: x.v, Defined: true}
			if missing&(1<<i) != 0 {
				m = undefined(Cause(1+i%5), "x")
			}
			err := ff.Set(x.ft, m)
			if m.Defined && (math.IsNaN(x.v) || math.IsInf(x.v, 0)) {
				assert.Error(t, err)
			} else {
				assert.NoError(t, err)
			}
		}
		ff.SetZone(Zone(zone))
		ff.SetTrend(Trend(trend))
		for _, k := range []client.Kind{client.KindCompany, client.KindIndividual} {
			sc := s.Scorecard(k)
			checkScore(t, sc, sc.Score(&ff))
		}
	})
}

// fuzzHistory builds up to 24 invoices from raw bytes: 6 bytes each.
func fuzzHistory(raw []byte) []ledger.Invoice {
	base := day("2024-01-01")
	var out []ledger.Invoice
	for i := 0; i+6 <= len(raw) && len(out) < 24; i += 6 {
		b := raw[i : i+6]
		in := ledger.Invoice{ID: strconv.Itoa(i), Currency: "EUR",
			Amount: decimal.New(int64(b[0])*100+int64(b[1])-5, -2),
			Issued: base.AddDays(int(b[2]) * 2)}
		in.Due = in.Issued.AddDays(int(b[3]) - 10)
		switch b[5] % 3 {
		case 1:
			in.Paid = in.Issued.AddDays(int(b[4]) - 5)
		case 2:
			in.WrittenOff = in.Issued.AddDays(int(b[4]))
		}
		out = append(out, in)
	}
	return out
}

// FuzzPaymentDiscipline: a valid history gives shares within 0..1, a
// score within 0..100, overdue within outstanding, counts that nest.
func FuzzPaymentDiscipline(f *testing.F) {
	f.Add([]byte{10, 0, 1, 40, 35, 1, 20, 50, 30, 40, 90, 0, 5, 5, 60, 40, 0, 2}, uint16(300))
	f.Add([]byte{0, 4, 0, 0, 0, 0}, uint16(0))
	f.Add([]byte{255, 255, 255, 255, 255, 255, 1, 1, 1, 1, 1, 1}, uint16(700))
	f.Fuzz(func(t *testing.T, raw []byte, asOfDays uint16) {
		invs := fuzzHistory(raw)
		asOf := day("2024-01-01").AddDays(int(asOfDays))
		dd, err := PaymentDiscipline(invs, asOf, DefaultDisciplineConfig())
		if err != nil {
			assert.ErrorIs(t, err, ErrInvalid)
			return
		}
		assert.LessOrEqual(t, dd.OnTime, dd.Evaluated)
		assert.LessOrEqual(t, dd.Evaluated, dd.Invoices)
		assert.True(t, dd.Overdue.LessThanOrEqual(dd.Outstanding))
		for _, m := range []Measure{dd.OnTimeShare, dd.OnTimeShareByAmount, dd.OverdueShare} {
			if m.Defined {
				assert.True(t, m.Value >= 0 && m.Value <= 1+1e-12, "%v", m)
			}
		}
		if sc, ok := dd.Score().Get(); ok {
			assert.True(t, sc >= 0 && sc <= 100+1e-9, "score %v", sc)
		} else {
			assert.Zero(t, dd.Evaluated)
		}
		if dd.MonthlyPurchases.Valid {
			assert.GreaterOrEqual(t, dd.MonthlyPurchases.Decimal.Sign(), 0)
		}
	})
}

// FuzzSplitOrder: an order split into parts, entered one by one, meets
// at its last part exactly the exposure and outcome of the whole order.
func FuzzSplitOrder(f *testing.F) {
	f.Add(uint32(60000), uint32(60000), uint32(100000), uint8(2))
	f.Add(uint32(1), uint32(0), uint32(1), uint8(200))
	p := DefaultCreditPolicy("EUR")
	f.Fuzz(func(t *testing.T, owedCents, orderCents, limitCents uint32, parts uint8) {
		if orderCents == 0 || parts == 0 || uint32(parts) > orderCents {
			return
		}
		var invs []ledger.Invoice
		if owedCents > 0 {
			invs = []ledger.Invoice{{ID: "i", Currency: "EUR", Amount: decimal.New(int64(owedCents), -2), Issued: day("2025-06-01"), Due: day("2025-07-15")}}
		}
		c := Credit{Grade: GradeB, DeferralDays: 45, Limit: Money{Amount: decimal.New(int64(limitCents), -2), Currency: "EUR"}}
		run := func(open []Order, o Order) Decision {
			dec, err := CheckOrder(OrderCheck{AsOf: day("2025-06-30"), Credit: c, Invoices: invs, OpenOrders: open, Order: o}, p)
			require.NoError(t, err)
			return dec
		}
		whole := run(nil, Order{ID: "w", Currency: "EUR", Amount: decimal.New(int64(orderCents), -2)})
		var entered []Order
		left := int64(orderCents)
		var last Decision
		for i := range int(parts) {
			amt := int64(orderCents) / int64(parts)
			if i == int(parts)-1 {
				amt = left
			}
			left -= amt
			o := Order{ID: "p" + strconv.Itoa(i), Currency: "EUR", Amount: decimal.New(amt, -2)}
			last = run(entered, o)
			assert.LessOrEqual(t, last.Outcome, whole.Outcome, "no part fares worse than the whole")
			entered = append(entered, o)
		}
		assert.True(t, whole.Exposure.Equal(last.Exposure), "%s vs %s", whole.Exposure, last.Exposure)
		assert.Equal(t, whole.Outcome, last.Outcome)
	})
}

// FuzzRatios: any valid statement gives ratios that are finite or
// undefined with a cause, never NaN or infinite.
func FuzzRatios(f *testing.F) {
	f.Add(int64(50), int64(30), int64(120), int64(150), int64(400), int64(1000), int64(250), int64(600), int64(400), int64(90), int64(30), int64(1460))
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(-5), int64(-1), int64(0), int64(0))
	f.Fuzz(func(t *testing.T, cash, sec, rec, invt, ca, ta, cl, tl, eq, ebit, interest, rev int64) {
		s := Statement{PeriodEnd: day("2024-12-31"), Currency: "EUR",
			Cash: decimal.NewNullDecimal(decimal.NewFromInt(cash)), MarketableSecurities: decimal.NewNullDecimal(decimal.NewFromInt(sec)),
			Receivables: decimal.NewNullDecimal(decimal.NewFromInt(rec)), Inventory: decimal.NewNullDecimal(decimal.NewFromInt(invt)),
			CurrentAssets: decimal.NewNullDecimal(decimal.NewFromInt(ca)), TotalAssets: decimal.NewNullDecimal(decimal.NewFromInt(ta)),
			CurrentLiabilities: decimal.NewNullDecimal(decimal.NewFromInt(cl)), TotalLiabilities: decimal.NewNullDecimal(decimal.NewFromInt(tl)),
			Equity: decimal.NewNullDecimal(decimal.NewFromInt(eq)), RetainedEarnings: decimal.NewNullDecimal(decimal.NewFromInt(eq / 2)),
			EBIT: decimal.NewNullDecimal(decimal.NewFromInt(ebit)), InterestExpense: decimal.NewNullDecimal(decimal.NewFromInt(interest)),
			Revenue: decimal.NewNullDecimal(decimal.NewFromInt(rev))}
		r, err := ComputeRatios(s)
		if err != nil {
			assert.ErrorIs(t, err, ErrInvalid)
			return
		}
		for _, m := range []Measure{r.CurrentRatio, r.QuickExInventory, r.QuickLiquid, r.CashRatio, r.DebtToEquity, r.EquityToAssets, r.InterestCoverage, r.DSO} {
			if m.Defined {
				assert.False(t, math.IsNaN(m.Value) || math.IsInf(m.Value, 0))
			} else {
				assert.True(t, m.Cause.IsValid())
				assert.Zero(t, m.Value)
			}
		}
		for _, m := range []Model{ModelZ, ModelZPrime, ModelZDoublePrime, ModelZDoublePrimeEM} {
			a, err := ZScore(s, m)
			require.NoError(t, err)
			assert.Equal(t, a.Score.Defined, a.Zone.IsValid())
		}
	})
}

// FuzzAssess runs the whole pipeline on any statement (some figures
// unknown) and any history: Assess either refuses the input with
// ErrInvalid or gives a score within the card's range that marshals to
// JSON; DecideCredit then gives a limit between 0 and the cap, and
// CheckOrder an outcome on the whole exposure.
func FuzzAssess(f *testing.F) {
	f.Add(uint8(3), uint16(0), int64(400), int64(250), int64(1000), int64(600), int64(200), int64(90), int64(1460), int64(30), []byte{10, 0, 1, 40, 35, 1, 20, 50, 30, 40, 90, 0}, uint16(500))
	f.Add(uint8(1), uint16(0xffff), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), int64(0), []byte{}, uint16(0))
	f.Add(uint8(2), uint16(0x0f0f), int64(-1), int64(5), int64(0), int64(7), int64(-9), int64(-3), int64(0), int64(0), []byte{255, 255, 255, 255, 255, 2}, uint16(900))
	s, err := NewScorer(DefaultConfig())
	require.NoError(f, err)
	p := DefaultCreditPolicy("EUR")
	f.Fuzz(func(t *testing.T, kind uint8, unknown uint16, ca, cl, ta, tl, re, ebit, rev, interest int64, raw []byte, asOfDays uint16) {
		amt := func(bit int, v int64) decimal.NullDecimal {
			if unknown&(1<<bit) != 0 {
				return decimal.NullDecimal{}
			}
			return decimal.NewNullDecimal(decimal.NewFromInt(v))
		}
		in := Input{Kind: client.Kind(kind % 4), Facts: Facts{Manufacturer: unknown&1<<14 != 0, EmergingMarket: unknown&1<<15 != 0},
			Invoices: fuzzHistory(raw)}
		if in.Kind != client.KindIndividual {
			in.Statement = &Statement{PeriodEnd: day("2023-12-31"), Currency: "EUR", PeriodDays: int(kind) % 400,
				CurrentAssets: amt(0, ca), CurrentLiabilities: amt(1, cl), TotalAssets: amt(2, ta), TotalLiabilities: amt(3, tl),
				Equity: amt(4, ta-tl), RetainedEarnings: amt(5, re), EBIT: amt(6, ebit), Revenue: amt(7, rev),
				InterestExpense: amt(8, interest), MarketEquity: amt(9, ta/2), Cash: amt(10, ca/4),
				Receivables: amt(11, ca/3), Inventory: amt(12, ca/4), MarketableSecurities: amt(13, ca/10)}
		}
		asOf := day("2024-01-01").AddDays(int(asOfDays))
		a, err := s.Assess(in, asOf)
		if err != nil {
			assert.ErrorIs(t, err, ErrInvalid)
			return
		}
		checkScore(t, s.Scorecard(in.Kind), a.Result)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		assert.NotContains(t, string(b), "NaN")

		c, err := DecideCredit(a, p)
		require.NoError(t, err)
		assert.GreaterOrEqual(t, c.Limit.Amount.Sign(), 0)
		assert.True(t, c.Limit.Amount.LessThanOrEqual(p.Limit.Cap), "limit %s", c.Limit.Amount)
		assert.Equal(t, c.Prepayment, a.Result.Grade == GradeE)

		dec, err := CheckOrder(OrderCheck{AsOf: asOf, Credit: c, Invoices: in.Invoices, Order: order("o", "100")}, p)
		require.NoError(t, err)
		assert.True(t, dec.Outcome.IsValid())
		assert.True(t, dec.Exposure.Equal(dec.Outstanding.Add(dec.Order)))
		assert.True(t, dec.Outstanding.Equal(a.Discipline.Outstanding), "%s vs %s", dec.Outstanding, a.Discipline.Outstanding)
		assert.True(t, dec.Overdue.Equal(a.Discipline.Overdue))
		assert.Equal(t, a.Discipline.OldestOverdueDays, dec.OldestOverdueDays)
	})
}

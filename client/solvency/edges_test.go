package solvency

import (
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/ledger"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// edgeStatement is a valid statement whose amounts are all known and
// whose current ratio and interest cover are ca/cl and ebit/interest.
func edgeStatement(ca, cl, ebit, interest string) Statement {
	return Statement{
		PeriodEnd: day("2024-12-31"), Currency: "EUR",
		Cash: nd("0"), MarketableSecurities: nd("0"), Receivables: nd("0"), Inventory: nd("0"),
		CurrentAssets: nd(ca), TotalAssets: decimal.NewNullDecimal(d(ca).Add(d("1000"))),
		CurrentLiabilities: nd(cl), TotalLiabilities: decimal.NewNullDecimal(d(cl).Add(d("1000"))),
		Equity: nd("1000"), RetainedEarnings: nd("0"), Revenue: nd("1000"),
		EBIT: nd(ebit), InterestExpense: nd(interest),
	}
}

// pointsOf assesses a statement alone and returns the points of a feature.
func pointsOf(t *testing.T, s Statement, f Feature) float64 {
	t.Helper()
	sc, err := NewScorer(DefaultConfig())
	require.NoError(t, err)
	a, err := sc.Assess(Input{Kind: client.KindCompany, Statement: &s}, day("2025-03-31"))
	require.NoError(t, err)
	for _, fs := range a.Result.Factors {
		if fs.Feature == f {
			return fs.Points
		}
	}
	t.Fatalf("no factor %s", f)
	return 0
}

// Issue 8: a current ratio or an interest cover of exactly 1.5 is on the
// inclusive lower edge of the 1.5 bin, whatever the statement's scale.
// In float64 4,500,000.30 / 3,000,000.20 is 1.4999999999999998.
func TestBinEdgesAreDecidedExactly(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		ca, cl, ebit, interest string
		current, cover         float64
	}{
		{"current ratio 4,500,000.30 / 3,000,000.20", "4500000.30", "3000000.20", "100", "1", 20, 25},
		{"current ratio 0.15 / 0.1", "0.15", "0.1", "100", "1", 20, 25},
		{"interest cover 120,031.695 / 80,021.13", "100", "100", "120031.695", "80021.13", 10, 10},
		{"interest cover 1,200.31695 / 800.2113", "100", "100", "1200.31695", "800.2113", 10, 10},
	} {
		s := edgeStatement(tt.ca, tt.cl, tt.ebit, tt.interest)
		assert.Equal(t, tt.current, pointsOf(t, s, FeatureCurrentRatio), tt.name)
		assert.Equal(t, tt.cover, pointsOf(t, s, FeatureInterestCoverage), tt.name)
	}
}

// turnoverOnly is a statement whose Z (the original model) is X5 alone:
// no working capital, retained earnings, EBIT or market equity.
func turnoverOnly(revenue, assets string) Statement {
	return Statement{
		PeriodEnd: day("2024-12-31"), Currency: "EUR",
		CurrentAssets: nd("0"), CurrentLiabilities: nd("0"), TotalAssets: nd(assets), TotalLiabilities: nd("1"),
		RetainedEarnings: nd("0"), EBIT: nd("0"), MarketEquity: nd("0"), Revenue: nd(revenue),
	}
}

// Issue 8: Z = 1.0 · X5 exactly at a cut-off is grey (both cut-offs are
// inclusive); in float64 0.181 / 0.1 is 1.8099999999999998 and
// 17,319.5152 / 5,792.48 is 2.9900000000000007.
func TestZoneCutoffsAreDecidedExactly(t *testing.T) {
	for _, tt := range []struct{ revenue, assets string }{
		{"0.181", "0.1"}, {"17319.5152", "5792.48"}, {"181", "100"}, {"1810000000", "1000000000"},
	} {
		a, err := ZScore(turnoverOnly(tt.revenue, tt.assets), ModelZ)
		require.NoError(t, err)
		assert.Equal(t, ZoneGrey, a.Zone, "%s / %s = %v", tt.revenue, tt.assets, a.Score)
	}
	// Just either side of the cut-offs.
	for _, tt := range []struct {
		revenue, assets string
		want            Zone
	}{
		{"0.1809999999999999999", "0.1", ZoneDistress}, {"2.990000000000000001", "1", ZoneSafe},
	} {
		a, err := ZScore(turnoverOnly(tt.revenue, tt.assets), ModelZ)
		require.NoError(t, err)
		assert.Equal(t, tt.want, a.Zone, "%s / %s", tt.revenue, tt.assets)
	}
}

// A statement and the same statement with every amount multiplied by
// 10^k score the same: same bins, zone and points. The statements are
// drawn so that their ratios often sit exactly on a bin edge or a
// cut-off, where a float quotient falls either side by the scale.
func TestScaledStatementsScoreTheSame(t *testing.T) {
	sc, err := NewScorer(DefaultConfig())
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(8, 8))
	edges := []string{"1", "1.5", "2", "0.1", "0.3", "0.5", "3", "6", "1.81", "2.99", "1.23", "2.9", "1.1", "2.6"}
	at := func(num decimal.Decimal) decimal.Decimal { // an edge times num, or num itself
		if r.IntN(4) == 0 {
			return num
		}
		return num.Mul(d(edges[r.IntN(len(edges))]))
	}
	cents := func() decimal.Decimal { return decimal.New(1+r.Int64N(1_000_000_00), -2-int32(r.IntN(3))) }
	for i := range 2000 {
		ta := cents().Add(d("1000000"))
		cl := cents()
		s := Statement{
			PeriodEnd: day("2024-12-31"), Currency: "EUR",
			CurrentAssets: decimal.NewNullDecimal(decimal.Min(at(cl), ta)), CurrentLiabilities: decimal.NewNullDecimal(cl),
			TotalAssets: decimal.NewNullDecimal(ta), TotalLiabilities: decimal.NewNullDecimal(cl.Add(cents())),
			RetainedEarnings: decimal.NewNullDecimal(decimal.Zero), InterestExpense: decimal.NewNullDecimal(cl),
			EBIT: decimal.NewNullDecimal(at(cl)), Revenue: decimal.NewNullDecimal(at(ta)),
		}
		s.Equity = decimal.NewNullDecimal(at(ta))
		if r.IntN(2) == 0 {
			s.MarketEquity = decimal.NewNullDecimal(at(s.TotalLiabilities.Decimal))
		}
		facts := Facts{Manufacturer: r.IntN(3) > 0}
		base, err := sc.Assess(Input{Kind: client.KindCompany, Facts: facts, Statement: &s}, day("2025-03-31"))
		require.NoError(t, err)
		for k := -4; k <= 6; k++ {
			sk := scaleStatement(s, int32(k))
			a, err := sc.Assess(Input{Kind: client.KindCompany, Facts: facts, Statement: &sk}, day("2025-03-31"))
			require.NoError(t, err)
			require.Equal(t, base.Altman.Zone, a.Altman.Zone, "statement %d ×10^%d: Z %v against %v", i, k, a.Altman.Score, base.Altman.Score)
			require.Equal(t, base.Result.Score, a.Result.Score, "statement %d ×10^%d", i, k)
			for j, fs := range a.Result.Factors {
				require.Equal(t, base.Result.Factors[j].Bin, fs.Bin, "statement %d ×10^%d: %s %v against %v", i, k, fs.Feature, fs.Value, base.Result.Factors[j].Value)
			}
		}
	}
}

// scaleStatement multiplies every known amount by 10^k.
func scaleStatement(s Statement, k int32) Statement {
	for _, a := range []*decimal.NullDecimal{&s.Cash, &s.MarketableSecurities, &s.Receivables, &s.Inventory,
		&s.CurrentAssets, &s.TotalAssets, &s.CurrentLiabilities, &s.TotalLiabilities, &s.Equity,
		&s.MarketEquity, &s.RetainedEarnings, &s.Revenue, &s.EBIT, &s.InterestExpense} {
		if a.Valid {
			a.Decimal = a.Decimal.Shift(k)
		}
	}
	return s
}

// Issue 8, the payment side: 0.01 + 0.03 paid on time out of 0.05 is an
// on-time share of exactly 0.8, the lower edge of the 30-point bin; summed
// in float64 it was 0.7999999999999999 and got 15 points. Scaled, the same.
func TestOnTimeShareEdgeIsExact(t *testing.T) {
	for _, k := range []int32{0, 2, 5} {
		invs := []ledger.Invoice{
			inv("a", "0.01", "2025-01-01", "2025-01-31", "2025-01-31"),
			inv("b", "0.03", "2025-02-01", "2025-03-03", "2025-03-03"),
			inv("c", "0.01", "2025-03-01", "2025-03-31", "2025-04-10"),
		}
		for i := range invs {
			invs[i].Amount = invs[i].Amount.Shift(k)
		}
		dd, err := PaymentDiscipline(invs, day("2025-06-30"), DefaultDisciplineConfig())
		require.NoError(t, err)
		assert.Equal(t, 0.8, dd.OnTimeShareByAmount.Value, "×10^%d", k)
		f := NewFeatures(Ratios{}, Altman{}, dd)
		sc, err := NewScorer(DefaultConfig())
		require.NoError(t, err)
		r := sc.Scorecard(client.KindCompany).Score(&f)
		assert.Equal(t, 30.0, r.Factors[5].Points, "on_time_share_by_amount of 0.8 is in the 0.8–0.95 bin, ×10^%d", k)
	}
}

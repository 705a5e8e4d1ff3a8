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

// twoInvoices is a history of an invoice of onTime paid on its due date
// and one of late paid lateDays after it, both settled by 2025-06-30.
func twoInvoices(onTime, late decimal.Decimal, lateDays int) []ledger.Invoice {
	a := inv("a", "1", "2025-01-01", "2025-01-31", "2025-01-31")
	b := inv("b", "1", "2025-02-01", "2025-03-03", "")
	a.Amount, b.Amount = onTime, late
	b.Paid = b.Due.AddDays(lateDays)
	return []ledger.Invoice{a, b}
}

// onEdge lists histories of an invoice of m·b paid on time and one of b
// paid L days late whose discipline score is exactly a bin edge. With
// the default weights (50/30/20, lateness scale 60 days),
//
//	s = m/(m + 1), w = L/(m + 1) days (below 60), nothing overdue:
//	D = 50·s + 30·(1 − w/60) + 20 = 100 − (50 + L/2)/(m + 1),
//
// so m = 2, L = 20: 100 − 60/3 = 80; m = 2.5, L = 40: 100 − 70/3.5 = 80;
// m = 4, L = 100: 100 − 100/5 = 80; m = 1, L = 60: 100 − 80/2 = 60;
// m = 0.5, L = 20: 100 − 60/1.5 = 60; m = 0.25, L = 50: 100 − 75/1.25 = 40.
var onEdge = []struct {
	multiple string
	lateDays int
	score    float64
}{{"2", 20, 80}, {"2.5", 40, 80}, {"4", 100, 80}, {"1", 60, 60}, {"0.5", 20, 60}, {"0.25", 50, 40}}

// Issue 8's remaining float edge on the payment side: the discipline
// score. Summed in float64 its parts came to 59.99999999999999 for some
// amounts and 60 for others; it is now the exact score whatever b.
func TestDisciplineScoreEdgeIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(80, 80))
	for range 300 {
		b := decimal.New(2*(1+r.Int64N(50_000_000)), -2-int32(r.IntN(3)))
		for _, c := range onEdge {
			dd, err := PaymentDiscipline(twoInvoices(b.Mul(d(c.multiple)), b, c.lateDays), day("2025-06-30"), DefaultDisciplineConfig())
			require.NoError(t, err)
			require.Equal(t, c.score, dd.Scoring.Score.Value, "%s × %s on time, %s paid %d days late", c.multiple, b, b, c.lateDays)
		}
	}
}

// A host scorecard that bins the discipline score at 40, 60 and 80
// puts histories that differ only by a common factor in the same bin:
// drawn so that their scores often sit exactly on an edge.
func TestScaledHistoriesBinTheDisciplineScoreTheSame(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Individual.Factors = append(cfg.Individual.Factors, Factor{Feature: FeatureDisciplineScore,
		Bins: bins([]float64{40, 60, 80}, 0, 10, 20, 30), MissingPoints: 0, UndefinedPoints: 0})
	sc, err := NewScorer(cfg)
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(6, 7))
	for i := range 400 {
		pick := onEdge[r.IntN(len(onEdge))]
		b := decimal.New(2*(1+r.Int64N(5_000_000)), -2)
		invs := twoInvoices(b.Mul(d(pick.multiple)), b, pick.lateDays)
		base, err := sc.Assess(Input{Kind: client.KindIndividual, Invoices: invs}, day("2025-06-30"))
		require.NoError(t, err)
		for k := int32(-2); k <= 6; k++ {
			scaled := twoInvoices(invs[0].Amount.Shift(k), invs[1].Amount.Shift(k), pick.lateDays)
			a, err := sc.Assess(Input{Kind: client.KindIndividual, Invoices: scaled}, day("2025-06-30"))
			require.NoError(t, err)
			for j, fs := range a.Result.Factors {
				require.Equal(t, base.Result.Factors[j].Bin, fs.Bin, "history %d ×10^%d: %s %v against %v", i, k, fs.Feature, fs.Value, base.Result.Factors[j].Value)
			}
			require.Equal(t, base.Result.Score, a.Result.Score, "history %d ×10^%d", i, k)
		}
	}
	// The worked case: 80 falls in the top bin.
	a, err := sc.Assess(Input{Kind: client.KindIndividual, Invoices: twoInvoices(d("200.02"), d("100.01"), 20)}, day("2025-06-30"))
	require.NoError(t, err)
	last := a.Result.Factors[len(a.Result.Factors)-1]
	assert.Equal(t, FeatureDisciplineScore, last.Feature)
	assert.Equal(t, 30.0, last.Points)
}

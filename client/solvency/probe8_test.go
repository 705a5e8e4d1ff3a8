package solvency

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

func TestProbe8(t *testing.T) {
	sc, _ := NewScorer(DefaultConfig())
	for _, x := range []decimal.Decimal{decimal.New(1, 999999999), decimal.New(1, -999999999)} {
		st := edgeStatement("100", "100", "10", "1")
		st.Cash = decimal.NewNullDecimal(x)
		start := time.Now()
		_, err := sc.Assess(Input{Kind: client.KindCompany, Statement: &st}, day("2025-03-31"))
		t.Logf("cash 1e%d: %v [%v]", x.Exponent(), err, time.Since(start))
		invs := []ledger.Invoice{inv("a", "1", "2025-01-01", "2025-01-31", "")}
		invs[0].Amount = x
		start = time.Now()
		_, err = PaymentDiscipline(invs, day("2025-06-30"), DefaultDisciplineConfig())
		t.Logf("unpaid invoice 1e%d: %v [%v]", x.Exponent(), err, time.Since(start))
	}
	var in Input
	err := json.Unmarshal([]byte(`{"kind":"individual","invoices":[{"id":"a","currency":"EUR","amount":"1e10000","issued":"2025-01-01","due":"2025-01-31"}]}`), &in)
	t.Logf("json: %v", err)
	_, err = sc.Assess(in, day("2025-06-30"))
	t.Logf("json 1e10000 assess: %v", err)
	var zero Scorer
	_, err = zero.Assess(Input{Kind: client.KindIndividual}, day("2025-06-30"))
	t.Logf("zero scorer: %v", err)
	for _, c := range [][2]string{{"4500000.30", "3000000.20"}, {"0.15", "0.1"}} {
		s := edgeStatement(c[0], c[1], "100", "1")
		r, _ := ComputeRatios(s)
		t.Logf("current %s/%s = %v points %v", c[0], c[1], r.CurrentRatio.Value, pointsOf(t, s, FeatureCurrentRatio))
	}
	for _, c := range [][2]string{{"120031.695", "80021.13"}, {"1200.31695", "800.2113"}} {
		s := edgeStatement("100", "100", c[0], c[1])
		r, _ := ComputeRatios(s)
		t.Logf("cover %s/%s = %v points %v", c[0], c[1], r.InterestCoverage.Value, pointsOf(t, s, FeatureInterestCoverage))
	}
	for _, c := range [][2]string{{"0.181", "0.1"}, {"17319.5152", "5792.48"}} {
		a, _ := ZScore(turnoverOnly(c[0], c[1]), ModelZ)
		t.Logf("Z %s/%s = %v %v", c[0], c[1], a.Score.Value, a.Zone)
	}
}

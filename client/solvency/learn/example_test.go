package learn_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/client/solvency/learn"
)

// Learn a scorecard from a generated payment history and score a client
// with it.
func Example() {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 10000
	h := learn.History{Bad: make([]bool, n), Columns: []learn.Column{
		{Feature: solvency.FeatureOnTimeShare, Values: make([]float64, n)},
		{Feature: solvency.FeatureAvgDaysLateWeighted, Values: make([]float64, n)},
	}}
	for r := range n {
		share, late := math.Round(rng.Float64()*100)/100, math.Round(rng.ExpFloat64()*10)
		h.Columns[0].Values[r], h.Columns[1].Values[r] = share, late
		h.Bad[r] = rng.Float64() >= 1/(1+math.Exp(-(0.5+3*share-0.08*late)))
	}
	res, err := learn.Learn(h, learn.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Features {
		fmt.Printf("%s: %d bins, %s, IV %.2f\n", f.Feature, len(f.Bins), f.Trend, f.IV)
	}
	fmt.Printf("held out: AUC %.2f, Gini %.2f, KS %.2f\n", res.Test.AUC, res.Test.Gini, res.Test.KS)

	cfg := solvency.DefaultConfig()
	cfg.Scaling, cfg.Individual = res.Scaling, res.Scorecard
	scorer, err := solvency.NewScorer(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	var f solvency.Features
	_ = f.Set(solvency.FeatureOnTimeShare, solvency.Measure{Value: 0.9, Defined: true})
	_ = f.Set(solvency.FeatureAvgDaysLateWeighted, solvency.Measure{Value: 3, Defined: true})
	s := scorer.Scorecard(client.KindIndividual).Score(&f)
	fmt.Printf("on time 90 %%, 3 days late: %.0f points, grade %s\n", s.Score, s.Grade)
	// Output:
	// on_time_share: 5 bins, descending, IV 0.55
	// avg_days_late_weighted: 5 bins, ascending, IV 0.42
	// held out: AUC 0.75, Gini 0.51, KS 0.38
	// on time 90 %, 3 days late: 584 points, grade D
}

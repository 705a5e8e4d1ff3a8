package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/client/solvency/learn"
)

// learnScorecard learns the individual scorecard from the company's own
// history of good and bad payers, instead of the configured one: here a
// generated history of 10,000 past clients, where paying on time made a
// client good and days late made it bad. The learned card is the same
// configuration the scorer reads.
func (d *day) learnScorecard() error {
	d.section("A scorecard learned from 10,000 past clients")
	rng := rand.New(rand.NewPCG(1, 2)) // fixed: the same history every run
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
		return err
	}
	for _, f := range res.Features {
		fmt.Fprintf(d.out, "  %s: %d bins, %s, information value %.2f\n", f.Feature, len(f.Bins), f.Trend, f.IV)
	}
	fmt.Fprintf(d.out, "  on the held-out part: AUC %.2f, Gini %.2f, KS %.2f\n", res.Test.AUC, res.Test.Gini, res.Test.KS)

	cfg := solvency.DefaultConfig()
	cfg.Scaling, cfg.Individual = res.Scaling, res.Scorecard
	scorer, err := solvency.NewScorer(cfg)
	if err != nil {
		return err
	}
	var f solvency.Features
	if err := f.Set(solvency.FeatureOnTimeShare, solvency.Measure{Value: 0.9, Defined: true}); err != nil {
		return err
	}
	if err := f.Set(solvency.FeatureAvgDaysLateWeighted, solvency.Measure{Value: 3, Defined: true}); err != nil {
		return err
	}
	s := scorer.Scorecard(client.KindIndividual).Score(&f)
	fmt.Fprintf(d.out, "  a client paying 90 %% on time, 3 days late on average: %.0f points, PD %.1f %%, grade %s\n",
		s.Score, 100*s.PD, s.Grade)
	return nil
}

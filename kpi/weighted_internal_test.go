package kpi

import (
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// weightedPipeline's integer path equals the decimal fold digit for
// digit. Hand-worked: 1,000.00 open at 20 %, 333.33 at 40 % and 0.05 at
// 90 % weigh 200 + 133.332 + 0.045 = 333.377, written 333.38 in EUR, 333
// in JPY and 333.377 in KWD; 0.125 at 100 % rounds half-up to 0.13; a
// stage with nothing open adds nothing. Then random amounts (zero to
// three decimals) and probabilities (zero to two decimals, one written
// 1E+2), and totals past int64 (the decimal fallback).
func TestWeightedPipelineEqualsDecimalFold(t *testing.T) {
	stages := DefaultConfig(ModelB2BServices).Stages
	at := func(amounts ...string) []exactsum.Running {
		open := make([]exactsum.Running, len(stages))
		for i, a := range amounts {
			if a != "" {
				open[i].Add(decimal.RequireFromString(a))
			}
		}
		return open
	}
	hundredPercent := append([]Stage(nil), stages...)
	hundredPercent[0].Probability = decimal.NewFromInt(100)
	for _, c := range []struct {
		open   []exactsum.Running
		stages []Stage
		places int32
		want   string
	}{
		{at("1000.00", "333.33", "", "", "0.05"), stages, 2, "333.38"},
		{at("1000.00", "333.33", "", "", "0.05"), stages, 0, "333"},
		{at("1000.00", "333.33", "", "", "0.05"), stages, 3, "333.377"},
		{at("0.125"), hundredPercent, 2, "0.13"},
		{at(), stages, 2, "0"},
	} {
		got := weightedPipeline(c.open, c.stages, c.places)
		require.Equal(t, c.want, got.String())
		sameDigits(t, weighedDecimal(c.open, c.stages, c.places), got, "%s", c.want)
	}
	rng := rand.New(rand.NewPCG(11, 19))
	for round := range 3000 {
		st := append([]Stage(nil), stages...)
		for i := range st {
			st[i].Probability = decimal.New(rng.Int64N(10_001), -rng.Int32N(3)).Div(decimal.NewFromInt(100)).Round(2)
		}
		if round%7 == 0 {
			st[1].Probability = decimal.RequireFromString("1E+2")
		}
		open := make([]exactsum.Running, len(st))
		for i := range open {
			for range rng.IntN(3) {
				v := rng.Int64N(100_000_000)
				if round%50 == 0 {
					v = rng.Int64N(1 << 62) // products past int64
				}
				open[i].Add(decimal.New(v, -rng.Int32N(4)))
			}
		}
		places := []int32{0, 2, 3}[rng.IntN(3)]
		sameDigits(t, weighedDecimal(open, st, places), weightedPipeline(open, st, places), "round %d", round)
	}
}

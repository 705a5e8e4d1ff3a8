package learn

import (
	"math"
	"math/rand/v2"

	"github.com/clientele-go/clientele/client/solvency"
)

// generate returns n clients with a known truth: ln(good:bad) = 0.5 +
// 3·on_time_share − 0.08·avg_days_late_weighted, plus a written_off count
// that says nothing, and one in twenty avg_days_late unknown. The seed
// fixes every draw.
func generate(n int, seed uint64) History {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	share := make([]float64, n)
	late := make([]float64, n)
	lateMissing := make([]bool, n)
	noise := make([]float64, n)
	bad := make([]bool, n)
	for r := range n {
		share[r] = math.Round(rng.Float64()*100) / 100
		late[r] = math.Round(rng.ExpFloat64() * 10)
		lateMissing[r] = rng.IntN(20) == 0
		noise[r] = float64(rng.IntN(4))
		lo := 0.5 + 3*share[r] - 0.08*late[r]
		bad[r] = rng.Float64() >= 1/(1+math.Exp(-lo))
	}
	return History{Bad: bad, Columns: []Column{
		{Feature: solvency.FeatureOnTimeShare, Values: share},
		{Feature: solvency.FeatureAvgDaysLateWeighted, Values: late, Missing: lateMissing},
		{Feature: solvency.FeatureWrittenOff, Values: noise},
	}}
}

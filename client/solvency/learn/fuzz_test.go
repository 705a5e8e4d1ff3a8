package learn

import (
	"errors"
	"math"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/solvency"
)

// FuzzLearn builds small histories from arbitrary bytes (values, ties,
// missing marks, outcomes, settings) and checks that Learn never panics,
// fails only with its documented kinds, and returns a scorecard the
// scorer's validation accepts with finite discrimination.
func FuzzLearn(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}, uint8(4), uint8(2))
	f.Add([]byte{0, 0, 0, 0, 255, 255, 255, 255, 0, 255, 0, 255, 7, 7, 7, 7, 9, 9, 9, 9, 1, 1}, uint8(16), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, maxBins, decimals uint8) {
		n := len(data)
		h := History{Bad: make([]bool, n), Columns: []Column{
			{Feature: solvency.FeatureDSO, Values: make([]float64, n), Missing: make([]bool, n)},
			{Feature: solvency.FeatureCurrentRatio, Values: make([]float64, n)},
			{Feature: solvency.FeaturePaymentTrend, Values: make([]float64, n)},
		}}
		for r, b := range data {
			h.Bad[r] = b&1 == 1
			h.Columns[0].Values[r] = float64(b >> 2)
			h.Columns[0].Missing[r] = b&2 == 2
			h.Columns[1].Values[r] = float64(b%7) - 3
			h.Columns[2].Values[r] = float64(b/3%3 + 1)
		}
		cfg := DefaultConfig()
		cfg.MaxBins, cfg.PointsDecimals, cfg.MinBinShare = int(maxBins), int(decimals), 0.01
		res, err := Learn(h, cfg)
		if err != nil {
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrNoFit) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			var list *clientele.ValidationError
			if !errors.As(err, &list) {
				t.Fatalf("not a ValidationError: %T", err)
			}
			return
		}
		if err := res.Scorecard.Validate(); err != nil {
			t.Fatalf("learned an invalid card: %v", err)
		}
		for _, d := range []Discrimination{res.Train, res.Test} {
			if math.IsNaN(d.AUC) || d.AUC < 0 || d.AUC > 1 || math.IsNaN(d.KS) {
				t.Fatalf("discrimination %+v", d)
			}
		}
	})
}

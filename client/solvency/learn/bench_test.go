package learn

import (
	"testing"
)

// The learner on 1,000,000 generated rows and three features, against a
// plain reference: one pass over the same columns summing the values and
// counting the bads. Run with
//
//	go test -run XXX -bench . -benchmem -benchtime 3x ./client/solvency/learn/
func BenchmarkLearn1M(b *testing.B) {
	h := generate(1_000_000, 42)
	cfg := DefaultConfig()
	b.ResetTimer()
	for range b.N {
		if _, err := Learn(h, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReferenceSum1M(b *testing.B) {
	h := generate(1_000_000, 42)
	b.ResetTimer()
	for range b.N {
		var sum float64
		var bads int
		for r, bad := range h.Bad {
			if bad {
				bads++
			}
			for j := range h.Columns {
				sum += h.Columns[j].Values[r]
			}
		}
		if bads == 0 || sum == 0 {
			b.Fatal("empty")
		}
	}
}

package qcut

import (
	"fmt"
	"testing"

	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/internal/synthetic"
)

// BenchmarkQcut scores the synthetic bases of package rfm's benchmark;
// BenchmarkMidpoint, the reference, scores them with rfm.Classify in the
// same process.
func BenchmarkQcut(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		hs, asOf := synthetic.Histories(n)
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Classify(hs, asOf, DefaultConfig()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMidpoint(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		hs, asOf := synthetic.Histories(n)
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rfm.Classify(hs, asOf, rfm.DefaultConfig()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

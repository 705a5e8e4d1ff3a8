package rfm

import (
	"fmt"
	"testing"

	"github.com/clientele-go/clientele/internal/synthetic"
)

func BenchmarkRFM(b *testing.B) {
	cfg := DefaultConfig()
	for _, n := range []int{100_000, 1_000_000} {
		hs, asOf := synthetic.Histories(n)
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Classify(hs, asOf, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

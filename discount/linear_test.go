package discount

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// BenchmarkValidateLongScope validates one rule whose scope lists n SKUs,
// and BenchmarkQuoteManySegments quotes for a client in n segments. Both
// checks are linear: from 10,000 to 80,000 the time per operation grows
// about 8 times, not 64 (a repeat check comparing every pair took 8.4 s
// for 80,000 SKUs).
func BenchmarkValidateLongScope(b *testing.B) {
	for _, n := range []int{10_000, 80_000} {
		skus := make([]string, n)
		for i := range skus {
			skus[i] = "SKU-" + strconv.Itoa(i)
		}
		r := baseRules(Additive)
		r.Promotions = []PromotionRule{{Header: Header{ID: "promo", Priority: 1, Scope: Scope{SKUs: skus}}, Rate: d("5")}}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if err := r.Validate(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQuoteManySegments(b *testing.B) {
	e, err := Compile(testPriceList(), baseRules(Additive))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10_000, 80_000} {
		rq := req(line("DRILL", "1"))
		for i := range n {
			rq.Client.Segments = append(rq.Client.Segments, "seg-"+strconv.Itoa(i))
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Quote(rq); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLongNameListsStillFindRepeats: past the pairwise length, repeats
// are found by hash (internal/repeats), each named at its later place.
func TestLongNameListsStillFindRepeats(t *testing.T) {
	var names []string
	for i := range 40 {
		names = append(names, "s"+strconv.Itoa(i%30)) // s0..s9 come back at 30..39
	}
	var p problems
	checkNames(&p, "scope.skus", names)
	err := p.err()
	require.Error(t, err)
	assert.Equal(t, []string{"scope.skus[30]", "scope.skus[31]", "scope.skus[32]", "scope.skus[33]", "scope.skus[34]",
		"scope.skus[35]", "scope.skus[36]", "scope.skus[37]", "scope.skus[38]", "scope.skus[39]"}, fieldsOf(t, err))
	assert.ErrorContains(t, err, "scope.skus[30] = s0: listed twice")
}

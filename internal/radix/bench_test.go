package radix

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// benchIDs are n client IDs as the synthetic base prints them
// ("CL-%08d" of a permutation), in random order.
func benchIDs(n int) []string {
	r := rand.New(rand.NewPCG(2026, uint64(n)))
	ids := make([]string, n)
	for i, p := range r.Perm(n) {
		ids[i] = fmt.Sprintf("CL-%08d", p)
	}
	return ids
}

// BenchmarkSortStrings orders 10k, 100k and 1M client IDs by their
// strings; BenchmarkSortStringsReference is the plain comparison sort of
// the same indices (slices.SortStableFunc, strings.Compare), its
// reference.
func BenchmarkSortStrings(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		ids := benchIDs(n)
		keys, keyBuf := make([]uint64, n), make([]uint64, n)
		order, orderBuf := make([]int32, n), make([]int32, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				SortStrings(ids, keys, keyBuf, order, orderBuf)
			}
		})
	}
}

func BenchmarkSortStringsReference(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		ids := benchIDs(n)
		order := make([]int32, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := range order {
					order[i] = int32(i)
				}
				slices.SortStableFunc(order, func(x, y int32) int { return strings.Compare(ids[x], ids[y]) })
			}
		})
	}
}

// BenchmarkSortStringsAdversarial sorts the adversarial lists of 200,000
// strings, whose cost was once proportional to n times the longest
// string (6.4 s for 200,000 "x" beside one string of 16 KiB).
func BenchmarkSortStringsAdversarial(b *testing.B) {
	for name, ids := range adversarial(200_000) {
		n := len(ids)
		keys, keyBuf := make([]uint64, n), make([]uint64, n)
		order, orderBuf := make([]int32, n), make([]int32, n)
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				SortStrings(ids, keys, keyBuf, order, orderBuf)
			}
		})
	}
}

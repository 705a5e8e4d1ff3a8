// Package repeats finds the IDs that occur more than once in a list, in
// linear time and without a map.
//
// A map of a million strings costs more than a whole segmentation of a
// million clients. Instead each ID is hashed, the 32-bit hashes are
// radix-sorted with their positions, and only IDs with equal hashes are
// compared as strings: a repeat always has an equal hash, and the few
// collisions of different IDs (about n²/2³³ pairs) cost one string
// comparison each. The answer is exact whatever the hash does.
package repeats

import (
	"hash/maphash"

	"github.com/clientele-go/clientele/internal/radix"
)

// Repeat is one later occurrence of an ID: At is its index and First the
// index of the ID's first occurrence.
type Repeat struct {
	First, At int
}

// Find returns every repeat among the IDs id(0) ... id(n-1), sorted by
// At: an ID that occurs k times yields k-1 repeats, each naming the first
// occurrence. Empty IDs are skipped: a missing ID is a problem of its
// own, not a repeat. n must be below 2^31.
func Find(n int, id func(int) string) []Repeat {
	var out []Repeat
	for i, f := range FirstOf(n, id) {
		if f >= 0 {
			out = append(out, Repeat{First: int(f), At: i})
		}
	}
	return out
}

// FirstOf returns, for every index i, the index of the first occurrence
// of id(i) when i repeats an earlier ID, and -1 otherwise (always -1 for
// an empty ID): Find's answer as one dense slice, for a caller that walks
// all IDs anyway (joining two lists on their IDs, say) and would
// otherwise hold a million Repeat records. n must be below 2^31.
func FirstOf(n int, id func(int) string) []int32 {
	seed := maphash.MakeSeed()
	keys := make([]uint64, n)
	at := make([]int32, n)
	for i := range keys {
		// The top 32 bits: half the radix passes of a 64-bit hash.
		keys[i] = maphash.String(seed, id(i)) >> 32
		at[i] = int32(i)
	}
	spare := make([]int32, n)
	keys, sorted := radix.Sort(keys, make([]uint64, n), at, spare)
	// The value buffer the sort did not return is free: it becomes the
	// answer.
	first := spare
	if n > 0 && &sorted[0] == &spare[0] {
		first = at
	}
	for i := range first {
		first[i] = -1
	}
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && keys[hi] == keys[lo] {
			hi++
		}
		// A run of equal hashes, in input order (the sort is stable):
		// each ID repeats the earliest one of the run with the same text.
		for j := lo + 1; j < hi; j++ {
			s := id(int(sorted[j]))
			if s == "" {
				continue
			}
			for k := lo; k < j; k++ {
				if id(int(sorted[k])) == s {
					first[sorted[j]] = sorted[k]
					break
				}
			}
		}
		lo = hi
	}
	return first
}

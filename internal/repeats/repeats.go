// Package repeats finds the IDs that occur more than once in a list, in
// linear time and without a map or a hash.
//
// A map of a million strings costs more than a whole segmentation of a
// million clients. Instead the IDs are sorted once by an MSD radix sort
// on 8-byte keys (package radix, SortStrings): a repeat lands next to
// its first occurrence, and two neighbours are compared as strings only
// when their keys are equal, which for distinct IDs of up to 8 bytes
// past their shared prefix never happens. The answer is exact whatever
// the IDs look like. The same sort orders the IDs for a ranking that
// breaks ties by ID ([Sorted.Order]), so one pass serves both.
package repeats

import (
	"cmp"
	"slices"

	"github.com/clientele-go/clientele/internal/radix"
)

// Repeat is one later occurrence of an ID: At is its index and First the
// index of the ID's first occurrence.
type Repeat struct {
	First, At int
}

// Sorted is a list of IDs sorted once: Order lists the indices by ID,
// ascending, equal IDs in input order. After [Sorted.FirstOf] or
// [Sorted.Find] a caller may reuse Keys, KeyBuf and OrderBuf (each as
// long as the IDs) as scratch: a ranking sorts its values in them.
//
// The zero Sorted holds no IDs.
type Sorted struct {
	IDs      []string
	Order    []int32
	Keys     []uint64 // Keys[j] is the radix key of Order[j]
	KeyBuf   []uint64
	OrderBuf []int32
}

// Sort sorts ids (an MSD radix sort, see the package comment). It keeps
// ids, which must not change while the result is in use. len(ids) must
// be below 2^31.
func Sort(ids []string) Sorted {
	n := len(ids)
	keys, keyBuf := make([]uint64, n), make([]uint64, n)
	order, orderBuf := make([]int32, n), make([]int32, n)
	k, o := radix.SortStrings(ids, keys, keyBuf, order, orderBuf)
	return Sorted{IDs: ids, Order: o, Keys: k, KeyBuf: radix.Spare(k, keys, keyBuf), OrderBuf: radix.Spare(o, order, orderBuf)}
}

// each calls f(first, at) for every repeat, in ID order: at repeats the
// ID of first, its earliest occurrence. Empty IDs are skipped: a missing
// ID is a problem of its own, not a repeat.
func (s *Sorted) each(f func(first, at int32)) {
	o, k := s.Order, s.Keys
	lead := 0 // the position of the current run of equal IDs' first
	for j := 1; j < len(o); j++ {
		// Different keys are different IDs: the strings are read only
		// behind equal keys.
		if k[j] != k[j-1] || s.IDs[o[j]] != s.IDs[o[j-1]] {
			lead = j
			continue
		}
		// The sort is stable: the earliest occurrence leads the run.
		if s.IDs[o[j]] != "" {
			f(o[lead], o[j])
		}
	}
}

// Find returns every repeat, sorted by At: an ID that occurs k times
// yields k-1 repeats, each naming the first occurrence.
func (s *Sorted) Find() []Repeat {
	var out []Repeat
	s.each(func(first, at int32) { out = append(out, Repeat{First: int(first), At: int(at)}) })
	// Repeats are few and found in ID order; the callers report them in
	// input order.
	slices.SortFunc(out, func(x, y Repeat) int { return cmp.Compare(x.At, y.At) })
	return out
}

// FirstOf returns, for every index i, the index of the first occurrence
// of the ID at i when i repeats an earlier ID, and -1 otherwise (always
// -1 for an empty ID): Find's answer as one dense slice, for a caller
// that walks all IDs anyway (joining two lists on their IDs, say) and
// would otherwise hold a million Repeat records.
func (s *Sorted) FirstOf() []int32 {
	first := make([]int32, len(s.IDs))
	for i := range first {
		first[i] = -1
	}
	s.each(func(f, at int32) { first[at] = f })
	return first
}

// Find returns every repeat among the IDs id(0) ... id(n-1), sorted by
// At (see [Sorted.Find]). n must be below 2^31.
func Find(n int, id func(int) string) []Repeat {
	s := Sort(gather(n, id))
	return s.Find()
}

// FirstOf returns [Sorted.FirstOf] of the IDs id(0) ... id(n-1). n must
// be below 2^31.
func FirstOf(n int, id func(int) string) []int32 {
	s := Sort(gather(n, id))
	return s.FirstOf()
}

// gather reads each ID once, so the sort reads a slice, not a callback.
func gather(n int, id func(int) string) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = id(i)
	}
	return ids
}

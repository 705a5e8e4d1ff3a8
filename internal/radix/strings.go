package radix

import (
	"slices"
	"strings"
)

// smallRun is the length up to which a run of equal keys is sorted by
// comparing its strings rather than by another radix level (whose
// counting costs 16 KiB of counters however short the run).
const smallRun = 48

// radixBytes is how far past the shared prefix the radix levels go. A
// run still together after it holds strings that agree on their first
// radixBytes distinguishing bytes (a hostile input, or one ID repeated)
// and is sorted by comparing strings: without this bound a run of many
// copies of one long string, or of short strings beside one long one,
// would cost a pass per 8 bytes of the longest string.
const radixBytes = 64

// SortStrings orders the indices of ids by their strings, ascending and
// stable (equal strings keep their input order): an MSD radix sort on
// 8-byte big-endian keys, so most strings are never compared, let alone
// hashed. The bytes every ID shares (a "CL-" prefix, say) are skipped
// once for all, so the first key holds the bytes that differ.
//
// It returns the order (sorted[j] is the index of the j-th smallest
// string) and one key per position (keys[j] for sorted[j]) such that
// equal strings at adjacent positions always have equal keys: a caller
// looking for repeats compares the strings only where adjacent keys are
// equal. The four buffers are scratch space of len(ids) each, their
// contents ignored; the results are two of them, and the other two are
// free again afterwards (see [Spare]). len(ids) must be below 2^31.
//
// The cost is linear in len(ids) for IDs that differ within radixBytes
// past their shared prefix; IDs alike beyond that are compared, at
// O(n log n) comparisons of their tails.
func SortStrings(ids []string, keys, keyBuf []uint64, order, orderBuf []int32) ([]uint64, []int32) {
	n := len(ids)
	if n == 0 {
		return keys[:0], order[:0]
	}
	skip := commonPrefix(ids)
	for i, s := range ids {
		keys[i], order[i] = PrefixKey(s, skip), int32(i)
	}
	k, o := Sort(keys[:n], keyBuf[:n], order[:n], orderBuf[:n])
	kb, ob := Spare(k, keys, keyBuf), Spare(o, order, orderBuf)
	sortRuns(ids, skip, skip, k, kb[:n], o, ob[:n])
	return k, o
}

// sortRuns sorts, within every run of equal keys of k (the keys at byte
// offset depth of the strings o indexes), the run by the rest of the
// strings: by the next 8 bytes for a long run whose strings go on, by
// comparing strings otherwise. Every string shares its first skip bytes
// with every other. kb and ob are scratch of the same length.
func sortRuns(ids []string, skip, depth int, k, kb []uint64, o, ob []int32) {
	for lo := 0; lo < len(k); {
		hi := lo + 1
		for hi < len(k) && k[hi] == k[lo] {
			hi++
		}
		if hi-lo > 1 {
			sortRun(ids, skip, depth+8, k[lo:hi], kb[lo:hi], o[lo:hi], ob[lo:hi])
		}
		lo = hi
	}
}

// sortRun sorts one run of strings that agree on their bytes below depth.
func sortRun(ids []string, skip, depth int, k, kb []uint64, o, ob []int32) {
	longer := false
	for _, i := range o {
		if len(ids[i]) > depth {
			longer = true
			break
		}
	}
	if !longer || len(o) <= smallRun || depth-skip > radixBytes {
		// A short run, strings that all end by depth (they differ only in
		// trailing zero bytes or length, which no key tells apart), or
		// strings alike past radixBytes. Their first skip bytes are equal.
		slices.SortStableFunc(o, func(x, y int32) int { return strings.Compare(ids[x][skip:], ids[y][skip:]) })
		return
	}
	for j, i := range o {
		k[j] = PrefixKey(ids[i], depth)
	}
	sk, so := Sort(k, kb, o, ob)
	if &so[0] != &o[0] {
		copy(k, sk)
		copy(o, so)
	}
	sortRuns(ids, skip, depth, k, kb, o, ob)
}

// PrefixKey returns bytes skip to skip+8 of s as a big-endian number,
// zeros past the end of s: a key that never sorts two strings against
// their order (a < b implies PrefixKey(a) <= PrefixKey(b) for the same
// skip, when both strings share their first skip bytes).
func PrefixKey(s string, skip int) uint64 {
	if len(s) >= skip+8 {
		b := s[skip : skip+8]
		return uint64(b[0])<<56 | uint64(b[1])<<48 | uint64(b[2])<<40 | uint64(b[3])<<32 |
			uint64(b[4])<<24 | uint64(b[5])<<16 | uint64(b[6])<<8 | uint64(b[7])
	}
	var k uint64
	for j := skip; j < skip+8; j++ {
		k <<= 8
		if j < len(s) {
			k |= uint64(s[j])
		}
	}
	return k
}

// commonPrefix returns the length of the prefix every string shares.
func commonPrefix(ids []string) int {
	p := ids[0]
	for _, s := range ids[1:] {
		if len(s) < len(p) {
			p = p[:len(s)]
		}
		if s[:len(p)] == p {
			continue
		}
		j := 0
		for j < len(p) && s[j] == p[j] {
			j++
		}
		p = p[:j]
		if j == 0 {
			break
		}
	}
	return len(p)
}

// Spare returns the one of a and b that got is not: after [Sort] or
// [SortStrings], the buffer its result did not land in, free for reuse.
func Spare[T any](got, a, b []T) []T {
	if len(got) > 0 && len(a) > 0 && &got[0] == &a[0] {
		return b
	}
	return a
}

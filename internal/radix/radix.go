// Package radix sorts 64-bit keys in linear time: a least-significant-
// digit radix sort on bytes that skips every byte all keys share
// ([Sort]); and strings, by their bytes eight at a time ([SortStrings]).
//
// Ranking a million clients with a comparison sort costs some twenty
// million comparisons; the keys of a segmentation (money in cents, days,
// order counts, the bytes of IDs past their shared prefix) vary in only
// a few of their eight bytes, so the radix sort makes two to six passes
// over memory instead. The segmentations rank on it, and the repeat
// check of IDs (internal/repeats) sorts the IDs with it, which also
// gives the rankings their tie order.
package radix

// Sort sorts keys into ascending order, stably, and returns them. When
// vals is not nil it holds one value per key and moves with its key: the
// value at i before the sort stays with the key that was at i. keyBuf
// (and valBuf, when vals is not nil) is scratch space of the same length;
// the results are either the inputs or the buffers, whichever the last
// pass wrote.
func Sort(keys, keyBuf []uint64, vals, valBuf []int32) ([]uint64, []int32) {
	if len(keys) < 2 {
		return keys, vals
	}
	var counts [8][256]int
	for _, k := range keys {
		for d := range counts {
			counts[d][byte(k>>(8*d))]++
		}
	}
	src, dst := keys, keyBuf
	vsrc, vdst := vals, valBuf
	for d := range counts {
		c := &counts[d]
		shift := 8 * d
		if c[byte(src[0]>>shift)] == len(src) {
			continue // every key has this byte: the pass would move nothing
		}
		pos := 0
		for b, n := range c {
			c[b] = pos
			pos += n
		}
		if vals == nil {
			for _, k := range src {
				b := byte(k >> shift)
				dst[c[b]] = k
				c[b]++
			}
		} else {
			for i, k := range src {
				b := byte(k >> shift)
				dst[c[b]] = k
				vdst[c[b]] = vsrc[i]
				c[b]++
			}
			vsrc, vdst = vdst, vsrc
		}
		src, dst = dst, src
	}
	return src, vsrc
}

// FromInt64 maps v to a key that sorts as v does: flipping the sign bit
// orders two's complement integers as unsigned ones.
func FromInt64(v int64) uint64 { return uint64(v) ^ 1<<63 }

// ToInt64 is the inverse of FromInt64.
func ToInt64(k uint64) int64 { return int64(k ^ 1<<63) }

package radix

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

type pair struct {
	key uint64
	val int32
}

// TestSortIsStableAndOrdered compares with the standard library's stable
// sort on keys that share most of their bytes (so passes are skipped),
// with many equal keys (so stability shows), with and without values.
func TestSortIsStableAndOrdered(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for _, n := range []int{0, 1, 2, 7, 100, 5000} {
		keys := make([]uint64, n)
		vals := make([]int32, n)
		for i := range keys {
			k := r.Uint64() >> r.IntN(64)
			if i%3 == 0 {
				k &= 0xff00 // many equal keys, sharing all bytes but one
			}
			keys[i], vals[i] = k, int32(i)
		}
		want := make([]pair, n)
		for i := range want {
			want[i] = pair{keys[i], vals[i]}
		}
		slices.SortStableFunc(want, func(x, y pair) int { return cmp.Compare(x.key, y.key) })

		gotK, gotV := Sort(slices.Clone(keys), make([]uint64, n), slices.Clone(vals), make([]int32, n))
		got := make([]pair, n)
		for i := range got {
			got[i] = pair{gotK[i], gotV[i]}
		}
		assert.Equal(t, want, got, "n=%d with values", n)

		onlyK, noV := Sort(slices.Clone(keys), make([]uint64, n), nil, nil)
		assert.Nil(t, noV)
		for i := range want {
			assert.Equal(t, want[i].key, onlyK[i], "n=%d keys only", n)
		}
	}
}

func TestSortAllEqualSkipsEveryPass(t *testing.T) {
	keys := []uint64{42, 42, 42}
	got, vals := Sort(keys, make([]uint64, 3), []int32{2, 0, 1}, make([]int32, 3))
	assert.Equal(t, &keys[0], &got[0], "nothing moved: the input is returned")
	assert.Equal(t, []int32{2, 0, 1}, vals)
}

func TestInt64Keys(t *testing.T) {
	in := []int64{-5, 3, math.MinInt64, -1, 0, math.MaxInt64, 2}
	keys := make([]uint64, len(in))
	for i, v := range in {
		keys[i] = FromInt64(v)
	}
	sorted, _ := Sort(keys, make([]uint64, len(keys)), nil, nil)
	var back []int64
	for _, k := range sorted {
		back = append(back, ToInt64(k))
	}
	assert.Equal(t, []int64{math.MinInt64, -5, -1, 0, 2, 3, math.MaxInt64}, back)
}

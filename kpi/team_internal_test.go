package kpi

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// permute must give what gathering into a new slice gives: out[k] =
// in[order[k]], on random permutations of 0 to 1,000 elements.
func TestPermuteIsGather(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 9))
	for _, n := range []int{0, 1, 2, 3, 10, 1000} {
		for range 5 {
			order := make([]int32, n)
			for i := range order {
				order[i] = int32(i)
			}
			rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
			in := make([]string, n)
			for i := range in {
				in[i] = strconv.Itoa(i)
			}
			want := make([]string, n)
			for k, i := range order {
				want[k] = in[i]
			}
			permute(in, order)
			assert.Equal(t, want, in, "n=%d", n)
		}
	}
}

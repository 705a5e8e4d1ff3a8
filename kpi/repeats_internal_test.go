package kpi

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/stretchr/testify/assert"
)

// idSeen must report exactly what validate.Problems.Repeats reports, in
// the same order, on short lists (Repeats compares pairs) and long ones
// (Repeats hashes and sorts), and when reused from list to list.
func TestIDSeenIsRepeats(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	var s idSeen
	for _, n := range []int{0, 1, 2, 5, 16, 17, 40, 300, 2000} {
		for _, distinct := range []int{1, 3, n/2 + 1, 2 * n} {
			ids := make([]string, n)
			for i := range ids {
				if k := rng.IntN(distinct + 1); k < distinct {
					ids[i] = fmt.Sprintf("d%d", k)
				} // else empty: never a repeat
			}
			id := func(i int) string { return ids[i] }
			var want, got validate.Problems
			want.Repeats("deals", "id", n, id)
			s.reset()
			for i := range ids {
				s.note(i, ids[i])
			}
			s.report(&got, "deals", "id", id)
			assert.Equal(t, want.Err(ErrInvalid), got.Err(ErrInvalid), "n=%d distinct=%d", n, distinct)
		}
	}
}

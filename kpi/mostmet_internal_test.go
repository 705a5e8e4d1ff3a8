package kpi

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// mostMet gives the first n of the list sorted by meetings, most first,
// then client ID: on random lists with many ties on meetings, for n
// from 0 past the list's length, into a scratch that held other clients.
func TestMostMetIsSortAndTake(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 23))
	scratch := []Unreached{{ClientID: "stale", Meetings: 99}}
	for _, size := range []int{0, 1, 5, 10, 11, 138, 1000} {
		for _, n := range []int{0, 1, 3, 10, 200} {
			list := make([]Unreached, size)
			for i := range list {
				list[i] = Unreached{ClientID: fmt.Sprintf("c%04d", rng.IntN(10_000)*10+i%10), Meetings: 3 + rng.IntN(6)}
			}
			want := slices.Clone(list)
			slices.SortStableFunc(want, func(a, b Unreached) int {
				if a.Meetings != b.Meetings {
					return b.Meetings - a.Meetings
				}
				return strings.Compare(a.ClientID, b.ClientID)
			})
			want = want[:min(n, len(want))]
			scratch = mostMet(list, n, scratch[:0])
			assert.Equal(t, want, scratch, "size %d, n %d", size, n)
		}
	}
}

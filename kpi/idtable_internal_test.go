package kpi

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// idTable must give the same index as a plain map filled in the
// same order, through growth and from one manager to the next.
func TestIDTableIsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 5))
	var table idTable // the zero table grows on first use
	for _, distinct := range []int{1, 7, 31, 32, 33, 300, 5000, 3} {
		table.reset()
		want := map[string]int32{}
		for range 4 * distinct {
			client := fmt.Sprintf("c%d", rng.IntN(distinct))
			at, slot := table.find(client)
			first, seen := want[client]
			require.Equal(t, seen, at >= 0, "client %s among %d", client, distinct)
			if !seen {
				first = int32(len(want))
				want[client] = first
				table.add(slot, first)
				continue
			}
			assert.Equal(t, first, at, "client %s among %d", client, distinct)
		}
		assert.Len(t, table.used, len(want))
		assert.LessOrEqual(t, 2*len(table.used), len(table.slots), "at most half full")
	}
}

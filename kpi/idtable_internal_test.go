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

// hashID must be a function of the string's bytes alone (the same ID
// from two allocations hashes alike) and tell apart IDs of every length
// its branches read (0-3 bytes, 4-7, 8-16, longer with a 16-byte loop):
// among 20,000 distinct IDs a 64-bit hash gives no collision but with
// probability about 1e-11.
func TestHashIDByValueAndSpread(t *testing.T) {
	seed := uint64(0x5eed)
	seen := map[uint64]string{}
	for i := range 20_000 {
		id := fmt.Sprintf("%0*d", i%41, i)[:i%41] // lengths 0 to 40
		if i%41 == 0 {
			id = fmt.Sprint("c", i) // the empty string once only
		}
		copied := string([]byte(id))
		require.Equal(t, hashID(seed, id), hashID(seed, copied), "%q", id)
		h := hashID(seed, id)
		if other, ok := seen[h]; ok && other != id {
			t.Fatalf("%q and %q collide", id, other)
		}
		seen[h] = id
	}
	assert.Equal(t, hashID(seed, ""), hashID(seed, string([]byte{})))
	assert.NotEqual(t, hashID(1, "CL-00000042"), hashID(2, "CL-00000042"), "the seed changes the hash")
	assert.NotEqual(t, hashID(seed, "ab"), hashID(seed, "ab\x00"), "the length is hashed")
}

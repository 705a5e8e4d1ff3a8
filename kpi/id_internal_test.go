package kpi

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plainID is a shortcut of validate.ID: whatever it accepts, the general
// rule accepts, and it accepts every ID of visible ASCII. Every byte value
// is tried at every position of IDs of 1 to 17 bytes (the eight-byte
// words and the tail).
func TestPlainIDAgreesWithTheRule(t *testing.T) {
	for n := 1; n <= 17; n++ {
		for pos := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				id := string(b)
				var p validate.Problems
				ok := p.ID("id", id)
				if plainID(id) {
					assert.True(t, ok, "%q", id)
				}
				if c > ' ' && c < 0x7f {
					assert.True(t, plainID(id), "%q", id)
				} else {
					assert.False(t, plainID(id), "%q", id)
				}
			}
		}
	}
	assert.False(t, plainID(""))
	assert.False(t, plainID(strings.Repeat("a", validate.MaxIDLen+1)))
	assert.True(t, plainID(strings.Repeat("~", validate.MaxIDLen)))
}

// plainWords folds two plainWord tests into one branch; it must agree
// with them on words mixing the bytes at the edges of the rule (0x00,
// 0x20, 0x21, 0x7e, 0x7f, 0x80, 0xff), whose borrows and carries cross
// byte boundaries, in both words at once.
func TestPlainWordsIsBothPlainWords(t *testing.T) {
	edges := []byte{0x00, 0x01, 0x20, 0x21, 0x22, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0xa1, 0xfe, 0xff}
	rng := rand.New(rand.NewPCG(4, 8))
	w := func() uint64 {
		var x uint64
		for range 8 {
			x = x<<8 | uint64(edges[rng.IntN(len(edges))])
		}
		return x
	}
	for range 200_000 {
		a, b := w(), w()
		if rng.IntN(3) == 0 {
			b = 0x6161616161616161 // a plain word beside a random one
		}
		require.Equal(t, plainWord(a) && plainWord(b), plainWords(a, b), "%#x %#x", a, b)
		require.Equal(t, plainWord(b) && plainWord(a), plainWords(b, a), "%#x %#x", b, a)
	}
}

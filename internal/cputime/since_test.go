package cputime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Spinning for a while must show as CPU time, spread over the ops; no
// op count, or the zero Since, gives nothing.
func TestSincePerOp(t *testing.T) {
	s := Start()
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	per, ok := s.PerOp(10)
	if _, readable := Process(); !readable {
		assert.False(t, ok)
		return
	}
	assert.True(t, ok, "%d", x)
	assert.Greater(t, per, 0.0)
	_, ok = s.PerOp(0)
	assert.False(t, ok)
	_, ok = Since{}.PerOp(1)
	assert.False(t, ok)
}

package kpi

import (
	"strings"
	"testing"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/stretchr/testify/assert"
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

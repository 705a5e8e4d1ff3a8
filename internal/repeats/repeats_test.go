package repeats

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func find(ids ...string) []Repeat { return Find(len(ids), func(i int) string { return ids[i] }) }

func TestFind(t *testing.T) {
	// a at 0, 2, 5: two repeats of 0; b at 1, 7: one repeat of 1; the
	// empty IDs at 3 and 6 are missing, not repeated.
	assert.Equal(t, []Repeat{{First: 0, At: 2}, {First: 0, At: 5}, {First: 1, At: 7}},
		find("a", "b", "a", "", "c", "a", "", "b"))
	assert.Empty(t, find())
	assert.Empty(t, find("only"))
	assert.Empty(t, find("", ""), "empty IDs are never repeats")
	assert.Empty(t, find("a", "A", "a ", " a"), "IDs compare exactly, byte for byte")
}

func TestFindAmongMany(t *testing.T) {
	many := make([]string, 20000)
	for i := range many {
		many[i] = fmt.Sprint(i % 19999) // exactly one repeat: 19999 repeats 0
	}
	assert.Equal(t, []Repeat{{First: 0, At: 19999}}, find(many...))

	same := make([]string, 250)
	for i := range same {
		same[i] = "same"
	}
	got := find(same...)
	assert.Len(t, got, 249)
	for k, r := range got {
		assert.Equal(t, Repeat{First: 0, At: k + 1}, r)
	}
}

func TestFirstOfIsFindDense(t *testing.T) {
	ids := []string{"a", "b", "a", "", "c", "a", "", "b"}
	first := FirstOf(len(ids), func(i int) string { return ids[i] })
	assert.Equal(t, []int32{-1, -1, 0, -1, -1, 0, -1, 1}, first)
	assert.Empty(t, FirstOf(0, func(int) string { return "" }))
	// Many distinct IDs make the radix sort move (or not move) its values
	// an odd or even number of times; either buffer must come back right.
	for _, n := range []int{1, 2, 300, 70000} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprint(i / 2) // every ID twice, side by side
		}
		first := FirstOf(n, func(i int) string { return ids[i] })
		for i, f := range first {
			if i%2 == 1 {
				assert.Equal(t, int32(i-1), f, "n=%d i=%d", n, i)
			} else {
				assert.Equal(t, int32(-1), f, "n=%d i=%d", n, i)
			}
		}
	}
}

package fuzztest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNextReadsEachByteThenZeros(t *testing.T) {
	in := Bytes{7, 255, 0, 1}
	got := []int{in.Next(), in.Next(), in.Next(), in.Next(), in.Next(), in.Next()}
	assert.Equal(t, []int{7, 255, 0, 1, 0, 0}, got)
	assert.Empty(t, in)

	var zero Bytes
	assert.Equal(t, 0, zero.Next(), "the zero Bytes reads as zeros")
}

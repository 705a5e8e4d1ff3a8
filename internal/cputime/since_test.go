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

type metrics map[string]float64

func (m metrics) ReportMetric(n float64, unit string) { m[unit] = n }

// Report writes what PerOp gives under "cpu-ns/op", and nothing when
// PerOp has nothing.
func TestSinceReport(t *testing.T) {
	s := Start()
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	got := metrics{}
	s.Report(got, 5)
	if _, readable := Process(); readable {
		assert.Greater(t, got["cpu-ns/op"], 0.0, "%d", x)
	}
	none := metrics{}
	Since{}.Report(none, 5)
	assert.Empty(t, none)
}

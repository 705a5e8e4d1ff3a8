package cputime

import "time"

// Since is a starting point of the process's CPU time, for a benchmark
// to report its CPU time per op beside the wall time the testing
// package reports.
type Since struct {
	start time.Duration
	ok    bool
}

// Start notes the process's CPU time now (call it after the set-up).
func Start() Since {
	t, ok := Process()
	return Since{start: t, ok: ok}
}

// PerOp returns the CPU time used since s, in nanoseconds per op for n
// ops, and false where the CPU time cannot be read (or n is not
// positive): garbage collection and every goroutine included, so with
// GOMAXPROCS above one it adds up the workers' time.
func (s Since) PerOp(n int) (float64, bool) {
	t, ok := Process()
	if !ok || !s.ok || n <= 0 {
		return 0, false
	}
	return float64((t - s.start).Nanoseconds()) / float64(n), true
}

// Reporter is what Report writes to: a *testing.B (named by its method,
// so that this package does not import testing).
type Reporter interface {
	ReportMetric(n float64, unit string)
}

// Report adds the CPU time per op since s to a benchmark of n ops as
// "cpu-ns/op", where the CPU time can be read.
func (s Since) Report(b Reporter, n int) {
	if ns, ok := s.PerOp(n); ok {
		b.ReportMetric(ns, "cpu-ns/op")
	}
}

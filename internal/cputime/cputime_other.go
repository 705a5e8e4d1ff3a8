//go:build !unix

package cputime

import "time"

// Process reports no CPU time where getrusage does not exist; the
// benchmarks then give wall time only.
func Process() (time.Duration, bool) { return 0, false }

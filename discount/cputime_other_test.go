//go:build !unix

package discount

import "time"

// processCPU reports no CPU time where getrusage does not exist; the
// benchmarks then give wall time only.
func processCPU() (time.Duration, bool) { return 0, false }

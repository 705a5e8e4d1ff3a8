package complaint

// nearestRank returns the 0-based index of the nearest-rank P-th
// percentile (0 < pct <= 100) among n ordered values: rank
// ceil(pct·n/100) (Wikipedia, "Percentile", the nearest-rank method),
// computed in integers. The result is always one of the values, never an
// interpolation, so the complaint analysis's median and 90th-percentile
// resolution times are resolution times that really happened.
func nearestRank(n, pct int) int {
	return (pct*n+99)/100 - 1
}

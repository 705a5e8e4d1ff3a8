package client

// nearestRank returns the 0-based index of the nearest-rank P-th
// percentile (0 < pct <= 100) among n ordered values: rank
// ceil(pct·n/100) (Wikipedia, "Percentile", the nearest-rank method),
// computed in integers. The result is always one of the values, never an
// interpolation: RFM's quintile cut-offs and the complaint resolution
// median and 90th percentile are actual values of the data.
func nearestRank(n, pct int) int {
	return (pct*n+99)/100 - 1
}

package qcut

import "math"

// edges returns the bin edges pandas computes for pd.qcut(s, bins) when
// s holds the ranks 1..n (n ≥ 2): the linearly interpolated quantiles of
// 1..n at 0, 1/bins, 2/bins, ..., 1. Exactly they are 1 + (n−1)·k/bins;
// edges returns them as float64 computes them on pandas' path, bit for
// bit, because a rank that lies exactly on an edge changes bin when the
// float edge falls one ulp short of it. The path:
//
//   - np.linspace(0, 1, bins+1): k × (1/bins), the last set to 1;
//   - on the Percentile path (pandas 2.2), Series.quantile multiplies by
//     100 and np.percentile divides by 100 again (pandas'
//     quantile_with_mask calls np.percentile(values, qs * 100.0));
//   - np.quantile's linear method (NumPy 1.22 and later): the virtual
//     index v = (n−1)·q, its floor i and fraction t = v − i, and _lerp of
//     the ranks a = i+1 and b = i+2: a + (b−a)·t when t < 0.5, else
//     b − (b−a)·(1−t); an index at or past the last value gives n.
//
// Every product is converted to float64 before it is added, so that no
// fused multiply-add (which Go may use on some architectures) rounds
// differently from NumPy.
func edges(n, bins int, path Path) []float64 {
	edges := make([]float64, bins+1)
	step := 1 / float64(bins)
	last := float64(n - 1)
	for k := range edges {
		q := 1.0
		if k < bins {
			q = float64(float64(k) * step)
		}
		if path == Percentile {
			q = float64(q*100) / 100
		}
		v := float64(last * q)
		if v >= last {
			edges[k] = float64(n)
			continue
		}
		i := math.Floor(v)
		t := v - i
		a, b := i+1, i+2
		if t >= 0.5 {
			edges[k] = b - float64((b-a)*(1-t))
		} else {
			edges[k] = a + float64((b-a)*t)
		}
	}
	return edges
}

// binOf returns the 1-based bin of rank r among edges, as pandas cuts:
// right-closed bins (edges[k-1], edges[k]], the lowest edge included.
// That is the number of edges below r, or 1 for r on the lowest edge.
// from is a bin at or below r's (ranks are binned in increasing order,
// so each search starts where the last one ended).
func binOf(edges []float64, r float64, from int) int {
	k := max(from, 1)
	for k < len(edges)-1 && edges[k] < r {
		k++
	}
	return k
}

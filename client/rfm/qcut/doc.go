// Package qcut scores RFM the way pandas notebooks do, so that a team
// can reproduce the scores it already has and compare them with package
// rfm's:
//
//	df["R"] = pd.qcut(df.recency.rank(method="first"), q, labels=range(q, 0, -1))
//	df["F"] = pd.qcut(df.frequency.rank(method="first"), q, labels=range(1, q+1))
//	df["M"] = pd.qcut(df.monetary.rank(method="first"), q, labels=range(1, q+1))
//
// for any number of bins q from 2 ([Config.Bins]: 4 for quartiles, 5 for
// quintiles).
//
// # The algorithm
//
// rank(method="first") numbers the N clients 1..N from the smallest
// value up, equal values in the order they appear in the input (pandas
// documents it as "ranks assigned in order they appear in the array").
// qcut then cuts the ranks at their quantiles 0, 1/q, ..., 1, linearly
// interpolated: exactly the edges 1 + (N−1)·k/q, into right-closed bins
// (edge[k−1], edge[k]], the lowest edge included (pandas.qcut, whose
// documented examples the tests reproduce: pd.qcut(range(5), 4,
// labels=False) is [0, 0, 1, 2, 3]). Recency is ranked in days, fewest
// first, and its labels reversed, so the most recent clients score q.
//
// pandas computes the edges in float64, and a rank lying exactly on an
// edge lands in the next bin when the float edge falls one ulp short of
// it. [Classify] computes them on pandas' own float path, bit for bit,
// so its bins are pandas' bins, not the exact ones; and since that path
// changed between pandas versions, [Path] names the two: [Quantile]
// (np.quantile: pandas up to 2.1 and from 3.0) and [Percentile] (pandas
// 2.2, through np.percentile; pandas-dev/pandas issue 58240 shows its
// bins of 1..181 in 10, which the tests reproduce).
//
// # When to pick it
//
// Pick qcut to match an existing notebook, or to see where it and the
// midpoint scores of rfm.Classify disagree. Keep rfm.Classify for
// decisions a manager has to explain: qcut gives clients with equal
// values different scores by their place in the input (with many ties,
// as in frequency, whole bins split by row order), which rfm's midpoint
// ranks were designed to avoid. With 5 bins, [Result.Segments] names the
// segments through an rfm.Config, so both scorings can share a map.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package qcut

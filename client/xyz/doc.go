// Package xyz classes clients by how steady their orders are: the
// coefficient of variation (CV = standard deviation / mean) of each
// client's per-period order values. X is a CV up to 10 %, Y up to 25 %,
// Z above ([DefaultConfig]; population or sample deviation). A CV
// exactly at a threshold belongs to the steadier class.
//
// # From orders, from series, or from known statistics
//
// [OrderSeries] builds the per-period series from client.Order values
// over [MonthlyPeriods]; by default a client's series starts with its
// first order, so a newcomer is not made to look erratic by the months
// before it existed. [Classify] computes each series' CV and classifies
// it, deciding in exact integer arithmetic whenever the float CV lies
// near a threshold.
//
// [ClassifySummaries] classifies statistics computed elsewhere
// ([Summary]): a known CV, or a mean and a standard deviation (a
// database's AVG and STDDEV_POP, a spreadsheet's AVERAGE and STDEVP, a
// textbook problem). Pick it when the host already aggregates its orders,
// or to check a published table, instead of inventing a series that has
// the right statistics. Its classes are decided exactly on the decimals
// given (100·s ≤ t·m for a mean m and deviation s); the deviation is the
// one the statistics were computed with, since the config's Deviation
// cannot change a number already computed.
//
// # Short histories
//
// Both refuse to guess with fewer than MinPeriods periods (6 by default)
// or with no demand at all: the relative error of a deviation estimated
// from n values is about 1/√(2(n−1)), 50 % for 3 periods, 32 % for 6. A
// caller who accepts that error lowers MinPeriods (to 2 at least, one
// period has no spread), for series and summaries alike.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package xyz

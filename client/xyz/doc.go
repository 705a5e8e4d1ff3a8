// Package xyz classes clients by how steady their orders are: the
// coefficient of variation (CV = standard deviation / mean) of each
// client's per-period order values. X is a CV up to 10 %, Y up to 25 %,
// Z above ([DefaultConfig]; population or sample deviation). [Classify]
// refuses to guess with fewer than 6 periods or with no demand at all:
// the relative error of a deviation estimated from n values is about
// 1/√(2(n−1)), 50 % for 3 periods, 32 % for 6.
//
// [OrderSeries] builds the per-period series from client.Order values
// over [MonthlyPeriods]; by default a client's series starts with its
// first order, so a newcomer is not made to look erratic by the months
// before it existed.
//
// A CV exactly at a threshold belongs to the steadier class, decided in
// exact integer arithmetic whenever the float CV lies near a threshold.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package xyz

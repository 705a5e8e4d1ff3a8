// Package complaint holds a client's complaints and their analysis, one
// of the account manager's duties in the article ("handling incoming
// complaints and analysing their causes"). [Analyze] gives the causes of
// a period's complaints in Pareto order, the open count, nearest-rank
// median and 90th-percentile resolution times (always times that really
// happened, never interpolations), and the clients who complain
// repeatedly. A complaint's description is client.Personal: it never
// prints.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid; resolving a complaint that is not open returns
// [ErrInvalidTransition].
package complaint

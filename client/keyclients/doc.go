// Package keyclients applies the article's rule, "in many companies a
// few key clients bring more than 50 % of the profit": [Find] returns
// the smallest set of top clients whose profit exceeds the share (50 %
// by default, [DefaultConfig]), from the same totals ABC ranks
// (abc.Totals); [Result.MarkKeyAccounts] flags them on the records.
//
// A loss-making client is never a key client and does not shrink the
// total either: with net profit as the 100 %, a few large losses would
// make "more than 50 %" reachable by fewer clients, or unreachable. The
// net total and the key clients' share of it are reported beside. The
// decision is exact, in integer units, as in package abc.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package keyclients

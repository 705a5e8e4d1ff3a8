// Package abc segments by share of a total value: rank the entries
// (clients, or items such as SKUs) by their value over a period, add up
// their shares from the largest down, and cut the ranking where the
// cumulative share reaches 80 % (class A) and 95 % (B); the rest is C.
// That is the classic 80/15/5 split of ABC practice, configurable in
// [Config]. Training stage 3 of the article asks a new manager to learn
// "how to divide clients into segments": this is the first division.
//
// # Clients and items
//
// [Classify] ranks clients by revenue or profit ([Totals], [Measure]);
// [ClassifyItems] ranks anything with an ID and one value ([Item]): SKUs
// by annual usage value, suppliers by spend. Both give the same
// [Result]: rows in input order, found by ID with [Result.Lookup] (or
// [Result.Index] for many lookups), and a summary per class.
//
// Negative values (loss-making clients ranked by profit, items ranked by
// a margin) are allowed: always C, and left out of the total the shares
// divide (the net figure is reported beside in [Result.Losses]).
//
// # The entry that crosses a threshold
//
// One entry's share usually carries the cumulative share past a
// threshold. [Boundary] decides its class, separately at each threshold
// ([Config.Boundary] at A, [Config.BBoundary] at B, unset meaning the
// same rule):
//
//   - crossing_in at both ([DefaultConfig]): the crossing entry stays in
//     the upper class, so A is the smallest group of top entries holding
//     at least 80 % and is never empty. Pick it for clients: one client
//     holding 90 % of revenue is an A client.
//   - crossing_out at A, crossing_in at B ([TextbookConfig]): the tables
//     of operations-management textbooks (Heizer & Render, Operations
//     Management, the ABC example of the inventory chapter), where the
//     item crossing 80 % is already B and the item crossing 95 % still
//     B. Pick it to reproduce such a table or an inventory policy built
//     on one.
//   - crossing_out at both: the spreadsheet rule "cumulative ≤ 80 % → A,
//     ≤ 95 % → B"; A may be empty.
//
// Every class decision is exact: money is converted once to integer
// units and compared as integers, never as floats, so an entry at
// exactly 80 % is classified by the rule, not by a rounding error.
// float64 appears only in displayed shares.
//
// Bad input returns an error matching [ErrInvalid], which also matches
// clientele.ErrInvalid.
package abc

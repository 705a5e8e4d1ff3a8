// Package exactsum adds and compares many decimal money amounts exactly,
// fast, and without an allocation per amount.
//
// shopspring/decimal allocates on every Add (a new big.Int) and on every
// Cmp of two amounts with different exponents. Over a million clients a
// loop of Adds is a million allocations; a sort with Cmp is twenty million
// comparisons. This package converts each amount once to an integer
// number of "units" at one common exponent, then works on integers.
//
// # Representation
//
// [Amounts] holds amount i as unit(i) × 10^Exp, where Exp is the smallest
// exponent among the non-zero amounts, so the conversion only multiplies
// (by 10^k) and never rounds. A coefficient is read without allocating
// (decimal.NumDigits and CoefficientInt64; the zero decimal.Decimal{}, whose
// coefficient is nil, is 0). When every unit fits an int64 — any amount with
// at most 18 significant digits at the common exponent — the list is a
// plain []int64. Otherwise (a 19-digit coefficient, or exponents so far
// apart that multiplying overflows) the whole list falls back to big
// integers: exact, slower, same API.
//
// # Totals
//
// [Acc] accumulates units in a 128-bit integer ([wide.Int128], add with carry
// via math/bits): 2^64 int64 amounts cannot overflow it, so the inner loop
// has no overflow branch. A total that outgrows 128 bits anyway (only
// possible when adding totals together, or in the wide form) moves to a big
// integer. [Acc.Decimal] turns a total back into an exact decimal, with one
// allocation.
//
// # Running totals
//
// [Running] is the streaming form, for totals built one amount at a time
// (a quote's lines, a client's invoices): by definition its total equals,
// in value and exponent, folding acc = acc.Add(d) from the zero
// decimal.Decimal{}. It keeps an int64 coefficient at the smallest
// exponent added while that fits, so an Add costs no allocation, and moves
// to decimal arithmetic the moment a term or the total does not fit.
// [Running.Int64] exposes the int64 state for callers with their own
// integer fast path on top.
//
// # Limits
//
// Every amount of an [Amounts] list must have its exponent within ±30,
// the library's bound on any decimal input (validate.MaxExponent), so
// units never exceed 18 + 60 digits; an amount outside is reported as an
// error, never silently rounded. Callers validate their inputs first and
// name every bad field; the error is a backstop.
//
// Running takes any exponent, as decimal.Add does: its callers bound
// their inputs themselves.
//
// The package is internal plumbing for the segmentations in package
// client, the solvency sums and the discount engine's totals; its API is
// not part of the library's.
package exactsum

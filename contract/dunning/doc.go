// Package dunning decides what to do about a debt: the next step of the
// collection process, the penalty interest and fees a claim asks, and
// the pack of material for a disputed debt.
//
// The article asks the account manager to "contact debtors to get debts
// repaid" and to prepare "materials for disputes". The process is a
// [Config] of levels, mildest first, each an [Action] at a number of
// days past due with a fixed fee; [DefaultConfig] is the article's:
//
//	level  action        days past due   fee
//	0      reminder       3               0.00
//	1      call          15               0.00
//	2      formal claim  30              40.00 EUR (2011/7/EU art. 6)
//	3      legal         60               0.00
//
// # The next step
//
// [Next] reads a debt (the invoices of receivables.Book.Invoices and the
// steps already taken, from the host's log): the next step is the level
// after the highest one taken, due when the oldest overdue invoice is
// that level's days past due. Each [Decision] says why in words: what is
// past due and since when, what was done, what comes next and when,
// how the interest was computed, what a claim asks. [Worklist] does it
// for every debtor of receivables.Debtors, largest debt first.
//
// # Penalty interest
//
// Per overdue invoice:
//
//	interest = outstanding × annual rate / 100 / 365 × days past due
//
// computed exactly and rounded once, half up, to the currency's minor
// unit: 1,000.00 EUR at 8 % for 45 days is 360,000 / 36,500 = 9.863...
// = 9.86 EUR. The default rate is the Late Payment Directive's 8
// percentage points; a host adds the reference rate of its central bank.
//
// # Dispute pack
//
// [Dispute] assembles what a dispute needs for one contract: its totals,
// every invoice (with its allocations, credit notes and cancellation)
// and payment, the host's correspondence log in date order, the dunning
// decision, and a summary in words.
//
// Bad input is a *clientele.ValidationError matching ErrInvalid, naming
// field and value; an invoice in another currency than the config's
// matches ErrCurrency too.
package dunning

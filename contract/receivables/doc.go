// Package receivables keeps a contract's services rendered, invoices
// and payments, and reports what clients owe: totals per contract, the
// ageing of receivables and the debtor list.
//
// The article asks the account manager to keep "records of services
// rendered to a client and paid for" and to "contact debtors to get
// debts repaid". This package is those records; package
// contract/dunning decides what to do about a debt.
//
// # The journal
//
// Each contract has an [Account]: who owes (the client), in which one
// currency, and a journal of [Entry] values, appended in order and
// never rewritten:
//
//   - a [Rendering]: a service rendered (or goods delivered) and its
//     price;
//   - an [Invoice]: the ledger's invoice fact (ledger.Invoice) billing
//     renderings, issued by [Book.Issue] under the contract's
//     contract.PaymentTerms: due NetDays after the issue date, and under
//     early-payment terms with the discount date and amount that
//     discount.EarlyPaymentTerms.Apply computes;
//   - a [Payment]: the ledger's payment fact in a currency, with a
//     host-supplied ID;
//   - a [CreditNote] (with a reason) taking an amount off an invoice;
//   - a [Cancellation] (with a reason) voiding an invoice;
//   - a [CreditApplication] putting the client's credit on an invoice.
//
// [Open] replays the journal into a [Book], and [Book.Record] appends
// entries, all or none. A Store ([MemStore] in memory) keeps accounts
// with optimistic versions; receivablestest checks any Store.
//
// # Allocation
//
// A payment naming an invoice pays that invoice; what exceeds it is
// kept as credit. A payment naming none pays the open invoices issued by
// its date, the oldest due date first (then the oldest issue date, then
// the order recorded); what is left is credit. Paid by the discount
// date, an invoice under early-payment terms is settled with the
// discount when the payment covers the rest of the discounted amount
// (Odoo's rule: the cash discount is for payment in full within the
// term; a part payment earns none). A credit note beyond what is still
// owed hands the surplus of the allocations back to credit, the latest
// first; a cancellation hands all of them back, and its renderings may
// be invoiced again. Credit is applied only by a CreditApplication: the
// host decides, and the book refuses to apply more credit than the
// client holds ("allocating more than was paid").
//
// The rules every Book keeps, checked by property tests over random
// journals:
//
//	rendered    = invoiced + uninvoiced
//	paid        = allocated + credit          (money is never lost)
//	allocated   ≤ paid, for every payment
//	outstanding = invoiced − credited − discounts − allocated
//
// # Days
//
// Every report takes a day. Entries that move money (invoices,
// payments, credit notes, cancellations, credit applications) are
// journaled in date order: one dated before the latest such entry is
// refused (renderings may be recorded late). So the book on a day is
// exactly the book of the entries dated on or before it, and the
// ageing as of any past day shows what was owed then, allocated as it
// was then. An invoice is past due the day after its due date
// (ledger.Invoice.StateOn's rule).
//
// # Reports
//
// [Book.Totals] gives a contract's rendered, invoiced, credited, paid,
// allocated, credit, outstanding and overdue amounts; [Book.Invoices]
// and [Book.Payments] each invoice and payment with its allocations,
// credit notes and cancellation; [Book.History] hands the invoices on
// as []ledger.Invoice, the paid parts and the open part apart, which is
// what solvency.PaymentDiscipline scores ([ClientHistory] for all of a
// client's contracts).
//
// [Collect] lays the open invoices of many books out flat, a
// [Portfolio]; [Portfolio.Age] buckets them by days past due (current,
// 1-30, 31-60, 61-90, over 90 by default; [AgeingConfig] sets the
// edges) per client and in total, and [Portfolio.Debtors] lists the
// clients with money past due, the largest amount first, then the
// oldest debt, with the manager the host assigns ([Managers]). [Age]
// and [Debtors] do both steps.
//
// # Money
//
// Amounts are decimals in the account's currency, at most its minor
// unit (cents for EUR) and at most 10^15; a payment in another
// currency is refused (ErrCurrency): convert it first. Inside, amounts
// are exact minor units in int64 (a contract's totals) and 128-bit
// integers (totals over many contracts), so sums never round.
//
// # Errors
//
// Bad input is a *clientele.ValidationError matching ErrInvalid that
// names the field and the value ("entries[0].payment.invoice =
// INV-404: is not an invoice of this contract"); a payment in another
// currency matches ErrCurrency too, a payment to a cancelled invoice
// ErrCancelled. A different payment under a recorded payment ID is a
// *PaymentConflictError matching ErrConflict.
package receivables

// Package ledger holds invoices and payments as plain facts: the one
// shape every Clientele package reads them in.
//
// The article asks the manager to keep "records of services rendered to a
// client and paid for" and to "contact debtors". Those records are
// [Invoice]s and [Payment]s. Solvency scores a client's payment
// discipline and checks an order's exposure from its invoices, early
// payment terms (discount) apply to an invoice and settle it from
// payments, and the contract package keeps the ledger itself and hands
// its history to the others as []Invoice. Keeping the facts here, below
// every domain package, lets each read them without importing another
// domain and without a second invoice type.
//
// Dates are calendar days (clientele.Date). [Invoice.StateOn] says where
// an invoice stands on a day: not yet issued, open, overdue (and by how
// many days), paid or written off, counting whole calendar days.
package ledger

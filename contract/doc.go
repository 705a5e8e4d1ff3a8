// Package contract holds the contract between the company and a client:
// its terms, its lifecycle from draft to completion, signing within
// authority, the document package and the obligations of both parties.
//
// Invoices, payments, receivables ageing and dunning live in the
// sub-packages contract/receivables and contract/dunning; they read a
// contract's PaymentTerms.
package contract

package dunning_test

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/dunning"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/shopspring/decimal"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The next step for a client 45 days past due that had its reminder and
// its call.
func ExampleNext() {
	day := clientele.MustParseDate
	book := must(receivables.Open(receivables.Account{ContractID: "K-1", ClientID: "c-1", Currency: "EUR"}))
	must(book.Record(receivables.Entry{Rendering: &receivables.Rendering{ID: "r", Date: day("2026-01-01"), Amount: decimal.RequireFromString("1000.00")}}))
	must(book.Record(must(book.Issue(contract.PaymentTerms{NetDays: 30}, "INV-1", day("2026-01-01"), "r"))))

	on := day("2026-03-17")
	debt := dunning.Debt{ClientID: "c-1", Invoices: must(book.Invoices(on)),
		Done: []dunning.Step{{Action: dunning.ActionReminder, Date: day("2026-02-03")}, {Action: dunning.ActionCall, Date: day("2026-02-16")}}}
	d := must(dunning.Next(debt, on, dunning.DefaultConfig()))
	fmt.Println(d.Next.Action, d.Next.Due, d.Claim)
	for _, r := range d.Reasons {
		fmt.Println(r)
	}
	// Output:
	// formal_claim 2026-03-02 1009.86
	// Client c-1 owes 1000.00 EUR past due on 2026-03-17 over 1 invoice; the oldest, INV-1, fell due on 2026-01-31 and is 45 days past due.
	// Taken so far: a reminder on 2026-02-03, a call on 2026-02-16.
	// Next: a formal claim, at 30 days past due, on 2026-03-02: now (due since 2026-03-02), with a fee of 40.00 EUR.
	// Penalty interest at 8 % a year, rounded half up to the cent per invoice: INV-1: 1000.00 × 8 % × 45 / 365 = 9.86; in total 9.86 EUR.
	// A claim today asks 1009.86 EUR: 1000.00 past due + 9.86 interest + 0.00 fees.
}

// The material for a disputed debt: the contract's figures, its
// invoices and payments, the correspondence and the dunning decision.
func ExampleNewDisputePack() {
	day := clientele.MustParseDate
	book := must(receivables.Open(receivables.Account{ContractID: "K-1", ClientID: "c-1", Currency: "EUR"}))
	must(book.Record(receivables.Entry{Rendering: &receivables.Rendering{ID: "r", Date: day("2026-01-01"), Amount: decimal.RequireFromString("1000.00")}}))
	must(book.Record(must(book.Issue(contract.PaymentTerms{NetDays: 30}, "INV-1", day("2026-01-01"), "r"))))
	log := []dunning.Correspondence{{Date: day("2026-02-16"), Channel: "call", By: "m-1", Summary: client.NewPersonal("client says one visit was not made")}}
	pack := must(dunning.NewDisputePack(book, day("2026-03-17"), log, []dunning.Step{{Action: dunning.ActionReminder, Date: day("2026-02-03")}}, dunning.DefaultConfig()))
	for _, line := range pack.Summary[:4] {
		fmt.Println(line)
	}
	// Output:
	// Contract K-1 with client c-1, as of 2026-03-17: rendered 1000.00 EUR, invoiced 1000.00, credited 0.00, paid 0.00 (of which 0.00 held as credit); outstanding 1000.00, of which 1000.00 past due.
	// On record: 1 invoice (0 cancelled), 0 payments, 1 contact.
	// Last contact on 2026-02-16 by call (its summary is personal data: see the correspondence log).
	// Client c-1 owes 1000.00 EUR past due on 2026-03-17 over 1 invoice; the oldest, INV-1, fell due on 2026-01-31 and is 45 days past due.
}

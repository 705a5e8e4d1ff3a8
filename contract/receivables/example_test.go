package receivables_test

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// A service rendered, invoiced under "2/10 net 30", and paid in part.
func ExampleBook_Issue() {
	day := clientele.MustParseDate
	book := must(receivables.Open(receivables.Account{ContractID: "K-2026-014", ClientID: "c-7", Currency: "EUR"}))
	must(book.Record(receivables.Entry{Rendering: &receivables.Rendering{ID: "march-support", Date: day("2026-03-31"), Amount: decimal.RequireFromString("1200.00")}}))

	terms := contract.PaymentTerms{NetDays: 30, Early: &discount.EarlyPaymentTerms{DiscountRate: decimal.NewFromInt(2), DiscountDays: 10, NetDays: 30}}
	inv := must(book.Issue(terms, "INV-101", day("2026-04-01"), "march-support"))
	fmt.Println("due", inv.Invoice.Due, "| 2 % off until", inv.Invoice.Early.DiscountDate, "=", inv.Invoice.Early.AmountIfEarly)
	must(book.Record(inv))

	partial := ledger.Payment{ID: "bank-5521", Date: day("2026-04-20"), Amount: decimal.RequireFromString("500.00")}
	must(book.Record(receivables.Entry{Payment: &receivables.Payment{Payment: partial, Currency: "EUR"}}))
	must(book.Record(receivables.Entry{Payment: &receivables.Payment{Payment: partial, Currency: "EUR"}})) // a retry: recorded once

	t := must(book.Totals(day("2026-05-15")))
	fmt.Println("invoiced", t.Invoiced, "paid", t.Paid, "outstanding", t.Outstanding, "overdue", t.Overdue)
	// Output:
	// due 2026-05-01 | 2 % off until 2026-04-11 = 1176
	// invoiced 1200 paid 500 outstanding 700 overdue 700
}

// The ageing of two contracts on a day, and the debtor list.
func ExampleAge() {
	day := clientele.MustParseDate
	open := func(contractID, clientID, amount, issued string) *receivables.Book {
		b := must(receivables.Open(receivables.Account{ContractID: contractID, ClientID: clientID, Currency: "EUR"}))
		must(b.Record(receivables.Entry{Rendering: &receivables.Rendering{ID: "r", Date: day(issued), Amount: decimal.RequireFromString(amount)}}))
		must(b.Record(must(b.Issue(contract.PaymentTerms{NetDays: 30}, "INV-"+contractID, day(issued), "r"))))
		return b
	}
	books := []*receivables.Book{open("K-1", "c-1", "800.00", "2026-01-15"), open("K-2", "c-2", "150.00", "2026-03-20")}
	a := must(receivables.Age(day("2026-04-30"), receivables.DefaultAgeingConfig(), books))
	header := ""
	for _, b := range a.Buckets() {
		header += fmt.Sprintf("%-8s", b.Label)
	}
	fmt.Println(strings.TrimSpace(header))
	for line := range a.Clients() {
		for _, amt := range line.Amounts {
			fmt.Printf("%-8s", amt.StringFixed(2))
		}
		fmt.Println(line.ClientID)
	}
	for _, d := range must(receivables.Debtors(day("2026-04-30"), books, receivables.Managers{ByClient: map[string]string{"c-1": "anna"}})) {
		fmt.Printf("%s %s %d days, manager %q\n", d.ClientID, d.Overdue.StringFixed(2), d.DaysOverdue, d.Manager)
	}
	// Output:
	// current 1-30    31-60   61-90   over 90
	// 0.00    0.00    0.00    800.00  0.00    c-1
	// 0.00    150.00  0.00    0.00    0.00    c-2
	// c-1 800.00 75 days, manager "anna"
	// c-2 150.00 11 days, manager ""
}

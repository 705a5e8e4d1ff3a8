package ledger_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/ledger"
)

// An invoice's state depends on the day it is looked at: open until its
// due date, overdue after, paid from the day of payment, days late
// counted from the due date.
func ExampleInvoice_StateOn() {
	day := func(d int) clientele.Date { return clientele.NewDate(2026, time.November, d) }
	in := ledger.Invoice{ID: "INV-7", Currency: "EUR", Amount: decimal.NewFromInt(1200),
		Issued: day(2), Due: day(16), Paid: day(25)}
	for _, d := range []int{1, 10, 20, 25} {
		s := in.StateOn(day(d))
		fmt.Printf("%s: %s, %d days late\n", day(d), s.State, s.DaysLate)
	}
	// Output:
	// 2026-11-01: not_issued, 0 days late
	// 2026-11-10: open, 0 days late
	// 2026-11-20: overdue, 4 days late
	// 2026-11-25: paid, 9 days late
}

package receivables

import (
	"fmt"
	"github.com/clientele-go/clientele"
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestInvariantsOverRandomJournals records random journals (seeded, so
// a failure replays) and checks after every step, from figures kept
// apart from the book:
//
//	rendered = invoiced + uninvoiced, and rendered is what was rendered;
//	paid = allocated + credit, and paid is what was received;
//	no payment's allocations exceed it, none is negative;
//	every live invoice: allocated + credited + discount + outstanding = amount;
//	the history hands on exactly what is owed and was paid;
//	replaying the stored journal gives the same totals.
func TestInvariantsOverRandomJournals(t *testing.T) {
	accepted := map[string]int{}
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomJournal(t, seed, accepted) })
	}
	for _, kind := range []string{"rendering", "invoice", "payment", "credit_note", "cancellation", "credit_application"} {
		require.Positive(t, accepted[kind], "the journals exercise every kind of entry: %v", accepted)
	}
}

func randomJournal(t *testing.T, seed uint64, accepted map[string]int) {
	rng := rand.New(rand.NewPCG(seed, 9))
	b := newBook(t)
	terms := []contract.PaymentTerms{{NetDays: 0}, {NetDays: 30}, {NetDays: 30, Early: &discount.EarlyPaymentTerms{DiscountRate: decimal.NewFromInt(2), DiscountDays: 10, NetDays: 30}}}
	start := day("2026-01-01")
	rendered, received := decimal.Zero, decimal.Zero
	var unbilled, invoices []string
	money := func() decimal.Decimal { return decimal.New(1+rng.Int64N(50_000), -2) }
	then := map[clientele.Date]Totals{} // the totals as they stood after each day's entry
	for step := range 120 {
		on := start.AddDays(step)
		var e Entry
		switch k := rng.IntN(10); {
		case k < 3:
			id := fmt.Sprintf("r-%d", step)
			e = render(id, on.String(), money().String())
		case k < 5 && len(unbilled) > 0:
			n := 1 + rng.IntN(len(unbilled))
			var err error
			e, err = b.Issue(terms[rng.IntN(len(terms))], fmt.Sprintf("INV-%d", step), on, unbilled[:n]...)
			require.NoError(t, err)
		case k < 8:
			e = pay(fmt.Sprintf("p-%d", step), on.String(), money().String())
			if len(invoices) > 0 && rng.IntN(3) == 0 {
				e.Payment.Invoice = invoices[rng.IntN(len(invoices))]
			}
		case k == 8 && len(invoices) > 0:
			inv := invoices[rng.IntN(len(invoices))]
			if rng.IntN(2) == 0 {
				e = Entry{CreditNote: &CreditNote{ID: fmt.Sprintf("cn-%d", step), Invoice: inv, Date: on, Amount: money(), Reason: "random"}}
			} else {
				e = Entry{Cancellation: &Cancellation{Invoice: inv, Date: on, Reason: "random"}}
			}
		case len(invoices) > 0:
			e = Entry{CreditApplication: &CreditApplication{Invoice: invoices[rng.IntN(len(invoices))], Date: on, Amount: money()}}
		default:
			continue
		}
		if _, err := b.Record(e); err != nil {
			require.ErrorIs(t, err, ErrInvalid, "step %d: a refusal is a validation error", step)
			continue
		}
		accepted[kindOf(e)]++
		switch {
		case e.Rendering != nil:
			rendered = rendered.Add(e.Rendering.Amount)
		case e.Payment != nil:
			received = received.Add(e.Payment.Amount)
		}
		unbilled, invoices = unbilled[:0], invoices[:0]
		for _, r := range b.renderings {
			if r.invoice < 0 {
				unbilled = append(unbilled, r.r.ID)
			}
		}
		for _, in := range b.invoices {
			invoices = append(invoices, in.in.ID)
		}
		checkInvariants(t, b, on, rendered, received)
		then[on], _ = b.Totals(on)
	}
	for on, want := range then {
		got, err := b.Totals(on)
		require.NoError(t, err)
		require.Equal(t, want, got, "the book as of %s is the book as it stood then", on)
	}
}

func checkInvariants(t *testing.T, b *Book, on clientele.Date, rendered, received decimal.Decimal) {
	t.Helper()
	tot, err := b.Totals(on)
	require.NoError(t, err)
	eq := func(want, got decimal.Decimal, what string) {
		t.Helper()
		require.True(t, want.Equal(got), "%s on %s: want %s, got %s", what, on, want, got)
	}
	eq(rendered, tot.Rendered, "rendered")
	eq(tot.Rendered, tot.Invoiced.Add(tot.Uninvoiced), "rendered = invoiced + uninvoiced")
	eq(received, tot.Paid, "paid")
	eq(tot.Paid, tot.Allocated.Add(tot.Credit), "paid = allocated + credit")
	eq(tot.Outstanding, tot.Invoiced.Sub(tot.Credited).Sub(tot.Discounts).Sub(tot.Allocated), "outstanding")
	require.False(t, tot.Credit.IsNegative())

	pays, err := b.Payments(on)
	require.NoError(t, err)
	byPayment := decimal.Zero
	for _, p := range pays {
		sum := decimal.Zero
		for _, a := range p.Allocations {
			require.True(t, a.Amount.IsPositive())
			sum = sum.Add(a.Amount)
		}
		eq(p.Allocated, sum, "a payment's allocations")
		require.False(t, sum.GreaterThan(p.Payment.Amount), "payment %s allocates %s of %s", p.Payment.ID, sum, p.Payment.Amount)
		eq(p.Payment.Amount, p.Allocated.Add(p.Credit), "a payment is allocated or credit")
		byPayment = byPayment.Add(sum)
	}
	invs, err := b.Invoices(on)
	require.NoError(t, err)
	byInvoice := decimal.Zero
	for _, in := range invs {
		if in.Status == StatusCancelled {
			require.Empty(t, in.Allocations, "a cancelled invoice holds no money")
			continue
		}
		eq(in.Invoice.Amount, in.Allocated.Add(in.Credited).Add(in.Discount).Add(in.Outstanding), "invoice "+in.Invoice.ID)
		require.False(t, in.Outstanding.IsNegative())
		byInvoice = byInvoice.Add(in.Allocated)
	}
	eq(byPayment, byInvoice, "allocations seen from payments and from invoices")
	eq(tot.Allocated, byInvoice, "allocated")

	paid, open := decimal.Zero, decimal.Zero
	h := b.History()
	require.NoError(t, ledger.ValidateInvoices(h))
	for _, in := range h {
		if in.Paid.IsZero() {
			open = open.Add(in.Amount)
		} else {
			paid = paid.Add(in.Amount)
		}
	}
	eq(tot.Outstanding, open, "the history's open parts")
	eq(tot.Allocated.Add(tot.Discounts), paid, "the history's paid parts")

	replayed, err := Open(b.Account())
	require.NoError(t, err)
	again, err := replayed.Totals(on)
	require.NoError(t, err)
	require.Equal(t, tot, again, "replaying the journal gives the same book")
}

func kindOf(e Entry) string {
	switch {
	case e.Rendering != nil:
		return "rendering"
	case e.Invoice != nil:
		return "invoice"
	case e.Payment != nil:
		return "payment"
	case e.CreditNote != nil:
		return "credit_note"
	case e.Cancellation != nil:
		return "cancellation"
	}
	return "credit_application"
}

// FuzzRandomJournal runs the invariants over journals from any seed:
// go test -fuzz FuzzRandomJournal -fuzztime 30s ./contract/receivables
func FuzzRandomJournal(f *testing.F) {
	f.Add(uint64(7))
	f.Fuzz(func(t *testing.T, seed uint64) { randomJournal(t, seed, map[string]int{}) })
}

package main

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/ledger"
)

// books keeps each client's year on the receivables ledger: one supply
// contract per client, each month's order rendered and invoiced on 30-day
// terms (an individual pays on the spot), each invoice paid as the
// client's habit says if the day has come. Solvency reads its payment
// history from these books (Book.History), the ageing and the dunning
// worklist read them too: one ledger, no invoice list filled by hand.
func books(accounts []account) (map[string]*receivables.Book, error) {
	out := make(map[string]*receivables.Book, len(accounts))
	for _, a := range accounts {
		b, err := receivables.Open(receivables.Account{ContractID: "K-" + a.client.ID, ClientID: a.client.ID, Currency: "EUR"})
		if err != nil {
			return nil, err
		}
		if err := recordYear(b, a); err != nil {
			return nil, fmt.Errorf("%s: %w", a.client.ID, err)
		}
		out[a.client.ID] = b
	}
	return out, nil
}

// recordYear books a's invoices and payments in date order, as the
// ledger requires, each payment naming the invoice it pays.
func recordYear(b *receivables.Book, a account) error {
	terms := contract.PaymentTerms{NetDays: 30}
	if a.client.Kind == client.KindIndividual {
		terms.NetDays = 0
	}
	type act struct {
		on    clientele.Date
		entry func() (receivables.Entry, error)
	}
	var acts []act
	for m, k := range a.monthly {
		if k == 0 {
			continue
		}
		issued, amount := orderDay(a, m), decimal.New(k, 3)
		id := fmt.Sprintf("%s-%02d", a.client.ID, m+1)
		acts = append(acts, act{issued, func() (receivables.Entry, error) {
			rendering := receivables.Entry{Rendering: &receivables.Rendering{ID: "r-" + id, Date: issued, Amount: amount}}
			if _, err := b.Record(rendering); err != nil {
				return receivables.Entry{}, err
			}
			return b.Issue(terms, id, issued, "r-"+id)
		}})
		paid := issued.AddDays(terms.NetDays + a.daysLate[m])
		if a.daysLate[m] == unpaid || paid.After(today) {
			continue
		}
		acts = append(acts, act{paid, func() (receivables.Entry, error) {
			return receivables.Entry{Payment: &receivables.Payment{
				Payment:  ledger.Payment{ID: "pay-" + id, Date: paid, Amount: amount},
				Currency: "EUR", Invoice: id,
			}}, nil
		}})
	}
	slices.SortStableFunc(acts, func(x, y act) int { return x.on.Compare(y.on) })
	for _, a := range acts {
		e, err := a.entry()
		if err != nil {
			return err
		}
		if _, err := b.Record(e); err != nil {
			return err
		}
	}
	return nil
}

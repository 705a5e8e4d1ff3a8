package receivables

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func newBook(t testing.TB) *Book {
	t.Helper()
	b, err := Open(Account{ContractID: "k-1", ClientID: "c-1", Currency: "EUR"})
	require.NoError(t, err)
	return b
}

func render(id, on, amount string) Entry {
	return Entry{Rendering: &Rendering{ID: id, Date: day(on), Amount: dec(amount)}}
}

func pay(id, on, amount string) Entry {
	return Entry{Payment: &Payment{Payment: ledger.Payment{ID: id, Date: day(on), Amount: dec(amount)}, Currency: "EUR"}}
}

func payInvoice(id, on, amount, invoice string) Entry {
	e := pay(id, on, amount)
	e.Payment.Invoice = invoice
	return e
}

func record(t testing.TB, b *Book, entries ...Entry) {
	t.Helper()
	_, err := b.Record(entries...)
	require.NoError(t, err)
}

// issue issues and records an invoice under net terms.
func issue(t testing.TB, b *Book, terms contract.PaymentTerms, id, on string, renderings ...string) {
	t.Helper()
	e, err := b.Issue(terms, id, day(on), renderings...)
	require.NoError(t, err)
	record(t, b, e)
}

func assertAmount(t testing.TB, want string, got decimal.Decimal, msg string) {
	t.Helper()
	assert.True(t, dec(want).Equal(got), "%s: want %s, got %s", msg, want, got)
}

func contractTerms(netDays int) contract.PaymentTerms { return contract.PaymentTerms{NetDays: netDays} }

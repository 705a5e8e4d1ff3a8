package receivables_test

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The book's history is what solvency scores: a part payment counts as
// a paid part on its day and the rest as still owed.
//
//	INV-1 1000.00 due 2026-01-31: 600 paid on 2026-01-20 (on time), 400 on 2026-02-10 (10 days late)
//	INV-2  500.00 due 2026-03-03: unpaid, 10 days overdue on 2026-03-13
//
// As of 2026-03-13, with the default discipline config:
//
//	on-time share by amount = 600 / 1500 = 0.4
//	weighted days late      = (400 × 10 + 500 × 10) / 1500 = 6
//	score = 50 × 0.4 + 30 × (1 − 6/60) + 20 × (1 − 10/90) = 20 + 27 + 17.78 = 64.78
func TestHistoryFeedsSolvencyPaymentDiscipline(t *testing.T) {
	day := clientele.MustParseDate
	b, err := receivables.Open(receivables.Account{ContractID: "k-1", ClientID: "c-1", Currency: "EUR"})
	require.NoError(t, err)
	entries := []receivables.Entry{
		{Rendering: &receivables.Rendering{ID: "r-1", Date: day("2026-01-01"), Amount: decimal.NewFromInt(1000)}},
		{Rendering: &receivables.Rendering{ID: "r-2", Date: day("2026-02-01"), Amount: decimal.NewFromInt(500)}},
	}
	_, err = b.Record(entries...)
	require.NoError(t, err)
	terms := contract.PaymentTerms{NetDays: 30}
	issue := func(id, on, rendering string) {
		e, err := b.Issue(terms, id, day(on), rendering)
		require.NoError(t, err)
		_, err = b.Record(e)
		require.NoError(t, err)
	}
	pay := func(id, on string, amount int64) {
		_, err := b.Record(receivables.Entry{Payment: &receivables.Payment{Payment: ledger.Payment{ID: id, Date: day(on), Amount: decimal.NewFromInt(amount)}, Currency: "EUR"}})
		require.NoError(t, err)
	}
	issue("INV-1", "2026-01-01", "r-1")
	pay("p-1", "2026-01-20", 600)
	issue("INV-2", "2026-02-01", "r-2")
	pay("p-2", "2026-02-10", 400)

	history, err := receivables.ClientHistory("c-1", b)
	require.NoError(t, err)
	require.Len(t, history, 3)
	d, err := solvency.PaymentDiscipline(history, day("2026-03-13"), solvency.DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.Equal(t, 3, d.Evaluated)
	assert.Equal(t, 1, d.OnTime)
	assert.InDelta(t, 0.4, d.OnTimeShareByAmount.Value, 1e-12)
	assert.InDelta(t, 6, d.AvgDaysLateWeighted.Value, 1e-12)
	assert.Equal(t, 10, d.OldestOverdueDays)
	assert.True(t, d.Outstanding.Equal(decimal.NewFromInt(500)))
	assert.Equal(t, "INV-1", d.MaxDaysLateInvoice)
	assert.True(t, d.MaxDaysLateAmount.Equal(decimal.NewFromInt(400)), "the late part, not the whole invoice")
	assert.InDelta(t, 20+27+20*(1-10.0/90), d.Score().Value, 1e-9)

	_, err = receivables.ClientHistory("c-2", b)
	assert.ErrorIs(t, err, receivables.ErrInvalid, "another client's book")
}

// Package receivablestest checks that a receivables.Store implementation
// behaves as the receivables package documents, in the spirit of
// testing/slogtest. A host runs it against its own store:
//
//	func TestPostgresStore(t *testing.T) {
//		receivablestest.Run(t, func() receivables.Store { return newTestStore(t) })
//	}
//
// newStore must return an empty store each time it is called; every
// subtest starts from a fresh one.
package receivablestest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/internal/storetest"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the conformance suite as subtests of t.
func Run(t *testing.T, newStore func() receivables.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s receivables.Store)
	}{
		{"GetMissingIsNotFound", testGetMissing},
		{"CreateThenGetRoundTrips", testRoundTrip},
		{"CreateRefusesDuplicateContract", testDuplicateCreate},
		{"CreateRefusesInvalidAccounts", testCreateInvalid},
		{"RecordBumpsVersion", testRecordBumpsVersion},
		{"RecordRefusesStaleVersion", testStaleRecord},
		{"RecordMissingIsNotFound", testRecordMissing},
		{"RecordIsAllOrNothing", testRecordAtomic},
		{"RecordingAPaymentTwiceIsIdempotent", testIdempotentPayment},
		{"ADifferentPaymentUnderAKnownIDConflicts", testPaymentConflict},
		{"ValuesAreCopiedInAndOut", testCopies},
		{"ConcurrentPaymentsLoseNothing", testConcurrentPayments},
		{"ConcurrentRetriesOfOnePaymentRecordItOnce", testConcurrentRetries},
		{"ListFiltersAndPages", testList},
		{"ListRefusesBadPages", testBadPages},
		{"CanceledContextIsReported", testCanceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore())
		})
	}
}

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

func amount(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func account(contractID, clientID string) receivables.Account {
	return receivables.Account{ContractID: contractID, ClientID: clientID, Currency: "EUR"}
}

func payment(id, on, amt string) receivables.Entry {
	return receivables.Entry{Payment: &receivables.Payment{
		Payment: ledger.Payment{ID: id, Date: day(on), Amount: amount(amt)}, Currency: "EUR"}}
}

// journal is an account's journal with one entry of every kind, so a
// round trip that drops a field shows.
func journal() []receivables.Entry {
	inv := func(id, rendering string) receivables.Entry {
		return receivables.Entry{Invoice: &receivables.Invoice{
			Invoice:    ledger.Invoice{ID: id, Currency: "EUR", Amount: amount("100.50"), Issued: day("2026-01-10"), Due: day("2026-02-09")},
			Renderings: []string{rendering}}}
	}
	return []receivables.Entry{
		{Rendering: &receivables.Rendering{ID: "r-1", Date: day("2026-01-05"), Amount: amount("100.50"), Description: "installation"}},
		{Rendering: &receivables.Rendering{ID: "r-2", Date: day("2026-01-06"), Amount: amount("100.50")}},
		{Rendering: &receivables.Rendering{ID: "r-3", Date: day("2026-01-07"), Amount: amount("100.50")}},
		inv("INV-1", "r-1"),
		inv("INV-2", "r-2"),
		inv("INV-3", "r-3"),
		payment("p-1", "2026-01-20", "150.00"),
		{CreditNote: &receivables.CreditNote{ID: "cn-1", Invoice: "INV-2", Date: day("2026-01-21"), Amount: amount("0.50"), Reason: "rounding agreed"}},
		{Cancellation: &receivables.Cancellation{Invoice: "INV-2", Date: day("2026-01-22"), Reason: "billed twice"}},
		{CreditApplication: &receivables.CreditApplication{Invoice: "INV-3", Date: day("2026-01-23"), Amount: amount("40.00")}},
	}
}

func create(t *testing.T, s receivables.Store, a receivables.Account) receivables.Account {
	t.Helper()
	got, err := s.Create(context.Background(), a)
	require.NoError(t, err)
	return got
}

// sameJournal compares journals through JSON, the form a database keeps.
func sameJournal(t *testing.T, want, got []receivables.Entry) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, string(w), string(g))
}

func testGetMissing(t *testing.T, s receivables.Store) {
	_, err := s.Get(context.Background(), "nobody")
	assert.ErrorIs(t, err, receivables.ErrNotFound)
}

func testRoundTrip(t *testing.T, s receivables.Store) {
	want := account("k-1", "c-1")
	want.Entries = journal()
	created := create(t, s, want)
	assert.Equal(t, int64(1), created.Version)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version)
	assert.Equal(t, "c-1", got.ClientID)
	assert.Equal(t, "EUR", got.Currency)
	sameJournal(t, want.Entries, got.Entries)
	sameJournal(t, want.Entries, created.Entries)

	b, err := receivables.Open(got)
	require.NoError(t, err)
	tot, err := b.Totals(day("2026-01-31"))
	require.NoError(t, err)
	// p-1's 150.00 paid INV-1 (100.50) and INV-2 (49.50); cancelling
	// INV-2 put its 49.50 back as credit, 40.00 of which went on INV-3:
	// credit 150.00 − 100.50 − 40.00 = 9.50, owed 100.50 − 40.00 = 60.50.
	assert.True(t, tot.Paid.Equal(amount("150")), "paid %s", tot.Paid)
	assert.True(t, tot.Credit.Equal(amount("9.50")), "credit %s", tot.Credit)
	assert.True(t, tot.Outstanding.Equal(amount("60.50")), "outstanding %s", tot.Outstanding)
}

func testDuplicateCreate(t *testing.T, s receivables.Store) {
	create(t, s, account("k-1", "c-1"))
	_, err := s.Create(context.Background(), account("k-1", "c-2"))
	assert.ErrorIs(t, err, receivables.ErrAlreadyExists)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, "c-1", got.ClientID, "a refused create overwrites nothing")
}

func testCreateInvalid(t *testing.T, s receivables.Store) {
	bad := account("k-1", "")
	bad.Currency = "XXX1"
	bad.Version = 2
	_, err := s.Create(context.Background(), bad)
	var ve *clientele.ValidationError
	if assert.ErrorAs(t, err, &ve, "bad input is a *clientele.ValidationError") {
		var fields []string
		for _, f := range ve.Fields {
			fields = append(fields, f.Field)
		}
		assert.Subset(t, fields, []string{"version", "client_id", "currency"})
	}
	assert.ErrorIs(t, err, receivables.ErrInvalid)

	badJournal := account("k-2", "c-1")
	badJournal.Entries = []receivables.Entry{payment("p-1", "2026-01-01", "-5")}
	_, err = s.Create(context.Background(), badJournal)
	assert.ErrorIs(t, err, receivables.ErrInvalid)
	for _, id := range []string{"k-1", "k-2"} {
		_, err = s.Get(context.Background(), id)
		assert.ErrorIs(t, err, receivables.ErrNotFound, "a refused create stores nothing")
	}
}

func testRecordBumpsVersion(t *testing.T, s receivables.Store) {
	a := create(t, s, account("k-1", "c-1"))
	got, err := s.Record(context.Background(), "k-1", a.Version, payment("p-1", "2026-01-01", "10"))
	require.NoError(t, err)
	assert.Equal(t, int64(2), got.Version)
	require.Len(t, got.Entries, 1)
	again, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, int64(2), again.Version)
}

func testStaleRecord(t *testing.T, s receivables.Store) {
	a := create(t, s, account("k-1", "c-1"))
	_, err := s.Record(context.Background(), "k-1", a.Version, payment("p-1", "2026-01-01", "10"))
	require.NoError(t, err)
	_, err = s.Record(context.Background(), "k-1", a.Version, payment("p-2", "2026-01-02", "20"))
	assert.ErrorIs(t, err, receivables.ErrConflict)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Len(t, got.Entries, 1, "the stale write recorded nothing")
}

func testRecordMissing(t *testing.T, s receivables.Store) {
	_, err := s.Record(context.Background(), "ghost", 1, payment("p-1", "2026-01-01", "10"))
	assert.ErrorIs(t, err, receivables.ErrNotFound)
	create(t, s, account("k-1", "c-1"))
	_, err = s.Record(context.Background(), "k-1", 1)
	assert.ErrorIs(t, err, receivables.ErrInvalid, "no entries")
}

func testRecordAtomic(t *testing.T, s receivables.Store) {
	a := create(t, s, account("k-1", "c-1"))
	usd := payment("p-2", "2026-01-02", "20")
	usd.Payment.Currency = "USD"
	_, err := s.Record(context.Background(), "k-1", a.Version, payment("p-1", "2026-01-01", "10"), usd)
	assert.ErrorIs(t, err, receivables.ErrInvalid)
	assert.ErrorIs(t, err, receivables.ErrCurrency)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Empty(t, got.Entries, "a refused batch records none of its entries")
	assert.Equal(t, int64(1), got.Version)
}

func testIdempotentPayment(t *testing.T, s receivables.Store) {
	a := create(t, s, account("k-1", "c-1"))
	first, err := s.Record(context.Background(), "k-1", a.Version, payment("p-1", "2026-01-01", "10.00"))
	require.NoError(t, err)
	for _, version := range []int64{first.Version, a.Version} {
		again, err := s.Record(context.Background(), "k-1", version, payment("p-1", "2026-01-01", "10"))
		require.NoError(t, err, "a retry with version %d", version)
		assert.Equal(t, first.Version, again.Version, "nothing recorded, no new version")
		assert.Len(t, again.Entries, 1)
	}
}

func testPaymentConflict(t *testing.T, s receivables.Store) {
	a := create(t, s, account("k-1", "c-1"))
	first, err := s.Record(context.Background(), "k-1", a.Version, payment("p-1", "2026-01-01", "10"))
	require.NoError(t, err)
	_, err = s.Record(context.Background(), "k-1", first.Version, payment("p-1", "2026-01-01", "11"))
	assert.ErrorIs(t, err, receivables.ErrConflict)
	var pc *receivables.PaymentConflictError
	assert.ErrorAs(t, err, &pc)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Len(t, got.Entries, 1)
}

func testCopies(t *testing.T, s receivables.Store) {
	in := account("k-1", "c-1")
	in.Entries = journal()[:4]
	created := create(t, s, in)
	in.Entries[3].Invoice.Renderings[0] = "changed-after-create"
	created.Entries[0].Rendering.Description = "changed-on-returned-copy"
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, []string{"r-1"}, got.Entries[3].Invoice.Renderings)
	assert.Equal(t, "installation", got.Entries[0].Rendering.Description)
	got.Entries[1].Rendering.Amount = amount("1")
	listed, err := s.List(context.Background(), receivables.Filter{}, receivables.Page{Limit: 1})
	require.NoError(t, err)
	require.Len(t, listed.Accounts, 1)
	assert.True(t, listed.Accounts[0].Entries[1].Rendering.Amount.Equal(amount("100.50")))
}

// testConcurrentPayments has writers each record their own payments with
// a read-record loop that retries on a stale version: every payment must
// be recorded once, and the total paid must be their sum.
func testConcurrentPayments(t *testing.T, s receivables.Store) {
	ctx := context.Background()
	create(t, s, account("k-1", "c-1"))
	const writers, each = 8, 5
	errs := storetest.Concurrently(writers, func(w int) error {
		for i := range each {
			if err := recordRetrying(ctx, s, "k-1", payment(fmt.Sprintf("p-%d-%d", w, i), "2026-01-01", "1.25")); err != nil {
				return err
			}
		}
		return nil
	})
	for _, err := range errs {
		require.NoError(t, err)
	}
	got, err := s.Get(ctx, "k-1")
	require.NoError(t, err)
	assert.Len(t, got.Entries, writers*each)
	assert.Equal(t, int64(1+writers*each), got.Version)
	b, err := receivables.Open(got)
	require.NoError(t, err)
	tot, err := b.Totals(day("2026-01-01"))
	require.NoError(t, err)
	assert.True(t, tot.Paid.Equal(amount("50")), "40 payments of 1.25: %s", tot.Paid)
	assert.True(t, tot.Credit.Equal(amount("50")), "no invoice: all kept as credit")
}

func recordRetrying(ctx context.Context, s receivables.Store, id string, e receivables.Entry) error {
	for {
		a, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		runtime.Gosched()
		_, err = s.Record(ctx, id, a.Version, e)
		if !errors.Is(err, receivables.ErrConflict) {
			return err
		}
	}
}

func testConcurrentRetries(t *testing.T, s receivables.Store) {
	a := create(t, s, account("k-1", "c-1"))
	errs := storetest.Concurrently(8, func(int) error {
		_, err := s.Record(context.Background(), "k-1", a.Version, payment("p-1", "2026-01-01", "10"))
		return err
	})
	for _, err := range errs {
		assert.NoError(t, err, "the first records it, the others find it recorded")
	}
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Len(t, got.Entries, 1)
	assert.Equal(t, int64(2), got.Version)
}

func testList(t *testing.T, s receivables.Store) {
	for _, a := range []receivables.Account{account("k-3", "c-1"), account("k-1", "c-1"), account("k-2", "c-2"), account("k-4", "c-1")} {
		create(t, s, a)
	}
	seen := storetest.EveryPage(t, 2, 5, func(after string, limit int) ([]string, string, error) {
		res, err := s.List(context.Background(), receivables.Filter{ClientID: "c-1"}, receivables.Page{After: after, Limit: limit})
		var ids []string
		for _, a := range res.Accounts {
			ids = append(ids, a.ContractID)
		}
		return ids, res.Next, err
	})
	assert.Equal(t, []string{"k-1", "k-3", "k-4"}, seen, "c-1's accounts, each once, in contract ID order")
	res, err := s.List(context.Background(), receivables.Filter{}, receivables.Page{Limit: 10, After: "k-2"})
	require.NoError(t, err)
	require.Len(t, res.Accounts, 2)
	assert.Equal(t, "k-3", res.Accounts[0].ContractID)
	assert.Empty(t, res.Next)
}

func testBadPages(t *testing.T, s receivables.Store) {
	for _, limit := range []int{0, -1, receivables.MaxPageLimit + 1} {
		_, err := s.List(context.Background(), receivables.Filter{}, receivables.Page{Limit: limit})
		assert.ErrorIs(t, err, receivables.ErrInvalid, "limit %d", limit)
	}
}

func testCanceled(t *testing.T, s receivables.Store) {
	ctx := storetest.Canceled()
	_, err := s.Get(ctx, "k-1")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Create(ctx, account("k-1", "c-1"))
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Record(ctx, "k-1", 1, payment("p-1", "2026-01-01", "1"))
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.List(ctx, receivables.Filter{}, receivables.Page{Limit: 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Get(context.Background(), "k-1")
	assert.ErrorIs(t, err, receivables.ErrNotFound, "a canceled create stores nothing")
}

// Package contracttest checks that a contract.Store implementation
// behaves as the contract package documents, in the spirit of
// testing/slogtest. A host runs it against its own store:
//
//	func TestPostgresStore(t *testing.T) {
//		contracttest.Run(t, func() contract.Store { return newTestStore(t) })
//	}
//
// newStore must return an empty store each time it is called; every
// subtest starts from a fresh one.
package contracttest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/internal/storetest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the conformance suite as subtests of t.
func Run(t *testing.T, newStore func() contract.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s contract.Store)
	}{
		{"GetMissingIsNotFound", testGetMissing},
		{"CreateThenGetRoundTrips", testRoundTrip},
		{"CreateRefusesDuplicateID", testDuplicateCreate},
		{"CreateRefusesInvalidRecords", testCreateInvalid},
		{"UpdateBumpsVersion", testUpdateBumpsVersion},
		{"UpdateRefusesStaleVersion", testStaleUpdate},
		{"UpdateMissingIsNotFound", testUpdateMissing},
		{"UpdateRefusesInvalidRecords", testUpdateInvalid},
		{"UpdateKeepsSignedTermsAndHistory", testSignedTermsFrozen},
		{"ValuesAreCopiedInAndOut", testCopies},
		{"ConcurrentUpdatesLoseNothing", testConcurrentUpdates},
		{"ConcurrentCreatesOfOneIDHaveOneWinner", testConcurrentCreates},
		{"ListFilters", testListFilters},
		{"ListPagesInIDOrder", testPaging},
		{"ListRefusesBadPages", testBadPages},
		{"AnyValidIDRoundTripsAndLists", testOddIDs},
		{"CanceledContextIsReported", testCanceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore())
		})
	}
}

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

// sample returns a valid, signed contract with every field set, so a
// round trip that drops a field shows. The signature's moment is in a
// zone other than UTC, as a host's clock may be.
func sample(id string) contract.Contract {
	moscow := time.FixedZone("MSK", 3*60*60)
	sig := authority.Signature{By: authority.Actor{ID: "m-1", Role: authority.RoleManager}, At: time.Date(2026, 1, 20, 10, 30, 0, 0, moscow)}
	return contract.Contract{
		ID: id, Number: "N-" + id, ClientID: "c-1", ManagerID: "m-1", Type: "supply",
		Value: decimal.RequireFromString("600000.50"), Currency: "RUB",
		Start: day("2026-02-01"), End: day("2026-12-31"),
		PaymentTerms: contract.PaymentTerms{NetDays: 30, Early: &discount.EarlyPaymentTerms{
			DiscountRate: decimal.NewFromInt(2), DiscountDays: 10, NetDays: 30}},
		AutoRenewal: &contract.AutoRenewal{TermMonths: 12, NoticeDays: 30},
		Revision:    1,
		Predecessor: contract.Link{Kind: contract.LinkAmendment, ContractID: "prev-" + id},
		Documents: []contract.Document{
			{Kind: contract.DocContract, Status: contract.DocVerified, Reference: "scan-1"},
			{Kind: contract.DocPowerOfAttorney, Status: contract.DocRejected, Reason: "expired"},
		},
		Obligations: []contract.Obligation{
			{ID: "deliver", Party: contract.PartyCompany, Kind: contract.ObligeDeliver, Due: day("2026-03-10"), FulfilledOn: day("2026-03-09")},
			{ID: "pay", Party: contract.PartyClient, Kind: contract.ObligePay, Due: day("2026-04-09"), Amount: decimal.NewNullDecimal(decimal.RequireFromString("600000.50"))},
		},
		Events: []contract.Event{
			{Kind: contract.EventAgree, On: day("2026-01-15"), By: authority.Actor{ID: "m-1", Role: authority.RoleManager}},
			{Kind: contract.EventSign, On: day("2026-01-20"), Signature: &sig},
		},
	}
}

func create(t *testing.T, s contract.Store, c contract.Contract) contract.Contract {
	t.Helper()
	got, err := s.Create(context.Background(), c)
	require.NoError(t, err)
	return got
}

// assertSame compares records field by field: decimals by value,
// signature moments as instants (a database may return them in another
// location or scale).
func assertSame(t *testing.T, want, got contract.Contract) {
	t.Helper()
	want, got = want.Clone(), got.Clone()
	assert.NoError(t, contract.ValidateChange(want, got), "the stored history and signed terms are the ones written")
	assert.True(t, want.Value.Equal(got.Value), "value: want %s, got %s", want.Value, got.Value)
	require.Len(t, got.Obligations, len(want.Obligations))
	for i := range want.Obligations {
		w, g := want.Obligations[i], got.Obligations[i]
		assert.Equal(t, w.Amount.Valid, g.Amount.Valid, "obligations[%d].amount", i)
		assert.True(t, w.Amount.Decimal.Equal(g.Amount.Decimal), "obligations[%d].amount: want %s, got %s", i, w.Amount.Decimal, g.Amount.Decimal)
		want.Obligations[i].Amount, got.Obligations[i].Amount = decimal.NullDecimal{}, decimal.NullDecimal{}
	}
	if want.PaymentTerms.Early != nil && got.PaymentTerms.Early != nil {
		assert.True(t, want.PaymentTerms.Early.DiscountRate.Equal(got.PaymentTerms.Early.DiscountRate), "payment_terms.early.discount_rate")
		we, ge := *want.PaymentTerms.Early, *got.PaymentTerms.Early
		we.DiscountRate, ge.DiscountRate = decimal.Zero, decimal.Zero
		want.PaymentTerms.Early, got.PaymentTerms.Early = &we, &ge
	}
	require.Len(t, got.Events, len(want.Events))
	for i := range want.Events {
		w, g := want.Events[i].Signature, got.Events[i].Signature
		require.Equal(t, w == nil, g == nil, "events[%d].signature", i)
		if w != nil {
			assert.True(t, w.At.Equal(g.At), "events[%d].signature.at: want %v, got %v", i, w.At, g.At)
			want.Events[i].Signature, got.Events[i].Signature = nil, nil
			assert.Equal(t, w.By, g.By)
		}
	}
	want.Value, got.Value = decimal.Zero, decimal.Zero
	assert.Equal(t, want, got)
}

func testGetMissing(t *testing.T, s contract.Store) {
	_, err := s.Get(context.Background(), "nobody")
	assert.ErrorIs(t, err, contract.ErrNotFound)
	assert.ErrorIs(t, err, clientele.ErrNotFound)
}

func testRoundTrip(t *testing.T, s contract.Store) {
	want := sample("k-1")
	created := create(t, s, sample("k-1"))
	assert.Equal(t, int64(1), created.Version, "a created contract has version 1")
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	want.Version = 1
	assertSame(t, want, got)
	assertSame(t, sample("k-1"), func() contract.Contract { c := created; c.Version = 0; return c }())
	d := day("2026-06-01")
	assert.Equal(t, want.StatusOn(d), got.StatusOn(d), "the same history gives the same status")
}

func testDuplicateCreate(t *testing.T, s contract.Store) {
	create(t, s, sample("k-1"))
	other := sample("k-1")
	other.Number = "impostor"
	_, err := s.Create(context.Background(), other)
	assert.ErrorIs(t, err, contract.ErrAlreadyExists)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, "N-k-1", got.Number, "a refused create overwrites nothing")
}

func testCreateInvalid(t *testing.T, s contract.Store) {
	bad := sample("k-1")
	bad.End = day("2026-01-01")
	_, err := s.Create(context.Background(), bad)
	assert.ErrorIs(t, err, contract.ErrInvalid, "an end before the start")

	both := sample("k-2")
	both.Currency, both.Version = "", 3
	_, err = s.Create(context.Background(), both)
	var ve *clientele.ValidationError
	if assert.ErrorAs(t, err, &ve, "bad input is a *clientele.ValidationError (contract.ValidateNew returns one)") {
		var fields []string
		for _, f := range ve.Fields {
			fields = append(fields, f.Field)
		}
		assert.Subset(t, fields, []string{"currency", "version"}, "a version is reported beside the record's other problems")
	}
	for _, id := range []string{"k-1", "k-2"} {
		_, err = s.Get(context.Background(), id)
		assert.ErrorIs(t, err, contract.ErrNotFound, "a refused create stores nothing")
	}
}

func testUpdateBumpsVersion(t *testing.T, s contract.Store) {
	c := create(t, s, sample("k-1"))
	c.Documents[1] = contract.Document{Kind: contract.DocPowerOfAttorney, Status: contract.DocVerified}
	updated, err := s.Update(context.Background(), c)
	require.NoError(t, err)
	assert.Equal(t, int64(2), updated.Version)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, contract.DocVerified, got.Documents[1].Status)
	assert.Equal(t, int64(2), got.Version)
}

func testStaleUpdate(t *testing.T, s contract.Store) {
	first := create(t, s, sample("k-1"))
	second := first.Clone()
	first.ManagerID = "m-east"
	_, err := s.Update(context.Background(), first)
	require.NoError(t, err)
	second.ManagerID = "m-west"
	_, err = s.Update(context.Background(), second)
	assert.ErrorIs(t, err, contract.ErrConflict, "a write based on version 1 after version 2 was stored")
	assert.ErrorIs(t, err, clientele.ErrConflict)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, "m-east", got.ManagerID, "the stale write changed nothing")
}

func testUpdateMissing(t *testing.T, s contract.Store) {
	c := sample("ghost")
	c.Version = 1
	_, err := s.Update(context.Background(), c)
	assert.ErrorIs(t, err, contract.ErrNotFound)
}

func testUpdateInvalid(t *testing.T, s contract.Store) {
	c := create(t, s, sample("k-1"))
	c.Obligations[1].Amount = decimal.NewNullDecimal(decimal.NewFromInt(-1))
	_, err := s.Update(context.Background(), c)
	assert.ErrorIs(t, err, contract.ErrInvalid)
	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version)
}

func testSignedTermsFrozen(t *testing.T, s contract.Store) {
	c := create(t, s, sample("k-1"))
	changed := c.Clone()
	changed.Value = decimal.NewFromInt(1)
	_, err := s.Update(context.Background(), changed)
	assert.ErrorIs(t, err, contract.ErrInvalid, "a signed contract's value changes only by an amendment")

	rewritten := c.Clone()
	rewritten.Events = rewritten.Events[:1]
	_, err = s.Update(context.Background(), rewritten)
	assert.ErrorIs(t, err, contract.ErrInvalid, "the recorded history is kept")

	extended, err := c.Apply(contract.Event{Kind: contract.EventExtend, On: day("2026-10-01"), NewEnd: day("2027-06-30")})
	require.NoError(t, err)
	stored, err := s.Update(context.Background(), extended)
	require.NoError(t, err, "new events are appended")
	assert.Len(t, stored.Events, 3)
}

func testCopies(t *testing.T, s contract.Store) {
	in := sample("k-1")
	created := create(t, s, in)
	in.Documents[0].Reference = "changed-after-create"
	in.Events[1].Signature.By.ID = "changed-after-create"
	created.Obligations[0].ID = "changed-on-returned-copy"
	created.AutoRenewal.TermMonths = 1

	got, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, "scan-1", got.Documents[0].Reference)
	assert.Equal(t, "m-1", got.Events[1].Signature.By.ID)
	assert.Equal(t, "deliver", got.Obligations[0].ID)
	assert.Equal(t, 12, got.AutoRenewal.TermMonths)

	got.Documents[0].Reference = "changed-on-read-copy"
	listed, err := s.List(context.Background(), contract.Filter{}, contract.Page{Limit: 1})
	require.NoError(t, err)
	require.Len(t, listed.Contracts, 1)
	listed.Contracts[0].Documents[0].Reference = "changed-on-listed-copy"
	again, err := s.Get(context.Background(), "k-1")
	require.NoError(t, err)
	assert.Equal(t, "scan-1", again.Documents[0].Reference)
}

// testConcurrentUpdates has writers each add their own obligations
// with a read-modify-write loop that retries on ErrConflict. Optimistic
// concurrency must keep every one: a lost update shows as a missing
// obligation.
func testConcurrentUpdates(t *testing.T, s contract.Store) {
	ctx := context.Background()
	base := sample("k-1")
	base.Obligations = nil
	create(t, s, base)

	const writers, each = 8, 5
	errs := storetest.Concurrently(writers, func(w int) error {
		for i := range each {
			if err := addObligation(ctx, s, "k-1", fmt.Sprintf("w%d-%d", w, i)); err != nil {
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
	assert.Len(t, got.Obligations, writers*each, "every writer's obligation survives")
	assert.Equal(t, int64(1+writers*each), got.Version)
}

func addObligation(ctx context.Context, s contract.Store, id, obligationID string) error {
	for {
		c, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		runtime.Gosched()
		c.Obligations = append(c.Obligations, contract.Obligation{ID: obligationID, Party: contract.PartyClient,
			Kind: contract.ObligeProvideDocuments, Due: day("2026-05-01")})
		_, err = s.Update(ctx, c)
		if !errors.Is(err, contract.ErrConflict) {
			return err
		}
	}
}

func testConcurrentCreates(t *testing.T, s contract.Store) {
	errs := storetest.Concurrently(8, func(int) error {
		_, err := s.Create(context.Background(), sample("k-1"))
		return err
	})
	storetest.AssertOneWinner(t, errs, contract.ErrAlreadyExists)
}

func seed(t *testing.T, s contract.Store) {
	t.Helper()
	mk := func(id, clientID, manager, typ, prev string) {
		c := sample(id)
		c.ClientID, c.ManagerID, c.Type = clientID, manager, typ
		c.Predecessor = contract.Link{}
		if prev != "" {
			c.Predecessor = contract.Link{Kind: contract.LinkRenewal, ContractID: prev}
		}
		create(t, s, c)
	}
	mk("k-01", "c-1", "m-1", "supply", "")
	mk("k-02", "c-2", "m-2", "services", "")
	mk("k-03", "c-1", "m-1", "services", "k-01")
	mk("k-04", "c-3", "m-1", "supply", "")
	mk("k-05", "c-2", "m-2", "supply", "k-02")
}

func ids(cs []contract.Contract) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func testListFilters(t *testing.T, s contract.Store) {
	seed(t, s)
	cases := []struct {
		filter contract.Filter
		want   []string
	}{
		{contract.Filter{}, []string{"k-01", "k-02", "k-03", "k-04", "k-05"}},
		{contract.Filter{ClientID: "c-1"}, []string{"k-01", "k-03"}},
		{contract.Filter{ManagerID: "m-2"}, []string{"k-02", "k-05"}},
		{contract.Filter{Type: "supply"}, []string{"k-01", "k-04", "k-05"}},
		{contract.Filter{PredecessorID: "k-02"}, []string{"k-05"}},
		{contract.Filter{ClientID: "c-1", ManagerID: "m-1", Type: "services"}, []string{"k-03"}},
		{contract.Filter{ManagerID: "m-9"}, nil},
	}
	for _, tc := range cases {
		res, err := s.List(context.Background(), tc.filter, contract.Page{Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, tc.want, ids(res.Contracts), "filter %+v", tc.filter)
		assert.Empty(t, res.Next, "a single page has no next")
	}
}

func testPaging(t *testing.T, s contract.Store) {
	seed(t, s)
	seen := storetest.EveryPage(t, 2, 10, func(after string, limit int) ([]string, string, error) {
		res, err := s.List(context.Background(), contract.Filter{}, contract.Page{After: after, Limit: limit})
		return ids(res.Contracts), res.Next, err
	})
	assert.Equal(t, []string{"k-01", "k-02", "k-03", "k-04", "k-05"}, seen, "each contract once, in ID order")

	res, err := s.List(context.Background(), contract.Filter{ManagerID: "m-1"}, contract.Page{Limit: 2, After: "k-01"})
	require.NoError(t, err)
	assert.Equal(t, []string{"k-03", "k-04"}, ids(res.Contracts))
	assert.Empty(t, res.Next, "no m-1 contract sorts after k-04")

	var all []string
	for c, err := range contract.All(context.Background(), s, contract.Filter{Type: "services"}) {
		require.NoError(t, err)
		all = append(all, c.ID)
	}
	assert.Equal(t, []string{"k-02", "k-03"}, all)
}

func testBadPages(t *testing.T, s contract.Store) {
	for _, limit := range []int{0, -1, contract.MaxPageLimit + 1} {
		_, err := s.List(context.Background(), contract.Filter{}, contract.Page{Limit: limit})
		assert.ErrorIs(t, err, contract.ErrInvalid, "limit %d", limit)
	}
}

func testOddIDs(t *testing.T, s contract.Store) {
	ctx := context.Background()
	want := storetest.OddIDs()
	for _, id := range want {
		c := sample(id)
		c.Number, c.Predecessor.ContractID = "N-odd", "prev"
		_, err := s.Create(ctx, c)
		require.NoError(t, err, "create %q", id)
	}
	for _, id := range want {
		got, err := s.Get(ctx, id)
		if assert.NoError(t, err, "get %q", id) {
			assert.Equal(t, id, got.ID)
		}
	}
	slices.Sort(want)
	listed := storetest.EveryPage(t, 3, len(want)+1, func(after string, limit int) ([]string, string, error) {
		res, err := s.List(ctx, contract.Filter{}, contract.Page{After: after, Limit: limit})
		return ids(res.Contracts), res.Next, err
	})
	assert.Equal(t, want, listed, "List returns every contract once, in byte order of the IDs")
}

func testCanceled(t *testing.T, s contract.Store) {
	ctx := storetest.Canceled()
	_, err := s.Get(ctx, "k-1")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Create(ctx, sample("k-1"))
	assert.ErrorIs(t, err, context.Canceled)
	c := sample("k-1")
	c.Version = 1
	_, err = s.Update(ctx, c)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.List(ctx, contract.Filter{}, contract.Page{Limit: 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Get(context.Background(), "k-1")
	assert.ErrorIs(t, err, contract.ErrNotFound, "a canceled create stores nothing")
}

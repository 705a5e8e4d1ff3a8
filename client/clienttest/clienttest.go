// Package clienttest checks that a client.Store implementation behaves
// as the client package documents, in the spirit of testing/slogtest.
// A host runs it against its own store:
//
//	func TestPostgresStore(t *testing.T) {
//		clienttest.Run(t, func() client.Store { return newTestStore(t) })
//	}
//
// newStore must return an empty store each time it is called; every
// subtest starts from a fresh one.
package clienttest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the conformance suite as subtests of t.
func Run(t *testing.T, newStore func() client.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, s client.Store)
	}{
		{"GetMissingIsNotFound", testGetMissing},
		{"CreateThenGetRoundTrips", testRoundTrip},
		{"CreateRefusesDuplicateID", testDuplicateCreate},
		{"CreateRefusesInvalidRecords", testCreateInvalid},
		{"UpdateBumpsVersion", testUpdateBumpsVersion},
		{"UpdateRefusesStaleVersion", testStaleUpdate},
		{"UpdateMissingIsNotFound", testUpdateMissing},
		{"UpdateRefusesInvalidRecords", testUpdateInvalid},
		{"DeleteChecksVersion", testDelete},
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

// sample returns a valid client with every field set, personal data
// included, so a round trip that drops a field shows.
func sample(id string) client.Client {
	return client.Client{
		ID:          id,
		Kind:        client.KindCompany,
		DisplayName: "Company " + id,
		Legal:       client.Legal{LegalName: "Company " + id + " LLC", TaxNumber: "7701234567"},
		Contacts: client.Contacts{
			Phone:     client.NewPersonal("+7 495 123-45-67"),
			Email:     client.NewPersonal("buyer@" + id + ".example"),
			Messenger: client.NewPersonal("@buyer_" + id),
		},
		ManagerID:   "m-1",
		VIP:         true,
		KeyAccount:  true,
		Industry:    "retail",
		Region:      "north",
		Tags:        []string{"wholesale"},
		Segments:    []string{"A"},
		Status:      client.StatusActive,
		StatusSince: clientele.NewDate(2025, time.January, 15),
		Since:       clientele.NewDate(2024, time.June, 1),
	}
}

func create(t *testing.T, s client.Store, c client.Client) client.Client {
	t.Helper()
	got, err := s.Create(context.Background(), c)
	require.NoError(t, err)
	return got
}

func testGetMissing(t *testing.T, s client.Store) {
	_, err := s.Get(context.Background(), "nobody")
	assert.ErrorIs(t, err, client.ErrNotFound)
}

// sampleEntrepreneur returns a valid entrepreneur: a person, so the
// name and the tax number are personal data a store must keep too.
func sampleEntrepreneur(id string) client.Client {
	c := sample(id)
	c.Kind = client.KindEntrepreneur
	c.Legal = client.Legal{}
	c.PersonName = client.NewPersonal("Ivan Sidorov")
	c.PersonTaxNumber = client.NewPersonal("500100732259")
	return c
}

func testRoundTrip(t *testing.T, s client.Store) {
	for _, want := range []client.Client{sample("c-1"), sampleEntrepreneur("e-1")} {
		created := create(t, s, want)
		assert.Equal(t, int64(1), created.Version, "a created client has version 1")
		got, err := s.Get(context.Background(), want.ID)
		require.NoError(t, err)
		want.Version = 1
		assertSameClient(t, want, got)
		assertSameClient(t, want, created)
	}
}

// assertSameClient compares records field by field; times are compared
// as instants, since a database may return them in another location.
func assertSameClient(t *testing.T, want, got client.Client) {
	t.Helper()
	assert.True(t, want.StatusSince == got.StatusSince, "status_since: want %v, got %v", want.StatusSince, got.StatusSince)
	assert.True(t, want.Since == got.Since, "since: want %v, got %v", want.Since, got.Since)
	assert.Equal(t, want.PersonName.Reveal(), got.PersonName.Reveal(), "person_name")
	assert.Equal(t, want.PersonTaxNumber.Reveal(), got.PersonTaxNumber.Reveal(), "person_tax_number")
	assert.Equal(t, want.Contacts.Phone.Reveal(), got.Contacts.Phone.Reveal(), "contacts.phone")
	assert.Equal(t, want.Contacts.Email.Reveal(), got.Contacts.Email.Reveal(), "contacts.email")
	assert.Equal(t, want.Contacts.Messenger.Reveal(), got.Contacts.Messenger.Reveal(), "contacts.messenger")
	want.StatusSince, got.StatusSince, want.Since, got.Since = clientele.Date{}, clientele.Date{}, clientele.Date{}, clientele.Date{}
	assert.Equal(t, want, got)
}

func testDuplicateCreate(t *testing.T, s client.Store) {
	create(t, s, sample("c-1"))
	other := sample("c-1")
	other.DisplayName = "Impostor"
	_, err := s.Create(context.Background(), other)
	assert.ErrorIs(t, err, client.ErrAlreadyExists)
	got, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err)
	assert.Equal(t, "Company c-1", got.DisplayName, "a refused create overwrites nothing")
}

func testCreateInvalid(t *testing.T, s client.Store) {
	bad := sample("c-1")
	bad.Kind = 0
	_, err := s.Create(context.Background(), bad)
	assert.ErrorIs(t, err, client.ErrInvalid)

	versioned := sample("c-2")
	versioned.Version = 3
	_, err = s.Create(context.Background(), versioned)
	assert.ErrorIs(t, err, client.ErrInvalid, "a new client carries version 0")

	both := sample("c-3")
	both.Kind, both.Version = 0, 3
	_, err = s.Create(context.Background(), both)
	var ve *clientele.ValidationError
	if assert.ErrorAs(t, err, &ve, "bad input is a *clientele.ValidationError (client.ValidateNew returns one)") {
		var fields []string
		for _, f := range ve.Fields {
			fields = append(fields, f.Field)
		}
		assert.Subset(t, fields, []string{"kind", "version"}, "a version is reported beside the record's other problems")
	}

	for _, id := range []string{"c-1", "c-2", "c-3"} {
		_, err = s.Get(context.Background(), id)
		assert.ErrorIs(t, err, client.ErrNotFound, "a refused create stores nothing")
	}
}

func testUpdateBumpsVersion(t *testing.T, s client.Store) {
	c := create(t, s, sample("c-1"))
	c.Region = "south"
	updated, err := s.Update(context.Background(), c)
	require.NoError(t, err)
	assert.Equal(t, int64(2), updated.Version)
	got, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err)
	assert.Equal(t, "south", got.Region)
	assert.Equal(t, int64(2), got.Version)
}

func testStaleUpdate(t *testing.T, s client.Store) {
	first := create(t, s, sample("c-1"))
	second := first

	first.Region = "east"
	_, err := s.Update(context.Background(), first)
	require.NoError(t, err)

	second.Region = "west"
	_, err = s.Update(context.Background(), second)
	assert.ErrorIs(t, err, client.ErrConflict, "a write based on version 1 after version 2 was stored")

	got, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err)
	assert.Equal(t, "east", got.Region, "the stale write changed nothing")
}

func testUpdateMissing(t *testing.T, s client.Store) {
	c := sample("ghost")
	c.Version = 1
	_, err := s.Update(context.Background(), c)
	assert.ErrorIs(t, err, client.ErrNotFound)
}

func testUpdateInvalid(t *testing.T, s client.Store) {
	c := create(t, s, sample("c-1"))
	c.Contacts.Email = client.NewPersonal("not-an-address")
	_, err := s.Update(context.Background(), c)
	assert.ErrorIs(t, err, client.ErrInvalid)
	got, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version)
	assert.Equal(t, "buyer@c-1.example", got.Contacts.Email.Reveal())
}

func testDelete(t *testing.T, s client.Store) {
	c := create(t, s, sample("c-1"))
	assert.ErrorIs(t, s.Delete(context.Background(), "c-1", c.Version+1), client.ErrConflict)
	_, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err, "a stale delete removes nothing")

	require.NoError(t, s.Delete(context.Background(), "c-1", c.Version))
	_, err = s.Get(context.Background(), "c-1")
	assert.ErrorIs(t, err, client.ErrNotFound)
	assert.ErrorIs(t, s.Delete(context.Background(), "c-1", c.Version), client.ErrNotFound)

	again := create(t, s, sample("c-1"))
	assert.Equal(t, int64(1), again.Version, "a deleted ID can be created again")
}

func testCopies(t *testing.T, s client.Store) {
	in := sample("c-1")
	created := create(t, s, in)
	in.Tags[0] = "changed-after-create"
	created.Segments[0] = "changed-on-returned-copy"

	got, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err)
	assert.Equal(t, []string{"wholesale"}, got.Tags)
	assert.Equal(t, []string{"A"}, got.Segments)

	got.Tags[0] = "changed-on-read-copy"
	listed, err := s.List(context.Background(), client.Filter{}, client.Page{Limit: 1})
	require.NoError(t, err)
	require.Len(t, listed.Clients, 1)
	listed.Clients[0].Tags[0] = "changed-on-listed-copy"

	again, err := s.Get(context.Background(), "c-1")
	require.NoError(t, err)
	assert.Equal(t, []string{"wholesale"}, again.Tags)
}

// testConcurrentUpdates has writers each add their own tags with a
// read-modify-write loop that retries on ErrConflict. Optimistic
// concurrency must keep every tag: a lost update shows as a missing one.
// The writers yield between read and write to make the race likely.
func testConcurrentUpdates(t *testing.T, s client.Store) {
	ctx := context.Background()
	base := sample("c-1")
	base.Tags = nil
	create(t, s, base)

	const writers, tagsEach = 8, 5
	errs := storetest.Concurrently(writers, func(w int) error {
		for i := range tagsEach {
			if err := addTag(ctx, s, "c-1", fmt.Sprintf("w%d-%d", w, i)); err != nil {
				return err
			}
		}
		return nil
	})
	for _, err := range errs {
		require.NoError(t, err)
	}
	got, err := s.Get(ctx, "c-1")
	require.NoError(t, err)
	assert.Len(t, got.Tags, writers*tagsEach, "every writer's tag survives: %v", got.Tags)
	assert.Equal(t, int64(1+writers*tagsEach), got.Version)
}

func addTag(ctx context.Context, s client.Store, id, tag string) error {
	for {
		c, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		runtime.Gosched()
		c.Tags = append(c.Tags, tag)
		_, err = s.Update(ctx, c)
		if !errors.Is(err, client.ErrConflict) {
			return err
		}
	}
}

func testConcurrentCreates(t *testing.T, s client.Store) {
	errs := storetest.Concurrently(8, func(int) error {
		_, err := s.Create(context.Background(), sample("c-1"))
		return err
	})
	storetest.AssertOneWinner(t, errs, client.ErrAlreadyExists)
}

func seed(t *testing.T, s client.Store) {
	t.Helper()
	mk := func(id, manager string, status client.Status, segments ...string) {
		c := sample(id)
		c.ManagerID, c.Status, c.Segments = manager, status, segments
		create(t, s, c)
	}
	mk("c-01", "m-1", client.StatusActive, "A")
	mk("c-02", "m-2", client.StatusActive, "B")
	mk("c-03", "m-1", client.StatusDormant, "A", "at_risk")
	mk("c-04", "m-1", client.StatusProspect)
	mk("c-05", "m-2", client.StatusLost, "C")
}

func ids(cs []client.Client) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func testListFilters(t *testing.T, s client.Store) {
	seed(t, s)
	cases := []struct {
		filter client.Filter
		want   []string
	}{
		{client.Filter{}, []string{"c-01", "c-02", "c-03", "c-04", "c-05"}},
		{client.Filter{ManagerID: "m-1"}, []string{"c-01", "c-03", "c-04"}},
		{client.Filter{Status: client.StatusActive}, []string{"c-01", "c-02"}},
		{client.Filter{Segment: "A"}, []string{"c-01", "c-03"}},
		{client.Filter{ManagerID: "m-1", Status: client.StatusDormant, Segment: "at_risk"}, []string{"c-03"}},
		{client.Filter{ManagerID: "m-9"}, nil},
	}
	for _, tc := range cases {
		res, err := s.List(context.Background(), tc.filter, client.Page{Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, tc.want, nilIfEmpty(ids(res.Clients)), "filter %+v", tc.filter)
		assert.Empty(t, res.Next, "a single page has no next")
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func testPaging(t *testing.T, s client.Store) {
	seed(t, s)
	seen := storetest.EveryPage(t, 2, 10, func(after string, limit int) ([]string, string, error) {
		res, err := s.List(context.Background(), client.Filter{}, client.Page{After: after, Limit: limit})
		return ids(res.Clients), res.Next, err
	})
	assert.Equal(t, []string{"c-01", "c-02", "c-03", "c-04", "c-05"}, seen, "each client once, in ID order")

	res, err := s.List(context.Background(), client.Filter{ManagerID: "m-1"}, client.Page{Limit: 2, After: "c-01"})
	require.NoError(t, err)
	assert.Equal(t, []string{"c-03", "c-04"}, ids(res.Clients))
	assert.Empty(t, res.Next, "no m-1 client sorts after c-04")

	var all []string
	for c, err := range client.All(context.Background(), s, client.Filter{Status: client.StatusActive}) {
		require.NoError(t, err)
		all = append(all, c.ID)
	}
	assert.Equal(t, []string{"c-01", "c-02"}, all)
	assert.True(t, slices.IsSorted(seen))
}

func testBadPages(t *testing.T, s client.Store) {
	for _, limit := range []int{0, -1, client.MaxPageLimit + 1} {
		_, err := s.List(context.Background(), client.Filter{}, client.Page{Limit: limit})
		assert.ErrorIs(t, err, client.ErrInvalid, "limit %d", limit)
	}
	_, err := s.List(context.Background(), client.Filter{Status: client.Status(42)}, client.Page{Limit: 1})
	assert.ErrorIs(t, err, client.ErrInvalid)
}

func testCanceled(t *testing.T, s client.Store) {
	ctx := storetest.Canceled()
	_, err := s.Get(ctx, "c-1")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Create(ctx, sample("c-1"))
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.List(ctx, client.Filter{}, client.Page{Limit: 1})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Get(context.Background(), "c-1")
	assert.ErrorIs(t, err, client.ErrNotFound, "a canceled create stores nothing")
}

func testOddIDs(t *testing.T, s client.Store) {
	ctx := context.Background()
	want := storetest.OddIDs()
	for _, id := range want {
		c := sample(id)
		c.Contacts.Email = client.NewPersonal("buyer@odd-id.example")
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
		res, err := s.List(ctx, client.Filter{}, client.Page{After: after, Limit: limit})
		return ids(res.Clients), res.Next, err
	})
	assert.Equal(t, want, listed, "List returns every client once, in byte order of the IDs")

	require.NoError(t, s.Delete(ctx, ".hidden", 1))
	_, err := s.Get(ctx, ".hidden")
	assert.ErrorIs(t, err, client.ErrNotFound)
	got, err := s.Get(ctx, "Vostok")
	require.NoError(t, err, "deleting one ID leaves the others")
	assert.Equal(t, "Vostok", got.ID)
}

package memstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// note is a record with a slice, so a shallow copy would show.
type note struct {
	ID      string
	Version int64
	Tags    []string
}

var (
	errNotFound = errors.New("not found")
	errConflict = errors.New("conflict")
	errTaken    = errors.New("taken")
)

// noteError is the package error a Kind builds, as each domain's
// StoreError does.
type noteError struct {
	Op, ID        string
	Given, Stored int64
	Err           error
}

func (e *noteError) Error() string {
	return fmt.Sprintf("%s %q: %v (%d, %d)", e.Op, e.ID, e.Err, e.Given, e.Stored)
}
func (e *noteError) Unwrap() error { return e.Err }

type noteKind struct{}

func (noteKind) ID(n note) string                 { return n.ID }
func (noteKind) Version(n note) int64             { return n.Version }
func (noteKind) WithVersion(n note, v int64) note { n.Version = v; return n }
func (noteKind) Clone(n note) note                { n.Tags = append([]string(nil), n.Tags...); return n }
func (noteKind) NotFound(op, id string) error     { return &noteError{Op: op, ID: id, Err: errNotFound} }
func (noteKind) Taken(id string) error            { return &noteError{Op: "create", ID: id, Err: errTaken} }
func (noteKind) Conflict(op, id string, given, stored int64) error {
	return &noteError{Op: op, ID: id, Given: given, Stored: stored, Err: errConflict}
}

type notes = Store[note, noteKind]

func mustCreate(t *testing.T, s *notes, ids ...string) {
	t.Helper()
	for _, id := range ids {
		_, err := s.Create(context.Background(), note{ID: id, Tags: []string{"t-" + id}}, nil)
		require.NoError(t, err)
	}
}

func requireStoreError(t *testing.T, err error, want noteError) {
	t.Helper()
	var got *noteError
	require.ErrorAs(t, err, &got)
	assert.Equal(t, want, *got)
}

func TestZeroStoreIsEmptyAndReady(t *testing.T) {
	var s notes
	ctx := context.Background()
	_, err := s.Get(ctx, "n-1")
	requireStoreError(t, err, noteError{Op: "get", ID: "n-1", Err: errNotFound})
	page, next, err := s.List(ctx, nil, "", 10, func(note) bool { return true })
	require.NoError(t, err)
	assert.Nil(t, page)
	assert.Empty(t, next)
	created, err := s.Create(ctx, note{ID: "n-1", Version: 7}, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(1), created.Version, "Create stores version 1 whatever it is given")
}

func TestCreateRefusesATakenID(t *testing.T) {
	var s notes
	mustCreate(t, &s, "n-1")
	_, err := s.Create(context.Background(), note{ID: "n-1"}, nil)
	requireStoreError(t, err, noteError{Op: "create", ID: "n-1", Err: errTaken})
}

func TestValuesAreCopiedInAndOut(t *testing.T) {
	var s notes
	ctx := context.Background()
	in := note{ID: "n-1", Tags: []string{"a"}}
	out, err := s.Create(ctx, in, nil)
	require.NoError(t, err)
	in.Tags[0] = "changed by the caller after Create"
	out.Tags[0] = "changed in Create's result"
	got, err := s.Get(ctx, "n-1")
	require.NoError(t, err)
	got.Tags[0] = "changed in Get's result"
	upd := note{ID: "n-1", Version: 1, Tags: []string{"b"}}
	_, err = s.Update(ctx, upd, nil, nil)
	require.NoError(t, err)
	upd.Tags[0] = "changed by the caller after Update"
	page, _, err := s.List(ctx, nil, "", 10, func(note) bool { return true })
	require.NoError(t, err)
	page[0].Tags[0] = "changed in List's result"

	got, err = s.Get(ctx, "n-1")
	require.NoError(t, err)
	assert.Equal(t, note{ID: "n-1", Version: 2, Tags: []string{"b"}}, got)
}

func TestUpdateChecksTheVersionThenBumpsIt(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		give    note
		want    note
		wantErr *noteError
	}{
		{"current version", note{ID: "n-1", Version: 1, Tags: []string{"x"}}, note{ID: "n-1", Version: 2, Tags: []string{"x"}}, nil},
		{"stale version", note{ID: "n-1", Version: 0}, note{}, &noteError{Op: "update", ID: "n-1", Given: 0, Stored: 1, Err: errConflict}},
		{"future version", note{ID: "n-1", Version: 2}, note{}, &noteError{Op: "update", ID: "n-1", Given: 2, Stored: 1, Err: errConflict}},
		{"missing", note{ID: "n-9", Version: 1}, note{}, &noteError{Op: "update", ID: "n-9", Err: errNotFound}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s notes
			mustCreate(t, &s, "n-1")
			got, err := s.Update(ctx, tc.give, nil, nil)
			if tc.wantErr != nil {
				requireStoreError(t, err, *tc.wantErr)
				stored, err := s.Get(ctx, "n-1")
				require.NoError(t, err)
				assert.Equal(t, int64(1), stored.Version, "a refused update stores nothing")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// The order the packages always had: the context, then the record's
// own check (before the lock, so even for a missing ID), then the
// stored record, its version, and the change check.
func TestChecksRunInOrder(t *testing.T) {
	refuse := errors.New("refused")
	refuseAll := func(note) error { return refuse }
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	var s notes
	mustCreate(t, &s, "n-1")
	ctx := context.Background()

	_, err := s.Create(canceled, note{ID: "n-2"}, refuseAll)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Create(ctx, note{ID: "n-1"}, refuseAll)
	assert.ErrorIs(t, err, refuse, "the check runs before the ID is looked up")
	_, err = s.Update(canceled, note{ID: "n-1", Version: 1}, refuseAll, nil)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Update(ctx, note{ID: "n-9"}, refuseAll, nil)
	assert.ErrorIs(t, err, refuse, "the check runs before the ID is looked up")

	var sawStored, sawNext note
	byChange := func(stored, next note) error { sawStored, sawNext = stored, next; return refuse }
	_, err = s.Update(ctx, note{ID: "n-1", Version: 0}, nil, byChange)
	assert.ErrorIs(t, err, errConflict, "the change check runs only once the version matches")
	_, err = s.Update(ctx, note{ID: "n-1", Version: 1, Tags: []string{"new"}}, nil, byChange)
	assert.ErrorIs(t, err, refuse)
	assert.Equal(t, note{ID: "n-1", Version: 1, Tags: []string{"t-n-1"}}, sawStored)
	assert.Equal(t, note{ID: "n-1", Version: 1, Tags: []string{"new"}}, sawNext)

	_, err = s.Get(canceled, "n-1")
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, s.Delete(canceled, "n-1", 1), context.Canceled)
	_, err = s.Replace(canceled, "record", "n-1", func(n note) (note, error) { return n, nil })
	assert.ErrorIs(t, err, context.Canceled)
	_, _, err = s.List(canceled, func() error { return refuse }, "", 10, func(note) bool { return true })
	assert.ErrorIs(t, err, context.Canceled)
	_, _, err = s.List(ctx, func() error { return refuse }, "", 10, func(note) bool { return true })
	assert.ErrorIs(t, err, refuse)
}

func TestDeleteChecksTheVersion(t *testing.T) {
	var s notes
	ctx := context.Background()
	mustCreate(t, &s, "n-1", "n-2")
	requireStoreError(t, s.Delete(ctx, "n-1", 2), noteError{Op: "delete", ID: "n-1", Given: 2, Stored: 1, Err: errConflict})
	requireStoreError(t, s.Delete(ctx, "n-9", 1), noteError{Op: "delete", ID: "n-9", Err: errNotFound})
	require.NoError(t, s.Delete(ctx, "n-1", 1))
	_, err := s.Get(ctx, "n-1")
	assert.ErrorIs(t, err, errNotFound)
	page, _, err := s.List(ctx, nil, "", 10, func(note) bool { return true })
	require.NoError(t, err)
	assert.Equal(t, []string{"n-2"}, ids(page))
	mustCreate(t, &s, "n-1") // the ID is free again
}

func TestReplaceLetsTheChangeDecide(t *testing.T) {
	var s notes
	ctx := context.Background()
	mustCreate(t, &s, "n-1")
	refuse := errors.New("refused")

	same, err := s.Replace(ctx, "record", "n-1", func(n note) (note, error) { return n, nil })
	require.NoError(t, err)
	assert.Equal(t, note{ID: "n-1", Version: 1, Tags: []string{"t-n-1"}}, same)

	_, err = s.Replace(ctx, "record", "n-1", func(note) (note, error) { return note{ID: "n-1", Version: 5}, refuse })
	require.ErrorIs(t, err, refuse)
	stored, err := s.Get(ctx, "n-1")
	require.NoError(t, err)
	assert.Equal(t, int64(1), stored.Version, "an error stores nothing")

	got, err := s.Replace(ctx, "record", "n-1", func(n note) (note, error) { n.Version = 9; return n, nil })
	require.NoError(t, err)
	assert.Equal(t, int64(9), got.Version, "the change owns the version")

	_, err = s.Replace(ctx, "record", "n-9", func(n note) (note, error) { return n, nil })
	requireStoreError(t, err, noteError{Op: "record", ID: "n-9", Err: errNotFound})
}

func ids(page []note) []string {
	var out []string
	for _, n := range page {
		out = append(out, n.ID)
	}
	return out
}

func TestListPagesInIDOrder(t *testing.T) {
	var s notes
	ctx := context.Background()
	// Created out of order; byte order puts "B" before "a" and "a-10" before "a-2".
	mustCreate(t, &s, "a-2", "B", "a-10", "a-1", "c")
	all := func(note) bool { return true }
	notB := func(n note) bool { return n.ID != "B" }
	tests := []struct {
		name     string
		after    string
		limit    int
		match    func(note) bool
		want     []string
		wantNext string
	}{
		{"first page", "", 2, all, []string{"B", "a-1"}, "a-1"},
		{"next page", "a-1", 2, all, []string{"a-10", "a-2"}, "a-2"},
		{"last page, full: no next", "a-2", 1, all, []string{"c"}, ""},
		{"after an ID not stored", "a-11", 10, all, []string{"a-2", "c"}, ""},
		{"after the last", "c", 10, all, nil, ""},
		{"filtered", "", 2, notB, []string{"a-1", "a-10"}, "a-10"},
		{"filtered, the rest fit", "a-10", 2, notB, []string{"a-2", "c"}, ""},
		{"limit 0", "", 0, all, nil, ""},
		{"negative limit", "", -1, all, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page, next, err := s.List(ctx, nil, tc.after, tc.limit, tc.match)
			require.NoError(t, err)
			assert.Equal(t, tc.want, ids(page))
			assert.Equal(t, tc.wantNext, next)
		})
	}
}

// Every writer retries on conflict; none of the increments is lost.
func TestConcurrentUpdatesLoseNothing(t *testing.T) {
	var s notes
	ctx := context.Background()
	mustCreate(t, &s, "n-1")
	const writers, each = 8, 25
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; {
				n, err := s.Get(ctx, "n-1")
				if !assert.NoError(t, err) {
					return
				}
				n.Tags = append(n.Tags, fmt.Sprintf("w%d-%d", w, i))
				if _, err := s.Update(ctx, n, nil, nil); errors.Is(err, errConflict) {
					continue
				} else if !assert.NoError(t, err) {
					return
				}
				i++
			}
		}()
	}
	wg.Wait()
	n, err := s.Get(ctx, "n-1")
	require.NoError(t, err)
	// 1 at Create, plus one per accepted update: 1 + 8*25 = 201.
	assert.Equal(t, int64(1+writers*each), n.Version)
	assert.Len(t, n.Tags, 1+writers*each)
	assert.True(t, strings.HasPrefix(n.Tags[0], "t-"))
}

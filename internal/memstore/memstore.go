package memstore

import (
	"context"
	"slices"
	"sync"
)

// Kind tells a Store how to handle records of type R. A Store calls its
// methods on Kind's zero value, so a Kind carries no state.
type Kind[R any] interface {
	// ID is the record's key.
	ID(r R) string
	// Version is the record's optimistic-concurrency version.
	Version(r R) int64
	// WithVersion returns r at version v; the Store calls it only on a
	// copy it owns.
	WithVersion(r R, v int64) R
	// Clone returns a copy that shares nothing mutable with r. A record
	// that is never changed once stored (a pointer replaced, not
	// written through) may return r itself.
	Clone(r R) R
	// NotFound is the error for an ID not stored, during op.
	NotFound(op, id string) error
	// Conflict is the error for a write that carried version given while
	// version stored is stored, during op.
	Conflict(op, id string, given, stored int64) error
	// Taken is the error for a Create whose ID is already stored.
	Taken(id string) error
}

// Store keeps records of type R by ID, safe for concurrent use. The
// zero Store is empty and ready to use. A Store must not be copied
// after first use.
type Store[R any, K Kind[R]] struct {
	mu   sync.RWMutex
	recs map[string]R
	ids  []string // sorted
}

// Get returns a copy of the record with the id, or K's NotFound("get").
func (s *Store[R, K]) Get(ctx context.Context, id string) (R, error) {
	var k K
	var zero R
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, err := s.stored("get", id)
	if err != nil {
		return zero, err
	}
	return k.Clone(r), nil
}

// Create stores a copy of r at version 1 and returns another copy. check,
// if not nil, vets r after the context check and before the lock; an ID
// already stored is K's Taken.
func (s *Store[R, K]) Create(ctx context.Context, r R, check func(R) error) (R, error) {
	var k K
	var zero R
	if err := checked(ctx, r, check); err != nil {
		return zero, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := k.ID(r)
	if _, taken := s.recs[id]; taken {
		return zero, k.Taken(id)
	}
	r = k.WithVersion(k.Clone(r), 1)
	if s.recs == nil {
		s.recs = make(map[string]R)
	}
	s.recs[id] = r
	i, _ := slices.BinarySearch(s.ids, id)
	s.ids = slices.Insert(s.ids, i, id)
	return k.Clone(r), nil
}

// Update replaces the stored record with r's ID by a copy of r at the
// next version and returns another copy. check, if not nil, vets r after
// the context check and before the lock. Under the lock, an ID not
// stored is K's NotFound("update"), a version other than the stored one
// is K's Conflict("update"); then checkChange, if not nil, may refuse
// the change from the stored record to r.
func (s *Store[R, K]) Update(ctx context.Context, r R, check func(R) error, checkChange func(stored, next R) error) (R, error) {
	var k K
	var zero R
	if err := checked(ctx, r, check); err != nil {
		return zero, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := k.ID(r)
	stored, err := s.current("update", id, k.Version(r))
	if err != nil {
		return zero, err
	}
	if checkChange != nil {
		if err := checkChange(stored, r); err != nil {
			return zero, err
		}
	}
	r = k.WithVersion(k.Clone(r), k.Version(r)+1)
	s.recs[id] = r
	return k.Clone(r), nil
}

// Replace stores what change makes of the record with the id, under the
// write lock, and returns a copy of it; change owns the version rule
// (and returns the stored record itself to change nothing). An ID not
// stored is K's NotFound(op); an error from change stores nothing.
func (s *Store[R, K]) Replace(ctx context.Context, op, id string, change func(stored R) (R, error)) (R, error) {
	var k K
	var zero R
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, err := s.stored(op, id)
	if err != nil {
		return zero, err
	}
	next, err := change(stored)
	if err != nil {
		return zero, err
	}
	s.recs[id] = next
	return k.Clone(next), nil
}

// Delete removes the record with the id if it is at version; otherwise
// K's NotFound("delete") or Conflict("delete").
func (s *Store[R, K]) Delete(ctx context.Context, id string, version int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.current("delete", id, version); err != nil {
		return err
	}
	delete(s.recs, id)
	i, _ := slices.BinarySearch(s.ids, id)
	s.ids = slices.Delete(s.ids, i, i+1)
	return nil
}

// List returns copies of up to limit records that match, in ascending
// ID order, starting after the ID after (the empty string starts at the
// beginning; after need not be stored). next is the last returned ID
// when more records match, else empty. check, if not nil, vets the
// caller's arguments after the context check and before the lock. A
// limit below 1 is an empty page.
func (s *Store[R, K]) List(ctx context.Context, check func() error, after string, limit int, match func(R) bool) (page []R, next string, err error) {
	var k K
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, "", err
		}
	}
	if limit < 1 {
		return nil, "", nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	start, found := slices.BinarySearch(s.ids, after)
	if found {
		start++
	}
	for _, id := range s.ids[start:] {
		r := s.recs[id]
		if !match(r) {
			continue
		}
		if len(page) == limit {
			return page, k.ID(page[len(page)-1]), nil
		}
		page = append(page, k.Clone(r))
	}
	return page, "", nil
}

// stored returns the record with the id, or K's NotFound(op). The
// caller holds the lock.
func (s *Store[R, K]) stored(op, id string) (R, error) {
	var k K
	r, ok := s.recs[id]
	if !ok {
		var zero R
		return zero, k.NotFound(op, id)
	}
	return r, nil
}

// current returns the record with the id if it is at version, else K's
// NotFound(op) or Conflict(op). The caller holds the lock.
func (s *Store[R, K]) current(op, id string, version int64) (R, error) {
	var k K
	r, err := s.stored(op, id)
	if err != nil {
		return r, err
	}
	if was := k.Version(r); was != version {
		var zero R
		return zero, k.Conflict(op, id, version, was)
	}
	return r, nil
}

// checked reports ctx's error, then check's verdict on r.
func checked[R any](ctx context.Context, r R, check func(R) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if check == nil {
		return nil
	}
	return check(r)
}

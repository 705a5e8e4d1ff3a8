package onboarding

import (
	"context"
	"slices"
	"sync"
)

// MemStore is an in-memory Store, safe for concurrent use. It copies
// records in and out, so a caller changing a record it holds changes
// nothing stored. It keeps IDs sorted: List pages in O(log n + page),
// Create and Delete cost O(n).
//
// The zero MemStore is an empty store, ready to use, as is NewMemStore's.
type MemStore struct {
	mu   sync.RWMutex
	recs map[string]Onboarding
	ids  []string // sorted
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{recs: make(map[string]Onboarding)} }

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, id string) (Onboarding, error) {
	if err := ctx.Err(); err != nil {
		return Onboarding{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	o, ok := s.recs[id]
	if !ok {
		return Onboarding{}, notFound("get", id)
	}
	return o.Clone(), nil
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, o Onboarding) (Onboarding, error) {
	if err := ctx.Err(); err != nil {
		return Onboarding{}, err
	}
	if err := ValidateNew(o); err != nil {
		return Onboarding{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.recs == nil {
		s.recs = make(map[string]Onboarding)
	}
	if _, taken := s.recs[o.ID]; taken {
		return Onboarding{}, &StoreError{Op: "create", OnboardingID: o.ID, Err: ErrAlreadyExists}
	}
	o = o.Clone()
	o.Version = 1
	s.recs[o.ID] = o
	i, _ := slices.BinarySearch(s.ids, o.ID)
	s.ids = slices.Insert(s.ids, i, o.ID)
	return o.Clone(), nil
}

// Update implements Store.
func (s *MemStore) Update(ctx context.Context, o Onboarding) (Onboarding, error) {
	if err := ctx.Err(); err != nil {
		return Onboarding{}, err
	}
	if err := o.Validate(); err != nil {
		return Onboarding{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, ok := s.recs[o.ID]
	if !ok {
		return Onboarding{}, notFound("update", o.ID)
	}
	if stored.Version != o.Version {
		return Onboarding{}, conflict("update", o.ID, o.Version, stored.Version)
	}
	o = o.Clone()
	o.Version++
	s.recs[o.ID] = o
	return o.Clone(), nil
}

// Delete implements Store.
func (s *MemStore) Delete(ctx context.Context, id string, version int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, ok := s.recs[id]
	if !ok {
		return notFound("delete", id)
	}
	if stored.Version != version {
		return conflict("delete", id, version, stored.Version)
	}
	delete(s.recs, id)
	i, _ := slices.BinarySearch(s.ids, id)
	s.ids = slices.Delete(s.ids, i, i+1)
	return nil
}

// List implements Store.
func (s *MemStore) List(ctx context.Context, filter Filter, page Page) (ListPage, error) {
	if err := ctx.Err(); err != nil {
		return ListPage{}, err
	}
	if err := ValidateListArgs(filter, page); err != nil {
		return ListPage{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	start, found := slices.BinarySearch(s.ids, page.After)
	if found {
		start++
	}
	var res ListPage
	for _, id := range s.ids[start:] {
		o := s.recs[id]
		if !filter.Matches(o) {
			continue
		}
		if len(res.Onboardings) == page.Limit {
			res.Next = res.Onboardings[len(res.Onboardings)-1].ID
			break
		}
		res.Onboardings = append(res.Onboardings, o.Clone())
	}
	return res, nil
}

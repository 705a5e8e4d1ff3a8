package contract

import (
	"context"
	"slices"
	"sync"
)

// MemStore is an in-memory Store, safe for concurrent use. It copies
// contracts in and out, so a caller changing a record it holds changes
// nothing stored. It keeps IDs sorted, so List pages in O(log n + page)
// and Create costs O(n). The zero MemStore is an empty store, ready to
// use, as NewMemStore's is.
type MemStore struct {
	mu        sync.RWMutex
	contracts map[string]Contract
	ids       []string // sorted
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore {
	return &MemStore{contracts: make(map[string]Contract)}
}

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, id string) (Contract, error) {
	if err := ctx.Err(); err != nil {
		return Contract{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.contracts[id]
	if !ok {
		return Contract{}, notFound("get", id)
	}
	return c.Clone(), nil
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, c Contract) (Contract, error) {
	if err := ctx.Err(); err != nil {
		return Contract{}, err
	}
	if err := ValidateNew(c); err != nil {
		return Contract{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.contracts[c.ID]; taken {
		return Contract{}, &StoreError{Op: "create", ContractID: c.ID, Err: ErrAlreadyExists}
	}
	c = c.Clone()
	c.Version = 1
	if s.contracts == nil {
		s.contracts = make(map[string]Contract)
	}
	s.contracts[c.ID] = c
	i, _ := slices.BinarySearch(s.ids, c.ID)
	s.ids = slices.Insert(s.ids, i, c.ID)
	return c.Clone(), nil
}

// Update implements Store.
func (s *MemStore) Update(ctx context.Context, c Contract) (Contract, error) {
	if err := ctx.Err(); err != nil {
		return Contract{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, ok := s.contracts[c.ID]
	if !ok {
		return Contract{}, notFound("update", c.ID)
	}
	if stored.Version != c.Version {
		return Contract{}, conflict("update", c.ID, c.Version, stored.Version)
	}
	if err := CheckChange(stored, c); err != nil {
		return Contract{}, err
	}
	c = c.Clone()
	c.Version++
	s.contracts[c.ID] = c
	return c.Clone(), nil
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
		c := s.contracts[id]
		if !filter.Matches(c) {
			continue
		}
		if len(res.Contracts) == page.Limit {
			res.Next = res.Contracts[len(res.Contracts)-1].ID
			break
		}
		res.Contracts = append(res.Contracts, c.Clone())
	}
	return res, nil
}

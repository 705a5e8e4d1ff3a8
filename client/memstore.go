package client

import (
	"context"
	"slices"
	"sync"
)

// MemStore is an in-memory Store, safe for concurrent use. It copies
// clients in and out, so a caller changing a record it holds changes
// nothing stored. It is meant for tests, examples and small tools; it
// keeps IDs sorted, so List pages in O(log n + page) and Create and
// Delete cost O(n).
type MemStore struct {
	mu      sync.RWMutex
	clients map[string]Client
	ids     []string // sorted
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore {
	return &MemStore{clients: make(map[string]Client)}
}

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, id string) (Client, error) {
	if err := ctx.Err(); err != nil {
		return Client{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.clients[id]
	if !ok {
		return Client{}, notFound("get", id)
	}
	return c.Clone(), nil
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, c Client) (Client, error) {
	if err := ctx.Err(); err != nil {
		return Client{}, err
	}
	if err := ValidateNew(c); err != nil {
		return Client{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.clients[c.ID]; taken {
		return Client{}, &StoreError{Op: "create", ClientID: c.ID, Err: ErrAlreadyExists}
	}
	c = c.Clone()
	c.Version = 1
	s.clients[c.ID] = c
	i, _ := slices.BinarySearch(s.ids, c.ID)
	s.ids = slices.Insert(s.ids, i, c.ID)
	return c.Clone(), nil
}

// Update implements Store.
func (s *MemStore) Update(ctx context.Context, c Client) (Client, error) {
	if err := ctx.Err(); err != nil {
		return Client{}, err
	}
	if err := c.Validate(); err != nil {
		return Client{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, ok := s.clients[c.ID]
	if !ok {
		return Client{}, notFound("update", c.ID)
	}
	if stored.Version != c.Version {
		return Client{}, conflict("update", c.ID, c.Version, stored.Version)
	}
	c = c.Clone()
	c.Version++
	s.clients[c.ID] = c
	return c.Clone(), nil
}

// Delete implements Store.
func (s *MemStore) Delete(ctx context.Context, id string, version int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored, ok := s.clients[id]
	if !ok {
		return notFound("delete", id)
	}
	if stored.Version != version {
		return conflict("delete", id, version, stored.Version)
	}
	delete(s.clients, id)
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
		c := s.clients[id]
		if !filter.Matches(c) {
			continue
		}
		if len(res.Clients) == page.Limit {
			res.Next = res.Clients[len(res.Clients)-1].ID
			break
		}
		res.Clients = append(res.Clients, c.Clone())
	}
	return res, nil
}

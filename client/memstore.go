package client

import (
	"context"

	"github.com/clientele-go/clientele/internal/memstore"
)

// MemStore is an in-memory Store, safe for concurrent use. It copies
// clients in and out, so a caller changing a record it holds changes
// nothing stored. It is meant for tests, examples and small tools; it
// keeps IDs sorted, so List pages in O(log n + page) and Create and
// Delete cost O(n). The zero MemStore is an empty store, ready to use,
// as NewMemStore's is.
type MemStore struct {
	clients memstore.Store[Client, clientKind]
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{} }

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, id string) (Client, error) {
	return s.clients.Get(ctx, id)
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, c Client) (Client, error) {
	return s.clients.Create(ctx, c, ValidateNew)
}

// Update implements Store.
func (s *MemStore) Update(ctx context.Context, c Client) (Client, error) {
	return s.clients.Update(ctx, c, Client.Validate, nil)
}

// Delete implements Store.
func (s *MemStore) Delete(ctx context.Context, id string, version int64) error {
	return s.clients.Delete(ctx, id, version)
}

// List implements Store.
func (s *MemStore) List(ctx context.Context, filter Filter, page Page) (ListPage, error) {
	valid := func() error { return ValidateListArgs(filter, page) }
	clients, next, err := s.clients.List(ctx, valid, page.After, page.Limit, filter.Matches)
	return ListPage{Clients: clients, Next: next}, err
}

// clientKind tells the in-memory core how to keep a Client.
type clientKind struct{}

func (clientKind) ID(c Client) string                   { return c.ID }
func (clientKind) Version(c Client) int64               { return c.Version }
func (clientKind) WithVersion(c Client, v int64) Client { c.Version = v; return c }
func (clientKind) Clone(c Client) Client                { return c.Clone() }
func (clientKind) NotFound(op, id string) error         { return notFound(op, id) }
func (clientKind) Conflict(op, id string, given, stored int64) error {
	return conflict(op, id, given, stored)
}
func (clientKind) Taken(id string) error {
	return &StoreError{Op: "create", ClientID: id, Err: ErrAlreadyExists}
}

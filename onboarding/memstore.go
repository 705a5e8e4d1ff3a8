package onboarding

import (
	"context"

	"github.com/clientele-go/clientele/internal/memstore"
)

// MemStore is an in-memory Store, safe for concurrent use. It copies
// records in and out, so a caller changing a record it holds changes
// nothing stored. It keeps IDs sorted: List pages in O(log n + page),
// Create and Delete cost O(n).
//
// The zero MemStore is an empty store, ready to use, as is NewMemStore's.
type MemStore struct {
	recs memstore.Store[Onboarding, onboardingKind]
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore { return &MemStore{} }

var _ Store = (*MemStore)(nil)

// Get implements Store.
func (s *MemStore) Get(ctx context.Context, id string) (Onboarding, error) {
	return s.recs.Get(ctx, id)
}

// Create implements Store.
func (s *MemStore) Create(ctx context.Context, o Onboarding) (Onboarding, error) {
	return s.recs.Create(ctx, o, ValidateNew)
}

// Update implements Store.
func (s *MemStore) Update(ctx context.Context, o Onboarding) (Onboarding, error) {
	return s.recs.Update(ctx, o, Onboarding.Validate, nil)
}

// Delete implements Store.
func (s *MemStore) Delete(ctx context.Context, id string, version int64) error {
	return s.recs.Delete(ctx, id, version)
}

// List implements Store.
func (s *MemStore) List(ctx context.Context, filter Filter, page Page) (ListPage, error) {
	valid := func() error { return ValidateListArgs(filter, page) }
	recs, next, err := s.recs.List(ctx, valid, page.After, page.Limit, filter.Matches)
	return ListPage{Onboardings: recs, Next: next}, err
}

// onboardingKind tells the in-memory core how to keep an Onboarding.
type onboardingKind struct{}

func (onboardingKind) ID(o Onboarding) string                       { return o.ID }
func (onboardingKind) Version(o Onboarding) int64                   { return o.Version }
func (onboardingKind) WithVersion(o Onboarding, v int64) Onboarding { o.Version = v; return o }
func (onboardingKind) Clone(o Onboarding) Onboarding                { return o.Clone() }
func (onboardingKind) NotFound(op, id string) error                 { return notFound(op, id) }
func (onboardingKind) Conflict(op, id string, given, stored int64) error {
	return conflict(op, id, given, stored)
}
func (onboardingKind) Taken(id string) error {
	return &StoreError{Op: "create", OnboardingID: id, Err: ErrAlreadyExists}
}

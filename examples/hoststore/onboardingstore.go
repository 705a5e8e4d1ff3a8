package main

import (
	"context"
	"encoding/json"

	"github.com/clientele-go/clientele/onboarding"
)

// OnboardingStore is a host's own onboarding.Store: one JSON file per
// new account manager's onboarding. The usual write is read, Apply an
// event, Update; a stale version is refused, so two mentors recording a
// result at once never lose one of them.
type OnboardingStore struct {
	records[onboarding.Onboarding, onboardingKind]
}

// NewOnboardingStore stores onboardings under dir, which must exist.
// Close releases the directory's lock file.
func NewOnboardingStore(dir string) (*OnboardingStore, error) {
	d, err := openDir(dir)
	if err != nil {
		return nil, err
	}
	return &OnboardingStore{records[onboarding.Onboarding, onboardingKind]{d}}, nil
}

var _ onboarding.Store = (*OnboardingStore)(nil)

// Get implements onboarding.Store.
func (s *OnboardingStore) Get(ctx context.Context, id string) (onboarding.Onboarding, error) {
	return s.get(ctx, id)
}

// Create implements onboarding.Store.
func (s *OnboardingStore) Create(ctx context.Context, o onboarding.Onboarding) (onboarding.Onboarding, error) {
	return s.create(ctx, o, onboarding.ValidateNew)
}

// Update implements onboarding.Store.
func (s *OnboardingStore) Update(ctx context.Context, o onboarding.Onboarding) (onboarding.Onboarding, error) {
	return s.update(ctx, o, onboarding.Onboarding.Validate, nil)
}

// Delete implements onboarding.Store.
func (s *OnboardingStore) Delete(ctx context.Context, id string, version int64) error {
	return s.delete(ctx, id, version)
}

// List implements onboarding.Store.
func (s *OnboardingStore) List(ctx context.Context, filter onboarding.Filter, page onboarding.Page) (onboarding.ListPage, error) {
	valid := func() error { return onboarding.ValidateListArgs(filter, page) }
	recs, next, err := s.list(ctx, valid, page.After, page.Limit, filter.Matches)
	return onboarding.ListPage{Onboardings: recs, Next: next}, err
}

// onboardingKind tells records how to keep an onboarding.Onboarding.
type onboardingKind struct{}

func (onboardingKind) ID(o onboarding.Onboarding) string     { return o.ID }
func (onboardingKind) Version(o onboarding.Onboarding) int64 { return o.Version }
func (onboardingKind) Encode(o onboarding.Onboarding) ([]byte, error) {
	return json.Marshal(o)
}

func (onboardingKind) WithVersion(o onboarding.Onboarding, v int64) onboarding.Onboarding {
	o.Version = v
	return o
}

func (onboardingKind) Decode(b []byte) (onboarding.Onboarding, error) {
	var o onboarding.Onboarding
	err := json.Unmarshal(b, &o)
	return o, err
}

func (onboardingKind) NotFound(op, id string) error {
	return &onboarding.StoreError{Op: op, OnboardingID: id, Err: onboarding.ErrNotFound}
}

func (onboardingKind) Conflict(op, id string, given, stored int64) error {
	return &onboarding.StoreError{Op: op, OnboardingID: id, Given: given, Stored: stored, Err: onboarding.ErrConflict}
}

func (onboardingKind) Taken(id string) error {
	return &onboarding.StoreError{Op: "create", OnboardingID: id, Err: onboarding.ErrAlreadyExists}
}

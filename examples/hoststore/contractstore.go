package main

import (
	"context"
	"encoding/json"

	"github.com/clientele-go/clientele/contract"
)

// ContractStore is a host's own contract.Store: one JSON file per
// contract. A contract's history only grows and its signed terms stay
// as signed: contract.ValidateChange compares the update with the stored
// record under the lock, after the version check, as a database would
// inside the transaction that holds the row.
type ContractStore struct {
	records[contract.Contract, contractKind]
}

// NewContractStore stores contracts under dir, which must exist. Close
// releases the directory's lock file.
func NewContractStore(dir string) (*ContractStore, error) {
	d, err := openDir(dir)
	if err != nil {
		return nil, err
	}
	return &ContractStore{records[contract.Contract, contractKind]{d}}, nil
}

var _ contract.Store = (*ContractStore)(nil)

// Get implements contract.Store.
func (s *ContractStore) Get(ctx context.Context, id string) (contract.Contract, error) {
	return s.get(ctx, id)
}

// Create implements contract.Store.
func (s *ContractStore) Create(ctx context.Context, c contract.Contract) (contract.Contract, error) {
	return s.create(ctx, c, contract.ValidateNew)
}

// Update implements contract.Store.
func (s *ContractStore) Update(ctx context.Context, c contract.Contract) (contract.Contract, error) {
	return s.update(ctx, c, nil, contract.ValidateChange)
}

// List implements contract.Store.
func (s *ContractStore) List(ctx context.Context, filter contract.Filter, page contract.Page) (contract.ListPage, error) {
	valid := func() error { return contract.ValidateListArgs(filter, page) }
	contracts, next, err := s.list(ctx, valid, page.After, page.Limit, filter.Matches)
	return contract.ListPage{Contracts: contracts, Next: next}, err
}

// contractKind tells records how to keep a contract.Contract: as the
// contract package marshals it, amounts as exact decimal strings.
type contractKind struct{}

func (contractKind) ID(c contract.Contract) string              { return c.ID }
func (contractKind) Version(c contract.Contract) int64          { return c.Version }
func (contractKind) Encode(c contract.Contract) ([]byte, error) { return json.Marshal(c) }

func (contractKind) WithVersion(c contract.Contract, v int64) contract.Contract {
	c.Version = v
	return c
}

func (contractKind) Decode(b []byte) (contract.Contract, error) {
	var c contract.Contract
	err := json.Unmarshal(b, &c)
	return c, err
}

func (contractKind) NotFound(op, id string) error {
	return &contract.StoreError{Op: op, ContractID: id, Err: contract.ErrNotFound}
}

func (contractKind) Conflict(op, id string, given, stored int64) error {
	return &contract.StoreError{Op: op, ContractID: id, Given: given, Stored: stored, Err: contract.ErrConflict}
}

func (contractKind) Taken(id string) error {
	return &contract.StoreError{Op: "create", ContractID: id, Err: contract.ErrAlreadyExists}
}

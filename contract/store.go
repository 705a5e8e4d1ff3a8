package contract

import (
	"context"
	"iter"

	"github.com/clientele-go/clientele/internal/validate"
)

// Store keeps contracts. A host implements it over its own database
// (and checks the implementation with contracttest.Run); [MemStore] is
// the in-memory implementation for tests and examples.
//
// Every write is guarded by the record's Version (optimistic
// concurrency): a write that carries a version other than the stored
// one fails with ErrConflict instead of overwriting a change it has not
// seen. Implementations validate records before storing them (ValidateNew
// on Create, ValidateChange on Update: the history only grows and a signed
// contract's terms stay as signed) and return a canceled context's
// error unchanged. There is no Delete: a contract's history is kept;
// end it with a termination instead.
type Store interface {
	// Get returns the contract with id. Errors: ErrNotFound.
	Get(ctx context.Context, id string) (Contract, error)
	// Create stores a new contract, whose Version must be 0, and returns
	// it as stored, with Version 1. Errors: ErrInvalid (ValidateNew),
	// ErrAlreadyExists (the ID is taken).
	Create(ctx context.Context, c Contract) (Contract, error)
	// Update replaces the stored contract that has c's ID, provided
	// c.Version is the stored version, and returns it as stored, with
	// the version incremented. Errors: ErrInvalid (ValidateChange against
	// the stored record), ErrNotFound, ErrConflict (the stored version
	// differs: re-read, re-apply the change, retry).
	Update(ctx context.Context, c Contract) (Contract, error)
	// List returns one page of the contracts matching filter, in
	// ascending ID order. Errors: ErrInvalid (a page limit outside
	// 1..MaxPageLimit).
	List(ctx context.Context, filter Filter, page Page) (ListPage, error)
}

// Filter selects contracts; each zero field matches every contract.
type Filter struct {
	ClientID  string `json:"client_id,omitempty"`
	ManagerID string `json:"manager_id,omitempty"`
	Type      string `json:"type,omitempty"`
	// PredecessorID selects the contracts that continue this one
	// (renewals, re-registrations, amendments).
	PredecessorID string `json:"predecessor_id,omitempty"`
}

// Matches reports whether c passes the filter. Stores that filter in
// memory use it; database stores translate the filter to their query
// language.
func (f Filter) Matches(c Contract) bool {
	return (f.ClientID == "" || c.ClientID == f.ClientID) &&
		(f.ManagerID == "" || c.ManagerID == f.ManagerID) &&
		(f.Type == "" || c.Type == f.Type) &&
		(f.PredecessorID == "" || c.Predecessor.ContractID == f.PredecessorID)
}

// Page asks for up to Limit contracts whose IDs sort after After
// (keyset paging: stable while contracts are added between pages). The
// zero Page is refused (a limit of 0): set Limit.
type Page struct {
	// After is the last ID of the previous page; "" starts at the top.
	After string `json:"after,omitempty"`
	// Limit is the page size, 1..MaxPageLimit.
	Limit int `json:"limit"`
}

// MaxPageLimit is the largest page a Store returns in one call.
const MaxPageLimit = 1000

// ListPage is one page of contracts.
type ListPage struct {
	Contracts []Contract
	// Next is the After value of the following page, or "" on the last.
	Next string
}

// ValidateListArgs checks a page the way every Store must, so
// implementations report the same errors.
func ValidateListArgs(filter Filter, page Page) error {
	var p validate.Problems
	if page.Limit < 1 || page.Limit > MaxPageLimit {
		p.Addf("page.limit", page.Limit, "must be within 1..%d", MaxPageLimit)
	}
	return p.Err(ErrInvalid)
}

// ValidateNew checks a record before Store.Create: valid and never
// stored (version 0), every problem at once.
func ValidateNew(c Contract) error {
	var p validate.Problems
	p.Merge("", c.Validate())
	if c.Version != 0 {
		p.Add("version", c.Version, "must be 0 for a new contract; the store sets it")
	}
	return p.Err(ErrInvalid)
}

// All iterates over every contract matching filter, page by page. An
// error ends the iteration after being yielded.
func All(ctx context.Context, s Store, filter Filter) iter.Seq2[Contract, error] {
	return func(yield func(Contract, error) bool) {
		page := Page{Limit: MaxPageLimit}
		for {
			res, err := s.List(ctx, filter, page)
			if err != nil {
				yield(Contract{}, err)
				return
			}
			for _, c := range res.Contracts {
				if !yield(c, nil) {
					return
				}
			}
			if res.Next == "" {
				return
			}
			page.After = res.Next
		}
	}
}

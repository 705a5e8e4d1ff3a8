package receivables

import (
	"context"

	"github.com/clientele-go/clientele/internal/validate"
)

// Store keeps the receivables accounts of contracts, one per contract.
// A host implements it over its own database (and checks it with
// receivablestest.Run); [MemStore] is the in-memory implementation.
//
// An account's journal only grows. Every write is guarded by the
// account's Version (optimistic concurrency): a write carrying another
// version than the stored one fails with ErrConflict, so no entry is
// recorded against a state its writer has not seen. Implementations
// check every write by replaying it ([Open], [Book.Record]) and return
// a canceled context's error unchanged.
type Store interface {
	// Get returns the account of the contract. Errors: ErrNotFound.
	Get(ctx context.Context, contractID string) (Account, error)
	// Create stores a new account, whose Version must be 0 (its journal
	// may be empty), and returns it as stored, with Version 1. Errors:
	// ErrInvalid (ValidateNew's problems), ErrAlreadyExists.
	Create(ctx context.Context, a Account) (Account, error)
	// Record appends entries to the contract's journal, all or none,
	// provided version is the stored one, and returns the account as
	// stored, its version one more. Recording a payment again under its
	// ID is idempotent: a batch that adds nothing (every entry a payment
	// recorded already, identical) returns the stored account unchanged,
	// whatever version it carries. Errors: ErrInvalid (no entries, or an
	// entry Book.Record refuses), ErrNotFound, ErrConflict (a stale
	// version, a *StoreError; or a different payment under a recorded
	// ID, a *PaymentConflictError).
	Record(ctx context.Context, contractID string, version int64, entries ...Entry) (Account, error)
	// List returns one page of the accounts matching filter, in
	// ascending contract ID order. Errors: ErrInvalid (a page limit
	// outside 1..MaxPageLimit).
	List(ctx context.Context, filter Filter, page Page) (ListPage, error)
}

// Filter selects accounts; a zero field matches every account.
type Filter struct {
	ClientID string `json:"client_id,omitempty"`
}

// Matches reports whether a passes the filter.
func (f Filter) Matches(a Account) bool { return f.ClientID == "" || a.ClientID == f.ClientID }

// Page asks for up to Limit accounts whose contract IDs sort after After.
type Page struct {
	After string `json:"after,omitempty"`
	Limit int    `json:"limit"`
}

// MaxPageLimit is the largest page a Store returns in one call.
const MaxPageLimit = 1000

// ListPage is one page of accounts; Next is the After of the following
// page, or "" on the last.
type ListPage struct {
	Accounts []Account
	Next     string
}

// ValidateListArgs checks a page the way every Store must.
func ValidateListArgs(filter Filter, page Page) error {
	var p validate.Problems
	if page.Limit < 1 || page.Limit > MaxPageLimit {
		p.Addf("page.limit", page.Limit, "must be within 1..%d", MaxPageLimit)
	}
	return p.Err(ErrInvalid)
}

// ValidateNew checks an account before Store.Create: a valid header and
// journal, and version 0, each problem reported beside the others.
func ValidateNew(a Account) error {
	var p validate.Problems
	if a.Version != 0 {
		p.Add("version", a.Version, "must be 0 for a new account; the store sets it")
		a.Version = 0
	}
	p.Merge("", a.Validate())
	return p.Err(ErrInvalid)
}

// ValidateRecord checks the arguments of Store.Record that need no
// stored state: a contract ID and at least one entry.
func ValidateRecord(contractID string, entries []Entry) error {
	var p validate.Problems
	p.ID("contract_id", contractID)
	if len(entries) == 0 {
		p.Add("entries", nil, "is empty: record at least one entry")
	}
	return p.Err(ErrInvalid)
}

package client

import (
	"context"
	"iter"

	"github.com/clientele-go/clientele/internal/validate"
)

// Store keeps client records. A host implements it over its own database
// (and checks the implementation with clienttest.Run); [MemStore] is the
// in-memory implementation for tests and examples.
//
// Every write is guarded by the record's Version (optimistic concurrency):
// a write that carries a version other than the stored one fails with
// ErrConflict instead of overwriting a change it has not seen, so no
// update is ever lost. Implementations validate records (Client.Validate)
// before storing them and return a canceled context's error unchanged.
type Store interface {
	// Get returns the client with id. Errors: ErrNotFound.
	Get(ctx context.Context, id string) (Client, error)
	// Create stores a new client, whose Version must be 0, and returns it
	// as stored, with Version 1. Errors: ErrInvalid (the record fails
	// validation or carries a version: ValidateNew's
	// *clientele.ValidationError listing both), ErrAlreadyExists (the ID
	// is taken).
	Create(ctx context.Context, c Client) (Client, error)
	// Update replaces the stored client that has c's ID, provided c.Version
	// is the stored version, and returns it as stored, with the version
	// incremented. Errors: ErrInvalid, ErrNotFound, ErrConflict (the stored
	// version differs: re-read, re-apply the change, retry).
	Update(ctx context.Context, c Client) (Client, error)
	// Delete removes the client with id, provided version is the stored
	// version. Errors: ErrNotFound, ErrConflict.
	Delete(ctx context.Context, id string, version int64) error
	// List returns one page of the clients matching filter, in ascending
	// ID order. Errors: ErrInvalid (a page limit outside 1..MaxPageLimit,
	// or an unknown status in the filter).
	List(ctx context.Context, filter Filter, page Page) (ListPage, error)
}

// Filter selects clients; each zero field matches every client.
type Filter struct {
	ManagerID string `json:"manager_id,omitempty"`
	Status    Status `json:"status,omitzero"`
	Segment   string `json:"segment,omitempty"`
}

// Matches reports whether c passes the filter. Store implementations
// that filter in memory use it; database stores translate the filter to
// their query language.
func (f Filter) Matches(c Client) bool {
	return (f.ManagerID == "" || c.ManagerID == f.ManagerID) &&
		(f.Status == 0 || c.Status == f.Status) &&
		(f.Segment == "" || c.InSegment(f.Segment))
}

// Page asks for up to Limit clients whose IDs sort after After (keyset
// paging: stable while clients are added or deleted between pages).
type Page struct {
	// After is the last ID of the previous page; "" starts at the top.
	After string `json:"after,omitempty"`
	// Limit is the page size, 1..MaxPageLimit.
	Limit int `json:"limit"`
}

// MaxPageLimit is the largest page a Store returns in one call.
const MaxPageLimit = 1000

// ListPage is one page of clients.
type ListPage struct {
	Clients []Client
	// Next is the After value of the following page, or "" on the last.
	Next string
}

// ValidateListArgs checks a filter and a page the way every Store must,
// so implementations report the same errors.
func ValidateListArgs(filter Filter, page Page) error {
	var p validate.Problems
	if page.Limit < 1 || page.Limit > MaxPageLimit {
		p.Addf("page.limit", page.Limit, "must be within 1..%d", MaxPageLimit)
	}
	if filter.Status != 0 && !filter.Status.IsValid() {
		p.Add("filter.status", filter.Status, "unknown status")
	}
	return p.Err(ErrInvalid)
}

// ValidateNew checks a record before Store.Create: valid and never
// stored (version 0). A version is one more field problem beside the
// record's others, so the caller sees every problem at once.
func ValidateNew(c Client) error {
	var p validate.Problems
	p.Merge("", c.Validate())
	if c.Version != 0 {
		p.Add("version", c.Version, "must be 0 for a new client; the store sets it")
	}
	return p.Err(ErrInvalid)
}

// All iterates over every client matching filter, page by page, so a
// caller can range over a large base without holding it in memory. An
// error ends the iteration after being yielded.
func All(ctx context.Context, s Store, filter Filter) iter.Seq2[Client, error] {
	return func(yield func(Client, error) bool) {
		page := Page{Limit: MaxPageLimit}
		for {
			res, err := s.List(ctx, filter, page)
			if err != nil {
				yield(Client{}, err)
				return
			}
			for _, c := range res.Clients {
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

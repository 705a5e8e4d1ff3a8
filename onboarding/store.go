package onboarding

import (
	"context"
	"iter"

	"github.com/clientele-go/clientele/internal/validate"
)

// Store keeps onboarding records. A host implements it over its own
// database (and checks the implementation with onboardingtest.Run);
// [MemStore] is the in-memory implementation for tests and examples.
//
// Every write is guarded by the record's Version (optimistic
// concurrency): a write that carries a version other than the stored one
// fails with ErrConflict instead of overwriting a change it has not
// seen. The usual change is read, Apply an event, Update; on ErrConflict,
// read again and re-apply. Implementations validate records
// (Onboarding.Validate) before storing them and return a canceled
// context's error unchanged.
type Store interface {
	// Get returns the onboarding with id. Errors: ErrNotFound.
	Get(ctx context.Context, id string) (Onboarding, error)
	// Create stores a new onboarding, whose Version must be 0, and
	// returns it as stored, with Version 1. Errors: ErrInvalid (ValidateNew's
	// *clientele.ValidationError), ErrAlreadyExists.
	Create(ctx context.Context, o Onboarding) (Onboarding, error)
	// Update replaces the stored onboarding that has o's ID, provided
	// o.Version is the stored version, and returns it with the version
	// incremented. Errors: ErrInvalid, ErrNotFound, ErrConflict.
	Update(ctx context.Context, o Onboarding) (Onboarding, error)
	// Delete removes the onboarding with id, provided version is the
	// stored version. Errors: ErrNotFound, ErrConflict.
	Delete(ctx context.Context, id string, version int64) error
	// List returns one page of the onboardings matching filter, in
	// ascending ID order. Errors: ErrInvalid (a page limit outside
	// 1..MaxPageLimit, an unknown state in the filter).
	List(ctx context.Context, filter Filter, page Page) (ListPage, error)
}

// Filter selects onboardings; each zero field matches every one.
type Filter struct {
	TraineeID string `json:"trainee_id,omitempty"`
	// MentorID matches the current mentor.
	MentorID string `json:"mentor_id,omitempty"`
	State    State  `json:"state,omitzero"`
}

// Matches reports whether o passes the filter. Stores that filter in
// memory use it; database stores translate the filter to their query.
func (f Filter) Matches(o Onboarding) bool {
	return (f.TraineeID == "" || o.Trainee.ID == f.TraineeID) &&
		(f.MentorID == "" || o.MentorID() == f.MentorID) &&
		(f.State == 0 || o.State == f.State)
}

// MentorID returns the current mentor's ID, "" when none is assigned.
func (o Onboarding) MentorID() string {
	if len(o.Mentors) == 0 {
		return ""
	}
	return o.Mentors[len(o.Mentors)-1].Mentor.Actor.ID
}

// Page asks for up to Limit onboardings whose IDs sort after After
// (keyset paging).
//
// The zero Page has Limit 0: List refuses it, naming page.limit.
type Page struct {
	// After is the last ID of the previous page; "" starts at the top.
	After string `json:"after,omitempty"`
	// Limit is the page size, 1..MaxPageLimit.
	Limit int `json:"limit"`
}

// MaxPageLimit is the largest page a Store returns in one call.
const MaxPageLimit = 1000

// ListPage is one page of onboardings.
//
// The zero ListPage is an empty last page.
type ListPage struct {
	Onboardings []Onboarding
	// Next is the After value of the following page, or "" on the last.
	Next string
}

// ValidateListArgs checks a filter and a page the way every Store must.
func ValidateListArgs(filter Filter, page Page) error {
	var p validate.Problems
	if page.Limit < 1 || page.Limit > MaxPageLimit {
		p.Addf("page.limit", page.Limit, "must be within 1..%d", MaxPageLimit)
	}
	if filter.State != 0 && !filter.State.IsValid() {
		p.Add("filter.state", filter.State, "unknown state")
	}
	return p.Err(ErrInvalid)
}

// ValidateNew checks a record before Store.Create: valid and never
// stored (version 0), every problem reported at once.
func ValidateNew(o Onboarding) error {
	var p validate.Problems
	p.Merge("", o.Validate())
	if o.Version != 0 {
		p.Add("version", o.Version, "must be 0 for a new onboarding; the store sets it")
	}
	return p.Err(ErrInvalid)
}

// All iterates over every onboarding matching filter, page by page. An
// error ends the iteration after being yielded.
func All(ctx context.Context, s Store, filter Filter) iter.Seq2[Onboarding, error] {
	return func(yield func(Onboarding, error) bool) {
		page := Page{Limit: MaxPageLimit}
		for {
			res, err := s.List(ctx, filter, page)
			if err != nil {
				yield(Onboarding{}, err)
				return
			}
			for _, o := range res.Onboardings {
				if !yield(o, nil) {
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

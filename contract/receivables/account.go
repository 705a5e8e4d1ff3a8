package receivables

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
)

// Account is what a Store keeps for one contract: who owes, in which
// currency, and the journal of entries in the order recorded. Its state
// (what is invoiced, paid, owed) is computed by replaying the journal:
// see [Open] and [Book].
//
// The zero Account is not valid: Validate names the contract, the client
// and the currency it lacks.
type Account struct {
	ContractID string  `json:"contract_id"`
	ClientID   string  `json:"client_id"`
	Currency   string  `json:"currency"`
	Entries    []Entry `json:"entries,omitempty"`
	// Version is the store's optimistic-concurrency counter: 0 for an
	// account never stored, 1 once created, one more per recorded batch.
	Version int64 `json:"version"`
}

// Validate checks the account's header and replays its journal,
// reporting every problem of the header and the first refused entry.
func (a Account) Validate() error {
	_, err := Open(a)
	return err
}

// checkHeader records the problems of the contract, client and currency.
func (a *Account) checkHeader(p *validate.Problems) (minor int32) {
	p.ID("contract_id", a.ContractID)
	p.ID("client_id", a.ClientID)
	minor, ok := currency.MinorUnits(a.Currency)
	if !ok {
		p.Add("currency", strconv.Quote(a.Currency), "is not an ISO 4217 currency code")
	}
	return minor
}

// clone copies the account deeply.
func (a Account) clone() Account {
	entries := make([]Entry, len(a.Entries))
	for i, e := range a.Entries {
		entries[i] = e.clone()
	}
	a.Entries = entries
	return a
}

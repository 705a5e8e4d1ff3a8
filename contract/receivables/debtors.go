package receivables

import (
	"cmp"
	"slices"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Managers says who manages what: the host's assignment, as plain
// values. A client's manager wins over its contracts' managers.
// The zero Managers assigns no one; debtors are listed without one.
type Managers struct {
	ByClient   map[string]string `json:"by_client,omitempty"`
	ByContract map[string]string `json:"by_contract,omitempty"`
}

// Debtor is a client with money past due on a day.
// The zero Debtor is no report: Debtors returns none.
type Debtor struct {
	ClientID string `json:"client_id"`
	// Manager is the client's manager, else the manager of the first of
	// Contracts that has one; empty when no one is assigned.
	Manager string `json:"manager,omitempty"`
	// Overdue is what is past due; Outstanding all that is owed.
	Overdue     decimal.Decimal `json:"overdue"`
	Outstanding decimal.Decimal `json:"outstanding"`
	// Credit is money of the client received and not yet allocated.
	Credit decimal.Decimal `json:"credit"`
	// DaysOverdue is the age of the oldest overdue invoice.
	DaysOverdue int `json:"days_overdue"`
	// Contracts are the client's contracts with money past due, in the
	// order of the books given.
	Contracts []string `json:"contracts"`
}

// Debtors lists the clients of the books with money past due on day,
// the largest overdue amount first, then the oldest debt, then by
// client ID; each with its manager from managers. The books must be in
// one currency.
func Debtors(day clientele.Date, books []*Book, managers Managers) ([]Debtor, error) {
	var p validate.Problems
	p.Limit("books", validate.MaxListed)
	checkBooks(&p, day, books)
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	s, err := runScan(day, []int{0}, books)
	if err != nil {
		return nil, err
	}
	clientIndex := make(map[string]int, len(s.clients))
	for i := range s.clients {
		clientIndex[s.clients[i].id] = i
	}
	// One debtor per client, in the order its first overdue book comes.
	at := make(map[int]int) // client tally -> index in debtors
	var debtors []Debtor
	var tallies []*clientTally // parallel to debtors
	for _, bi := range s.overdueBooks {
		b := books[bi]
		ci := clientIndex[b.acct.ClientID]
		i, ok := at[ci]
		if !ok {
			i = len(debtors)
			at[ci] = i
			c := &s.clients[ci]
			debtors = append(debtors, Debtor{ClientID: c.id, Manager: managers.ByClient[c.id], DaysOverdue: c.oldest,
				Overdue: wideAmount(c.overdue, s.minor), Outstanding: wideAmount(c.outstand, s.minor), Credit: wideAmount(c.credit, s.minor)})
			tallies = append(tallies, c)
		}
		d := &debtors[i]
		d.Contracts = append(d.Contracts, b.acct.ContractID)
		if d.Manager == "" {
			d.Manager = managers.ByContract[b.acct.ContractID]
		}
	}
	order := make([]int, len(debtors))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Or(tallies[y].overdue.Cmp(tallies[x].overdue), cmp.Compare(tallies[y].oldest, tallies[x].oldest), strings.Compare(tallies[x].id, tallies[y].id))
	})
	out := make([]Debtor, len(order))
	for i, j := range order {
		out[i] = debtors[j]
	}
	return out, nil
}

package receivables

import (
	"cmp"
	"slices"
	"strings"

	"github.com/clientele-go/clientele"
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

// Debtors lists the clients of the books with money past due on day:
// Collect, then Portfolio.Debtors.
func Debtors(day clientele.Date, books []*Book, managers Managers) ([]Debtor, error) {
	p, err := Collect(day, books)
	if err != nil {
		return nil, err
	}
	return p.Debtors(managers), nil
}

// Debtors lists the portfolio's clients with money past due, the
// largest overdue amount first, then the oldest debt, then by client
// ID; each with its manager from managers.
func (p *Portfolio) Debtors(managers Managers) []Debtor {
	if p == nil {
		return nil
	}
	tally := make([]clientSums, len(p.clients))
	for _, it := range p.items {
		t := &tally[it.client]
		t.outstanding = t.outstanding.AddInt64(it.open)
		if past := p.day.Sub(it.due); past > 0 {
			t.overdue = t.overdue.AddInt64(it.open)
			t.oldest = max(t.oldest, int32(past))
		}
	}
	var order []int32
	for ci := range tally {
		if tally[ci].overdue.Sign() > 0 {
			order = append(order, int32(ci))
		}
	}
	slices.SortFunc(order, func(x, y int32) int {
		return cmp.Or(tally[y].overdue.Cmp(tally[x].overdue), cmp.Compare(tally[y].oldest, tally[x].oldest), strings.Compare(p.clients[x], p.clients[y]))
	})
	at := make([]int32, len(p.clients)) // client -> 1 + its index in out
	out := make([]Debtor, len(order))
	for i, ci := range order {
		t := &tally[ci]
		id := p.clients[ci]
		at[ci] = int32(i + 1)
		out[i] = Debtor{ClientID: id, Manager: managers.ByClient[id], DaysOverdue: int(t.oldest),
			Overdue: wideAmount(t.overdue, p.minor), Outstanding: wideAmount(t.outstanding, p.minor), Credit: wideAmount(p.credit[ci], p.minor)}
	}
	for _, ob := range p.overdue {
		d := &out[at[ob.client]-1]
		d.Contracts = append(d.Contracts, ob.contract)
		if d.Manager == "" {
			d.Manager = managers.ByContract[ob.contract]
		}
	}
	return out
}

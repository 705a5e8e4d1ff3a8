package contract

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// MaxHorizonDays bounds the look-ahead of an obligations report: ten
// years.
const MaxHorizonDays = 3660

// ObligationItem is one open obligation in a report, with the contract
// it belongs to and its status on the report's day.
type ObligationItem struct {
	ContractID string `json:"contract_id"`
	Number     string `json:"number"`
	ClientID   string `json:"client_id"`
	ManagerID  string `json:"manager_id"`
	// ContractState is the contract's state on the day: a terminated or
	// expired contract's open obligations are reported like any other.
	ContractState State      `json:"contract_state"`
	Currency      string     `json:"currency"`
	Obligation    Obligation `json:"obligation"`
	// Check is the obligation's status on the day, with its reason.
	Check ObligationCheck `json:"check"`
}

// ContractObligations sums one contract's report lines. Amounts are in
// the contract's currency; obligations without an amount count, but add
// nothing to the sums.
type ContractObligations struct {
	ContractID    string          `json:"contract_id"`
	ManagerID     string          `json:"manager_id"`
	ContractState State           `json:"contract_state"`
	Currency      string          `json:"currency"`
	Overdue       int             `json:"overdue"`
	OverdueAmount decimal.Decimal `json:"overdue_amount"`
	DueNext       int             `json:"due_next"`
	DueNextAmount decimal.Decimal `json:"due_next_amount"`
}

// ManagerObligations counts one manager's report lines over all their
// contracts (amounts are per contract, where the currency is one).
type ManagerObligations struct {
	ManagerID string `json:"manager_id"`
	Contracts int    `json:"contracts"`
	Overdue   int    `json:"overdue"`
	DueNext   int    `json:"due_next"`
}

// ObligationsReport is what is overdue on a day and what falls due in
// the following days, line by line, per contract and per manager. The
// zero ObligationsReport is an empty report of no day.
type ObligationsReport struct {
	Day         clientele.Date `json:"day"`
	HorizonDays int            `json:"horizon_days"`
	// Overdue lists open obligations past their due date, the longest
	// overdue first, then by contract ID and the obligation's place in
	// its contract.
	Overdue []ObligationItem `json:"overdue"`
	// DueNext lists open obligations due from the day to the day plus
	// HorizonDays, both included, the soonest first, ties ordered as in
	// Overdue.
	DueNext []ObligationItem `json:"due_next"`
	// ByContract has one line per contract with a reported obligation,
	// in contract ID order.
	ByContract []ContractObligations `json:"by_contract"`
	// ByManager has one line per manager with a reported obligation, in
	// manager ID order.
	ByManager []ManagerObligations `json:"by_manager"`
}

// Obligations reports, over contracts, every open obligation overdue on
// day and every one falling due in the next horizonDays days, each with
// its status explained (the policy's due-soon window applies). It
// refuses, with ErrInvalid, an invalid day or horizon and any invalid
// contract (the first 100 problems listed under "contracts[i]").
func (p *Policy) Obligations(contracts []Contract, day clientele.Date, horizonDays int) (ObligationsReport, error) {
	var q validate.Problems
	q.Limit("contracts", validate.MaxListed)
	q.Date("day", day, true)
	if horizonDays < 0 || horizonDays > MaxHorizonDays {
		q.Addf("horizon_days", horizonDays, "must be within 0..%d", MaxHorizonDays)
	}
	for i := range contracts {
		var one validate.Problems
		contracts[i].check(&one)
		if one.Len() > 0 {
			q.Merge("contracts["+strconv.Itoa(i)+"]", one.Err(ErrInvalid))
		}
	}
	if err := q.Err(ErrInvalid); err != nil {
		return ObligationsReport{}, err
	}
	rep := ObligationsReport{Day: day, HorizonDays: horizonDays}
	window := p.DueSoonDays()
	order := idOrder(contracts)
	// The first pass classifies, so the lists are allocated once at
	// their size; the second words and sums only what is reported.
	ended := make([]Status, len(contracts))
	var nOverdue, nNext, nContracts int
	for _, ci := range order {
		c := &contracts[ci]
		if len(c.Obligations) == 0 {
			continue
		}
		ended[ci] = c.statusOn(day, false)
		before := nOverdue + nNext
		for _, o := range c.Obligations {
			switch st, days := o.classify(day, ended[ci].EndedEarlyOn, window); {
			case st == ObligationOverdue:
				nOverdue++
			case st.IsOpen() && days <= horizonDays:
				nNext++
			}
		}
		if nOverdue+nNext > before {
			nContracts++
		}
	}
	rep.Overdue = make([]ObligationItem, 0, nOverdue)
	rep.DueNext = make([]ObligationItem, 0, nNext)
	rep.ByContract = make([]ContractObligations, 0, nContracts)
	managers := make(map[string]*ManagerObligations)
	for _, ci := range order {
		c := &contracts[ci]
		st := ended[ci]
		sum := ContractObligations{ContractID: c.ID, ManagerID: c.ManagerID, ContractState: st.State, Currency: c.Currency}
		for _, o := range c.Obligations {
			status, days := o.classify(day, st.EndedEarlyOn, window)
			overdue := status == ObligationOverdue
			if !overdue && !(status.IsOpen() && days <= horizonDays) {
				continue
			}
			item := ObligationItem{ContractID: c.ID, Number: c.Number, ClientID: c.ClientID, ManagerID: c.ManagerID,
				ContractState: st.State, Currency: c.Currency, Obligation: o,
				Check: ObligationCheck{Status: status, Days: days, Reason: o.explain(status, days, st.EndedEarlyOn, window)}}
			if overdue {
				rep.Overdue = append(rep.Overdue, item)
				sum.Overdue++
				if o.Amount.Valid {
					sum.OverdueAmount = sum.OverdueAmount.Add(o.Amount.Decimal)
				}
			} else {
				rep.DueNext = append(rep.DueNext, item)
				sum.DueNext++
				if o.Amount.Valid {
					sum.DueNextAmount = sum.DueNextAmount.Add(o.Amount.Decimal)
				}
			}
		}
		if sum.Overdue+sum.DueNext == 0 {
			continue
		}
		rep.ByContract = append(rep.ByContract, sum)
		m := managers[c.ManagerID]
		if m == nil {
			m = &ManagerObligations{ManagerID: c.ManagerID}
			managers[c.ManagerID] = m
		}
		m.Contracts++
		m.Overdue += sum.Overdue
		m.DueNext += sum.DueNext
	}
	// The lists were filled in contract ID order, each contract's
	// obligations in their order; a stable sort by days keeps that
	// order among equal days.
	sortByDays(rep.Overdue, -1)
	sortByDays(rep.DueNext, +1)
	for _, m := range managers {
		rep.ByManager = append(rep.ByManager, *m)
	}
	slices.SortFunc(rep.ByManager, func(a, b ManagerObligations) int { return cmp.Compare(a.ManagerID, b.ManagerID) })
	return rep, nil
}

// idOrder returns the indices of contracts in ascending ID order: the
// identity when they already are (as a Store lists them), else a
// stable sort.
func idOrder(contracts []Contract) []int32 {
	order := make([]int32, len(contracts))
	sorted := true
	for i := range order {
		order[i] = int32(i)
		if i > 0 && contracts[i].ID < contracts[i-1].ID {
			sorted = false
		}
	}
	if !sorted {
		slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(contracts[a].ID, contracts[b].ID) })
	}
	return order
}

// sortByDays orders items by Check.Days, ascending for sign +1 and
// descending for -1, stably, with a linear-time radix sort of the days
// and one move of each item into place.
func sortByDays(items []ObligationItem, sign int64) {
	n := len(items)
	keys, perm := make([]uint64, n), make([]int32, n)
	for i := range items {
		keys[i], perm[i] = radix.FromInt64(sign*int64(items[i].Check.Days)), int32(i)
	}
	_, perm = radix.Sort(keys, make([]uint64, n), perm, make([]int32, n))
	// Position j takes the item at perm[j]: follow each cycle once,
	// marking the positions done.
	for start := range perm {
		if perm[start] < 0 {
			continue
		}
		held, j := items[start], start
		for {
			from := int(perm[j])
			perm[j] = -1
			if from == start {
				items[j] = held
				break
			}
			items[j], j = items[from], from
		}
	}
}

package contract

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
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
	ContractState State           `json:"contract_state"`
	Currency      string          `json:"currency"`
	Obligation    Obligation      `json:"obligation"`
	Check         ObligationCheck `json:"check"`
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
	// overdue first (then by contract and obligation ID).
	Overdue []ObligationItem `json:"overdue"`
	// DueNext lists open obligations due from the day to the day plus
	// HorizonDays, both included, the soonest first.
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
	managers := make(map[string]*ManagerObligations)
	window := p.DueSoonDays()
	for i := range contracts {
		c := &contracts[i]
		if len(c.Obligations) == 0 {
			continue
		}
		st := c.statusOn(day, false)
		sum := ContractObligations{ContractID: c.ID, ManagerID: c.ManagerID, ContractState: st.State, Currency: c.Currency}
		for _, o := range c.Obligations {
			status, days := o.classify(day, st.EndedEarlyOn, window)
			overdue := status == ObligationOverdue
			next := (status == ObligationDueSoon || status == ObligationPending) && days <= horizonDays
			if !overdue && !next {
				continue
			}
			chk := ObligationCheck{Status: status, Days: days, Reason: o.explain(status, days, st.EndedEarlyOn, window)}
			item := ObligationItem{ContractID: c.ID, Number: c.Number, ClientID: c.ClientID, ManagerID: c.ManagerID,
				ContractState: st.State, Currency: c.Currency, Obligation: o, Check: chk}
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
	byItem := func(a, b ObligationItem) int {
		return cmp.Or(cmp.Compare(a.ContractID, b.ContractID), cmp.Compare(a.Obligation.ID, b.Obligation.ID))
	}
	slices.SortFunc(rep.Overdue, func(a, b ObligationItem) int { return cmp.Or(cmp.Compare(b.Check.Days, a.Check.Days), byItem(a, b)) })
	slices.SortFunc(rep.DueNext, func(a, b ObligationItem) int { return cmp.Or(cmp.Compare(a.Check.Days, b.Check.Days), byItem(a, b)) })
	slices.SortFunc(rep.ByContract, func(a, b ContractObligations) int { return cmp.Compare(a.ContractID, b.ContractID) })
	for _, m := range managers {
		rep.ByManager = append(rep.ByManager, *m)
	}
	slices.SortFunc(rep.ByManager, func(a, b ManagerObligations) int { return cmp.Compare(a.ManagerID, b.ManagerID) })
	return rep, nil
}

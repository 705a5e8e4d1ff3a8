// Package pareto ranks clients (or items) by their share of a total, the ranking
// ABC and key clients both cut: it validates the totals, converts the
// values once to exact integer units and orders the clients from the
// largest value down, equal values by client ID.
package pareto

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// Fields are what the ranking reads of one client's totals.
type Fields struct {
	ID              string
	Revenue, Profit decimal.Decimal
}

// Ranking is the validated input of ABC and key clients: the values as
// exact units and the clients in rank order.
type Ranking struct {
	Amounts exactsum.Amounts
	// Order lists indices into the input, largest value first, equal
	// values by client ID.
	Order []int32
	// keys holds the complemented radix keys of the units in rank order
	// (keys[r] is the key of order[r]), or nil when the amounts are
	// wide: the sort's own output, so the ranked units cost no copy.
	keys     []uint64
	Positive exactsum.Acc // sum of the positive values
	Negative exactsum.Acc // sum of the negative values
}

// Names are the words errors use for the ranked list: the list's field,
// the ID field and the two amounts of one entry, and the noun of an
// entry. An entry with one value of either sign (an ABC item) passes it
// as Profit, with Revenue zero and named "".
type Names struct {
	List, ID, Revenue, Profit, Noun string
}

// ClientNames are the names of a list of client totals.
var ClientNames = Names{List: "totals", ID: "client_id", Revenue: "revenue", Profit: "profit", Noun: "client"}

// Rank validates totals (get reads one client's fields) and ranks them
// by profit or by revenue, the measure named measure. cfgErr is the
// config's Validate error, reported with the problems of the totals;
// kind is the caller's ErrInvalid.
func Rank[T any](totals []T, get func(*T) Fields, byProfit bool, measure string, cfgErr, kind error) (Ranking, error) {
	return RankNamed(totals, ClientNames, get, byProfit, measure, cfgErr, kind)
}

// RankNamed is Rank with the words of errors given by names.
func RankNamed[T any](totals []T, names Names, get func(*T) Fields, byProfit bool, measure string, cfgErr, kind error) (Ranking, error) {
	var p validate.Problems
	p.Limit(names.List, validate.MaxListed)
	p.Merge("config", cfgErr)
	if len(totals) == 0 {
		p.Addf(names.List, nil, "is empty: there are no %ss to rank", names.Noun)
		return Ranking{}, p.Err(kind)
	}
	ids := make([]string, len(totals))
	for i := range totals {
		ids[i] = get(&totals[i]).ID
	}
	sorted := repeats.Sort(ids)
	dups := sorted.Find()
	var b exactsum.Builder
	b.Grow(len(totals))
	for i := range totals {
		t := get(&totals[i])
		if t.ID == "" {
			p.Add(fmt.Sprintf("%s[%d].%s", names.List, i, names.ID), nil, "is required")
		}
		for len(dups) > 0 && dups[0].At == i {
			p.Add(fmt.Sprintf("%s[%d].%s", names.List, i, names.ID), t.ID, validate.RepeatReason(names.List, dups[0].First, names.ID))
			dups = dups[1:]
		}
		switch {
		case names.Revenue == "":
		case !validate.InRange(t.Revenue):
			p.Add(fmt.Sprintf("%s[%d].%s", names.List, i, names.Revenue), validate.Sci(t.Revenue), validate.RangeReason)
		case t.Revenue.Sign() < 0:
			p.Add(fmt.Sprintf("%s[%d].%s", names.List, i, names.Revenue), t.Revenue, "must not be negative")
		}
		if !validate.InRange(t.Profit) {
			p.Add(fmt.Sprintf("%s[%d].%s", names.List, i, names.Profit), validate.Sci(t.Profit), validate.RangeReason)
		}
		if byProfit {
			b.Append(t.Profit)
		} else {
			b.Append(t.Revenue)
		}
	}
	if p.Len() > 0 {
		return Ranking{}, p.Err(kind)
	}
	a, err := b.Amounts()
	if err != nil { // unreachable: every value was range-checked above
		return Ranking{}, fmt.Errorf("%w: %w", kind, err)
	}
	rk := Ranking{Amounts: a}
	rk.Order, rk.keys = rankOrder(&a, &sorted)
	return rk.total(&p, names, measure, kind)
}

// total sums the positive and the negative values and refuses a ranking
// without a positive one.
func (rk *Ranking) total(p *validate.Problems, names Names, measure string, kind error) (Ranking, error) {
	a := &rk.Amounts
	if ints := a.Ints(); ints != nil {
		for _, u := range ints {
			if u > 0 {
				rk.Positive.AddInt64(u)
			} else if u < 0 {
				rk.Negative.AddInt64(u)
			}
		}
	} else {
		for i := range a.Len() {
			switch a.Sign(i) {
			case 1:
				rk.Positive.Add(a, i)
			case -1:
				rk.Negative.Add(a, i)
			}
		}
	}
	if rk.Positive.Sign() == 0 {
		p.Addf(names.List+"[]."+measure, "0", "no %s has a positive %s: shares of a zero total are undefined", names.Noun, measure)
		return Ranking{}, p.Err(kind)
	}
	return *rk, nil
}

// Keys returns the complemented radix keys of the units in rank order
// (the unit ranked r is radix.ToInt64(^Keys()[r])), or nil when the
// amounts are wide: for a caller's hot loop over the ranking.
func (rk *Ranking) Keys() []uint64 { return rk.keys }

// Sign returns the sign of the value ranked r (0-based).
func (rk *Ranking) Sign(r int) int {
	if rk.keys != nil {
		return cmp.Compare(radix.ToInt64(^rk.keys[r]), 0)
	}
	return rk.Amounts.Sign(int(rk.Order[r]))
}

// Add adds the value ranked r to s.
func (rk *Ranking) Add(s *exactsum.Acc, r int) {
	if rk.keys != nil {
		s.AddInt64(radix.ToInt64(^rk.keys[r]))
		return
	}
	s.Add(&rk.Amounts, int(rk.Order[r]))
}

// rankOrder returns the client indices from the largest value down, equal
// values by client ID, and (unless the amounts are wide) the complemented
// radix keys of the units in that order. It sorts the values stably,
// starting from the clients in ID order (ids, sorted already for the
// repeat check): equal values keep that order, so no ID is read, let
// alone compared, here. On int64 units it radix-sorts the units (linear
// time, in the buffers the ID sort left free); wide units compare
// through big integers.
func rankOrder(a *exactsum.Amounts, ids *repeats.Sorted) ([]int32, []uint64) {
	ints := a.Ints()
	if ints == nil {
		order := slices.Clone(ids.Order)
		slices.SortStableFunc(order, func(x, y int32) int { return a.Cmp(int(y), int(x)) })
		return order, nil
	}
	keys := ids.Keys
	for j, i := range ids.Order {
		// Complemented, the key sorts the largest unit first.
		keys[j] = ^radix.FromInt64(ints[i])
	}
	keys, order := radix.Sort(keys, ids.KeyBuf, ids.Order, ids.OrderBuf)
	return order, keys
}

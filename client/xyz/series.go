package xyz

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Period is the half-open run of days [Start, End): an order on End
// belongs to the next period, so consecutive periods share a bound and
// no day is counted twice.
type Period struct {
	Start clientele.Date `json:"start"`
	End   clientele.Date `json:"end"`
}

// Contains reports whether d lies in [Start, End).
func (p Period) Contains(d clientele.Date) bool { return !d.Before(p.Start) && d.Before(p.End) }

// maxPeriods bounds a period list: a century of months.
const maxPeriods = 1200

// MonthlyPeriods returns count consecutive one-month periods, the first
// starting on start. Period i starts start.AddMonths(i): i calendar
// months after start, or on the month's last day when it is shorter than
// start's day (a series starting 31 January runs 31 Jan, 28/29 Feb, 31
// Mar, 30 Apr, ...), so no month is skipped or counted twice. The common
// case is start on the 1st: calendar months.
func MonthlyPeriods(start clientele.Date, count int) ([]Period, error) {
	var p validate.Problems
	startOK := p.Date("start", start, true)
	countOK := count >= 1 && count <= maxPeriods
	if !countOK {
		p.Addf("count", count, "must be 1 to %d", maxPeriods)
	}
	if startOK && countOK && !start.AddMonths(count).IsValid() {
		p.Addf("count", count, "months from %s run past the year 9999", start)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	bounds := make([]clientele.Date, count+1)
	for i := range bounds {
		// From start each time, not from the previous bound: 31 January
		// gives 28 February, then 31 March again.
		bounds[i] = start.AddMonths(i)
	}
	out := make([]Period, count)
	for i := range out {
		out[i] = Period{Start: bounds[i], End: bounds[i+1]}
	}
	return out, nil
}

// SeriesStart decides where a client's series begins.
type SeriesStart uint8

const (
	// SeriesFromFirstOrder starts each client's series at the period of
	// its first order, so periods before a new client existed do not
	// count as zero demand (which would make every newcomer look
	// erratic). A client with an order before the first period covers
	// the whole window: pass at least the last order before the window
	// for every client, or its history looks shorter than it is.
	SeriesFromFirstOrder SeriesStart = iota + 1
	// SeriesFromWindowStart gives every client the whole window, zeros
	// before its first order included.
	SeriesFromWindowStart
)

var seriesStartNames = enum.Names{"", "first_order", "window_start"}

// ParseSeriesStart returns the rule named s ("first_order", "window_start").
func ParseSeriesStart(s string) (SeriesStart, error) {
	return enum.Parse[SeriesStart](seriesStartNames, "series start", s)
}

func (s SeriesStart) String() string { return enum.String(seriesStartNames, "SeriesStart", s) }

// IsValid reports whether s is a named rule.
func (s SeriesStart) IsValid() bool { return enum.Valid(seriesStartNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset rule is an error.
func (s SeriesStart) MarshalText() ([]byte, error) {
	return enum.Marshal(seriesStartNames, "SeriesStart", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *SeriesStart) UnmarshalText(b []byte) error {
	return enum.Unmarshal(seriesStartNames, "series start", s, b)
}

// OrderSeriesResult holds the per-period series and accounts for every
// order: none is dropped without being counted.
type OrderSeriesResult struct {
	Periods []Period `json:"periods"`
	// Series has one entry per client with an order before the end of
	// the last period, sorted by client ID.
	Series []Series `json:"series"`
	// OrdersInPeriods were summed into the series.
	OrdersInPeriods int `json:"orders_in_periods"`
	// OrdersBefore are dated before the first period: they only tell that
	// the client existed (SeriesFromFirstOrder).
	OrdersBefore int `json:"orders_before"`
	// OrdersAfter are dated at or after the end of the last period, and
	// OrdersInGaps between two periods that do not touch: both ignored.
	OrdersAfter  int `json:"orders_after"`
	OrdersInGaps int `json:"orders_in_gaps"`
}

// OrderSeries turns orders into per-period order values for XYZ: for each
// client, the exact sum of its order amounts in each period, a period
// without orders counting as zero. start decides where each client's
// series begins (see SeriesStart).
//
// periods must be in time order and must not overlap; they need not
// touch. Orders may come in any order and may lie outside the periods
// (see OrderSeriesResult).
//
// Errors (ErrInvalid, every problem listed): no periods, a period
// that does not end after it starts, periods out of order or overlapping,
// an invalid start; an order without client ID, without a date or with
// an invalid one, or with a negative or out-of-range amount.
func OrderSeries(orders []client.Order, periods []Period, start SeriesStart) (OrderSeriesResult, error) {
	if err := checkPeriods(periods, start); err != nil {
		return OrderSeriesResult{}, err
	}
	var p validate.Problems
	p.Limit("orders", validate.MaxListed)
	np := len(periods)
	clientIdx := make(map[string]int32)
	var ids []string
	var first []int // per client: the index of the first period of its series; np while none
	inPeriod := make([]int32, len(orders))
	res := OrderSeriesResult{Periods: slices.Clone(periods)}
	for i := range orders {
		o := &orders[i]
		bad := false
		if o.ClientID == "" {
			p.Add(fmt.Sprintf("orders[%d].client_id", i), nil, "is required")
			bad = true
		}
		if !o.Date.IsValid() {
			p.Date(fmt.Sprintf("orders[%d].date", i), o.Date, true)
			bad = true
		}
		switch {
		case !validate.InRange(o.Amount):
			p.Add(fmt.Sprintf("orders[%d].amount", i), validate.Sci(o.Amount), validate.RangeReason)
			bad = true
		case o.Amount.Sign() < 0:
			p.Add(fmt.Sprintf("orders[%d].amount", i), o.Amount, "must not be negative")
			bad = true
		}
		inPeriod[i] = -1
		if bad {
			continue
		}
		// k is the first period ending after the order.
		k := sort.Search(np, func(j int) bool { return periods[j].End.After(o.Date) })
		starts := k // the period the client's history starts at, via this order
		switch {
		case k == np:
			res.OrdersAfter++
			continue
		case o.Date.Before(periods[k].Start) && k == 0:
			res.OrdersBefore++
			starts = 0
		case o.Date.Before(periods[k].Start):
			res.OrdersInGaps++
		default:
			res.OrdersInPeriods++
			inPeriod[i] = int32(k)
		}
		c, ok := clientIdx[o.ClientID]
		if !ok {
			c = int32(len(ids))
			clientIdx[o.ClientID] = c
			ids = append(ids, o.ClientID)
			first = append(first, np)
		}
		if start == SeriesFromWindowStart {
			starts = 0
		}
		first[c] = min(first[c], starts)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return OrderSeriesResult{}, err
	}

	// Group the orders inside periods by client (a counting sort), and
	// convert their amounts once to exact units.
	nc := len(ids)
	byClient := make([]int, nc+1)
	for i := range orders {
		if inPeriod[i] >= 0 {
			byClient[clientIdx[orders[i].ClientID]+1]++
		}
	}
	for c := range nc {
		byClient[c+1] += byClient[c]
	}
	grouped := make([]int32, byClient[nc])
	next := slices.Clone(byClient[:nc])
	for i := range orders {
		if inPeriod[i] >= 0 {
			c := clientIdx[orders[i].ClientID]
			grouped[next[c]] = int32(i)
			next[c]++
		}
	}
	var b exactsum.Builder
	b.Grow(len(grouped))
	for _, i := range grouped {
		b.Append(orders[i].Amount)
	}
	units, err := b.Amounts()
	if err != nil { // unreachable: every amount was range-checked above
		return OrderSeriesResult{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}

	order := make([]int32, nc)
	cells := 0
	for c := range order {
		order[c] = int32(c)
		cells += np - first[c]
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(ids[x], ids[y]) })
	values := make([]decimal.Decimal, cells)
	acc := make([]exactsum.Acc, np)
	res.Series = make([]Series, nc)
	for r, c := range order {
		clear(acc)
		for k := byClient[c]; k < byClient[c+1]; k++ {
			acc[inPeriod[grouped[k]]].Add(&units, k)
		}
		n := np - first[c]
		vals := values[:n:n]
		values = values[n:]
		for j := range vals {
			if s := acc[first[c]+j]; s.Sign() != 0 {
				vals[j] = s.Decimal(units.Exp())
			}
		}
		res.Series[r] = Series{ClientID: ids[c], FirstPeriod: first[c], Values: vals}
	}
	return res, nil
}

func checkPeriods(periods []Period, start SeriesStart) error {
	var p validate.Problems
	if !start.IsValid() {
		p.Add("start", start, "unknown series start (want first_order or window_start)")
	}
	if len(periods) == 0 {
		p.Add("periods", nil, "is empty")
	}
	if len(periods) > maxPeriods {
		p.Addf("periods", len(periods), "at most %d periods", maxPeriods)
	}
	for i, pr := range periods {
		switch {
		case pr.Start.IsZero() || pr.End.IsZero():
			p.Add(fmt.Sprintf("periods[%d]", i), nil, "start and end are required")
		case !pr.Start.IsValid() || !pr.End.IsValid():
			f := fmt.Sprintf("periods[%d]", i)
			p.Date(f+".start", pr.Start, true)
			p.Date(f+".end", pr.End, true)
		case !pr.End.After(pr.Start):
			p.Addf(fmt.Sprintf("periods[%d].end", i), pr.End, "must be after start %s", pr.Start)
		case i > 0 && pr.Start.Before(periods[i-1].End):
			p.Addf(fmt.Sprintf("periods[%d].start", i), pr.Start, "must not be before the end of periods[%d] (%s): periods are in time order and do not overlap",
				i-1, periods[i-1].End)
		}
	}
	return p.Err(ErrInvalid)
}

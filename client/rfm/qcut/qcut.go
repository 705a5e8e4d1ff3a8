package qcut

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/validate"
)

// Score is one client's scores as a pandas RFM notebook computes them.
type Score struct {
	ClientID string `json:"client_id"`
	// RecencyDays, Frequency and Monetary are the measures, as in
	// rfm.Score: calendar days from the last order to the as-of date,
	// the number of orders, the order total.
	RecencyDays int64           `json:"recency_days"`
	Frequency   int             `json:"frequency"`
	Monetary    decimal.Decimal `json:"monetary"`
	// RecencyRank, FrequencyRank and MonetaryRank are the ranks of
	// x.rank(method="first"): 1 for the fewest days, the fewest orders,
	// the smallest total, up to N; equal values in input order.
	RecencyRank   int `json:"recency_rank"`
	FrequencyRank int `json:"frequency_rank"`
	MonetaryRank  int `json:"monetary_rank"`
	// R, F and M are the labels 1..Bins: F and M the bin of the rank,
	// R reversed (labels=[Bins, ..., 1]), so the fewest days score Bins.
	R int `json:"r"`
	F int `json:"f"`
	M int `json:"m"`
}

// Code returns the scores written one after the other, "545", as the
// notebooks concatenate the label strings (two digits each from 10 bins
// on, as there).
func (s Score) Code() string { return fmt.Sprintf("%d%d%d", s.R, s.F, s.M) }

// Result is the outcome of [Classify]. The zero Result has no scores.
type Result struct {
	AsOf   clientele.Date `json:"as_of"`
	Config Config         `json:"config"`
	// Edges are the bin edges over the ranks 1..N, as pandas computes
	// them (qcut's retbins=True): bin k holds the ranks in
	// (Edges[k-1], Edges[k]], the first bin Edges[0] too.
	Edges []float64 `json:"edges"`
	// Scores holds one entry per client with orders, in input order.
	Scores []Score `json:"scores"`
	// Unscored lists the clients without orders, in input order.
	Unscored []rfm.Unscored `json:"unscored,omitempty"`
}

// noOrdersReason is why a client without orders has no score: a pandas
// notebook builds its table from the orders, where such a client has no
// row.
const noOrdersReason = "no orders: recency and frequency are undefined, so the client is not scored"

// Classify scores every client with orders as the pandas RFM notebooks
// do, for any number of bins (cfg.Bins: 4 for quartiles, 5 for
// quintiles):
//
//	r = pd.qcut(df.recency.rank(method="first"), bins, labels=range(bins, 0, -1))
//	f = pd.qcut(df.frequency.rank(method="first"), bins, labels=range(1, bins+1))
//	m = pd.qcut(df.monetary.rank(method="first"), bins, labels=range(1, bins+1))
//
// with df one row per client with orders, in the order of histories.
// rank(method="first") numbers the values 1..N from the smallest, equal
// values in the order they appear; qcut cuts the ranks 1..N at the
// quantiles 0, 1/bins, ..., 1 (linear interpolation: the edges
// 1 + (N−1)·k/bins, as the floats of the pandas version of cfg.Path give
// them, see [Path]) into right-closed bins, the lowest edge included.
// Without ties each bin holds N/bins clients, give or take one.
//
// This is the NTILE-style scoring package rfm declines for its default:
// two clients with equal values can get different scores, by their place
// in the input. Use it to reproduce or compare with an existing pandas
// notebook; the midpoint scores of rfm.Classify score ties equally.
// [Result.Segments] names the segments of 5-bin scores with an rfm.Config.
//
// The monetary values are compared exactly; pandas compares float64,
// so two totals that differ only past float64's 15 to 17 significant
// digits tie there and not here.
//
// Errors (ErrInvalid, every problem at once): an invalid cfg;
// an unset or invalid asOf; an empty base; a repeated client ID; a
// malformed history or an order after asOf (as rfm.Classify); fewer than
// 2 clients with orders, where pandas' qcut raises "Bin edges must be
// unique" (all its edges are equal).
//
// Classify is a pure function: safe for concurrent use.
func Classify(histories []client.History, asOf clientele.Date, cfg Config) (Result, error) {
	var p validate.Problems
	p.Limit("histories", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	p.Date("as_of", asOf, true)
	if len(histories) == 0 {
		p.Add("histories", nil, "the client base is empty")
	} else {
		p.Each("histories", len(histories), func(q *validate.Problems, i int) { q.Merge("", histories[i].ValidateAsOf(asOf)) })
		p.Repeats("histories", "client_id", len(histories), func(i int) string { return histories[i].ClientID })
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Result{}, err
	}
	res := Result{AsOf: asOf, Config: cfg}
	n := 0
	for i := range histories {
		if histories[i].Orders > 0 {
			n++
		} else {
			res.Unscored = append(res.Unscored, rfm.Unscored{ClientID: histories[i].ClientID, Reason: noOrdersReason})
		}
	}
	if n < 2 {
		p.Add("histories", n, "clients with orders: pandas' qcut needs at least 2 (with fewer, its bin edges are all equal and it raises \"Bin edges must be unique\")")
		return Result{}, p.Err(ErrInvalid)
	}
	res.Scores = make([]Score, 0, n)
	days, orders := make([]int64, 0, n), make([]int64, 0, n)
	var money exactsum.Builder
	money.Grow(n)
	for i := range histories {
		h := &histories[i]
		if h.Orders == 0 {
			continue
		}
		d := int64(asOf.Sub(h.LastOrder))
		res.Scores = append(res.Scores, Score{ClientID: h.ClientID, RecencyDays: d, Frequency: h.Orders, Monetary: h.Total})
		days = append(days, d)
		orders = append(orders, int64(h.Orders))
		money.Append(h.Total)
	}
	a, err := money.Amounts()
	if err != nil { // unreachable: ValidateAsOf range-checked every total
		return Result{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	bins := cfg.Bins
	res.Edges = edges(n, bins, cfg.Path)
	var s sorter
	s.cut(s.firstRanks(days), res.Edges, func(i, rank, bin int) {
		res.Scores[i].RecencyRank, res.Scores[i].R = rank, bins+1-bin
	})
	s.cut(s.firstRanks(orders), res.Edges, func(i, rank, bin int) {
		res.Scores[i].FrequencyRank, res.Scores[i].F = rank, bin
	})
	s.cut(s.moneyRanks(&a), res.Edges, func(i, rank, bin int) {
		res.Scores[i].MonetaryRank, res.Scores[i].M = rank, bin
	})
	return res, nil
}

// sorter orders the clients of one measure after another, sharing the
// scratch space of the radix sort.
type sorter struct {
	keys, keyBuf []uint64
	order, obuf  []int32
}

// firstRanks returns the client indices from the smallest value up,
// equal values in input order: position p holds the client of rank p+1
// under rank(method="first"). The radix sort is stable, so input order
// settles ties.
func (s *sorter) firstRanks(values []int64) []int32 {
	if s.keys == nil {
		n := len(values)
		s.keys, s.keyBuf = make([]uint64, n), make([]uint64, n)
		s.order, s.obuf = make([]int32, n), make([]int32, n)
	}
	for i, v := range values {
		s.keys[i], s.order[i] = radix.FromInt64(v), int32(i)
	}
	_, order := radix.Sort(s.keys, s.keyBuf, s.order, s.obuf)
	return order
}

// moneyRanks is firstRanks for the order totals, exact: int64 units go
// through the radix sort, wider ones through a stable comparison sort.
func (s *sorter) moneyRanks(a *exactsum.Amounts) []int32 {
	if ints := a.Ints(); ints != nil {
		return s.firstRanks(ints)
	}
	order := make([]int32, a.Len())
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return a.Cmp(int(x), int(y)) })
	return order
}

// cut bins the ranks 1..N of order (order[p] has rank p+1) and hands
// each client its rank and bin.
func (s *sorter) cut(order []int32, edges []float64, set func(i, rank, bin int)) {
	bin := 1
	for p, i := range order {
		bin = binOf(edges, float64(p+1), bin)
		set(int(i), p+1, bin)
	}
}

// Segments names the segment of every score (aligned with Scores)
// through cfg, the 5×5×5 map of package rfm: for 5 bins only.
func (r Result) Segments(cfg rfm.Config) ([]string, error) {
	var p validate.Problems
	if r.Config.Bins != 5 {
		p.Add("result.config.bins", r.Config.Bins, "must be 5: an rfm.Config maps scores 1 to 5")
	}
	grid, err := cfg.Resolve()
	p.Merge("map", err)
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	out := make([]string, len(r.Scores))
	for i, s := range r.Scores {
		out[i] = grid[fmt.Sprintf("R%dF%dM%d", s.R, s.F, s.M)]
	}
	return out, nil
}

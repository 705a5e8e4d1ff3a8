package rfm

import (
	"fmt"
	"slices"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Classify scores every client of the base on recency, frequency and monetary
// value as of asOf, and names its segment through cfg.
//
// # Scores
//
// Recency is the calendar days from the day of the last order to asOf
// (asOf.Sub(LastOrder); fewer is better): an order on the 1st is 1 day
// old on the 2nd, whatever the hours, frequency the number of orders, monetary the order total.
// Each is scored 1 to 5 from the client's midpoint percentile rank among
// the N clients with orders (Wikipedia, [Percentile rank]: PR =
// (CF − 0.5·F)/N, with CF the number of values up to and including the
// client's and F the number equal to it). With L the clients strictly
// worse on the measure and E those equal to it, the client included,
//
//	PR    = (L + E/2) / N
//	score = 1 + floor(5·PR) = 1 + floor(5·(2L + E) / (2N))
//
// computed in integers. PR lies strictly between 0 and 1 (E ≥ 1 and
// L + E ≤ N), so every score is 1 to 5, and a better value never scores
// lower. Without ties a client scores the quintile that holds the middle
// of its position: five clients score 1, 2, 3, 4, 5; of ten, the two
// worst score 1, the next two 2, and the two best 5. Each [Score]
// carries its three ranks (L and E), the result's [Bands] show the
// values that got each score, and [Result.Explain] writes the
// arithmetic for one client.
//
// # Ties
//
// Equal values get equal scores: a tie group is ranked at its middle.
// Seven clients with 3, 3, 3, 6, 12, 12 and 12 orders score F2 (PR
// 1.5/7), F3 (3.5/7) and F4 (5.5/7). A single client, or a base where
// everyone has the same value, scores 3 (PR 1/2): the measure sets no
// one apart. With many ties some scores go unused (an empty band) and the
// others hold more than a fifth each; that is the price of scoring equal
// clients equally. The midpoint rank is also (average rank − 1/2)/N with
// the average rank of pandas rank(method="average") or a spreadsheet's
// RANK.AVG.
//
// Two other rules were rejected. RANK() style, where a tie group takes
// its worst position (score 1 + floor(5·L/N), as SQL's RANK()), pushes
// every tie down: the worst group scores 1 however large it is, the best
// group needs four fifths of the base below it to score 5, and the three
// clients with 12 orders above, the best value of the base, would score
// F3 like a middling client. NTILE style (SQL NTILE(5), pandas
// rank(method="first") then fifths by position) makes even fifths by
// splitting equal values by their order of arrival, so two identical
// clients get different scores that no manager can explain. Package
// qcut offers it, bit for bit as pandas computes it, to reproduce and
// compare with an existing notebook.
//
// # Input
//
// histories is the client base, one History per client. A client with
// no orders is not scored: it is listed in Unscored with the reason, and
// it does not count in N. Errors (ErrInvalid, every problem at
// once, each naming the field, the client and the value): an invalid
// cfg, an unset or invalid asOf, an empty base, a repeated client ID, a malformed
// history (a negative total, a total with more than 30 decimal places,
// orders without dates...), and an order date after asOf.
//
// RFM is a pure function: safe for concurrent use.
//
// [Percentile rank]: https://en.wikipedia.org/wiki/Percentile_rank
func Classify(histories []client.History, asOf clientele.Date, cfg Config) (Result, error) {
	var p validate.Problems
	p.Limit("histories", validate.MaxListed)
	table, err := cfg.resolve()
	p.Merge("config", err)
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

	res := Result{AsOf: asOf, Config: Config{Rules: slices.Clone(cfg.Rules)}}
	n := 0
	for i := range histories {
		if histories[i].Orders > 0 {
			n++
		} else {
			res.Unscored = append(res.Unscored, Unscored{ClientID: histories[i].ClientID, Reason: noOrdersReason})
		}
	}
	res.Scores = make([]Score, n)
	recency, frequency := make([]int64, n), make([]int64, n)
	var money exactsum.Builder
	money.Grow(n)
	j := 0
	for i := range histories {
		h := &histories[i]
		if h.Orders == 0 {
			continue
		}
		days := int64(asOf.Sub(h.LastOrder))
		res.Scores[j] = Score{ClientID: h.ClientID, RecencyDays: days, Frequency: h.Orders, Monetary: h.Total}
		recency[j] = -days // larger is better: fewer days
		frequency[j] = int64(h.Orders)
		money.Append(h.Total)
		j++
	}
	a, err := money.Amounts()
	if err != nil { // unreachable: historyInputCheck range-checked every total
		return Result{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	var ranks [3]ranked
	ranks, res.Bands = rankAll(n, sliceKey(recency), sliceKey(frequency), &a)

	// One pass writes the ranks, scores and segment of every client:
	// the scores are the largest array here, and each pass over them
	// costs more than the work done in it.
	counts := make([]int, len(cfg.Rules))
	for i := range res.Scores {
		s := &res.Scores[i]
		r, f, m := ranks[0].at(i), ranks[1].at(i), ranks[2].at(i)
		s.RecencyRank, s.R = r.rank(), int(r.score)
		s.FrequencyRank, s.F = f.rank(), int(f.score)
		s.MonetaryRank, s.M = m.rank(), int(m.score)
		rule := int(table[cellOf(s.R, s.F, s.M)])
		s.Rule = rule
		s.Segment = cfg.Rules[rule].Segment
		counts[rule]++
	}
	res.Segments = segmentCounts(cfg, counts)
	return res, nil
}

// segmentCounts adds up per-rule counts by segment name, in the order
// the names first appear.
func segmentCounts(cfg Config, counts []int) []SegmentCount {
	var out []SegmentCount
	for i, r := range cfg.Rules {
		k := slices.IndexFunc(out, func(c SegmentCount) bool { return c.Segment == r.Segment })
		if k < 0 {
			out = append(out, SegmentCount{Segment: r.Segment})
			k = len(out) - 1
		}
		out[k].Clients += counts[i]
	}
	return out
}

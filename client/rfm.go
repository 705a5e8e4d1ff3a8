package client

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// The segment names of [DefaultRFMConfig]. A host's own map may use any
// names; these are the ones of the public R×F grid the default follows.
const (
	RFMChampions         = "champions"
	RFMLoyal             = "loyal"
	RFMPotentialLoyalist = "potential_loyalist"
	RFMNew               = "new"
	RFMPromising         = "promising"
	RFMNeedsAttention    = "needs_attention"
	RFMAboutToSleep      = "about_to_sleep"
	RFMAtRisk            = "at_risk"
	RFMCannotLose        = "cannot_lose"
	RFMHibernating       = "hibernating"
	RFMLost              = "lost"
)

// RFMRange is an inclusive range of scores within 1..5. The zero value
// (omitted in JSON) matches every score.
type RFMRange struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// IsZero reports whether r is the zero range, which matches any score.
func (r RFMRange) IsZero() bool { return r == RFMRange{} }

// Contains reports whether score s lies in r.
func (r RFMRange) Contains(s int) bool { return r.IsZero() || s >= r.Min && s <= r.Max }

// String writes the range as "4-5", "5", or "any".
func (r RFMRange) String() string {
	switch {
	case r.IsZero():
		return "any"
	case r.Min == r.Max:
		return fmt.Sprint(r.Min)
	default:
		return fmt.Sprintf("%d-%d", r.Min, r.Max)
	}
}

// RFMRule names the segment of the clients whose three scores fall in
// its ranges.
type RFMRule struct {
	Segment   string   `json:"segment"`
	Recency   RFMRange `json:"recency,omitzero"`
	Frequency RFMRange `json:"frequency,omitzero"`
	Monetary  RFMRange `json:"monetary,omitzero"`
}

func (r RFMRule) matches(rs, fs, ms int) bool {
	return r.Recency.Contains(rs) && r.Frequency.Contains(fs) && r.Monetary.Contains(ms)
}

// String writes the rule as "champions: R5 F4-5", leaving out the
// ranges that match any score ("everyone: any scores").
func (r RFMRule) String() string {
	var parts []string
	for _, x := range []struct {
		letter string
		r      RFMRange
	}{{"R", r.Recency}, {"F", r.Frequency}, {"M", r.Monetary}} {
		if !x.r.IsZero() {
			parts = append(parts, x.letter+x.r.String())
		}
	}
	if len(parts) == 0 {
		return r.Segment + ": any scores"
	}
	return r.Segment + ": " + strings.Join(parts, " ")
}

// RFMConfig is the score-to-segment map: an ordered list of rules, data
// that a host loads from JSON. A client falls in the segment of the first
// rule whose ranges hold all three of its scores: first match wins, so a
// narrow rule placed before a broad one carves out an exception.
//
// Validate proves the map total: every one of the 5×5×5 = 125 score
// combinations is matched by some rule, and every rule is the first match
// for at least one combination (a rule entirely hidden behind earlier
// rules is dead data, almost always a mistake, and reported). Several
// rules may name the same segment, to build a segment that is not one
// rectangle of the grid.
type RFMConfig struct {
	Rules []RFMRule `json:"rules"`
}

// DefaultRFMConfig returns the widely used R×F segment grid of the public
// RFM tutorials (the regular-expression `seg_map` of the CRM-analytics
// course notebooks on the UCI Online Retail II data, reproduced in many
// public notebooks), in which the monetary score does not pick the
// segment:
//
//	R\F  1               2                   3                   4          5
//	5    new             potential_loyalist  potential_loyalist  champions  champions
//	4    promising       potential_loyalist  potential_loyalist  loyal      loyal
//	3    about_to_sleep  about_to_sleep      needs_attention     loyal      loyal
//	2    hibernating     hibernating         at_risk             at_risk    cannot_lose
//	1    lost            lost                at_risk             at_risk    cannot_lose
//
// One adaptation: the published
// grid calls all of R1-2 F1-2 "hibernating"; this default keeps that
// name for R2 and calls R1 F1-2 "lost", the eleventh segment of the usual
// eleven-segment list, so the clients who left longest ago are told
// apart from those drifting away.
func DefaultRFMConfig() RFMConfig {
	rng := func(lo, hi int) RFMRange { return RFMRange{Min: lo, Max: hi} }
	return RFMConfig{Rules: []RFMRule{
		{Segment: RFMChampions, Recency: rng(5, 5), Frequency: rng(4, 5)},
		{Segment: RFMLoyal, Recency: rng(3, 4), Frequency: rng(4, 5)},
		{Segment: RFMPotentialLoyalist, Recency: rng(4, 5), Frequency: rng(2, 3)},
		{Segment: RFMNew, Recency: rng(5, 5), Frequency: rng(1, 1)},
		{Segment: RFMPromising, Recency: rng(4, 4), Frequency: rng(1, 1)},
		{Segment: RFMNeedsAttention, Recency: rng(3, 3), Frequency: rng(3, 3)},
		{Segment: RFMAboutToSleep, Recency: rng(3, 3), Frequency: rng(1, 2)},
		{Segment: RFMAtRisk, Recency: rng(1, 2), Frequency: rng(3, 4)},
		{Segment: RFMCannotLose, Recency: rng(1, 2), Frequency: rng(5, 5)},
		{Segment: RFMHibernating, Recency: rng(2, 2), Frequency: rng(1, 2)},
		{Segment: RFMLost, Recency: rng(1, 1), Frequency: rng(1, 2)},
	}}
}

// rfmTable is a resolved map: the index of the winning rule for each
// score combination, at rfmCell(r, f, m).
type rfmTable [125]int16

func rfmCell(r, f, m int) int { return (r-1)*25 + (f-1)*5 + (m - 1) }

// Validate reports every problem with the map at once (the first 100
// of them, and how many more): no rules, more than 125, a missing or
// malformed segment name, a range outside 1..5 or reversed,
// the score combinations no rule covers, and the rules that never apply
// because earlier rules take every combination they cover.
func (c RFMConfig) Validate() error {
	_, err := c.resolve()
	return err
}

// Resolve returns the segment of every score combination as the map
// assigns it, keyed "R5F4M1", for a host to display or review the whole
// map at once. It fails as Validate does.
func (c RFMConfig) Resolve() (map[string]string, error) {
	t, err := c.resolve()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(t))
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			for m := 1; m <= 5; m++ {
				out[fmt.Sprintf("R%dF%dM%d", r, f, m)] = c.Rules[t[rfmCell(r, f, m)]].Segment
			}
		}
	}
	return out, nil
}

func (c RFMConfig) resolve() (rfmTable, error) {
	var p validate.Problems
	p.Limit("rules", validate.MaxListed)
	var t rfmTable
	switch {
	case len(c.Rules) == 0:
		p.Add("rules", nil, "must list at least one rule")
		return t, p.Err(ErrInvalid)
	case len(c.Rules) > len(t):
		// Each rule must be the first match of some combination, so a map
		// of more rules than combinations has dead rules: refused before
		// resolving, which would cost 125 scans of the whole list.
		p.Addf("rules", len(c.Rules), "must list at most %d rules: there are only %d score combinations for them to name", len(t), len(t))
		return t, p.Err(ErrInvalid)
	}
	for i, r := range c.Rules {
		f := fmt.Sprintf("rules[%d]", i)
		checkName(&p, f+".segment", r.Segment)
		rfmCheckRange(&p, f+".recency", r.Recency)
		rfmCheckRange(&p, f+".frequency", r.Frequency)
		rfmCheckRange(&p, f+".monetary", r.Monetary)
	}
	if p.Len() > 0 {
		return t, p.Err(ErrInvalid)
	}
	wins := make([]int, len(c.Rules))
	var gaps []string
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			var missing []int
			for m := 1; m <= 5; m++ {
				i := slices.IndexFunc(c.Rules, func(rule RFMRule) bool { return rule.matches(r, f, m) })
				if i < 0 {
					missing = append(missing, m)
					continue
				}
				t[rfmCell(r, f, m)] = int16(i)
				wins[i]++
			}
			switch len(missing) {
			case 0:
			case 5:
				gaps = append(gaps, fmt.Sprintf("R%dF%d", r, f))
			default:
				for _, m := range missing {
					gaps = append(gaps, fmt.Sprintf("R%dF%dM%d", r, f, m))
				}
			}
		}
	}
	if len(gaps) > 0 {
		p.Addf("rules", nil, "no rule covers %s (every combination of scores needs a segment)", strings.Join(gaps, ", "))
	}
	for i, w := range wins {
		if w == 0 {
			p.Addf(fmt.Sprintf("rules[%d]", i), c.Rules[i].String(),
				"never applies: earlier rules match every score combination it covers (the first matching rule wins)")
		}
	}
	return t, p.Err(ErrInvalid)
}

func rfmCheckRange(p *validate.Problems, field string, r RFMRange) {
	if r.IsZero() {
		return
	}
	if r.Min < 1 || r.Max > 5 || r.Min > r.Max {
		p.Addf(field, fmt.Sprintf("%d-%d", r.Min, r.Max), "must be a range within 1..5 with min <= max (omit it to match any score)")
	}
}

// RFMScore is one client's RFM position: the three measures, the three
// scores, and the segment with the rule that named it.
type RFMScore struct {
	ClientID string `json:"client_id"`
	// RecencyDays is the whole days from the last order to the as-of date.
	RecencyDays int64 `json:"recency_days"`
	// Frequency is the number of orders.
	Frequency int `json:"frequency"`
	// Monetary is the total of the orders.
	Monetary decimal.Decimal `json:"monetary"`
	// R, F and M are the scores 1 (worst fifth) to 5 (best fifth).
	R int `json:"r"`
	F int `json:"f"`
	M int `json:"m"`
	// Segment is the segment of the winning rule, Rule its index in the
	// config.
	Segment string `json:"segment"`
	Rule    int    `json:"rule"`
}

// Code returns the scores as the customary three digits, such as "545".
func (s RFMScore) Code() string { return fmt.Sprintf("%d%d%d", s.R, s.F, s.M) }

// RFMUnscored is a client RFM cannot rank, with the reason.
type RFMUnscored struct {
	ClientID string `json:"client_id"`
	Reason   string `json:"reason"`
}

// rfmNoOrders is the reason a client without orders has no RFM score:
// recency has no last order to count from and ranking it as "worst"
// would be a guess.
const rfmNoOrders = "no orders: recency and frequency are undefined, so the client is not scored"

// RFMCutoffs are the four quintile boundaries of each measure over the
// scored clients: the nearest-rank 20th, 40th, 60th and 80th percentiles,
// counted from the worst value to the best. A client's score is 1 plus
// the number of cut-offs its value is strictly better than.
type RFMCutoffs struct {
	// RecencyDays, from the most days (worst) to the fewest: a client
	// scores one more for every cut-off that is more days than its own.
	RecencyDays [4]int64 `json:"recency_days"`
	// Frequency, ascending: one more for every cut-off below its count.
	Frequency [4]int64 `json:"frequency"`
	// Monetary, ascending: one more for every cut-off below its total.
	Monetary [4]decimal.Decimal `json:"monetary"`
}

// RFMSegmentCount is how many scored clients fell in one segment.
type RFMSegmentCount struct {
	Segment string `json:"segment"`
	Clients int    `json:"clients"`
}

// RFMResult is the outcome of [RFM].
type RFMResult struct {
	AsOf time.Time `json:"as_of"`
	// Config is the segment map that named the segments; RFMScore.Rule
	// indexes its rules.
	Config RFMConfig `json:"config"`
	// Scores holds one entry per client with orders, in input order.
	Scores []RFMScore `json:"scores"`
	// Unscored lists the clients without orders, in input order.
	Unscored []RFMUnscored `json:"unscored,omitempty"`
	// Cutoffs are meaningful only when Scores is not empty.
	Cutoffs RFMCutoffs `json:"cutoffs"`
	// Segments counts the scored clients per segment, in the order the
	// segments first appear in the map; empty segments are listed too.
	Segments []RFMSegmentCount `json:"segments"`
}

// Explain says in words why s, one of r.Scores, got its scores and
// segment, from the cut-offs and the map of r.
func (r RFMResult) Explain(s RFMScore) string {
	c := r.Cutoffs
	rule := "?"
	if s.Rule >= 0 && s.Rule < len(r.Config.Rules) {
		rule = r.Config.Rules[s.Rule].String()
	}
	return fmt.Sprintf("recency %d days: R%d (cut-offs %v days, fewer is better); "+
		"frequency %d orders: F%d (cut-offs %v); monetary %s: M%d (cut-offs %v); "+
		"segment %s by rule %d (%s)",
		s.RecencyDays, s.R, c.RecencyDays, s.Frequency, s.F, c.Frequency, s.Monetary, s.M, c.Monetary,
		s.Segment, s.Rule, rule)
}

// RFM scores every client of the base on recency, frequency and monetary
// value as of asOf, and names its segment through cfg.
//
// # Scores
//
// Recency is the whole days from the last order to asOf (fewer is
// better), frequency the number of orders, monetary the order total.
// Each is scored 1 to 5 by quintiles of the clients with orders: the
// cut-offs are the nearest-rank 20th, 40th, 60th and 80th percentiles
// (Wikipedia, "Percentile", the nearest-rank method: the P-th percentile
// of N ordered values is the value at rank ceil(P/100 × N)), taken from
// the worst value to the best, and a client scores 1 plus the number of
// cut-offs its value is strictly better than. Equivalently, with L the
// number of clients strictly worse on the measure, the score is
// 1 + floor(5·L/N).
//
// # Ties
//
// Equal values always get equal scores: a tie group takes the score of
// its first (worst) position, like SQL's RANK(). So when many clients
// share a value the fifths are uneven: if 40% of clients ordered once,
// they all score F1 and F2 may be empty; a group of equal best values
// larger than a fifth cannot reach 5. This is deliberate: splitting equal
// values by arrival order (SQL NTILE, pandas rank(method="first")) gives
// two identical clients different scores. With fewer than five clients
// not every score is used.
//
// # Input
//
// histories is the client base, one History per client. A client with
// no orders is not scored: it is listed in Unscored with the reason, and
// it does not count in the quintiles. Errors (client.ErrInvalid, every
// problem at once, each naming the field, the client and the value): an
// invalid cfg, a zero asOf, an empty base, a repeated client ID, a
// malformed history (a negative total, a total with more than 30 decimal
// places, orders without dates...), and an order date after asOf.
//
// RFM is a pure function: safe for concurrent use.
func RFM(histories []History, asOf time.Time, cfg RFMConfig) (RFMResult, error) {
	var p validate.Problems
	p.Limit("histories", validate.MaxListed)
	table, err := cfg.resolve()
	p.Merge("config", err)
	if asOf.IsZero() {
		p.Add("as_of", nil, "is required")
	}
	historyInputCheck(&p, "histories", histories, asOf)
	if err := p.Err(ErrInvalid); err != nil {
		return RFMResult{}, err
	}

	res := RFMResult{AsOf: asOf, Config: RFMConfig{Rules: slices.Clone(cfg.Rules)}}
	n := 0
	for i := range histories {
		if histories[i].Orders > 0 {
			n++
		} else {
			res.Unscored = append(res.Unscored, RFMUnscored{ClientID: histories[i].ClientID, Reason: rfmNoOrders})
		}
	}
	res.Scores = make([]RFMScore, n)
	recency := make([]int64, n) // negated days: larger is better
	frequency := make([]int64, n)
	var money exactsum.Builder
	money.Grow(n)
	j := 0
	for i := range histories {
		h := &histories[i]
		if h.Orders == 0 {
			continue
		}
		days := historyDays(h.LastOrder, asOf)
		res.Scores[j] = RFMScore{ClientID: h.ClientID, RecencyDays: days, Frequency: h.Orders, Monetary: h.Total}
		recency[j] = -days
		frequency[j] = int64(h.Orders)
		money.Append(h.Total)
		j++
	}
	counts := make([]int, len(cfg.Rules))
	if n == 0 {
		res.Segments = rfmSegmentCounts(cfg, counts)
		return res, nil
	}

	scratch, buf := make([]uint64, n), make([]uint64, n)
	cut := rfmCutoffs(recency, scratch, buf)
	for k, c := range cut {
		res.Cutoffs.RecencyDays[k] = -c
	}
	rfmApply(res.Scores, recency, cut, func(s *RFMScore, v int) { s.R = v })
	cut = rfmCutoffs(frequency, scratch, buf)
	res.Cutoffs.Frequency = cut
	rfmApply(res.Scores, frequency, cut, func(s *RFMScore, v int) { s.F = v })
	a, err := money.Amounts()
	if err != nil { // unreachable: historyInputCheck range-checked every total
		return RFMResult{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	res.Cutoffs.Monetary = rfmScoreMonetary(res.Scores, &a, scratch, buf)

	for i := range res.Scores {
		s := &res.Scores[i]
		rule := int(table[rfmCell(s.R, s.F, s.M)])
		s.Rule = rule
		s.Segment = cfg.Rules[rule].Segment
		counts[rule]++
	}
	res.Segments = rfmSegmentCounts(cfg, counts)
	return res, nil
}

// rfmSegmentCounts adds up per-rule counts by segment name, in the order
// the names first appear.
func rfmSegmentCounts(cfg RFMConfig, counts []int) []RFMSegmentCount {
	var out []RFMSegmentCount
	for i, r := range cfg.Rules {
		k := slices.IndexFunc(out, func(c RFMSegmentCount) bool { return c.Segment == r.Segment })
		if k < 0 {
			out = append(out, RFMSegmentCount{Segment: r.Segment})
			k = len(out) - 1
		}
		out[k].Clients += counts[i]
	}
	return out
}

// rfmCutoffs returns the nearest-rank 20th, 40th, 60th and 80th
// percentiles of keys (larger is better), sorting a copy in the scratch
// buffers (each len(keys)).
func rfmCutoffs(keys []int64, scratch, buf []uint64) [4]int64 {
	for i, k := range keys {
		scratch[i] = radix.FromInt64(k)
	}
	sorted, _ := radix.Sort(scratch, buf, nil, nil)
	var cut [4]int64
	for k := range cut {
		cut[k] = radix.ToInt64(sorted[nearestRank(len(sorted), 20*(k+1))])
	}
	return cut
}

// rfmApply scores every key: 1 plus the number of cut-offs strictly
// below it.
func rfmApply(scores []RFMScore, keys []int64, cut [4]int64, set func(*RFMScore, int)) {
	for i, v := range keys {
		s := 1
		for _, c := range cut {
			if v > c {
				s++
			}
		}
		set(&scores[i], s)
	}
}

// rfmScoreMonetary sets every M and returns the monetary cut-offs,
// ranking the totals as exact integer units at one exponent (exactsum):
// no decimal.Cmp, which allocates whenever two exponents differ. Units
// that fit int64 (any total of up to 18 significant digits at the common
// exponent) are radix-sorted like recency and frequency; wider ones go
// through rfmScoreWide.
func rfmScoreMonetary(scores []RFMScore, a *exactsum.Amounts, scratch, buf []uint64) [4]decimal.Decimal {
	ints := a.Ints()
	if ints == nil {
		return rfmScoreWide(scores, a)
	}
	cut := rfmCutoffs(ints, scratch, buf)
	rfmApply(scores, ints, cut, func(s *RFMScore, v int) { s.M = v })
	var out [4]decimal.Decimal
	for k, c := range cut {
		out[k] = decimal.New(c, a.Exp())
	}
	return out
}

// rfmScoreWide is the exact path for units too wide for int64: the same
// nearest-rank cut-offs, found by a comparison sort of the big-integer
// units (exactsum compares them without allocating).
func rfmScoreWide(scores []RFMScore, a *exactsum.Amounts) [4]decimal.Decimal {
	order := make([]int, a.Len())
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, a.Cmp)
	var at [4]int
	var out [4]decimal.Decimal
	for k := range at {
		at[k] = order[nearestRank(len(order), 20*(k+1))]
		out[k] = scores[at[k]].Monetary
	}
	for i := range scores {
		s := 1
		for _, c := range at {
			if a.Cmp(i, c) > 0 {
				s++
			}
		}
		scores[i].M = s
	}
	return out
}

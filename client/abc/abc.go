package client

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// ClientTotals is what one client brought over the analysed period (the
// host picks it: the last 12 months, a calendar year): its revenue and its
// profit, in the host's single reporting currency. ABC and KeyClients
// rank clients by one of the two ([ABCMeasure]).
type ClientTotals struct {
	ClientID string `json:"client_id"`
	// Revenue is never negative: returns are netted by the host before.
	Revenue decimal.Decimal `json:"revenue"`
	// Profit may be negative: a loss-making client.
	Profit decimal.Decimal `json:"profit"`
}

// ABCMeasure is the value clients are ranked by.
type ABCMeasure uint8

const (
	// ABCByRevenue ranks by revenue (sales volume), the classic ABC.
	ABCByRevenue ABCMeasure = iota + 1
	// ABCByProfit ranks by profit, what the article's key-client rule
	// counts ("a few key clients bring more than 50% of the profit").
	ABCByProfit
)

var abcMeasureNames = enum.Names{"", "revenue", "profit"}

// ParseABCMeasure returns the measure named s ("revenue", "profit").
func ParseABCMeasure(s string) (ABCMeasure, error) {
	return enum.Parse[ABCMeasure](abcMeasureNames, "ABC measure", s)
}

func (m ABCMeasure) String() string { return enum.String(abcMeasureNames, "ABCMeasure", m) }

// IsValid reports whether m is a named measure.
func (m ABCMeasure) IsValid() bool { return enum.Valid(abcMeasureNames, m) }

// MarshalText implements encoding.TextMarshaler; an unset measure is an error.
func (m ABCMeasure) MarshalText() ([]byte, error) {
	return enum.Marshal(abcMeasureNames, "ABCMeasure", m)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (m *ABCMeasure) UnmarshalText(b []byte) error {
	return enum.Unmarshal(abcMeasureNames, "ABC measure", m, b)
}

// value returns the measure of t.
func (m ABCMeasure) value(t *ClientTotals) decimal.Decimal {
	if m == ABCByProfit {
		return t.Profit
	}
	return t.Revenue
}

// ABCBoundary decides the class of the client whose share carries the
// cumulative share across a class threshold: with A up to 80 %, the
// client that takes the cumulative share from 78 % to 83 %.
type ABCBoundary uint8

const (
	// ABCCrossingIn puts the crossing client in the upper class: A is the
	// smallest group of top clients that holds at least the A threshold
	// of the total. A is never empty, even when one client alone holds
	// 90 %. A client that brings the cumulative share exactly to the
	// threshold is "within" it either way.
	ABCCrossingIn ABCBoundary = iota + 1
	// ABCCrossingOut puts it in the next class: A holds only clients whose
	// cumulative share, their own included, is at most the threshold
	// (the spreadsheet rule "cumulative ≤ 80 % → A"). A may hold less
	// than the threshold, and is empty when the top client alone exceeds it.
	ABCCrossingOut
)

var abcBoundaryNames = enum.Names{"", "crossing_in", "crossing_out"}

// ParseABCBoundary returns the rule named s ("crossing_in", "crossing_out").
func ParseABCBoundary(s string) (ABCBoundary, error) {
	return enum.Parse[ABCBoundary](abcBoundaryNames, "ABC boundary rule", s)
}

func (b ABCBoundary) String() string { return enum.String(abcBoundaryNames, "ABCBoundary", b) }

// IsValid reports whether b is a named rule.
func (b ABCBoundary) IsValid() bool { return enum.Valid(abcBoundaryNames, b) }

// MarshalText implements encoding.TextMarshaler; an unset rule is an error.
func (b ABCBoundary) MarshalText() ([]byte, error) {
	return enum.Marshal(abcBoundaryNames, "ABCBoundary", b)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (r *ABCBoundary) UnmarshalText(b []byte) error {
	return enum.Unmarshal(abcBoundaryNames, "ABC boundary rule", r, b)
}

// ABCClass is a client's ABC class: A brings most of the value, C the least.
type ABCClass uint8

const (
	ABCClassA ABCClass = iota + 1
	ABCClassB
	ABCClassC
)

var abcClassNames = enum.Names{"", "A", "B", "C"}

// ParseABCClass returns the class named s ("A", "B", "C").
func ParseABCClass(s string) (ABCClass, error) {
	return enum.Parse[ABCClass](abcClassNames, "ABC class", s)
}

func (c ABCClass) String() string { return enum.String(abcClassNames, "ABCClass", c) }

// IsValid reports whether c is A, B or C.
func (c ABCClass) IsValid() bool { return enum.Valid(abcClassNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset class is an error.
func (c ABCClass) MarshalText() ([]byte, error) { return enum.Marshal(abcClassNames, "ABCClass", c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *ABCClass) UnmarshalText(b []byte) error {
	return enum.Unmarshal(abcClassNames, "ABC class", c, b)
}

// ABCReason says why a client got its class.
type ABCReason uint8

const (
	// ABCWithin: the cumulative share with this client included is at
	// most the class threshold.
	ABCWithin ABCReason = iota + 1
	// ABCCrossing: this client carried the cumulative share past the
	// class threshold and the ABCCrossingIn rule kept it in the class.
	ABCCrossing
	// ABCBeyond: the cumulative share is past the B threshold: class C.
	ABCBeyond
	// ABCNoValue: the client brought nothing (zero revenue or profit):
	// always C, whatever the thresholds.
	ABCNoValue
	// ABCLoss: the client lost money (negative profit, ranking by profit
	// only): always C, and left out of the total the shares divide.
	ABCLoss
)

var abcReasonNames = enum.Names{"", "within_threshold", "crossing_threshold", "beyond_thresholds", "no_value", "loss"}

func (r ABCReason) String() string { return enum.String(abcReasonNames, "ABCReason", r) }

// IsValid reports whether r is a named reason.
func (r ABCReason) IsValid() bool { return enum.Valid(abcReasonNames, r) }

// MarshalText implements encoding.TextMarshaler.
func (r ABCReason) MarshalText() ([]byte, error) {
	return enum.Marshal(abcReasonNames, "ABCReason", r)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (r *ABCReason) UnmarshalText(b []byte) error {
	return enum.Unmarshal(abcReasonNames, "ABC reason", r, b)
}

// ABCConfig sets the ABC thresholds. Thresholds are cumulative shares in
// percent points ("80" means 80 %).
type ABCConfig struct {
	Measure ABCMeasure `json:"measure"`
	// AMaxPct: class A runs up to this cumulative share. Default 80.
	AMaxPct decimal.Decimal `json:"a_max_pct"`
	// BMaxPct: class B runs from A's threshold up to this one; the rest
	// is C. Default 95. Equal to AMaxPct means no class B.
	BMaxPct  decimal.Decimal `json:"b_max_pct"`
	Boundary ABCBoundary     `json:"boundary"`
}

// DefaultABCConfig ranks by revenue with the classic Pareto split: A up to
// 80 % of the cumulative value, B up to 95 %, C the last 5 % (the 80/15/5
// split of ABC practice), and the crossing client kept in the upper class
// (see ABCCrossingIn). Revenue is the default measure because every host
// has it; rank by profit when per-client profit is known.
func DefaultABCConfig() ABCConfig {
	return ABCConfig{
		Measure:  ABCByRevenue,
		AMaxPct:  decimal.NewFromInt(80),
		BMaxPct:  decimal.NewFromInt(95),
		Boundary: ABCCrossingIn,
	}
}

// Validate reports every problem with the config at once.
func (c ABCConfig) Validate() error {
	var p validate.Problems
	if !c.Measure.IsValid() {
		p.Add("measure", c.Measure, "unknown measure (want revenue or profit)")
	}
	checkThresholds(&p, "a_max_pct", c.AMaxPct, "b_max_pct", c.BMaxPct)
	if !c.Boundary.IsValid() {
		p.Add("boundary", c.Boundary, "unknown boundary rule (want crossing_in or crossing_out)")
	}
	return p.Err(ErrInvalid)
}

// checkThresholds checks two class thresholds lo ≤ hi (ABC's cumulative
// shares, XYZ's coefficients of variation), each a percentage above 0
// and at most 100.
func checkThresholds(p *validate.Problems, loField string, lo decimal.Decimal, hiField string, hi decimal.Decimal) {
	okLo := p.Share(loField, lo)
	okHi := p.Share(hiField, hi)
	if okLo && okHi && lo.GreaterThan(hi) {
		p.Addf(hiField, hi, "must not be below %s (%s)", loField, lo)
	}
}

// ABCRow is one client's place in the ranking.
type ABCRow struct {
	// Rank is 1 for the client with the largest value; equal values are
	// ranked by ClientID (byte order), so the result never depends on the
	// order of the input.
	Rank     int             `json:"rank"`
	ClientID string          `json:"client_id"`
	Value    decimal.Decimal `json:"value"`
	// SharePct is Value / Total × 100 and CumulativePct the same for this
	// client and every client ranked above it (loss-makers and zeros add
	// nothing, so theirs stays at 100). Both are float64 for display
	// only: the class was decided in exact arithmetic (see ABC).
	SharePct      float64   `json:"share_pct"`
	CumulativePct float64   `json:"cumulative_pct"`
	Class         ABCClass  `json:"class"`
	Reason        ABCReason `json:"reason"`
}

// ABCClassSummary totals one class.
type ABCClassSummary struct {
	Class   ABCClass `json:"class"`
	Clients int      `json:"clients"`
	// Value is the exact sum of the class's positive values (losses are
	// in ABCResult.Losses); SharePct its share of the total, for display.
	Value    decimal.Decimal `json:"value"`
	SharePct float64         `json:"share_pct"`
	// LastClientID is the lowest-ranked client of the class ("" when the
	// class is empty): where the boundary fell.
	LastClientID string `json:"last_client_id,omitempty"`
}

// ABCResult is the ABC segmentation and what it was computed from.
type ABCResult struct {
	Config ABCConfig `json:"config"`
	// Rows are in input order: Rows[i] is totals[i]. Sort by Rank for
	// the ranking.
	Rows []ABCRow `json:"rows"`
	// Total is the sum of the positive values: the 100 % the shares are
	// shares of. Ranking by profit, loss-makers are left out of it.
	Total decimal.Decimal `json:"total"`
	// Losses is the sum of the negative profits (zero or negative), so
	// Total + Losses is the net profit.
	Losses decimal.Decimal `json:"losses"`
	// ACut and BCut are the cumulative values at the thresholds, exactly:
	// Total × AMaxPct / 100 and Total × BMaxPct / 100.
	ACut decimal.Decimal `json:"a_cut"`
	BCut decimal.Decimal `json:"b_cut"`
	// Classes summarises A, B and C, in that order.
	Classes [3]ABCClassSummary `json:"classes"`
}

// Class returns the summary of class c (A, B or C).
func (r ABCResult) Class(c ABCClass) ABCClassSummary {
	if !c.IsValid() {
		return ABCClassSummary{}
	}
	return r.Classes[c-1]
}

// ABC segments clients by their share of the total value (revenue or
// profit, cfg.Measure) over a period: rank them from the largest value
// down, add up their shares, and cut the ranking where the cumulative
// share reaches cfg.AMaxPct (class A) and cfg.BMaxPct (class B); the rest
// is C. cfg.Boundary decides the client whose share crosses a threshold.
//
// Each decision compares whole numbers exactly: every value is converted
// once to integer units at a common exponent, the cumulative totals are
// 128-bit integers, and the thresholds are the exact cut-off totals
// Total × pct / 100 (rounded down or up to whole units, which is exact for
// comparing whole-unit totals). No float ever decides a class, so a client
// exactly at 80 % is classified by the rule, never by a rounding error.
//
// Ranking by profit, a loss-making client (negative profit) is allowed: it
// is always C (reason ABCLoss), and the shares are shares of the sum of
// the positive profits, because a share of a net total that losses shrink
// (or make negative) would push cumulative shares past 100 % and make the
// thresholds meaningless. A client with zero value is always C.
//
// Errors (client.ErrInvalid, every problem listed with its field and
// value, the config's with the input's): an invalid cfg; no clients; an
// empty or repeated client ID; a negative revenue (whatever the measure);
// a revenue or profit out of range (more than 30 decimal places or a
// scale above 10^30); no positive value at all, which leaves the shares
// undefined.
func ABC(totals []ClientTotals, cfg ABCConfig) (ABCResult, error) {
	rk, err := abcRank(totals, cfg.Measure, cfg.Validate())
	if err != nil {
		return ABCResult{}, err
	}
	res := ABCResult{
		Config: cfg,
		Rows:   make([]ABCRow, len(totals)),
		Total:  rk.positive.Decimal(rk.amounts.Exp()),
		Losses: rk.negative.Decimal(rk.amounts.Exp()),
	}
	a := &rk.amounts
	fa, fb := cfg.AMaxPct.Shift(-2), cfg.BMaxPct.Shift(-2)
	res.ACut = res.Total.Mul(fa)
	res.BCut = res.Total.Mul(fb)
	var cuts abcCuts
	cuts.floorA, cuts.ceilA = rk.positive.MulFloorCeil(fa)
	cuts.floorB, cuts.ceilB = rk.positive.MulFloorCeil(fb)

	// Walk the ranking over the units in rank order, scatter one compact
	// verdict per client, then fill the rows in input order: no pass
	// jumps around the (much larger) input or rows at random.
	totalF := rk.positive.Float64()
	verdicts := make([]abcVerdict, len(totals))
	var cum exactsum.Acc
	var classSums [3]exactsum.Acc
	var last [3]int
	for r, idx := range rk.order {
		i := int(idx)
		v := abcVerdict{rank: int32(r + 1)}
		switch rk.sign(r) {
		case -1:
			v.class, v.reason = ABCClassC, ABCLoss
		case 0:
			v.class, v.reason = ABCClassC, ABCNoValue
		default:
			before := cum
			rk.add(&cum, r)
			v.class, v.reason = cuts.decide(cfg.Boundary, &before, &cum)
			rk.add(&classSums[v.class-1], r)
		}
		v.cumPct = cum.Float64() / totalF * 100
		verdicts[i] = v
		res.Classes[v.class-1].Clients++
		last[v.class-1] = i
	}
	for i, v := range verdicts {
		res.Rows[i] = ABCRow{
			Rank:          int(v.rank),
			ClientID:      totals[i].ClientID,
			Value:         cfg.Measure.value(&totals[i]),
			SharePct:      a.Float64(i) / totalF * 100,
			CumulativePct: v.cumPct,
			Class:         v.class,
			Reason:        v.reason,
		}
	}
	for c := range res.Classes {
		s := &res.Classes[c]
		s.Class = ABCClass(c + 1)
		s.Value = classSums[c].Decimal(a.Exp())
		if s.Clients > 0 {
			s.LastClientID = totals[last[c]].ClientID
		}
		s.SharePct = classSums[c].Float64() / totalF * 100
	}
	return res, nil
}

// abcVerdict is one client's outcome, 16 bytes, scattered by rank.
type abcVerdict struct {
	cumPct float64
	rank   int32
	class  ABCClass
	reason ABCReason
}

// abcCuts are the exact cut-off totals Total × pct / 100 of the A and B
// thresholds, rounded down (floor) and up (ceil) to whole units: for a
// whole-unit total x, x ≤ cut ⇔ x ≤ floor and x < cut ⇔ x < ceil.
type abcCuts struct {
	floorA, ceilA, floorB, ceilB exactsum.Acc
}

// decide classifies a client with a positive value, given the exact
// cumulative totals before and after it.
func (c *abcCuts) decide(rule ABCBoundary, before, after *exactsum.Acc) (ABCClass, ABCReason) {
	switch {
	case after.Cmp(c.floorA) <= 0:
		return ABCClassA, ABCWithin
	case rule == ABCCrossingIn && before.Cmp(c.ceilA) < 0:
		return ABCClassA, ABCCrossing
	case after.Cmp(c.floorB) <= 0:
		return ABCClassB, ABCWithin
	case rule == ABCCrossingIn && before.Cmp(c.ceilB) < 0:
		return ABCClassB, ABCCrossing
	}
	return ABCClassC, ABCBeyond
}

// abcRanking is the validated input of ABC and KeyClients: the values as
// exact units and the clients in rank order.
type abcRanking struct {
	amounts exactsum.Amounts
	// order lists indices into the input, largest value first, equal
	// values by client ID.
	order []int32
	// units holds the units in rank order (units[r] is the unit of
	// order[r]), or nil when the amounts are wide.
	units    []int64
	positive exactsum.Acc // sum of the positive values
	negative exactsum.Acc // sum of the negative values
}

// abcRank validates totals and ranks them by measure m. cfgErr is the
// config's Validate error, reported with the problems of the totals.
func abcRank(totals []ClientTotals, m ABCMeasure, cfgErr error) (abcRanking, error) {
	var p validate.Problems
	p.Limit("totals", validate.MaxListed)
	p.Merge("config", cfgErr)
	if len(totals) == 0 {
		p.Add("totals", nil, "is empty: there are no clients to rank")
		return abcRanking{}, p.Err(ErrInvalid)
	}
	dups := repeats.Find(len(totals), func(i int) string { return totals[i].ClientID })
	var b exactsum.Builder
	b.Grow(len(totals))
	for i := range totals {
		t := &totals[i]
		if t.ClientID == "" {
			p.Add(fmt.Sprintf("totals[%d].client_id", i), nil, "is required")
		}
		for len(dups) > 0 && dups[0].At == i {
			p.Add(fmt.Sprintf("totals[%d].client_id", i), t.ClientID, validate.RepeatReason("totals", dups[0].First, "client_id"))
			dups = dups[1:]
		}
		switch {
		case !validate.InRange(t.Revenue):
			p.Add(fmt.Sprintf("totals[%d].revenue", i), validate.Sci(t.Revenue), validate.RangeReason)
		case t.Revenue.Sign() < 0:
			p.Add(fmt.Sprintf("totals[%d].revenue", i), t.Revenue, "must not be negative")
		}
		if !validate.InRange(t.Profit) {
			p.Add(fmt.Sprintf("totals[%d].profit", i), validate.Sci(t.Profit), validate.RangeReason)
		}
		b.Append(m.value(t))
	}
	if p.Len() > 0 {
		return abcRanking{}, p.Err(ErrInvalid)
	}
	a, err := b.Amounts()
	if err != nil { // unreachable: every value was range-checked above
		return abcRanking{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	rk := abcRanking{amounts: a}
	rk.order, rk.units = abcOrder(&a, totals)
	for i := range a.Len() {
		switch a.Sign(i) {
		case 1:
			rk.positive.Add(&a, i)
		case -1:
			rk.negative.Add(&a, i)
		}
	}
	if rk.positive.Sign() == 0 {
		p.Addf("totals[]."+m.String(), "0", "no client has a positive %s: shares of a zero total are undefined", m)
		return abcRanking{}, p.Err(ErrInvalid)
	}
	return rk, nil
}

// sign returns the sign of the value ranked r (0-based).
func (rk *abcRanking) sign(r int) int {
	if rk.units != nil {
		return cmp.Compare(rk.units[r], 0)
	}
	return rk.amounts.Sign(int(rk.order[r]))
}

// add adds the value ranked r to s.
func (rk *abcRanking) add(s *exactsum.Acc, r int) {
	if rk.units != nil {
		s.AddInt64(rk.units[r])
		return
	}
	s.Add(&rk.amounts, int(rk.order[r]))
}

// abcOrder returns the client indices from the largest value down, equal
// values by client ID, and (unless the amounts are wide) the units in
// that order. On int64 units it radix-sorts the units (linear time,
// cache-friendly) and then sorts each run of equal units by ID; wide
// units compare through big integers.
func abcOrder(a *exactsum.Amounts, totals []ClientTotals) ([]int32, []int64) {
	order := make([]int32, a.Len())
	ints := a.Ints()
	if ints == nil {
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(x, y int32) int {
			if c := a.Cmp(int(y), int(x)); c != 0 {
				return c
			}
			return strings.Compare(totals[x].ClientID, totals[y].ClientID)
		})
		return order, nil
	}
	keys := make([]uint64, len(ints))
	for i, u := range ints {
		// Complemented, the key sorts the largest unit first.
		keys[i] = ^radix.FromInt64(u)
		order[i] = int32(i)
	}
	keys, order = radix.Sort(keys, make([]uint64, len(keys)), order, make([]int32, len(keys)))
	units := make([]int64, len(keys))
	for i, k := range keys {
		units[i] = radix.ToInt64(^k)
	}
	// Ties: gather each run's IDs next to their indices, so the sort
	// compares strings without reaching back into the input.
	type tie struct {
		id  string
		idx int32
	}
	var run []tie
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi] == keys[lo] {
			hi++
		}
		if hi-lo > 1 {
			run = run[:0]
			for _, i := range order[lo:hi] {
				run = append(run, tie{totals[i].ClientID, i})
			}
			slices.SortFunc(run, func(x, y tie) int { return strings.Compare(x.id, y.id) })
			for j, t := range run {
				order[lo+j] = t.idx
			}
		}
		lo = hi
	}
	return order, units
}

package abc

import (
	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/pareto"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/internal/wide"
)

// Totals is what one client brought over the analysed period (the
// host picks it: the last 12 months, a calendar year): its revenue and its
// profit, in the host's single reporting currency. ABC and keyclients.Find
// rank clients by one of the two ([Measure]).
type Totals struct {
	ClientID string `json:"client_id"`
	// Revenue is never negative: returns are netted by the host before.
	Revenue decimal.Decimal `json:"revenue"`
	// Profit may be negative: a loss-making client.
	Profit decimal.Decimal `json:"profit"`
}

// Measure is the value clients are ranked by.
type Measure uint8

const (
	// ByRevenue ranks by revenue (sales volume), the classic ABC.
	ByRevenue Measure = iota + 1
	// ByProfit ranks by profit, what the article's key-client rule
	// counts ("a few key clients bring more than 50% of the profit").
	ByProfit
)

var measureNames = enum.Names{"", "revenue", "profit"}

// ParseMeasure returns the measure named s ("revenue", "profit").
func ParseMeasure(s string) (Measure, error) {
	return enum.Parse[Measure](measureNames, "ABC measure", s)
}

func (m Measure) String() string { return enum.String(measureNames, "Measure", m) }

// IsValid reports whether m is a named measure.
func (m Measure) IsValid() bool { return enum.Valid(measureNames, m) }

// MarshalText implements encoding.TextMarshaler; an unset measure is an error.
func (m Measure) MarshalText() ([]byte, error) {
	return enum.Marshal(measureNames, "Measure", m)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (m *Measure) UnmarshalText(b []byte) error {
	return enum.Unmarshal(measureNames, "ABC measure", m, b)
}

// Of returns the value of t that m ranks by: its profit or its revenue.
func (m Measure) Of(t *Totals) decimal.Decimal {
	if m == ByProfit {
		return t.Profit
	}
	return t.Revenue
}

// Boundary decides the class of the entry (a client, an item) whose
// share carries the cumulative share across a class threshold: with A up
// to 80 %, the one that takes the cumulative share from 78 % to 83 %.
// Each threshold has its rule ([Config.Boundary], [Config.BBoundary]).
type Boundary uint8

const (
	// CrossingIn puts the crossing client in the upper class: A is the
	// smallest group of top clients that holds at least the A threshold
	// of the total. A is never empty, even when one client alone holds
	// 90 %. A client that brings the cumulative share exactly to the
	// threshold is "within" it either way.
	CrossingIn Boundary = iota + 1
	// CrossingOut puts it in the next class: A holds only clients whose
	// cumulative share, their own included, is at most the threshold
	// (the spreadsheet rule "cumulative ≤ 80 % → A"). A may hold less
	// than the threshold, and is empty when the top client alone exceeds it.
	CrossingOut
)

var boundaryNames = enum.Names{"", "crossing_in", "crossing_out"}

// ParseBoundary returns the rule named s ("crossing_in", "crossing_out").
func ParseBoundary(s string) (Boundary, error) {
	return enum.Parse[Boundary](boundaryNames, "ABC boundary rule", s)
}

func (b Boundary) String() string { return enum.String(boundaryNames, "Boundary", b) }

// IsValid reports whether b is a named rule.
func (b Boundary) IsValid() bool { return enum.Valid(boundaryNames, b) }

// MarshalText implements encoding.TextMarshaler; an unset rule is an error.
func (b Boundary) MarshalText() ([]byte, error) {
	return enum.Marshal(boundaryNames, "Boundary", b)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (r *Boundary) UnmarshalText(b []byte) error {
	return enum.Unmarshal(boundaryNames, "ABC boundary rule", r, b)
}

// Class is a client's ABC class: A brings most of the value, C the least.
type Class uint8

const (
	ClassA Class = iota + 1
	ClassB
	ClassC
)

var classNames = enum.Names{"", "A", "B", "C"}

// ParseClass returns the class named s ("A", "B", "C").
func ParseClass(s string) (Class, error) {
	return enum.Parse[Class](classNames, "ABC class", s)
}

func (c Class) String() string { return enum.String(classNames, "Class", c) }

// IsValid reports whether c is A, B or C.
func (c Class) IsValid() bool { return enum.Valid(classNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset class is an error.
func (c Class) MarshalText() ([]byte, error) { return enum.Marshal(classNames, "Class", c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *Class) UnmarshalText(b []byte) error {
	return enum.Unmarshal(classNames, "ABC class", c, b)
}

// Reason says why a client got its class.
type Reason uint8

const (
	// Within: the cumulative share with this client included is at
	// most the class threshold.
	Within Reason = iota + 1
	// Crossing: this client carried the cumulative share past the
	// class threshold and the CrossingIn rule kept it in the class.
	Crossing
	// Beyond: the cumulative share is past the B threshold: class C.
	Beyond
	// NoValue: the client brought nothing (zero revenue or profit):
	// always C, whatever the thresholds.
	NoValue
	// Loss: the client lost money (negative profit, ranking by profit
	// only): always C, and left out of the total the shares divide.
	Loss
)

var reasonNames = enum.Names{"", "within_threshold", "crossing_threshold", "beyond_thresholds", "no_value", "loss"}

func (r Reason) String() string { return enum.String(reasonNames, "Reason", r) }

// IsValid reports whether r is a named reason.
func (r Reason) IsValid() bool { return enum.Valid(reasonNames, r) }

// MarshalText implements encoding.TextMarshaler.
func (r Reason) MarshalText() ([]byte, error) {
	return enum.Marshal(reasonNames, "Reason", r)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (r *Reason) UnmarshalText(b []byte) error {
	return enum.Unmarshal(reasonNames, "ABC reason", r, b)
}

// Config sets the ABC thresholds. Thresholds are cumulative shares in
// percent points ("80" means 80 %).
//
// The zero Config is invalid: Validate names the measure, both
// thresholds and the boundary rule as missing.
type Config struct {
	// Measure is what [Classify] ranks clients by; [ClassifyItems] ranks
	// each item's own Value and does not read it.
	Measure Measure `json:"measure"`
	// AMaxPct: class A runs up to this cumulative share. Default 80.
	AMaxPct decimal.Decimal `json:"a_max_pct"`
	// BMaxPct: class B runs from A's threshold up to this one; the rest
	// is C. Default 95. Equal to AMaxPct means no class B.
	BMaxPct decimal.Decimal `json:"b_max_pct"`
	// Boundary is the crossing rule at the A threshold, and at the B
	// threshold too unless BBoundary is set.
	Boundary Boundary `json:"boundary"`
	// BBoundary, when set, is the crossing rule at the B threshold
	// (B/C): the textbook tables use crossing_out at A and crossing_in
	// at B ([TextbookConfig]). Unset (omitted in JSON): as Boundary.
	BBoundary Boundary `json:"b_boundary,omitempty"`
}

// DefaultConfig ranks by revenue with the classic Pareto split: A up to
// 80 % of the cumulative value, B up to 95 %, C the last 5 % (the 80/15/5
// split of ABC practice), and the crossing client kept in the upper class
// (see CrossingIn). Revenue is the default measure because every host
// has it; rank by profit when per-client profit is known.
func DefaultConfig() Config {
	return Config{
		Measure:  ByRevenue,
		AMaxPct:  decimal.NewFromInt(80),
		BMaxPct:  decimal.NewFromInt(95),
		Boundary: CrossingIn,
	}
}

// TextbookConfig reproduces the ABC tables of operations-management
// textbooks (Heizer & Render, Operations Management, the ABC analysis
// example of the inventory chapter): A up to 80 %, B up to 95 %, the
// item whose share crosses 80 % is already B (crossing_out at A) and the
// item whose share crosses 95 % is still B (crossing_in at B). Pick it to
// check the library against such a table; the default keeps the
// crossing entry in the upper class at both thresholds, so that A is
// never empty.
func TextbookConfig() Config {
	c := DefaultConfig()
	c.Boundary, c.BBoundary = CrossingOut, CrossingIn
	return c
}

// Boundaries returns the crossing rules at the A and at the B threshold.
func (c Config) Boundaries() (a, b Boundary) {
	if c.BBoundary == 0 {
		return c.Boundary, c.Boundary
	}
	return c.Boundary, c.BBoundary
}

// Validate reports every problem with the config at once.
func (c Config) Validate() error {
	var p validate.Problems
	if !c.Measure.IsValid() {
		p.Add("measure", c.Measure, "unknown measure (want revenue or profit)")
	}
	c.checkCuts(&p)
	return p.Err(ErrInvalid)
}

// validateCuts reports the problems of what ClassifyItems reads: the
// thresholds and their rules, not the measure.
func (c Config) validateCuts() error {
	var p validate.Problems
	c.checkCuts(&p)
	return p.Err(ErrInvalid)
}

// checkCuts checks what ranks any entry: the thresholds and their rules.
func (c Config) checkCuts(p *validate.Problems) {
	p.Thresholds("a_max_pct", c.AMaxPct, "b_max_pct", c.BMaxPct)
	if !c.Boundary.IsValid() {
		p.Add("boundary", c.Boundary, "unknown boundary rule (want crossing_in or crossing_out)")
	}
	if c.BBoundary != 0 && !c.BBoundary.IsValid() {
		p.Add("b_boundary", c.BBoundary, "unknown boundary rule (want crossing_in or crossing_out, or omit it for the boundary rule)")
	}
}

// Row is one entry's place in the ranking: a client's ([Classify]) or an
// item's ([ClassifyItems]).
type Row struct {
	// Rank is 1 for the entry with the largest value; equal values are
	// ranked by ID (byte order), so the result never depends on the
	// order of the input.
	Rank int `json:"rank"`
	// ClientID is the entry's ID: the client's, or the item's for
	// ClassifyItems (the name predates items; the JSON key stays
	// client_id for both).
	ClientID string          `json:"client_id"`
	Value    decimal.Decimal `json:"value"`
	// SharePct is Value / Total × 100 and CumulativePct the same for this
	// entry and every entry ranked above it (losses and zeros add
	// nothing, so theirs stays at 100). Both are float64 for display
	// only: the class was decided in exact arithmetic (see Classify).
	SharePct      float64 `json:"share_pct"`
	CumulativePct float64 `json:"cumulative_pct"`
	Class         Class   `json:"class"`
	Reason        Reason  `json:"reason"`
}

// ClassSummary totals one class.
type ClassSummary struct {
	Class Class `json:"class"`
	// Clients counts the entries of the class (clients, or items).
	Clients int `json:"clients"`
	// Value is the exact sum of the class's positive values (losses are
	// in Result.Losses); SharePct its share of the total, for display.
	Value    decimal.Decimal `json:"value"`
	SharePct float64         `json:"share_pct"`
	// LastClientID is the ID of the lowest-ranked entry of the class (""
	// when the class is empty): where the boundary fell.
	LastClientID string `json:"last_client_id,omitempty"`
}

// Result is the ABC segmentation and what it was computed from. The
// zero Result has no rows: Lookup finds nothing and Class returns empty
// summaries.
type Result struct {
	Config Config `json:"config"`
	// Rows are in input order: Rows[i] is the input's entry i. Sort by
	// Rank for the ranking; find one by ID with Lookup or Index.
	Rows []Row `json:"rows"`
	// Total is the sum of the positive values: the 100 % the shares are
	// shares of. Negative values (losses) are left out of it.
	Total decimal.Decimal `json:"total"`
	// Losses is the sum of the negative values (zero or negative), so
	// Total + Losses is the net value.
	Losses decimal.Decimal `json:"losses"`
	// ACut and BCut are the cumulative values at the thresholds, exactly:
	// Total × AMaxPct / 100 and Total × BMaxPct / 100.
	ACut decimal.Decimal `json:"a_cut"`
	BCut decimal.Decimal `json:"b_cut"`
	// Classes summarises A, B and C, in that order.
	Classes [3]ClassSummary `json:"classes"`
}

// Class returns the summary of class c (A, B or C).
func (r Result) Class(c Class) ClassSummary {
	if !c.IsValid() {
		return ClassSummary{}
	}
	return r.Classes[c-1]
}

// Lookup returns the row of the entry with ID id, and false when there
// is none. It scans the rows: for many lookups build [Result.Index] once.
func (r Result) Lookup(id string) (Row, bool) {
	for i := range r.Rows {
		if r.Rows[i].ClientID == id {
			return r.Rows[i], true
		}
	}
	return Row{}, false
}

// Index maps every ID to the position of its row in Rows, for repeated
// lookups (Rows[idx[id]]). Classify does not build it, so that a caller
// who only reads the classes does not pay for a map of every entry.
func (r Result) Index() map[string]int {
	idx := make(map[string]int, len(r.Rows))
	for i := range r.Rows {
		idx[r.Rows[i].ClientID] = i
	}
	return idx
}

// Classify segments clients by their share of the total value (revenue or
// profit, cfg.Measure) over a period: rank them from the largest value
// down, add up their shares, and cut the ranking where the cumulative
// share reaches cfg.AMaxPct (class A) and cfg.BMaxPct (class B); the rest
// is C. cfg.Boundary and cfg.BBoundary decide the client whose share
// crosses a threshold. [ClassifyItems] does the same for anything else
// with an ID and a value (SKUs, suppliers).
//
// Each decision compares whole numbers exactly: every value is converted
// once to integer units at a common exponent, the cumulative totals are
// 128-bit integers, and the thresholds are the exact cut-off totals
// Total × pct / 100 (rounded down or up to whole units, which is exact for
// comparing whole-unit totals). No float ever decides a class, so a client
// exactly at 80 % is classified by the rule, never by a rounding error.
//
// Ranking by profit, a loss-making client (negative profit) is allowed: it
// is always C (reason Loss), and the shares are shares of the sum of
// the positive profits, because a share of a net total that losses shrink
// (or make negative) would push cumulative shares past 100 % and make the
// thresholds meaningless. A client with zero value is always C.
//
// Errors (ErrInvalid, every problem listed with its field and
// value, the config's with the input's): an invalid cfg; no clients; an
// empty or repeated client ID; a negative revenue (whatever the measure);
// a revenue or profit out of range (more than 30 decimal places or a
// scale above 10^30); no positive value at all, which leaves the shares
// undefined.
func Classify(totals []Totals, cfg Config) (Result, error) {
	rk, err := pareto.Rank(totals, fields, cfg.Measure == ByProfit, cfg.Measure.String(), cfg.Validate(), ErrInvalid)
	if err != nil {
		return Result{}, err
	}
	res, sw := cut(&rk, cfg, true)
	for i := range sw.verdicts {
		res.Rows[i] = sw.row(i, totals[i].ClientID, cfg.Measure.Of(&totals[i]))
	}
	for c, i := range sw.last {
		if i >= 0 {
			res.Classes[c].LastClientID = totals[i].ClientID
		}
	}
	return res, nil
}

// sweep is the ranking cut into classes: one compact verdict per entry,
// in input order, from which the rows are written.
type sweep struct {
	verdicts []verdict
	amounts  *exactsum.Amounts
	totalF   float64
	// last is the input index of the lowest-ranked entry of each class,
	// -1 for an empty class.
	last [3]int
}

// row writes the row of entry i.
func (sw *sweep) row(i int, id string, value decimal.Decimal) Row {
	v := sw.verdicts[i]
	return Row{
		Rank:          int(v.rank),
		ClientID:      id,
		Value:         value,
		SharePct:      sw.amounts.Float64(i) / sw.totalF * 100,
		CumulativePct: v.cumPct,
		Class:         v.class,
		Reason:        v.reason,
	}
}

// cut walks the ranking over the units in rank order and scatters one
// compact verdict per entry: no pass jumps around the (much larger)
// input or rows at random. It fills everything of the result but the
// rows and the IDs that end the classes, which the caller writes from
// its own input. rows says whether to allocate the rows (the compact
// form has none).
func cut(rk *pareto.Ranking, cfg Config, rows bool) (Result, sweep) {
	a := &rk.Amounts
	n := a.Len()
	res := Result{
		Config: cfg,
		Total:  rk.Positive.Decimal(a.Exp()),
		Losses: rk.Negative.Decimal(a.Exp()),
	}
	if rows {
		res.Rows = make([]Row, n)
	}
	fa, fb := cfg.AMaxPct.Shift(-2), cfg.BMaxPct.Shift(-2)
	res.ACut = res.Total.Mul(fa)
	res.BCut = res.Total.Mul(fb)
	var cuts cutoffs
	cuts.ruleA, cuts.ruleB = cfg.Boundaries()
	cuts.floorA, cuts.ceilA = rk.Positive.MulFloorCeil(fa)
	cuts.floorB, cuts.ceilB = rk.Positive.MulFloorCeil(fb)

	sw := sweep{verdicts: make([]verdict, n), amounts: a, totalF: rk.Positive.Float64(), last: [3]int{-1, -1, -1}}
	var cum exactsum.Acc
	var classSums [3]exactsum.Acc
	if cutInts(rk, &cuts, &sw, &res, &classSums) {
		return finish(&res, &sw, &classSums, a.Exp())
	}
	for r, idx := range rk.Order {
		i := int(idx)
		v := verdict{rank: int32(r + 1)}
		switch rk.Sign(r) {
		case -1:
			v.class, v.reason = ClassC, Loss
		case 0:
			v.class, v.reason = ClassC, NoValue
		default:
			before := cum
			rk.Add(&cum, r)
			v.class, v.reason = cuts.decide(&before, &cum)
			rk.Add(&classSums[v.class-1], r)
		}
		v.cumPct = cum.Float64() / sw.totalF * 100
		sw.verdicts[i] = v
		res.Classes[v.class-1].Clients++
		sw.last[v.class-1] = i
	}
	return finish(&res, &sw, &classSums, a.Exp())
}

// finish writes the class summaries from the sums of each class.
func finish(res *Result, sw *sweep, classSums *[3]exactsum.Acc, exp int32) (Result, sweep) {
	for c := range res.Classes {
		s := &res.Classes[c]
		s.Class = Class(c + 1)
		s.Value = classSums[c].Decimal(exp)
		s.SharePct = classSums[c].Float64() / sw.totalF * 100
	}
	return *res, *sw
}

// cutInts is cut's loop for int64 units, the columnar path's: the same
// verdicts, with the running totals in two machine words each instead
// of an [exactsum.Acc] through method calls. It reports false, having
// done nothing, for wide units or cut-offs beyond 128 bits (a sum of
// fewer than 2^31 int64 units never gets there).
func cutInts(rk *pareto.Ranking, cuts *cutoffs, sw *sweep, res *Result, classSums *[3]exactsum.Acc) bool {
	keys := rk.Keys()
	floorA, okFA := cuts.floorA.Int128()
	ceilA, okCA := cuts.ceilA.Int128()
	floorB, okFB := cuts.floorB.Int128()
	ceilB, okCB := cuts.ceilB.Int128()
	if keys == nil || !okFA || !okCA || !okFB || !okCB {
		return false
	}
	inA, inB := cuts.ruleA == CrossingIn, cuts.ruleB == CrossingIn
	var cum wide.Int128
	var sums [3]wide.Int128
	for r, idx := range rk.Order {
		i := int(idx)
		v := verdict{rank: int32(r + 1)}
		u := radix.ToInt64(^keys[r])
		switch {
		case u < 0:
			v.class, v.reason = ClassC, Loss
		case u == 0:
			v.class, v.reason = ClassC, NoValue
		default:
			before := cum
			cum = cum.AddInt64(u)
			switch {
			case cum.Cmp(floorA) <= 0:
				v.class, v.reason = ClassA, Within
			case inA && before.Cmp(ceilA) < 0:
				v.class, v.reason = ClassA, Crossing
			case cum.Cmp(floorB) <= 0:
				v.class, v.reason = ClassB, Within
			case inB && before.Cmp(ceilB) < 0:
				v.class, v.reason = ClassB, Crossing
			default:
				v.class, v.reason = ClassC, Beyond
			}
			sums[v.class-1] = sums[v.class-1].AddInt64(u)
		}
		v.cumPct = cum.Float64() / sw.totalF * 100
		sw.verdicts[i] = v
		res.Classes[v.class-1].Clients++
		sw.last[v.class-1] = i
	}
	for c := range sums {
		classSums[c] = exactsum.AccOf(sums[c])
	}
	return true
}

// verdict is one entry's outcome, 16 bytes, scattered by rank.
type verdict struct {
	cumPct float64
	rank   int32
	class  Class
	reason Reason
}

// cutoffs are the exact cut-off totals Total × pct / 100 of the A and B
// thresholds, rounded down (floor) and up (ceil) to whole units: for a
// whole-unit total x, x ≤ cut ⇔ x ≤ floor and x < cut ⇔ x < ceil; and
// the crossing rule at each threshold.
type cutoffs struct {
	floorA, ceilA, floorB, ceilB exactsum.Acc
	ruleA, ruleB                 Boundary
}

// decide classifies an entry with a positive value, given the exact
// cumulative totals before and after it.
func (c *cutoffs) decide(before, after *exactsum.Acc) (Class, Reason) {
	switch {
	case after.Cmp(c.floorA) <= 0:
		return ClassA, Within
	case c.ruleA == CrossingIn && before.Cmp(c.ceilA) < 0:
		return ClassA, Crossing
	case after.Cmp(c.floorB) <= 0:
		return ClassB, Within
	case c.ruleB == CrossingIn && before.Cmp(c.ceilB) < 0:
		return ClassB, Crossing
	}
	return ClassC, Beyond
}

// fields is what the ranking reads of t.
func fields(t *Totals) pareto.Fields {
	return pareto.Fields{ID: t.ClientID, Revenue: t.Revenue, Profit: t.Profit}
}

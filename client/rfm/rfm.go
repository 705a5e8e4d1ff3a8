package rfm

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/days"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// The segment names of [DefaultConfig]. A host's own map may use any
// names; these are the ones of the public R×F grid the default follows.
const (
	Champions         = "champions"
	Loyal             = "loyal"
	PotentialLoyalist = "potential_loyalist"
	NewClients        = "new"
	Promising         = "promising"
	NeedsAttention    = "needs_attention"
	AboutToSleep      = "about_to_sleep"
	AtRisk            = "at_risk"
	CannotLose        = "cannot_lose"
	Hibernating       = "hibernating"
	Lost              = "lost"
)

// Range is an inclusive range of scores within 1..5. The zero value
// (omitted in JSON) matches every score.
type Range struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// IsZero reports whether r is the zero range, which matches any score.
func (r Range) IsZero() bool { return r == Range{} }

// Contains reports whether score s lies in r.
func (r Range) Contains(s int) bool { return r.IsZero() || s >= r.Min && s <= r.Max }

// String writes the range as "4-5", "5", or "any".
func (r Range) String() string {
	switch {
	case r.IsZero():
		return "any"
	case r.Min == r.Max:
		return fmt.Sprint(r.Min)
	default:
		return fmt.Sprintf("%d-%d", r.Min, r.Max)
	}
}

// Rule names the segment of the clients whose three scores fall in
// its ranges.
type Rule struct {
	Segment   string `json:"segment"`
	Recency   Range  `json:"recency,omitzero"`
	Frequency Range  `json:"frequency,omitzero"`
	Monetary  Range  `json:"monetary,omitzero"`
}

func (r Rule) matches(rs, fs, ms int) bool {
	return r.Recency.Contains(rs) && r.Frequency.Contains(fs) && r.Monetary.Contains(ms)
}

// String writes the rule as "champions: R5 F4-5", leaving out the
// ranges that match any score ("everyone: any scores").
func (r Rule) String() string {
	var parts []string
	for _, x := range []struct {
		letter string
		r      Range
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

// Config is the score-to-segment map: an ordered list of rules, data
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
type Config struct {
	Rules []Rule `json:"rules"`
}

// DefaultConfig returns the widely used R×F segment grid of the public
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
func DefaultConfig() Config {
	rng := func(lo, hi int) Range { return Range{Min: lo, Max: hi} }
	return Config{Rules: []Rule{
		{Segment: Champions, Recency: rng(5, 5), Frequency: rng(4, 5)},
		{Segment: Loyal, Recency: rng(3, 4), Frequency: rng(4, 5)},
		{Segment: PotentialLoyalist, Recency: rng(4, 5), Frequency: rng(2, 3)},
		{Segment: NewClients, Recency: rng(5, 5), Frequency: rng(1, 1)},
		{Segment: Promising, Recency: rng(4, 4), Frequency: rng(1, 1)},
		{Segment: NeedsAttention, Recency: rng(3, 3), Frequency: rng(3, 3)},
		{Segment: AboutToSleep, Recency: rng(3, 3), Frequency: rng(1, 2)},
		{Segment: AtRisk, Recency: rng(1, 2), Frequency: rng(3, 4)},
		{Segment: CannotLose, Recency: rng(1, 2), Frequency: rng(5, 5)},
		{Segment: Hibernating, Recency: rng(2, 2), Frequency: rng(1, 2)},
		{Segment: Lost, Recency: rng(1, 1), Frequency: rng(1, 2)},
	}}
}

// table is a resolved map: the index of the winning rule for each
// score combination, at cellOf(r, f, m).
type table [125]int16

func cellOf(r, f, m int) int { return (r-1)*25 + (f-1)*5 + (m - 1) }

// Validate reports every problem with the map at once (the first 100
// of them, and how many more): no rules, more than 125, a missing or
// malformed segment name, a range outside 1..5 or reversed,
// the score combinations no rule covers, and the rules that never apply
// because earlier rules take every combination they cover.
func (c Config) Validate() error {
	_, err := c.resolve()
	return err
}

// Resolve returns the segment of every score combination as the map
// assigns it, keyed "R5F4M1", for a host to display or review the whole
// map at once. It fails as Validate does.
func (c Config) Resolve() (map[string]string, error) {
	t, err := c.resolve()
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(t))
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			for m := 1; m <= 5; m++ {
				out[fmt.Sprintf("R%dF%dM%d", r, f, m)] = c.Rules[t[cellOf(r, f, m)]].Segment
			}
		}
	}
	return out, nil
}

func (c Config) resolve() (table, error) {
	var p validate.Problems
	p.Limit("rules", validate.MaxListed)
	var t table
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
		p.Name(f+".segment", r.Segment)
		checkRange(&p, f+".recency", r.Recency)
		checkRange(&p, f+".frequency", r.Frequency)
		checkRange(&p, f+".monetary", r.Monetary)
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
				i := slices.IndexFunc(c.Rules, func(rule Rule) bool { return rule.matches(r, f, m) })
				if i < 0 {
					missing = append(missing, m)
					continue
				}
				t[cellOf(r, f, m)] = int16(i)
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

func checkRange(p *validate.Problems, field string, r Range) {
	if r.IsZero() {
		return
	}
	if r.Min < 1 || r.Max > 5 || r.Min > r.Max {
		p.Addf(field, fmt.Sprintf("%d-%d", r.Min, r.Max), "must be a range within 1..5 with min <= max (omit it to match any score)")
	}
}

// Score is one client's RFM position: the three measures, where each
// stands among the clients scored, the three scores, and the segment
// with the rule that named it.
type Score struct {
	ClientID string `json:"client_id"`
	// RecencyDays is the whole days from the last order to the as-of date.
	RecencyDays int64 `json:"recency_days"`
	// Frequency is the number of orders.
	Frequency int `json:"frequency"`
	// Monetary is the total of the orders.
	Monetary decimal.Decimal `json:"monetary"`
	// RecencyRank, FrequencyRank and MonetaryRank place the three
	// values among the clients scored; each score follows from its rank
	// (see [Classify]).
	RecencyRank   Rank `json:"recency_rank"`
	FrequencyRank Rank `json:"frequency_rank"`
	MonetaryRank  Rank `json:"monetary_rank"`
	// R, F and M are the scores: 1 for a percentile rank below 1/5, 2
	// from 1/5 up to 2/5, and so on to 5 from 4/5.
	R int `json:"r"`
	F int `json:"f"`
	M int `json:"m"`
	// Segment is the segment of the winning rule, Rule its index in the
	// config.
	Segment string `json:"segment"`
	Rule    int    `json:"rule"`
}

// Code returns the scores as the customary three digits, such as "545".
func (s Score) Code() string { return fmt.Sprintf("%d%d%d", s.R, s.F, s.M) }

// Rank is where one client's value of a measure stands among the N
// clients scored: Worse clients have a strictly worse value, Equal the
// same value, the client itself included. Its midpoint percentile rank
// is (Worse + Equal/2)/N, and its score 1 + floor(5 × that).
type Rank struct {
	Worse int `json:"worse"`
	Equal int `json:"equal"`
}

// score returns 1 + floor(5·(Worse + Equal/2)/n) in integers, as
// 1 + floor(5·(2·Worse + Equal) / (2n)). Worse + Equal <= n and
// Equal >= 1 make 2·Worse + Equal < 2n, so the score is at most 5.
func (k Rank) score(n int) int {
	return 1 + 5*(2*k.Worse+k.Equal)/(2*n)
}

// Unscored is a client RFM cannot rank, with the reason.
type Unscored struct {
	ClientID string `json:"client_id"`
	Reason   string `json:"reason"`
}

// noOrdersReason is the reason a client without orders has no RFM score:
// recency has no last order to count from and ranking it as "worst"
// would be a guess.
const noOrdersReason = "no orders: recency and frequency are undefined, so the client is not scored"

// Band is the range of a whole-number measure (recency in days,
// frequency in orders) that got one score: the smallest and the largest
// value among the clients with that score, and how many they are.
// Clients 0 is an empty band: no value got the score (with ties, or
// fewer than five clients, some scores are not used), Min and Max are
// zero and JSON leaves them out.
type Band struct {
	Score   int   `json:"score"`
	Clients int   `json:"clients"`
	Min     int64 `json:"min"`
	Max     int64 `json:"max"`
}

// MarshalJSON leaves Min and Max out of an empty band, so that no one
// reads a range of zeros into it.
func (b Band) MarshalJSON() ([]byte, error) {
	if b.Clients == 0 {
		return json.Marshal(emptyBand{Score: b.Score})
	}
	type plain Band // without this method
	return json.Marshal(plain(b))
}

// MoneyBand is an [Band] of order totals.
type MoneyBand struct {
	Score   int             `json:"score"`
	Clients int             `json:"clients"`
	Min     decimal.Decimal `json:"min"`
	Max     decimal.Decimal `json:"max"`
}

// MarshalJSON leaves Min and Max out of an empty band.
func (b MoneyBand) MarshalJSON() ([]byte, error) {
	if b.Clients == 0 {
		return json.Marshal(emptyBand{Score: b.Score})
	}
	type plain MoneyBand
	return json.Marshal(plain(b))
}

type emptyBand struct {
	Score   int `json:"score"`
	Clients int `json:"clients"`
}

// Bands shows, for each measure and score, the values that got the
// score: [0] is score 1, [4] score 5. A better value never scores lower,
// so the bands of a measure never overlap and follow the scores: up in
// orders and money, down in days (the fewest days score 5).
type Bands struct {
	RecencyDays [5]Band      `json:"recency_days"`
	Frequency   [5]Band      `json:"frequency"`
	Monetary    [5]MoneyBand `json:"monetary"`
}

// String writes the bands one measure a line, such as
// "F1: no clients; F2: 1 order (2 clients); F3: 2-5 orders (3 clients)...".
func (b Bands) String() string {
	var sb strings.Builder
	for k := range 15 {
		switch {
		case k == 5 || k == 10:
			sb.WriteByte('\n')
		case k > 0:
			sb.WriteString("; ")
		}
		b.writeBand(&sb, "RFM"[k/5], k%5+1)
	}
	return sb.String()
}

// writeBand writes the band of one score of the measure whose letter is
// m, such as "F4: 12 orders (3 clients)" or "M2: 10.5-99 (4 clients)".
func (b Bands) writeBand(sb *strings.Builder, m byte, score int) {
	fmt.Fprintf(sb, "%c%d: ", m, score)
	if score < 1 || score > 5 {
		sb.WriteString("not a score")
		return
	}
	var values string
	var clients int
	switch m {
	case 'R':
		x := b.RecencyDays[score-1]
		values, clients = unitRange(x.Min, x.Max, "day", "days"), x.Clients
	case 'F':
		x := b.Frequency[score-1]
		values, clients = unitRange(x.Min, x.Max, "order", "orders"), x.Clients
	default:
		x := b.Monetary[score-1]
		values, clients = x.Min.String(), x.Clients
		if !x.Min.Equal(x.Max) {
			values += "-" + x.Max.String()
		}
	}
	if clients == 0 {
		sb.WriteString("no clients")
		return
	}
	fmt.Fprintf(sb, "%s (%s)", values, plural(int64(clients), "client", "clients"))
}

// unitRange writes a whole-number range with its unit: "12 orders",
// "1 day", "10-20 days".
func unitRange(lo, hi int64, one, many string) string {
	if lo == hi {
		return plural(lo, one, many)
	}
	return fmt.Sprintf("%d-%d %s", lo, hi, many)
}

// plural writes "1 client", "0 clients", "3 clients".
func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// SegmentCount is how many scored clients fell in one segment.
type SegmentCount struct {
	Segment string `json:"segment"`
	Clients int    `json:"clients"`
}

// Result is the outcome of [Classify].
type Result struct {
	AsOf time.Time `json:"as_of"`
	// Config is the segment map that named the segments; Score.Rule
	// indexes its rules.
	Config Config `json:"config"`
	// Scores holds one entry per client with orders, in input order;
	// their number is the N of the percentile ranks.
	Scores []Score `json:"scores"`
	// Unscored lists the clients without orders, in input order.
	Unscored []Unscored `json:"unscored,omitempty"`
	// Bands shows the values that got each score.
	Bands Bands `json:"bands"`
	// Segments counts the scored clients per segment, in the order the
	// segments first appear in the map; empty segments are listed too.
	Segments []SegmentCount `json:"segments"`
}

// Explain says in words why s, one of r.Scores, got its scores and
// segment: for each measure, how many clients are worse and how many
// equal, the percentile rank and the score they make, and the band of
// values that got the same score; then the rule that named the segment.
func (r Result) Explain(s Score) string {
	n := len(r.Scores)
	var sb strings.Builder
	explainRank(&sb, 'R', s.R, plural(s.RecencyDays, "day", "days")+" since the last order", "more days", s.RecencyRank, n)
	r.Bands.writeBand(&sb, 'R', s.R)
	sb.WriteString(". ")
	explainRank(&sb, 'F', s.F, plural(int64(s.Frequency), "order", "orders"), "fewer orders", s.FrequencyRank, n)
	r.Bands.writeBand(&sb, 'F', s.F)
	sb.WriteString(". ")
	explainRank(&sb, 'M', s.M, "total "+s.Monetary.String(), "a smaller total", s.MonetaryRank, n)
	r.Bands.writeBand(&sb, 'M', s.M)
	rule := "?"
	if s.Rule >= 0 && s.Rule < len(r.Config.Rules) {
		rule = r.Config.Rules[s.Rule].String()
	}
	fmt.Fprintf(&sb, ". Segment %s by rule %d (%s).", s.Segment, s.Rule, rule)
	return sb.String()
}

// explainRank writes the rank and score of one measure, up to its
// band: "F4 for 12 orders: of the 7 clients scored, 4 have fewer orders
// (L) and 3 the same, this one included (E): PR = (L + E/2)/N =
// (4 + 3/2)/7 = 5.5/7, F = 1 + floor(5 × PR) = 4; band ".
func explainRank(sb *strings.Builder, m byte, score int, value, worse string, k Rank, n int) {
	verb := "have"
	if k.Worse == 1 {
		verb = "has"
	}
	mid := fmt.Sprint(k.Worse + k.Equal/2) // L + E/2, written exactly
	if k.Equal%2 == 1 {
		mid += ".5"
	}
	fmt.Fprintf(sb, "%c%d for %s: of the %s scored, %d %s %s (L) and %d the same, this one included (E): "+
		"PR = (L + E/2)/N = (%d + %d/2)/%d = %s/%d, %c = 1 + floor(5 × PR) = %d; band ",
		m, score, value, plural(int64(n), "client", "clients"), k.Worse, verb, worse, k.Equal, k.Worse, k.Equal, n, mid, n, m, score)
}

// RFM scores every client of the base on recency, frequency and monetary
// value as of asOf, and names its segment through cfg.
//
// # Scores
//
// Recency is the whole days from the last order to asOf (fewer is
// better), frequency the number of orders, monetary the order total.
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
// clients get different scores that no manager can explain.
//
// # Input
//
// histories is the client base, one History per client. A client with
// no orders is not scored: it is listed in Unscored with the reason, and
// it does not count in N. Errors (ErrInvalid, every problem at
// once, each naming the field, the client and the value): an invalid
// cfg, a zero asOf, an empty base, a repeated client ID, a malformed
// history (a negative total, a total with more than 30 decimal places,
// orders without dates...), and an order date after asOf.
//
// RFM is a pure function: safe for concurrent use.
//
// [Percentile rank]: https://en.wikipedia.org/wiki/Percentile_rank
func Classify(histories []client.History, asOf time.Time, cfg Config) (Result, error) {
	var p validate.Problems
	p.Limit("histories", validate.MaxListed)
	table, err := cfg.resolve()
	p.Merge("config", err)
	if asOf.IsZero() {
		p.Add("as_of", nil, "is required")
	}
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
		days := days.Between(h.LastOrder, asOf)
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
	ranks, res.Bands = rankAll(recency, frequency, &a)

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

// keyBands are the bands of one measure as ranges of its keys: the
// least and the greatest key of the clients with each score, and how
// many they are (0: an empty band).
type keyBands [5]struct {
	lo, hi  int64
	clients int
}

// add records the tie group of e clients with key v, which is greater
// than every key added before, in the band of its score.
func (b *keyBands) add(score int, v int64, e int) {
	x := &b[score-1]
	if x.clients == 0 {
		x.lo = v
	}
	x.hi = v
	x.clients += e
}

// group is a tie group of one measure: the clients worse than its
// value, the clients with its value, and their score. Counts are int32,
// as client indices are in the other segmentations: a base of 2^31
// clients would need hundreds of gigabytes of scores.
type group struct{ worse, equal, score int32 }

func (g group) rank() Rank { return Rank{Worse: int(g.worse), Equal: int(g.equal)} }

// ranked is one measure ranked: the tie group of every client, either
// looked up by its key in a table of the values (byKey, when counted) or
// held for each client (each, when sorted).
type ranked struct {
	keys  []int64
	lo    int64
	byKey []group // the group of key lo+v at v
	each  []group // the group of client i at i
}

// at returns the tie group of client i.
func (x *ranked) at(i int) group {
	if x.each != nil {
		return x.each[i]
	}
	return x.byKey[x.keys[i]-x.lo]
}

// countSlack is how far the keys of a measure may spread beyond the
// number of clients and still be ranked by counting (see rank).
const countSlack = 4096

// ranker ranks the measures one after another, sharing the scratch
// space of the radix sort, made on first use.
type ranker struct {
	sorted, buf []uint64
	order, obuf []int32
}

// rank ranks keys (one per client, larger is better) and returns each
// client's tie group and the bands. Keys that span at most
// N + countSlack values (days, order counts, and totals in a small
// range of units) are ranked by counting each value: one pass in client
// order, a table small enough to stay in cache, no sort. Wider keys
// (totals in cents, mostly) are radix-sorted. keys is not changed.
func (r *ranker) rank(keys []int64) (ranked, keyBands) {
	lo, hi := keys[0], keys[0]
	for _, k := range keys {
		lo, hi = min(lo, k), max(hi, k)
	}
	if span := uint64(hi) - uint64(lo); span < uint64(len(keys))+countSlack {
		return rankCounted(keys, lo, int(span)+1)
	}
	return r.rankSorted(keys)
}

// rankCounted ranks keys in lo..lo+span-1: it counts the clients of
// each value, so the clients worse than a value are the counts below it.
func rankCounted(keys []int64, lo int64, span int) (ranked, keyBands) {
	g := make([]group, span)
	for _, k := range keys {
		g[k-lo].equal++
	}
	n := len(keys)
	var b keyBands
	worse := 0
	for v := range g {
		if e := int(g[v].equal); e > 0 {
			score := Rank{Worse: worse, Equal: e}.score(n)
			g[v].worse, g[v].score = int32(worse), int32(score)
			b.add(score, lo+int64(v), e)
			worse += e
		}
	}
	return ranked{keys: keys, lo: lo, byKey: g}, b
}

// rankSorted radix-sorts the keys with their client indices, then ranks
// each run of equal keys.
func (r *ranker) rankSorted(keys []int64) (ranked, keyBands) {
	n := len(keys)
	if r.sorted == nil {
		r.sorted, r.buf = make([]uint64, n), make([]uint64, n)
		r.order, r.obuf = make([]int32, n), make([]int32, n)
	}
	for i, k := range keys {
		r.sorted[i], r.order[i] = radix.FromInt64(k), int32(i)
	}
	sorted, order := radix.Sort(r.sorted, r.buf, r.order, r.obuf)
	each := make([]group, n)
	var b keyBands
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && sorted[hi] == sorted[lo] {
			hi++
		}
		score := Rank{Worse: lo, Equal: hi - lo}.score(n)
		g := group{worse: int32(lo), equal: int32(hi - lo), score: int32(score)}
		for _, i := range order[lo:hi] {
			each[i] = g
		}
		b.add(score, radix.ToInt64(sorted[lo]), hi-lo)
		lo = hi
	}
	return ranked{each: each}, b
}

// rankAll ranks the three measures: recency (minus the days) and
// frequency keys, and the monetary totals as exact integer units at one
// exponent (exactsum), and returns each client's tie groups and the
// bands. No decimal.Cmp: it allocates whenever two exponents differ.
func rankAll(recency, frequency []int64, a *exactsum.Amounts) ([3]ranked, Bands) {
	var out [3]ranked
	var b Bands
	for k := range 5 {
		b.RecencyDays[k].Score, b.Frequency[k].Score, b.Monetary[k].Score = k+1, k+1, k+1
	}
	if len(recency) == 0 {
		return out, b
	}
	var r ranker
	var kb keyBands
	out[0], kb = r.rank(recency)
	for k, x := range kb {
		if x.clients > 0 {
			// The greatest key is the fewest days.
			b.RecencyDays[k] = Band{Score: k + 1, Clients: x.clients, Min: -x.hi, Max: -x.lo}
		}
	}
	out[1], kb = r.rank(frequency)
	for k, x := range kb {
		if x.clients > 0 {
			b.Frequency[k] = Band{Score: k + 1, Clients: x.clients, Min: x.lo, Max: x.hi}
		}
	}
	out[2], b.Monetary = r.rankMoney(a)
	return out, b
}

// rankMoney ranks the totals. Units that fit int64 (any total of up to
// 18 significant digits at the common exponent) are ranked like days and
// order counts; wider ones go through rankWide.
func (r *ranker) rankMoney(a *exactsum.Amounts) (ranked, [5]MoneyBand) {
	if a.Ints() == nil {
		return rankWide(a)
	}
	x, kb := r.rank(a.Ints())
	var out [5]MoneyBand
	for k, y := range kb {
		out[k].Score = k + 1
		if y.clients > 0 {
			out[k].Clients = y.clients
			out[k].Min, out[k].Max = decimal.New(y.lo, a.Exp()), decimal.New(y.hi, a.Exp())
		}
	}
	return x, out
}

// rankWide is the exact path for monetary units too wide for int64:
// the same ranks, from a comparison sort of the big-integer units
// (exactsum compares them without allocating). The band values are
// built from the units at the common exponent, as the int64 path builds
// them, so both paths give equal results.
func rankWide(a *exactsum.Amounts) (ranked, [5]MoneyBand) {
	n := a.Len()
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, a.Cmp)
	each := make([]group, n)
	var b keyBands // keys: positions in order
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && a.Cmp(order[hi], order[lo]) == 0 {
			hi++
		}
		score := Rank{Worse: lo, Equal: hi - lo}.score(n)
		g := group{worse: int32(lo), equal: int32(hi - lo), score: int32(score)}
		for _, i := range order[lo:hi] {
			each[i] = g
		}
		b.add(score, int64(lo), hi-lo)
		lo = hi
	}
	var out [5]MoneyBand
	for k, x := range b {
		out[k].Score = k + 1
		if x.clients > 0 {
			out[k].Clients = x.clients
			out[k].Min = decimal.NewFromBigInt(a.BigInt(order[x.lo], new(big.Int)), a.Exp())
			out[k].Max = decimal.NewFromBigInt(a.BigInt(order[x.hi], new(big.Int)), a.Exp())
		}
	}
	return ranked{each: each}, out
}

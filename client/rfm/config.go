package rfm

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clientele-go/clientele/internal/validate"
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

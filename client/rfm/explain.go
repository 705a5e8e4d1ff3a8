package rfm

import (
	"fmt"
	"strings"
)

// Explain says in words why s, one of r.Scores, got its scores and
// segment: for each measure, how many clients are worse and how many
// equal, the percentile rank and the score they make, and the band of
// values that got the same score; then the rule that named the segment.
func (r Result) Explain(s Score) string { return explain(len(r.Scores), r.Bands, r.Config, s) }

// explain writes the explanation of s among n scored clients with the
// bands b, under the rules of cfg.
func explain(n int, b Bands, cfg Config, s Score) string {
	var sb strings.Builder
	explainRank(&sb, 'R', s.R, plural(s.RecencyDays, "day", "days")+" since the last order", "more days", s.RecencyRank, n)
	b.writeBand(&sb, 'R', s.R)
	sb.WriteString(". ")
	explainRank(&sb, 'F', s.F, plural(int64(s.Frequency), "order", "orders"), "fewer orders", s.FrequencyRank, n)
	b.writeBand(&sb, 'F', s.F)
	sb.WriteString(". ")
	explainRank(&sb, 'M', s.M, "total "+s.Monetary.String(), "a smaller total", s.MonetaryRank, n)
	b.writeBand(&sb, 'M', s.M)
	rule := "?"
	if s.Rule >= 0 && s.Rule < len(cfg.Rules) {
		rule = cfg.Rules[s.Rule].String()
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

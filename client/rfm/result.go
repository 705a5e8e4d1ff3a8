package rfm

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

// Score is one client's RFM position: the three measures, where each
// stands among the clients scored, the three scores, and the segment
// with the rule that named it.
type Score struct {
	ClientID string `json:"client_id"`
	// RecencyDays is the calendar days from the last order to the as-of
	// date: 0 for an order on the as-of day.
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
	AsOf clientele.Date `json:"as_of"`
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

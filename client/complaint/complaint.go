package complaint

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Status is where a complaint stands. The zero value is unset
// and fails validation.
type Status uint8

const (
	// Open is a complaint being handled.
	Open Status = iota + 1
	// Resolved is a complaint closed with a resolution date.
	Resolved
)

var statusNames = enum.Names{"", "open", "resolved"}

// ParseStatus returns the status named s ("open", "resolved").
func ParseStatus(s string) (Status, error) {
	return enum.Parse[Status](statusNames, "complaint status", s)
}

func (s Status) String() string {
	return enum.String(statusNames, "Status", s)
}

// IsValid reports whether s is one of the named statuses.
func (s Status) IsValid() bool { return enum.Valid(statusNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s Status) MarshalText() ([]byte, error) {
	return enum.Marshal(statusNames, "Status", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(statusNames, "complaint status", s, b)
}

// Complaint is one complaint from a client. The article makes handling
// incoming complaints and analysing their causes one of the account
// manager's duties; [Analyze] does the analysis.
type Complaint struct {
	ID       string `json:"id"`
	ClientID string `json:"client_id"`
	// ReceivedAt is the moment the complaint was received: an instant,
	// not a day, since resolution times are measured in hours.
	ReceivedAt time.Time `json:"received_at"`
	// Cause is the cause category: one of Config.Causes when the
	// host configures a list, else a free label.
	Cause string `json:"cause"`
	// Description is the complaint as told; free text that may name
	// people, so it is personal data and never prints.
	Description client.Personal `json:"description,omitzero"`
	Status      Status          `json:"status"`
	// ResolvedAt is when the complaint was resolved: set exactly when
	// Status is resolved, never before ReceivedAt.
	ResolvedAt time.Time `json:"resolved_at,omitzero"`
}

// maxDuration is the longest time.Duration, about 292 years,
// which time.Time.Sub returns for any longer span.
const maxDuration = time.Duration(math.MaxInt64)

// maxDescription bounds the free text: room for a long letter,
// not for a hostile payload.
const maxDescription = 8192

// Validate reports every problem with the record at once: a missing ID,
// client, date or cause, an unknown status, a resolved complaint without
// a resolution date, resolved before it was received or more than 292
// years after (beyond what a time.Duration holds), and an open one with a
// resolution date.
func (c Complaint) Validate() error {
	var p validate.Problems
	check(&p, "", c)
	return p.Err(ErrInvalid)
}

func check(p *validate.Problems, prefix string, c Complaint) {
	p.ID(validate.Path(prefix, "id"), c.ID)
	p.ID(validate.Path(prefix, "client_id"), c.ClientID)
	if c.ReceivedAt.IsZero() {
		p.Add(validate.Path(prefix, "received_at"), nil, "is required")
	}
	p.Name(validate.Path(prefix, "cause"), c.Cause)
	if d := c.Description.Reveal(); len(d) > maxDescription || !utf8.ValidString(d) {
		p.Addf(validate.Path(prefix, "description"), c.Description, "must be UTF-8 text of at most %d bytes", maxDescription)
	}
	switch c.Status {
	case Open:
		if !c.ResolvedAt.IsZero() {
			p.Add(validate.Path(prefix, "resolved_at"), c.ResolvedAt.Format(time.RFC3339), "an open complaint has no resolution date")
		}
	case Resolved:
		switch {
		case c.ResolvedAt.IsZero():
			p.Add(validate.Path(prefix, "resolved_at"), nil, "is required for a resolved complaint")
		case c.ResolvedAt.Before(c.ReceivedAt):
			p.Add(validate.Path(prefix, "resolved_at"), c.ResolvedAt.Format(time.RFC3339), "is before the time it was received "+c.ReceivedAt.Format(time.RFC3339))
		case c.ResolvedAt.Sub(c.ReceivedAt) == maxDuration:
			// Sub saturates: the resolution time would be clamped.
			p.Add(validate.Path(prefix, "resolved_at"), c.ResolvedAt.Format(time.RFC3339), "is more than 292 years after the time it was received "+c.ReceivedAt.Format(time.RFC3339)+": a resolution time must fit a time.Duration")
		}
	case 0:
		p.Add(validate.Path(prefix, "status"), nil, "is required (open or resolved)")
	default:
		p.Add(validate.Path(prefix, "status"), c.Status, "unknown status (want open or resolved)")
	}
}

// Resolve closes an open complaint at time at. It refuses a complaint
// that is not open (ErrInvalidTransition) and a resolution before the
// complaint was received (ErrInvalid), leaving c unchanged.
func (c *Complaint) Resolve(at time.Time) error {
	if c.Status != Open {
		return fmt.Errorf("complaint %q is %s, not open: %w", c.ID, c.Status, ErrInvalidTransition)
	}
	var p validate.Problems
	switch {
	case at.IsZero():
		p.Addf("resolved_at", nil, "complaint %q: is required", c.ID)
	case at.Before(c.ReceivedAt):
		p.Addf("resolved_at", at.Format(time.RFC3339), "complaint %q: must not be before the time it was received %s", c.ID, c.ReceivedAt.Format(time.RFC3339))
	}
	if err := p.Err(ErrInvalid); err != nil {
		return err
	}
	c.Status = Resolved
	c.ResolvedAt = at
	return nil
}

// Config sets how complaints are classified and analysed.
type Config struct {
	// Causes is the list of cause categories a complaint must use; empty
	// means free labels (any non-blank cause).
	Causes []string `json:"causes,omitempty"`
	// RepeatThreshold is how many complaints in the period make a client
	// a repeat complainant (2..1000).
	RepeatThreshold int `json:"repeat_threshold"`
}

// DefaultConfig returns the usual B2B cause categories, one per
// department a complaint lands in (product quality, delivery, billing,
// the document package, the manager's service, other), and lists clients
// with 2 or more complaints in the period: the smallest number that is a
// repeat.
func DefaultConfig() Config {
	return Config{
		Causes:          []string{"product_quality", "delivery", "billing", "documents", "service", "other"},
		RepeatThreshold: 2,
	}
}

// Validate reports every problem at once (the first 100 of them, and how
// many more): a blank, malformed or repeated cause, and a repeat
// threshold outside 2..1000.
func (c Config) Validate() error {
	var p validate.Problems
	p.Limit("causes", validate.MaxListed)
	for i, cause := range c.Causes {
		f := fmt.Sprintf("causes[%d]", i)
		p.Name(f, cause)
		if slices.Index(c.Causes, cause) < i {
			p.Add(f, cause, "is repeated")
		}
	}
	if c.RepeatThreshold < 2 || c.RepeatThreshold > 1000 {
		p.Add("repeat_threshold", c.RepeatThreshold, "must be within 2..1000 (one complaint is not a repeat)")
	}
	return p.Err(ErrInvalid)
}

// Cause is one cause's line of the Pareto table.
type Cause struct {
	Cause string `json:"cause"`
	Count int    `json:"count"`
	// Share and CumulativeShare are percentages of the period's
	// complaints (float64: display statistics). The cumulative share is
	// computed from the cumulative count, so the last line is exactly 100.
	Share           float64 `json:"share"`
	CumulativeShare float64 `json:"cumulative_share"`
}

// Resolution summarises how long resolved complaints took.
type Resolution struct {
	// Resolved is the number of resolved complaints measured.
	Resolved int `json:"resolved"`
	// Defined is false when none was resolved: then there is no median.
	Defined bool `json:"defined"`
	// Median and P90 are nearest-rank percentiles of ResolvedAt − ReceivedAt.
	Median time.Duration `json:"median"`
	P90    time.Duration `json:"p90"`
}

// Repeat is a client with repeated complaints in the period.
type Repeat struct {
	ClientID     string   `json:"client_id"`
	Count        int      `json:"count"`
	ComplaintIDs []string `json:"complaint_ids"`
}

// Analysis is the outcome of [Analyze].
type Analysis struct {
	From clientele.Date `json:"from"`
	To   clientele.Date `json:"to"`
	// Total is the number of complaints received on the days [From, To); Open and
	// Resolved split it by current status.
	Total    int `json:"total"`
	Open     int `json:"open"`
	Resolved int `json:"resolved"`
	// Causes is the Pareto table: causes with at least one complaint, by
	// count descending, ties by cause name.
	Causes     []Cause    `json:"causes"`
	Resolution Resolution `json:"resolution"`
	// RepeatClients are the clients with at least RepeatThreshold
	// complaints in the period, by count descending, ties by client ID;
	// complaint IDs in date order, those received at the same instant by
	// ID.
	RepeatClients []Repeat `json:"repeat_clients"`
}

// Analyze analyses the complaints received on the days [from, to), each
// on the day its Date shows in its own location (clientele.DateOf): how
// many, by cause in Pareto order (so the few causes behind most
// complaints come first), how many are still open, how long resolution
// takes, and which clients complain again and again.
//
// The records are taken as they stand: a complaint received in the
// period and resolved after it counts as resolved, with its full
// resolution time. The median and the 90th percentile are nearest-rank
// (Wikipedia, "Percentile": the P-th percentile of N ordered values is
// the value at rank ceil(P/100 × N)), so each is an actual resolution
// time, never an interpolation.
//
// Errors (ErrInvalid, all at once): an invalid cfg, a missing, invalid
// or empty period (from must be before to), an invalid complaint, a
// repeated complaint ID, and a cause outside cfg.Causes when the list is
// set. Complaints outside the period are validated too: bad input is
// reported wherever it is. No complaint at all is a valid, empty
// analysis.
func Analyze(complaints []Complaint, from, to clientele.Date, cfg Config) (Analysis, error) {
	var p validate.Problems
	p.Limit("complaints", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	switch {
	case from.IsZero() || to.IsZero():
		p.Add("period", nil, "from and to are required")
	case !from.IsValid() || !to.IsValid():
		p.Date("period.from", from, true)
		p.Date("period.to", to, true)
	case !from.Before(to):
		p.Addf("period", fmt.Sprintf("[%s, %s)", from, to), "from must be before to")
	}
	p.Each("complaints", len(complaints), func(q *validate.Problems, i int) {
		c := &complaints[i]
		check(q, "", *c)
		if len(cfg.Causes) > 0 && c.Cause != "" && !slices.Contains(cfg.Causes, c.Cause) {
			q.Addf("cause", c.Cause, "complaint %q: is not one of the configured causes %v", c.ID, cfg.Causes)
		}
	})
	p.Repeats("complaints", "id", len(complaints), func(i int) string { return complaints[i].ID })
	if err := p.Err(ErrInvalid); err != nil {
		return Analysis{}, err
	}

	a := Analysis{From: from, To: to, Causes: []Cause{}, RepeatClients: []Repeat{}}
	var inPeriod []Complaint
	for _, c := range complaints {
		if day := clientele.DateOf(c.ReceivedAt); !day.Before(from) && day.Before(to) {
			inPeriod = append(inPeriod, c)
		}
	}
	// Ties by ID (unique, checked above): the analysis of the same
	// records does not depend on the order the host lists them in.
	slices.SortFunc(inPeriod, func(x, y Complaint) int {
		if c := x.ReceivedAt.Compare(y.ReceivedAt); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	a.Total = len(inPeriod)

	byCause := map[string]int{}
	byClient := map[string][]string{}
	var times []time.Duration
	for _, c := range inPeriod {
		byCause[c.Cause]++
		byClient[c.ClientID] = append(byClient[c.ClientID], c.ID)
		if c.Status == Open {
			a.Open++
			continue
		}
		a.Resolved++
		times = append(times, c.ResolvedAt.Sub(c.ReceivedAt))
	}

	for cause, n := range byCause {
		a.Causes = append(a.Causes, Cause{Cause: cause, Count: n})
	}
	slices.SortFunc(a.Causes, func(x, y Cause) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Cause, y.Cause))
	})
	cum := 0
	for i := range a.Causes {
		c := &a.Causes[i]
		cum += c.Count
		c.Share = 100 * float64(c.Count) / float64(a.Total)
		c.CumulativeShare = 100 * float64(cum) / float64(a.Total)
	}

	a.Resolution.Resolved = len(times)
	if len(times) > 0 {
		slices.Sort(times)
		a.Resolution.Defined = true
		a.Resolution.Median = times[nearestRank(len(times), 50)]
		a.Resolution.P90 = times[nearestRank(len(times), 90)]
	}

	for id, ids := range byClient {
		if len(ids) >= cfg.RepeatThreshold {
			a.RepeatClients = append(a.RepeatClients, Repeat{ClientID: id, Count: len(ids), ComplaintIDs: ids})
		}
	}
	slices.SortFunc(a.RepeatClients, func(x, y Repeat) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.ClientID, y.ClientID))
	})
	return a, nil
}

package segment

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/join"
	"github.com/clientele-go/clientele/internal/validate"
)

// ConditionKind is what a rule condition tests. The zero value is
// unset and fails validation.
type ConditionKind uint8

const (
	// B2B holds for a client that buys as a business: a company or an
	// entrepreneur ([client.Kind.IsBusiness]).
	B2B ConditionKind = iota + 1
	// B2C holds for an individual buying for themselves.
	B2C
	// VIP holds for a client marked VIP.
	VIP
	// KeyAccount holds for a client marked as a key account.
	KeyAccount
	// NewClient holds when the first order is less than Days calendar
	// days before the as-of date (asOf.Sub(FirstOrder) < Days). A client that never ordered is not new: it
	// is a prospect.
	NewClient
	// Dormant holds when the last order is Days or more calendar days
	// before the as-of date (asOf.Sub(LastOrder) >= Days), as in ERPNext's "Inactive Customers" report
	// (days since last order >= the filter). A client that never ordered
	// is not dormant: it never was active.
	Dormant
	// Region holds when the client's region is one of Values.
	Region
	// Industry holds when the client's industry is one of Values.
	Industry
	// Tag holds when the client carries at least one tag of Values.
	Tag
	// Status holds when the client's status is one of Values (status
	// names: prospect, active, dormant, lost).
	Status
)

var conditionKindNames = enum.Names{"", "b2b", "b2c", "vip", "key_account", "new", "dormant",
	"region", "industry", "tag", "status"}

// ParseConditionKind returns the condition kind named s ("b2b",
// "b2c", "vip", "key_account", "new", "dormant", "region", "industry",
// "tag", "status").
func ParseConditionKind(s string) (ConditionKind, error) {
	return enum.Parse[ConditionKind](conditionKindNames, "rule condition kind", s)
}

func (k ConditionKind) String() string {
	return enum.String(conditionKindNames, "ConditionKind", k)
}

// IsValid reports whether k is one of the named kinds.
func (k ConditionKind) IsValid() bool { return enum.Valid(conditionKindNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k ConditionKind) MarshalText() ([]byte, error) {
	return enum.Marshal(conditionKindNames, "ConditionKind", k)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *ConditionKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(conditionKindNames, "rule condition kind", k, b)
}

// usesDays and usesValues say which parameter a kind takes; a condition
// must give exactly the parameter its kind uses.
func (k ConditionKind) usesDays() bool { return k == NewClient || k == Dormant }

func (k ConditionKind) usesValues() bool {
	return k == Region || k == Industry || k == Tag || k == Status
}

// Condition is one test of a rule segment, as data.
type Condition struct {
	Kind ConditionKind `json:"kind"`
	// Not negates the test: {"kind":"vip","not":true} holds for a client
	// that is not VIP.
	Not bool `json:"not,omitempty"`
	// Days is the window of new and dormant, in calendar days (1..36500);
	// the other kinds take none.
	Days int `json:"days,omitempty"`
	// Values is the membership list of region, industry, tag and status,
	// compared exactly (case-sensitive: the host normalises its labels);
	// the other kinds take none.
	Values []string `json:"values,omitempty"`
}

// String writes the condition as "dormant 60 days", "not vip",
// "region in [Moscow Tver]".
func (c Condition) String() string {
	var b strings.Builder
	if c.Not {
		b.WriteString("not ")
	}
	b.WriteString(c.Kind.String())
	if c.Kind.usesDays() {
		fmt.Fprintf(&b, " %d days", c.Days)
	}
	if c.Kind.usesValues() {
		fmt.Fprintf(&b, " in %v", c.Values)
	}
	return b.String()
}

// Rule is a named segment: a client is a member when every one of
// its conditions holds.
type Rule struct {
	Name       string      `json:"name"`
	Conditions []Condition `json:"conditions"`
}

// Config lists the rule segments. Unlike RFM, where each
// client has one segment, a client is in every rule segment whose
// conditions it meets: a VIP company that stopped ordering is in "b2b",
// "vip" and "dormant" at once.
type Config struct {
	Segments []Rule `json:"segments"`
}

// DefaultConfig returns the everyday segments of an account
// manager's base: b2b, b2c, vip, key_accounts, new (first order within
// the last 90 days: a quarter, the usual reporting period), dormant (no
// order for 60 days: the default of ERPNext's "Inactive Customers"
// report), and key_accounts_dormant, a key account that has gone quiet,
// the one a manager calls first.
func DefaultConfig() Config {
	one := func(k ConditionKind) []Condition { return []Condition{{Kind: k}} }
	return Config{Segments: []Rule{
		{Name: "b2b", Conditions: one(B2B)},
		{Name: "b2c", Conditions: one(B2C)},
		{Name: "vip", Conditions: one(VIP)},
		{Name: "key_accounts", Conditions: one(KeyAccount)},
		{Name: "new", Conditions: []Condition{{Kind: NewClient, Days: 90}}},
		{Name: "dormant", Conditions: []Condition{{Kind: Dormant, Days: 60}}},
		{Name: "key_accounts_dormant", Conditions: []Condition{{Kind: KeyAccount}, {Kind: Dormant, Days: 60}}},
	}}
}

// maxDays bounds a day window: a century is longer than any client
// relationship, so anything above it is a typo.
const maxDays = 36500

// Validate reports every problem at once (the first 100 of them, and how
// many more): no segments, a missing,
// malformed or repeated name, a segment without conditions, an unknown
// condition kind, a missing or out-of-range days for new and dormant, an
// empty, blank or repeated value list for region, industry, tag and
// status, an unknown status name, and a parameter given to a kind that
// takes none.
func (c Config) Validate() error {
	var p validate.Problems
	p.Limit("segments", validate.MaxListed)
	if len(c.Segments) == 0 {
		p.Add("segments", nil, "must list at least one segment")
	}
	names := make(map[string]int, len(c.Segments))
	for i, s := range c.Segments {
		f := fmt.Sprintf("segments[%d]", i)
		p.Name(f+".name", s.Name)
		if j, seen := names[s.Name]; seen && s.Name != "" {
			p.Addf(f+".name", s.Name, "repeats segments[%d].name: segment names are unique", j)
		} else {
			names[s.Name] = i
		}
		if len(s.Conditions) == 0 {
			p.Add(f+".conditions", nil, "must list at least one condition (a segment of everyone is no segment)")
		}
		for k, cond := range s.Conditions {
			checkCondition(&p, fmt.Sprintf("%s.conditions[%d]", f, k), cond)
		}
	}
	return p.Err(ErrInvalid)
}

func checkCondition(p *validate.Problems, f string, c Condition) {
	if !c.Kind.IsValid() {
		var v any
		if c.Kind != 0 {
			v = c.Kind
		}
		p.Addf(validate.Path(f, "kind"), v, "unknown condition kind (want one of %v)", []string(conditionKindNames[1:]))
		return
	}
	switch {
	case c.Kind.usesDays() && (c.Days < 1 || c.Days > maxDays):
		if c.Days == 0 {
			p.Addf(f+".days", nil, "is required for %s", c.Kind)
		} else {
			p.Addf(f+".days", c.Days, "must be within 1..%d", maxDays)
		}
	case !c.Kind.usesDays() && c.Days != 0:
		p.Addf(f+".days", c.Days, "applies only to new and dormant, not to %s", c.Kind)
	}
	switch {
	case c.Kind.usesValues() && len(c.Values) == 0:
		p.Addf(f+".values", nil, "must list at least one %s", c.Kind)
	case !c.Kind.usesValues() && len(c.Values) != 0:
		p.Addf(f+".values", c.Values, "apply only to region, industry, tag and status, not to %s", c.Kind)
	}
	if !c.Kind.usesValues() {
		return
	}
	for i, v := range c.Values {
		vf := fmt.Sprintf("%s.values[%d]", f, i)
		switch {
		case strings.TrimSpace(v) == "":
			p.Add(vf, nil, "must not be blank")
		case slices.Index(c.Values, v) < i:
			p.Add(vf, v, "is repeated")
		case c.Kind == Status:
			if _, err := client.ParseStatus(v); err != nil {
				p.Add(vf, v, err.Error())
			}
		}
	}
}

// Check is the outcome of one condition for one client: whether it
// held (after Not) and the fact that decided it.
type Check struct {
	// Condition is the configured condition. Its Values slice is the
	// config's own, not a copy (a base of a million clients would copy it
	// a million times): treat the config as read-only while results are
	// in use.
	Condition Condition `json:"condition"`
	Held      bool      `json:"held"`
	Reason    string    `json:"reason"`
}

// Verdict is one segment's decision for one client, with every
// condition's check (all are evaluated, so the verdict shows everything
// that stands between a client and a segment).
type Verdict struct {
	Segment string  `json:"segment"`
	Member  bool    `json:"member"`
	Checks  []Check `json:"checks"`
}

// Result is one client's rule segments.
type Result struct {
	ClientID string `json:"client_id"`
	// Segments names the segments the client is in, in config order.
	Segments []string `json:"segments"`
	// Verdicts holds every segment's decision, in config order.
	Verdicts []Verdict `json:"verdicts"`
}

// Evaluate places one client in the rule segments as of asOf; h is the
// client's history (with Orders 0 if it never ordered). Errors
// (ErrInvalid): an invalid config, an unset or invalid asOf, a client without
// ID or with an unknown kind or status, a history of another client, a
// malformed history, or an order after asOf.
func (c Config) Evaluate(cl client.Client, h client.History, asOf clientele.Date) (Result, error) {
	var p validate.Problems
	p.Merge("config", c.Validate())
	p.Date("as_of", asOf, true)
	checkClient(&p, "client", cl)
	if h.ClientID != cl.ID {
		p.Addf("history.client_id", h.ClientID, "is not the client's ID %q", cl.ID)
	} else {
		p.Merge("history", h.ValidateAsOf(asOf))
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Result{}, err
	}
	var names []string
	return c.evaluate(cl, h, asOf, make([]Verdict, len(c.Segments)), make([]Check, c.conditions()), &names), nil
}

// Assign places every client of the base in the rule segments as
// of asOf. histories holds exactly one History per client, in any order
// (build them with [client.Histories]; a client that never ordered has one with
// Orders 0, so a forgotten history is an error, not a silent "no
// orders"). Results follow the order of clients.
//
// Errors (ErrInvalid, every problem at once): those of Evaluate,
// plus an empty base, a repeated client or history, a client without a
// history, and a history of a client not in the base.
func Assign(clients []client.Client, histories []client.History, asOf clientele.Date, cfg Config) ([]Result, error) {
	var p validate.Problems
	p.Limit("clients", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	p.Date("as_of", asOf, true)
	if len(clients) == 0 {
		p.Add("clients", nil, "the client base is empty")
	}
	p.Each("clients", len(clients), func(q *validate.Problems, i int) { checkClient(q, "", clients[i]) })
	if len(histories) > 0 {
		p.Each("histories", len(histories), func(q *validate.Problems, i int) { q.Merge("", histories[i].ValidateAsOf(asOf)) })
	}
	// The join also reports repeated clients and repeated histories.
	match, inBase := join.IDs(&p,
		join.List{List: "clients", IDField: "id", N: len(clients), ID: func(i int) string { return clients[i].ID }},
		join.List{List: "histories", IDField: "client_id", N: len(histories), ID: func(i int) string { return histories[i].ClientID }})
	for i, cl := range clients {
		if match[i] < 0 && cl.ID != "" {
			p.Addf(fmt.Sprintf("clients[%d]", i), cl.ID, "has no history (pass one with orders 0 for a client that never ordered)")
		}
	}
	for i, h := range histories {
		if !inBase[i] && h.ClientID != "" {
			p.Add(fmt.Sprintf("histories[%d].client_id", i), h.ClientID, "is not in the client base")
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	// One backing array each for the verdicts, the checks and the member
	// names of all clients: a few allocations for the whole base instead
	// of a dozen per client.
	out := make([]Result, len(clients))
	ns, nc := len(cfg.Segments), cfg.conditions()
	verdicts := make([]Verdict, ns*len(clients))
	checks := make([]Check, nc*len(clients))
	names := make([]string, 0, len(clients))
	for i, cl := range clients {
		out[i] = cfg.evaluate(cl, histories[match[i]], asOf, verdicts[ns*i:ns*(i+1):ns*(i+1)], checks[nc*i:nc*(i+1):nc*(i+1)], &names)
	}
	return out, nil
}

// conditions counts the conditions of all segments.
func (c Config) conditions() int {
	n := 0
	for _, s := range c.Segments {
		n += len(s.Conditions)
	}
	return n
}

// checkClient checks the client fields the conditions read.
func checkClient(p *validate.Problems, f string, cl client.Client) {
	if strings.TrimSpace(cl.ID) == "" {
		p.Add(validate.Path(f, "id"), nil, "is required")
	}
	switch {
	case cl.Kind == 0:
		p.Addf(validate.Path(f, "kind"), nil, "client %q: is required (individual, entrepreneur or company)", cl.ID)
	case !cl.Kind.IsValid():
		p.Addf(validate.Path(f, "kind"), cl.Kind, "client %q: unknown kind (want individual, entrepreneur or company)", cl.ID)
	}
	switch {
	case cl.Status == 0:
		p.Addf(validate.Path(f, "status"), nil, "client %q: is required (prospect, active, dormant or lost)", cl.ID)
	case !cl.Status.IsValid():
		p.Addf(validate.Path(f, "status"), cl.Status, "client %q: unknown status (want prospect, active, dormant or lost)", cl.ID)
	}
}

// evaluate places one valid client, filling verdicts (one per segment)
// and checks (one per condition of every segment), and appending the
// names of its segments to *names, a backing array shared by the clients
// of one call (a result keeps its own capped slice of it).
func (c Config) evaluate(cl client.Client, h client.History, asOf clientele.Date, verdicts []Verdict, checks []Check, names *[]string) Result {
	if *names == nil {
		*names = []string{} // a client in no segment has an empty list, not none
	}
	start := len(*names)
	for i, s := range c.Segments {
		v := Verdict{Segment: s.Name, Member: true, Checks: checks[:len(s.Conditions):len(s.Conditions)]}
		checks = checks[len(s.Conditions):]
		for k, cond := range s.Conditions {
			held, reason := holds(cond, cl, h, asOf)
			held = held != cond.Not
			v.Checks[k] = Check{Condition: cond, Held: held, Reason: reason}
			v.Member = v.Member && held
		}
		if v.Member {
			*names = append(*names, s.Name)
		}
		verdicts[i] = v
	}
	end := len(*names)
	return Result{ClientID: cl.ID, Segments: (*names)[start:end:end], Verdicts: verdicts}
}

// holds evaluates a condition before negation and states the fact.
func holds(c Condition, cl client.Client, h client.History, asOf clientele.Date) (bool, string) {
	switch c.Kind {
	case B2B, B2C:
		if cl.Kind.IsBusiness() {
			return c.Kind == B2B, kindReasons[cl.Kind]
		}
		return c.Kind == B2C, kindReasons[cl.Kind]
	case VIP:
		if cl.VIP {
			return true, "is VIP"
		}
		return false, "is not VIP"
	case KeyAccount:
		if cl.KeyAccount {
			return true, "is a key account"
		}
		return false, "is not a key account"
	case NewClient:
		if !h.HasOrders() {
			return false, "has no orders: a prospect, not a new client"
		}
		d := asOf.Sub(h.FirstOrder)
		if d < c.Days {
			return true, daysReason("first", d, "less than ", c.Days, "")
		}
		return false, daysReason("first", d, "not less than ", c.Days, "")
	case Dormant:
		if !h.HasOrders() {
			return false, "has no orders: never active, so not dormant"
		}
		d := asOf.Sub(h.LastOrder)
		if d >= c.Days {
			return true, daysReason("last", d, "", c.Days, " or more")
		}
		return false, daysReason("last", d, "fewer than ", c.Days, "")
	case Region:
		return member("region", cl.Region, c.Values)
	case Industry:
		return member("industry", cl.Industry, c.Values)
	case Status:
		return member("status", cl.Status.String(), c.Values)
	case Tag:
		for _, t := range cl.Tags {
			if slices.Contains(c.Values, t) {
				return true, fmt.Sprintf("tag %q is in %v", t, c.Values)
			}
		}
		return false, fmt.Sprintf("tags %v: none is in %v", cl.Tags, c.Values)
	}
	return false, "unknown condition" // unreachable: Validate rejects unknown kinds
}

func member(what, v string, values []string) (bool, string) {
	if slices.Contains(values, v) {
		return true, fmt.Sprintf("%s %q is in %v", what, v, values)
	}
	return false, fmt.Sprintf("%s %q is not in %v", what, v, values)
}

// kindReasons states how each kind buys, for b2b and b2c: written
// once, not per client.
var kindReasons = func() (r [client.KindCompany + 1]string) {
	for k := client.KindIndividual; k <= client.KindCompany; k++ {
		if k.IsBusiness() {
			r[k] = "kind " + k.String() + " buys as a business (B2B)"
		} else {
			r[k] = "kind " + k.String() + " buys for themselves (B2C)"
		}
	}
	return r
}()

// daysReason writes "<which> order <d> days before as-of, <pre><days><post>"
// in one allocation: new and dormant state it for every client.
func daysReason(which string, d int, pre string, days int, post string) string {
	var buf [96]byte
	b := append(buf[:0], which...)
	b = append(b, " order "...)
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, " days before as-of, "...)
	b = append(b, pre...)
	b = strconv.AppendInt(b, int64(days), 10)
	b = append(b, post...)
	return string(b)
}

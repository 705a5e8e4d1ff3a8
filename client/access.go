package client

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Reach is the set of clients an access rule covers.
type Reach uint8

const (
	// ReachAssigned covers the clients whose ManagerID is the actor's ID.
	ReachAssigned Reach = iota + 1
	// ReachKeyAccounts covers every client flagged KeyAccount.
	ReachKeyAccounts
	// ReachAll covers every client.
	ReachAll
)

var reachNames = enum.Names{"", "assigned", "key_accounts", "all"}

// ParseReach returns the reach named s.
func ParseReach(s string) (Reach, error) { return enum.Parse[Reach](reachNames, "reach", s) }

func (r Reach) String() string { return enum.String(reachNames, "Reach", r) }

// IsValid reports whether r is one of the named reaches.
func (r Reach) IsValid() bool { return enum.Valid(reachNames, r) }

// MarshalText implements encoding.TextMarshaler.
func (r Reach) MarshalText() ([]byte, error) { return enum.Marshal(reachNames, "Reach", r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Reach) UnmarshalText(b []byte) error { return enum.Unmarshal(reachNames, "reach", r, b) }

// Action is what an actor wants to do with a client record.
type Action uint8

const (
	// ActionRead reads the record, personal data included.
	ActionRead Action = iota + 1
	// ActionChange creates, updates or deletes the record.
	ActionChange
)

var actionNames = enum.Names{"", "read", "change"}

func (a Action) String() string { return enum.String(actionNames, "Action", a) }

// AccessRule gives a role access to a reach of clients. Roles are the
// host's names; the article's are authority.RoleManager,
// authority.RoleLeadManager and authority.RoleHeadOfDepartment.
type AccessRule struct {
	Role  string `json:"role"`
	Reach Reach  `json:"reach"`
	// Change lets the role change the clients it reaches, not only read
	// them.
	Change bool `json:"change"`
}

// AccessPolicy decides who may read or change a client record, and so
// who may see the client's personal data. The article makes the manager
// answerable for "unauthorised use of personal data"; the policy is how a
// host makes unauthorised use impossible rather than merely forbidden.
// Rules add up: an actor has access when any rule for their role covers
// the client. Anyone else gets ErrForbidden.
//
// It fails closed: the zero AccessPolicy grants nothing, and neither does
// one that fails Validate (a rule without a role, say, decoded from a
// misspelt key), since Check validates the policy first. Load a policy
// with clientele.LoadConfig, which also refuses unknown keys.
type AccessPolicy struct {
	Rules []AccessRule `json:"rules"`
}

// DefaultAccessPolicy is the department structure the article describes:
// a manager serves their own clients, a lead account manager also the key
// accounts, the head of department everyone; each may change what they
// may read.
func DefaultAccessPolicy() AccessPolicy {
	return AccessPolicy{Rules: []AccessRule{
		{Role: authority.RoleManager, Reach: ReachAssigned, Change: true},
		{Role: authority.RoleLeadManager, Reach: ReachAssigned, Change: true},
		{Role: authority.RoleLeadManager, Reach: ReachKeyAccounts, Change: true},
		{Role: authority.RoleHeadOfDepartment, Reach: ReachAll, Change: true},
	}}
}

// Validate reports missing or malformed roles, unknown reaches and
// repeated rules (a role given one reach twice is unclear when the two
// disagree on Change). It runs on every Check, so a valid policy of a
// few rules costs no allocation and a long one stays linear.
func (p AccessPolicy) Validate() error {
	var probs, q validate.Problems
	firsts := p.firstIndex()
	for i, g := range p.Rules {
		if q.ID("role", g.Role) && p.first(g, firsts) < i {
			q.Addf("", nil, "repeats the rule giving %s to %s", g.Reach, g.Role)
		}
		switch {
		case g.Reach == 0:
			q.Add("reach", nil, "is required")
		case !g.Reach.IsValid():
			q.Add("reach", g.Reach, "unknown reach")
		}
		if q.Len() > 0 { // field names are built for a bad rule only
			probs.Merge("rules["+strconv.Itoa(i)+"]", q.Err(ErrInvalid))
			q = validate.Problems{}
		}
	}
	return probs.Err(ErrInvalid)
}

// ruleKey is what makes a rule repeated: its role and reach.
type ruleKey struct {
	role  string
	reach Reach
}

// firstIndex maps each rule's key to its first index for a long policy;
// nil for the few rules of a usual one, which first scans instead.
func (p AccessPolicy) firstIndex() map[ruleKey]int {
	if len(p.Rules) <= 16 {
		return nil
	}
	m := make(map[ruleKey]int, len(p.Rules))
	for i := len(p.Rules) - 1; i >= 0; i-- {
		m[ruleKey{p.Rules[i].Role, p.Rules[i].Reach}] = i
	}
	return m
}

// first returns the index of the first rule with g's role and reach.
func (p AccessPolicy) first(g AccessRule, m map[ruleKey]int) int {
	if m != nil {
		return m[ruleKey{g.Role, g.Reach}]
	}
	return slices.IndexFunc(p.Rules, func(o AccessRule) bool { return o.Role == g.Role && o.Reach == g.Reach })
}

// AccessError says who was refused what. It matches ErrForbidden.
type AccessError struct {
	Actor    authority.Actor
	ClientID string
	Action   Action
	// Policy is the policy's validation error when Check refused because
	// the policy itself is invalid; nil when the actor is simply not
	// covered.
	Policy error
}

func (e *AccessError) Error() string {
	var who string
	role, id := strings.TrimSpace(e.Actor.Role) != "", strings.TrimSpace(e.Actor.ID) != ""
	switch {
	case !role && !id:
		who = "an actor without an ID or a role"
	case !role:
		who = fmt.Sprintf("actor %q, without a role,", e.Actor.ID)
	case !id:
		who = printable(e.Actor.Role) + " without an ID"
	default:
		who = fmt.Sprintf("%s %q", printable(e.Actor.Role), e.Actor.ID)
	}
	msg := fmt.Sprintf("client: %s may not %s client %q", who, e.Action, e.ClientID)
	if e.Policy != nil {
		msg += ": the access policy is invalid: " + e.Policy.Error()
	}
	return msg
}

// printable returns s as is when it is printable UTF-8, else quoted, so
// a hostile role cannot write control characters into a log.
func printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strconv.Quote(s)
}

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *AccessError) Unwrap() error { return ErrForbidden }

// Check returns nil when actor may perform action on c, and an
// *AccessError otherwise. The actor must pass authority.Actor.Validate:
// without an ID or a role nobody is answerable for the access, so even
// a rule reaching every client does not grant it. A policy that fails
// Validate grants nothing; the AccessError carries the reason.
func (p AccessPolicy) Check(actor authority.Actor, c Client, action Action) error {
	if actor.Validate() != nil {
		return &AccessError{Actor: actor, ClientID: c.ID, Action: action}
	}
	if err := p.Validate(); err != nil {
		return &AccessError{Actor: actor, ClientID: c.ID, Action: action, Policy: err}
	}
	for _, g := range p.Rules {
		if g.Role != actor.Role || !g.covers(actor, c) {
			continue
		}
		if action == ActionRead || (action == ActionChange && g.Change) {
			return nil
		}
	}
	return &AccessError{Actor: actor, ClientID: c.ID, Action: action}
}

func (g AccessRule) covers(actor authority.Actor, c Client) bool {
	switch g.Reach {
	case ReachAssigned:
		return c.ManagerID == actor.ID
	case ReachKeyAccounts:
		return c.KeyAccount
	case ReachAll:
		return true
	}
	return false
}

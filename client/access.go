package client

import (
	"fmt"
	"slices"

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
// the client. Anyone else gets ErrForbidden. The zero AccessPolicy grants
// nothing: every Check is refused.
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
// repeated rules.
func (p AccessPolicy) Validate() error {
	var probs validate.Problems
	for i, g := range p.Rules {
		field := fmt.Sprintf("rules[%d]", i)
		probs.ID(field+".role", g.Role)
		switch {
		case g.Reach == 0:
			probs.Add(field+".reach", nil, "is required")
		case !g.Reach.IsValid():
			probs.Add(field+".reach", g.Reach, "unknown reach")
		}
		if slices.IndexFunc(p.Rules[:i], func(o AccessRule) bool { return o.Role == g.Role && o.Reach == g.Reach }) >= 0 {
			probs.Addf(field, nil, "repeats the rule giving %s to %s", g.Reach, g.Role)
		}
	}
	return probs.Err(ErrInvalid)
}

// AccessError says who was refused what. It matches ErrForbidden.
type AccessError struct {
	Actor    authority.Actor
	ClientID string
	Action   Action
}

func (e *AccessError) Error() string {
	return fmt.Sprintf("client: %s %q may not %s client %q", e.Actor.Role, e.Actor.ID, e.Action, e.ClientID)
}

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *AccessError) Unwrap() error { return ErrForbidden }

// Check returns nil when actor may perform action on c, and an
// *AccessError otherwise. An actor without an ID never reaches assigned
// clients, so an unassigned client is not everyone's by accident, and an
// actor without a role matches no rule.
func (p AccessPolicy) Check(actor authority.Actor, c Client, action Action) error {
	for _, g := range p.Rules {
		if actor.Role == "" || g.Role != actor.Role || !g.covers(actor, c) {
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
		return actor.ID != "" && c.ManagerID == actor.ID
	case ReachKeyAccounts:
		return c.KeyAccount
	case ReachAll:
		return true
	}
	return false
}

package client

import (
	"fmt"
	"slices"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Role is what an employee is in the account-management department, as
// far as client records are concerned.
type Role uint8

const (
	// RoleManager is an account manager: serves the clients assigned to
	// them.
	RoleManager Role = iota + 1
	// RoleLeadManager is a lead (key) account manager: serves key
	// accounts as well as their own clients.
	RoleLeadManager
	// RoleHeadOfDepartment heads the department and sees every client.
	RoleHeadOfDepartment
)

var roleNames = enum.Names{"", "manager", "lead_manager", "head_of_department"}

// ParseRole returns the role named s.
func ParseRole(s string) (Role, error) { return enum.Parse[Role](roleNames, "role", s) }

func (r Role) String() string { return enum.String(roleNames, "Role", r) }

// IsValid reports whether r is one of the named roles.
func (r Role) IsValid() bool { return enum.Valid(roleNames, r) }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return enum.Marshal(roleNames, "Role", r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error { return enum.Unmarshal(roleNames, "role", r, b) }

// Reach is the set of clients a grant covers.
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

// Actor is the employee asking for access.
type Actor struct {
	ID   string `json:"id"`
	Role Role   `json:"role"`
}

// Grant gives a role access to a reach of clients.
type Grant struct {
	Role  Role  `json:"role"`
	Reach Reach `json:"reach"`
	// Change lets the role change the clients it reaches, not only read
	// them.
	Change bool `json:"change"`
}

// AccessPolicy decides who may read or change a client record, and so
// who may see the client's personal data. The article makes the manager
// answerable for "unauthorised use of personal data"; the policy is how a
// host makes unauthorised use impossible rather than merely forbidden.
// Grants add up: an actor has access when any grant for their role
// covers the client. Anyone else gets ErrForbidden.
type AccessPolicy struct {
	Grants []Grant `json:"grants"`
}

// DefaultAccessPolicy is the department structure the article describes:
// a manager serves their own clients, a lead account manager also the key
// accounts, the head of department everyone; each may change what they
// may read.
func DefaultAccessPolicy() AccessPolicy {
	return AccessPolicy{Grants: []Grant{
		{Role: RoleManager, Reach: ReachAssigned, Change: true},
		{Role: RoleLeadManager, Reach: ReachAssigned, Change: true},
		{Role: RoleLeadManager, Reach: ReachKeyAccounts, Change: true},
		{Role: RoleHeadOfDepartment, Reach: ReachAll, Change: true},
	}}
}

// Validate reports unknown roles or reaches and repeated grants.
func (p AccessPolicy) Validate() error {
	var probs validate.Problems
	for i, g := range p.Grants {
		field := fmt.Sprintf("grants[%d]", i)
		switch {
		case g.Role == 0:
			probs.Add(field+".role", nil, "is required")
		case !g.Role.IsValid():
			probs.Add(field+".role", g.Role, "unknown role")
		}
		switch {
		case g.Reach == 0:
			probs.Add(field+".reach", nil, "is required")
		case !g.Reach.IsValid():
			probs.Add(field+".reach", g.Reach, "unknown reach")
		}
		if slices.IndexFunc(p.Grants[:i], func(o Grant) bool { return o.Role == g.Role && o.Reach == g.Reach }) >= 0 {
			probs.Addf(field, nil, "repeats the grant of %s to %s", g.Reach, g.Role)
		}
	}
	return probs.Err(ErrInvalid)
}

// AccessError says who was refused what. It matches ErrForbidden.
type AccessError struct {
	ActorID  string
	Role     Role
	ClientID string
	Action   Action
}

func (e *AccessError) Error() string {
	return fmt.Sprintf("client: %s %q may not %s client %q", e.Role, e.ActorID, e.Action, e.ClientID)
}

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *AccessError) Unwrap() error { return ErrForbidden }

// Check returns nil when actor may perform action on c, and an
// *AccessError otherwise. An actor without an ID never reaches assigned
// clients, so an unassigned client is not everyone's by accident.
func (p AccessPolicy) Check(actor Actor, c Client, action Action) error {
	for _, g := range p.Grants {
		if g.Role != actor.Role || !g.covers(actor, c) {
			continue
		}
		if action == ActionRead || (action == ActionChange && g.Change) {
			return nil
		}
	}
	return &AccessError{ActorID: actor.ID, Role: actor.Role, ClientID: c.ID, Action: action}
}

func (g Grant) covers(actor Actor, c Client) bool {
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

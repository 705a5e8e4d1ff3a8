package client

import (
	"encoding/json"

	"github.com/clientele-go/clientele/authority"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultAccessPolicyByRole(t *testing.T) {
	policy := DefaultAccessPolicy()
	require.NoError(t, policy.Validate())

	own := Client{ID: "own", ManagerID: "m-1"}
	other := Client{ID: "other", ManagerID: "m-2"}
	key := Client{ID: "key", ManagerID: "m-2", KeyAccount: true}
	unassigned := Client{ID: "loose"}

	manager := authority.Actor{ID: "m-1", Role: authority.RoleManager}
	lead := authority.Actor{ID: "l-1", Role: authority.RoleLeadManager}
	head := authority.Actor{ID: "h-1", Role: authority.RoleHeadOfDepartment}
	stranger := authority.Actor{ID: "x-1"}
	anonymousManager := authority.Actor{Role: authority.RoleManager}

	cases := []struct {
		actor  authority.Actor
		client Client
		allow  bool
	}{
		{manager, own, true},
		{manager, other, false},
		{manager, key, false},
		{lead, key, true},
		{lead, other, false},
		{lead, Client{ID: "leads-own", ManagerID: "l-1"}, true},
		{head, other, true},
		{head, unassigned, true},
		{stranger, own, false},
		{anonymousManager, unassigned, false},
	}
	for _, tc := range cases {
		for _, action := range []Action{ActionRead, ActionChange} {
			err := policy.Check(tc.actor, tc.client, action)
			if tc.allow {
				assert.NoError(t, err, "%s %s %s", tc.actor.Role, action, tc.client.ID)
				continue
			}
			assert.ErrorIs(t, err, ErrForbidden, "%s %s %s", tc.actor.Role, action, tc.client.ID)
			var ae *AccessError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, AccessError{Actor: tc.actor, ClientID: tc.client.ID, Action: action}, *ae)
		}
	}
}

func TestReadOnlyGrant(t *testing.T) {
	// An auditor-style configuration: heads may read everyone, change nobody.
	var policy AccessPolicy
	require.NoError(t, json.Unmarshal([]byte(`{"rules":[{"role":"head_of_department","reach":"all","change":false}]}`), &policy))
	require.NoError(t, policy.Validate())
	head := authority.Actor{ID: "h", Role: authority.RoleHeadOfDepartment}
	c := Client{ID: "c", ManagerID: "m"}
	assert.NoError(t, policy.Check(head, c, ActionRead))
	assert.EqualError(t, policy.Check(head, c, ActionChange), `client: head_of_department "h" may not change client "c"`)
}

func TestAccessPolicyValidate(t *testing.T) {
	policy := AccessPolicy{Rules: []AccessRule{
		{Role: authority.RoleManager, Reach: ReachAssigned},
		{Role: "", Reach: Reach(0)},
		{Role: authority.RoleManager, Reach: ReachAssigned, Change: true},
		{Role: "auditor\n", Reach: Reach(9)},
	}}
	err := policy.Validate()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.EqualError(t, err, "client: invalid input: rules[1].role: is required; "+
		"rules[1].reach: is required; rules[2]: repeats the rule giving assigned to manager; "+
		`rules[3].role = "auditor\n": must be printable UTF-8; rules[3].reach = Reach(9): unknown reach`)
}

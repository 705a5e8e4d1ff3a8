package client

import (
	"encoding/json"
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

	manager := Actor{ID: "m-1", Role: RoleManager}
	lead := Actor{ID: "l-1", Role: RoleLeadManager}
	head := Actor{ID: "h-1", Role: RoleHeadOfDepartment}
	stranger := Actor{ID: "x-1"}
	anonymousManager := Actor{Role: RoleManager}

	cases := []struct {
		actor  Actor
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
			assert.Equal(t, AccessError{ActorID: tc.actor.ID, Role: tc.actor.Role, ClientID: tc.client.ID, Action: action}, *ae)
		}
	}
}

func TestReadOnlyGrant(t *testing.T) {
	// An auditor-style configuration: heads may read everyone, change nobody.
	var policy AccessPolicy
	require.NoError(t, json.Unmarshal([]byte(`{"grants":[{"role":"head_of_department","reach":"all","change":false}]}`), &policy))
	require.NoError(t, policy.Validate())
	head := Actor{ID: "h", Role: RoleHeadOfDepartment}
	c := Client{ID: "c", ManagerID: "m"}
	assert.NoError(t, policy.Check(head, c, ActionRead))
	assert.EqualError(t, policy.Check(head, c, ActionChange), `client: head_of_department "h" may not change client "c"`)
}

func TestAccessPolicyValidate(t *testing.T) {
	policy := AccessPolicy{Grants: []Grant{
		{Role: RoleManager, Reach: ReachAssigned},
		{Role: Role(7), Reach: Reach(0)},
		{Role: RoleManager, Reach: ReachAssigned, Change: true},
	}}
	err := policy.Validate()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.EqualError(t, err, "client: invalid input: grants[1].role = Role(7): unknown role; "+
		"grants[1].reach: is required; grants[2]: repeats the grant of assigned to manager")

	var r Role
	assert.ErrorContains(t, json.Unmarshal([]byte(`"director"`), &r), `unknown role "director"`)
}

package client

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"

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

// TestAccessPolicyLoadsStrictly: a misspelt key used to decode as a rule
// without a role; the loader refuses it, and Validate a blank role.
func TestAccessPolicyLoadsStrictly(t *testing.T) {
	for name, doc := range map[string]string{
		"a misspelt key": `{"rules":[{"rol":"head_of_department","reach":"all"}]}`,
		"an empty role":  `{"rules":[{"role":"","reach":"all"}]}`,
		"a blank role":   `{"rules":[{"role":"  ","reach":"all"}]}`,
		"no role":        `{"rules":[{"reach":"all","change":true}]}`,
		"no reach":       `{"rules":[{"role":"head_of_department"}]}`,
		"unknown reach":  `{"rules":[{"role":"head_of_department","reach":"everyone"}]}`,
	} {
		policy, err := clientele.LoadConfig[AccessPolicy](strings.NewReader(doc))
		assert.ErrorIs(t, err, clientele.ErrInvalid, name)
		assert.Zero(t, policy, name)
	}
	policy, err := clientele.LoadConfig[AccessPolicy](strings.NewReader(`{"rules":[{"role":"head_of_department","reach":"all"}]}`))
	require.NoError(t, err)
	assert.NoError(t, policy.Check(authority.Actor{ID: "h", Role: authority.RoleHeadOfDepartment}, Client{ID: "c"}, ActionRead))
}

// TestCheckRefusesAnIncompleteActor: an actor needs an ID and a role,
// even under a rule that reaches every client.
func TestCheckRefusesAnIncompleteActor(t *testing.T) {
	policy := AccessPolicy{Rules: []AccessRule{{Role: authority.RoleHeadOfDepartment, Reach: ReachAll, Change: true}}}
	c := Client{ID: "x", ManagerID: "m-1"}
	cases := map[authority.Actor]string{
		{Role: authority.RoleHeadOfDepartment}: `client: head_of_department without an ID may not read client "x"`,
		{ID: "m-1"}:                            `client: actor "m-1", without a role, may not read client "x"`,
		{ID: "m-1", Role: "  "}:                `client: actor "m-1", without a role, may not read client "x"`,
		{}:                                     `client: an actor without an ID or a role may not read client "x"`,
		{ID: "h\x1b[31m", Role: authority.RoleHeadOfDepartment}: `client: head_of_department "h\x1b[31m" may not read client "x"`,
		{ID: "h", Role: "head_of_department\n"}:                 `client: "head_of_department\n" "h" may not read client "x"`,
	}
	for actor, msg := range cases {
		err := policy.Check(actor, c, ActionRead)
		assert.ErrorIs(t, err, ErrForbidden, "%+v", actor)
		var ae *AccessError
		require.ErrorAs(t, err, &ae)
		assert.EqualError(t, err, msg)
		assert.Error(t, policy.Check(actor, c, ActionChange))
	}
}

// TestInvalidPolicyGrantsNothing: Check validates the policy, so a bad
// rule cannot open access, nor can the good rules of a bad policy.
func TestInvalidPolicyGrantsNothing(t *testing.T) {
	head := authority.Actor{ID: "h", Role: authority.RoleHeadOfDepartment}
	c := Client{ID: "c", ManagerID: "h"}
	good := AccessRule{Role: authority.RoleHeadOfDepartment, Reach: ReachAll, Change: true}
	for name, policy := range map[string]AccessPolicy{
		"zero":                     {},
		"empty rule list":          {Rules: []AccessRule{}},
		"an unknown reach":         {Rules: []AccessRule{good, {Role: authority.RoleManager, Reach: Reach(9)}}},
		"a role without a name":    {Rules: []AccessRule{good, {Reach: ReachAssigned}}},
		"a role that is not text":  {Rules: []AccessRule{good, {Role: "head\x00", Reach: ReachAll}}},
		"a repeated, unclear rule": {Rules: []AccessRule{good, {Role: authority.RoleHeadOfDepartment, Reach: ReachAll}}},
	} {
		for _, action := range []Action{ActionRead, ActionChange} {
			err := policy.Check(head, c, action)
			assert.ErrorIs(t, err, ErrForbidden, name)
			var ae *AccessError
			if assert.ErrorAs(t, err, &ae, name) && policy.Validate() != nil {
				assert.ErrorIs(t, ae.Policy, ErrInvalid, name)
				assert.ErrorContains(t, err, "the access policy is invalid: client: invalid input: rules[1]", name)
			}
		}
	}
	assert.NoError(t, AccessPolicy{Rules: []AccessRule{good}}.Check(head, c, ActionChange))
}

// TestAccessPolicyValidateFindsRepeatsInALongPolicy: a long policy is
// checked with a map, not pair by pair, and the repeats still show.
func TestAccessPolicyValidateFindsRepeatsInALongPolicy(t *testing.T) {
	var policy AccessPolicy
	for i := range 100 {
		policy.Rules = append(policy.Rules, AccessRule{Role: fmt.Sprintf("role-%d", i), Reach: ReachAssigned})
	}
	require.NoError(t, policy.Validate())
	policy.Rules = append(policy.Rules, AccessRule{Role: "role-7", Reach: ReachAssigned, Change: true})
	assert.EqualError(t, policy.Validate(), "client: invalid input: rules[100]: repeats the rule giving assigned to role-7")
}

// BenchmarkCheck: Check validates the policy on every call, so it must
// stay cheap and allocation-free.
func BenchmarkCheck(b *testing.B) {
	policy := DefaultAccessPolicy()
	lead := authority.Actor{ID: "l-1", Role: authority.RoleLeadManager}
	c := Client{ID: "key", ManagerID: "m-2", KeyAccount: true}
	b.ReportAllocs()
	for b.Loop() {
		if policy.Check(lead, c, ActionChange) != nil {
			b.Fatal("refused")
		}
	}
}

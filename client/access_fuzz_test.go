package client

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/fuzztest"
)

// FuzzAccessPolicy: Check on arbitrary policies, actors, clients and
// actions against the rule the type documents. It fails closed (an
// invalid policy or actor, or an unknown action, grants nothing); an
// actor has access when a rule for their role covers the client
// (assigned: the client's manager is the actor; key accounts: the client
// is one; all) and allows the action (reading always, changing only with
// Change); a refusal is an *AccessError naming who, which client and
// what, matching ErrForbidden; whoever may change a client may read it.
func FuzzAccessPolicy(f *testing.F) {
	f.Add([]byte{3, 1, 1, 0, 2, 2, 1, 3, 3, 0}, []byte{1, 1, 1, 0, 1})
	f.Add([]byte{1, 1, 3, 1}, []byte{3, 2, 2, 1, 2})
	f.Add([]byte{2, 0, 1, 1, 1, 1, 1}, []byte{1, 1, 1, 1, 1})
	f.Add([]byte{0}, []byte{0})
	f.Fuzz(func(t *testing.T, policyBytes, requestBytes []byte) {
		roles := []string{"", authority.RoleManager, authority.RoleLeadManager, authority.RoleHeadOfDepartment, "auditor"}
		ids := []string{"", "m-1", "m-2"}

		in := fuzztest.Bytes(policyBytes)
		var policy AccessPolicy
		for range in.Next() % 6 {
			policy.Rules = append(policy.Rules, AccessRule{
				Role:   roles[in.Next()%len(roles)],
				Reach:  Reach(in.Next() % 5), // 0 and 4 are not reaches
				Change: in.Next()%2 == 1,
			})
		}
		req := fuzztest.Bytes(requestBytes)
		actor := authority.Actor{Role: roles[req.Next()%len(roles)], ID: ids[req.Next()%len(ids)]}
		c := Client{ID: "c-1", ManagerID: ids[req.Next()%len(ids)], KeyAccount: req.Next()%2 == 1}
		action := Action(req.Next() % 4) // 0 and 3 are not actions

		want := actor.Validate() == nil && policy.Validate() == nil && granted(policy, actor, c, action)
		err := policy.Check(actor, c, action)
		if want {
			require.NoError(t, err, "policy %+v, actor %+v, client %+v, %d", policy, actor, c, action)
		} else {
			require.ErrorIs(t, err, ErrForbidden)
			var ae *AccessError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, actor, ae.Actor)
			assert.Equal(t, c.ID, ae.ClientID)
			assert.Equal(t, action, ae.Action)
			assert.Equal(t, policy.Validate() != nil && actor.Validate() == nil, ae.Policy != nil,
				"Policy carries the policy's own error exactly when the policy is why")
		}
		if action == ActionChange && err == nil {
			assert.NoError(t, policy.Check(actor, c, ActionRead), "whoever may change a client may read it")
		}
	})
}

// granted is the access rule as AccessPolicy's documentation states it,
// written out again here so the fuzz target checks Check against it.
func granted(p AccessPolicy, actor authority.Actor, c Client, action Action) bool {
	for _, r := range p.Rules {
		if r.Role != actor.Role {
			continue
		}
		covered := r.Reach == ReachAll ||
			r.Reach == ReachKeyAccounts && c.KeyAccount ||
			r.Reach == ReachAssigned && c.ManagerID == actor.ID
		if covered && (action == ActionRead || action == ActionChange && r.Change) {
			return true
		}
	}
	return false
}

package contract

import (
	"context"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every exported type's zero value works or returns an error naming
// what is missing; none panics.
func TestZeroValues(t *testing.T) {
	var c Contract
	d := day("2026-03-01")
	assert.Equal(t, Status{}, c.StatusOn(d), "no start, no status")
	assert.Empty(t, c.EventsOn(d))
	_, ok := c.ObligationOn(0, d, 7)
	assert.False(t, ok)
	_, err := c.Apply(Event{})
	assert.EqualError(t, err, "contract: invalid input: start: is required; kind: is required; on: is required")
	_, _, err = c.Renew(d, "k-2", d, d)
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = c.Reregister(d, "k-2", "N-2")
	assert.ErrorIs(t, err, ErrInvalidTransition)
	_, err = c.Amendment(clientele.Date{}, "k-2")
	assert.ErrorIs(t, err, ErrInvalidTransition)
	_, err = c.SupersededBy(Contract{}, d)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, ValidateChange(Contract{}, Contract{}), ErrInvalid)
	assert.Nil(t, MissingDocuments(nil, nil))

	var p *Policy
	assert.ErrorIs(t, p.CheckSigning(draft(), anna, d), ErrUnknownType)
	_, err = p.Sign(Contract{}, authority.Signature{})
	assert.ErrorIs(t, err, authority.ErrInvalid)
	_, err = p.Obligations([]Contract{draft()}, d, 7)
	require.NoError(t, err, "the report needs no type; the zero policy's window is 0 days")

	assert.NotEmpty(t, (&SigningError{}).Error())
	assert.NotEmpty(t, (&TransitionError{}).Error())
	assert.Equal(t, "", State(0).String())

	var s MemStore
	ctx := context.Background()
	_, err = s.Get(ctx, "k-1")
	assert.ErrorIs(t, err, ErrNotFound)
	created, err := s.Create(ctx, draft())
	require.NoError(t, err, "the zero MemStore is ready to use")
	assert.Equal(t, int64(1), created.Version)
	res, err := s.List(ctx, Filter{}, Page{Limit: 10})
	require.NoError(t, err)
	assert.Len(t, res.Contracts, 1)
	_, err = s.List(ctx, Filter{}, Page{})
	assert.EqualError(t, err, "contract: invalid input: page.limit = 0: must be within 1..1000")
}

// A million bad rows make a readable error: the first 100 problems
// and a count of the rest.
func TestReportCapsTheProblemList(t *testing.T) {
	bad := make([]Contract, 150)
	_, err := policy(t).Obligations(bad, day("2026-03-01"), 7)
	// Each zero contract has 8 problems (see TestValidateNamesEveryFieldAndValue).
	problemtest.RequireCapped(t, err, ErrInvalid, "contracts", 150*8)
	assert.True(t, strings.HasPrefix(err.Error(), "contract: invalid input: contracts[0].id: is required"))
}

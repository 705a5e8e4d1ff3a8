package client

import (
	"context"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidateNewListsEveryProblem: a version on a new record used to be
// the only problem reported, as a plain error errors.As could not open.
func TestValidateNewListsEveryProblem(t *testing.T) {
	bad := Client{ID: "", Kind: KindIndividual, Status: StatusActive, Version: 3}
	for name, err := range map[string]error{
		"ValidateNew":     ValidateNew(bad),
		"MemStore.Create": func() error { _, err := NewMemStore().Create(context.Background(), bad); return err }(),
	} {
		assert.ErrorIs(t, err, ErrInvalid, name)
		var ve *clientele.ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.Equal(t, []string{"id", "person_name", "version"}, problemFields(t, err), name)
		assert.ErrorContains(t, err, "version = 3: must be 0 for a new client; the store sets it", name)
	}

	versioned := Client{ID: "c-1", Kind: KindCompany, DisplayName: "Vostok", Status: StatusActive, Version: 1}
	assert.EqualError(t, ValidateNew(versioned), "client: invalid input: version = 1: must be 0 for a new client; the store sets it")
	versioned.Version = 0
	assert.NoError(t, ValidateNew(versioned))
}

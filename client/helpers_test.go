package client

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/internal/validate"
)

// day is midnight UTC of a calendar date, for test fixtures.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// requireCapped checks that err lists the first validate.MaxListed of
// found problems and counts the rest under list.
func requireCapped(t *testing.T, err error, list string, found int) {
	t.Helper()
	require.ErrorIs(t, err, ErrInvalid)
	var v *ValidationError
	require.ErrorAs(t, err, &v)
	require.Len(t, v.Fields, validate.MaxListed+1)
	more := found - validate.MaxListed
	assert.Equal(t, fmt.Sprintf("%s = %d: %d more problems not listed (the first %d are)", list, more, more, validate.MaxListed),
		v.Fields[validate.MaxListed].Error())
}

package client

import (
	"fmt"
	"github.com/clientele-go/clientele"
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
	var v *clientele.ValidationError
	require.ErrorAs(t, err, &v)
	require.Len(t, v.Fields, validate.MaxListed+1)
	more := found - validate.MaxListed
	assert.Equal(t, fmt.Sprintf("%s = %d: %d more problems not listed (the first %d are)", list, more, more, validate.MaxListed),
		v.Fields[validate.MaxListed].Error())
}

// requireProblems checks that err is an ErrInvalid listing exactly the
// problems want, in order, each found by its text.
func requireProblems(t *testing.T, err error, want []string) {
	t.Helper()
	require.ErrorIs(t, err, ErrInvalid)
	var list *clientele.ValidationError
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Fields, len(want), err.Error())
	for i, w := range want {
		assert.Contains(t, list.Fields[i].Error(), w)
	}
}

// problemFields returns the field of every problem err lists.
func problemFields(t *testing.T, err error) []string {
	t.Helper()
	var list *clientele.ValidationError
	require.ErrorAs(t, err, &list)
	fields := make([]string, len(list.Fields))
	for i, f := range list.Fields {
		fields[i] = f.Field
	}
	return fields
}

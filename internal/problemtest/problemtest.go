// Package problemtest checks, in tests, the problem lists that
// validation errors carry (internal/validate): which problems, in which
// order, and the count of those past the listing limit.
package problemtest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Require checks that err matches kind and lists exactly the problems
// want, in order, each found by its text.
func Require(t *testing.T, err error, kind error, want []string) {
	t.Helper()
	require.ErrorIs(t, err, kind)
	var list *clientele.ValidationError
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Fields, len(want), err.Error())
	for i, w := range want {
		assert.Contains(t, list.Fields[i].Error(), w)
	}
}

// RequireCapped checks that err matches kind, lists the first
// validate.MaxListed of found problems and counts the rest under list.
func RequireCapped(t *testing.T, err error, kind error, list string, found int) {
	t.Helper()
	require.ErrorIs(t, err, kind)
	var v *clientele.ValidationError
	require.ErrorAs(t, err, &v)
	require.Len(t, v.Fields, validate.MaxListed+1)
	more := found - validate.MaxListed
	assert.Equal(t, fmt.Sprintf("%s = %d: %d more problems not listed (the first %d are)", list, more, more, validate.MaxListed),
		v.Fields[validate.MaxListed].Error())
}

// Fields returns the field of every problem err lists.
func Fields(t *testing.T, err error) []string {
	t.Helper()
	var list *clientele.ValidationError
	require.ErrorAs(t, err, &list)
	fields := make([]string, len(list.Fields))
	for i, f := range list.Fields {
		fields[i] = f.Field
	}
	return fields
}

package solvency

import (
	"errors"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// nd is the known amount s.
func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(d(s)) }

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

// requireFields asserts that err is an ErrInvalid listing exactly these
// field paths, in order.
func requireFields(t *testing.T, err error, fields ...string) *clientele.ValidationError {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, ErrInvalid)
	var list *clientele.ValidationError
	require.True(t, errors.As(err, &list), "want a *clientele.ValidationError, got %T: %v", err, err)
	var got []string
	for _, f := range list.Fields {
		got = append(got, f.Field)
	}
	assert.Equal(t, fields, got, err.Error())
	return list
}

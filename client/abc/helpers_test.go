package abc

import (
	"testing"

	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/shopspring/decimal"
)

// requireProblems checks that err is an ErrInvalid listing exactly the
// problems want, in order, each found by its text.
func requireProblems(t *testing.T, err error, want []string) {
	t.Helper()
	problemtest.Require(t, err, ErrInvalid, want)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

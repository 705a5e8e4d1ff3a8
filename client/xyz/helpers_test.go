package xyz

import (
	"testing"
	"time"

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

// day is midnight UTC of a calendar date, for test fixtures.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

package xyz

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
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

// day is a calendar date, for test fixtures.
func day(y int, m time.Month, d int) clientele.Date { return clientele.NewDate(y, m, d) }

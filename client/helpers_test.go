package client

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
)

// day is a calendar date, for test fixtures.
func day(y int, m time.Month, d int) clientele.Date { return clientele.NewDate(y, m, d) }

// requireProblems checks that err is an ErrInvalid listing exactly the
// problems want, in order, each found by its text.
func requireProblems(t *testing.T, err error, want []string) {
	t.Helper()
	problemtest.Require(t, err, ErrInvalid, want)
}

// requireCapped checks that err lists the first validate.MaxListed of
// found problems and counts the rest under list.
func requireCapped(t *testing.T, err error, list string, found int) {
	t.Helper()
	problemtest.RequireCapped(t, err, ErrInvalid, list, found)
}

// problemFields returns the field of every problem err lists.
func problemFields(t *testing.T, err error) []string {
	t.Helper()
	return problemtest.Fields(t, err)
}

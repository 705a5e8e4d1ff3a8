package rating

import (
	"testing"

	"github.com/clientele-go/clientele/internal/problemtest"
)

// requireCapped checks that err lists the first validate.MaxListed of
// found problems and counts the rest under list.
func requireCapped(t *testing.T, err error, list string, found int) {
	t.Helper()
	problemtest.RequireCapped(t, err, ErrInvalid, list, found)
}

// requireProblems checks that err is an ErrInvalid listing exactly the
// problems want, in order, each found by its text.
func requireProblems(t *testing.T, err error, want []string) {
	t.Helper()
	problemtest.Require(t, err, ErrInvalid, want)
}

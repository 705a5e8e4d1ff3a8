package client

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele/internal/problemtest"
)

// day is midnight UTC of a calendar date, for test fixtures.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

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

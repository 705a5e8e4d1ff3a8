// Package storetest holds what the conformance suites of the domain
// stores (client/clienttest, contract/contracttest,
// onboarding/onboardingtest, contract/receivables/receivablestest)
// share and nothing of any one domain: the IDs a careless store gets
// wrong, a harness that runs writers at once, the one-winner rule of
// concurrent creates, a walk through every page of a List and a
// canceled context.
package storetest

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// OddIDs are valid IDs that a store keyed by file names or by a
// case-insensitive column gets wrong: a leading dot (a hidden file),
// spaces, path characters, non-ASCII letters, two IDs differing only in
// case, and the longest ID, in ASCII and in two-byte letters (a file name
// that escapes each byte can outgrow the 255-byte limit).
func OddIDs() []string {
	return []string{
		".hidden", "..", "a b", " leading space", "a/b", `c:\d`, "50%", "Восток", "Müller", "vostok", "Vostok",
		strings.Repeat("i", validate.MaxIDLen), strings.Repeat("ж", validate.MaxIDLen/2),
	}
}

// Concurrently runs each(w) for w in 0..n-1, all at once, waits for
// them and returns their errors, the w-th at index w.
func Concurrently(n int, each func(w int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for w := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = each(w)
		}()
	}
	wg.Wait()
	return errs
}

// AssertOneWinner checks the errors of racers creating one ID: exactly
// one succeeded, every other lost with taken.
func AssertOneWinner(t *testing.T, errs []error, taken error) {
	t.Helper()
	wins := 0
	for _, err := range errs {
		if err == nil {
			wins++
			continue
		}
		assert.ErrorIs(t, err, taken)
	}
	assert.Equal(t, 1, wins, "one of %d racers creates the record", len(errs))
}

// Canceled returns a context that is already canceled.
func Canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// EveryPage lists page after page from the start, following each next
// until one is empty, and returns the IDs in the order listed. list
// returns one page's IDs and next; EveryPage fails t on an error, on a
// page of more than limit IDs, and on pages that do not end within
// maxPages.
func EveryPage(t *testing.T, limit, maxPages int, list func(after string, limit int) (ids []string, next string, err error)) []string {
	t.Helper()
	var all []string
	after := ""
	for range maxPages {
		ids, next, err := list(after, limit)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(ids), limit, "a page after %q", after)
		all = append(all, ids...)
		if next == "" {
			return all
		}
		after = next
	}
	t.Errorf("the pages did not end within %d (listed %q)", maxPages, all)
	return all
}

package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConcurrentlyReturnsEachErrorAtItsIndex(t *testing.T) {
	odd := errors.New("odd")
	errs := Concurrently(5, func(w int) error {
		if w%2 == 1 {
			return fmt.Errorf("writer %d: %w", w, odd)
		}
		return nil
	})
	require.Len(t, errs, 5)
	for w, err := range errs {
		if w%2 == 1 {
			assert.EqualError(t, err, fmt.Sprintf("writer %d: odd", w))
		} else {
			assert.NoError(t, err)
		}
	}
}

func TestAssertOneWinnerAcceptsOneWinnerAndTakenLosers(t *testing.T) {
	taken := errors.New("taken")
	AssertOneWinner(t, []error{fmt.Errorf("create: %w", taken), nil, taken}, taken)
}

func TestOddIDsAreDistinctAndCanceledIsCanceled(t *testing.T) {
	ids := OddIDs()
	seen := map[string]bool{}
	for _, id := range ids {
		assert.False(t, seen[id], "%q twice", id)
		seen[id] = true
	}
	assert.ErrorIs(t, Canceled().Err(), context.Canceled)
}

func TestEveryPageFollowsNext(t *testing.T) {
	stored := []string{"a", "b", "c", "d", "e"}
	list := func(after string, limit int) ([]string, string, error) {
		var page []string
		for _, id := range stored {
			if id <= after {
				continue
			}
			if len(page) == limit {
				return page, page[len(page)-1], nil
			}
			page = append(page, id)
		}
		return page, "", nil
	}
	// Limit 2: pages [a b] next b, [c d] next d, [e] next "": three pages.
	assert.Equal(t, stored, EveryPage(t, 2, 3, list))
	assert.Equal(t, stored, EveryPage(t, 5, 1, list), "one page holds all five")
}

package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTwoStoresOnOneDirectoryLoseNoUpdate: two ClientStores on one
// directory (two processes, in real life) each check the version under
// their own mutex only, so both could accept a write based on the same
// version: 148 of 200 increments survived. The directory lock makes the
// check and the write one step across stores.
func TestTwoStoresOnOneDirectoryLoseNoUpdate(t *testing.T) {
	dir := t.TempDir()
	a, b := openClients(t, dir), openClients(t, dir)
	ctx := context.Background()
	_, err := a.Create(ctx, client.Client{ID: "c-1", Kind: client.KindCompany, DisplayName: "Vostok", Status: client.StatusActive})
	require.NoError(t, err)

	const writers, each = 8, 25 // 200 increments, half through each store
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		s := a
		if w%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := addTag(ctx, s, "c-1", fmt.Sprintf("w%d-%d", w, i)); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	got, err := b.Get(ctx, "c-1")
	require.NoError(t, err)
	assert.Equal(t, writers*each, len(got.Tags), "every increment survives")
	assert.Equal(t, int64(1+writers*each), got.Version)
}

// addTag is a read-modify-write that retries on a conflict.
func addTag(ctx context.Context, s client.Store, id, tag string) error {
	for {
		c, err := s.Get(ctx, id)
		if err != nil {
			return err
		}
		c.Tags = append(c.Tags, tag)
		if _, err = s.Update(ctx, c); !errors.Is(err, client.ErrConflict) {
			return err
		}
	}
}

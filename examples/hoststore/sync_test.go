package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWritesAreSyncedAroundTheRename: a rename without fsync can reach
// the disk before the data, or not at all, so a power cut could lose an
// acknowledged write. Each sync is recorded with what the record on disk
// holds at that moment: the new record's data is synced before the
// rename shows it, the directory after.
func TestWritesAreSyncedAroundTheRename(t *testing.T) {
	s := openClients(t, t.TempDir())
	var events []string
	s.dir.sync = func(f *os.File) error {
		what := "dir"
		if name := filepath.Base(f.Name()); strings.HasPrefix(name, ".tmp-") {
			what = "new data"
		} else if f.Name() != s.path {
			what = "unexpected " + name
		}
		state := "absent"
		if c, err := s.load("get", "c-1"); err == nil {
			state = "v" + strconv.FormatInt(c.Version, 10)
		} else if !errors.Is(err, client.ErrNotFound) {
			state = err.Error()
		}
		events = append(events, what+" synced, record "+state)
		return f.Sync()
	}
	ctx := context.Background()
	c, err := s.Create(ctx, client.Client{ID: "c-1", Kind: client.KindCompany, DisplayName: "Vostok", Status: client.StatusActive})
	require.NoError(t, err)
	c.Region = "Ural"
	c, err = s.Update(ctx, c)
	require.NoError(t, err)
	require.NoError(t, s.Delete(ctx, "c-1", c.Version))
	assert.Equal(t, []string{
		"new data synced, record absent", "dir synced, record v1", // create
		"new data synced, record v1", "dir synced, record v2", // update
		"dir synced, record absent", // delete
	}, events)
}

// TestNewClientStoreNeedsTheDirectory: the lock file is made at open, so a
// missing directory is reported there.
func TestNewClientStoreNeedsTheDirectory(t *testing.T) {
	_, err := NewClientStore(filepath.Join(t.TempDir(), "missing"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

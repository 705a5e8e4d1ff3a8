package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/clienttest"
)

func TestFileStoreConforms(t *testing.T) {
	clienttest.Run(t, func() client.Store { return openStore(t, t.TempDir()) })
}

func TestScenarioRunsWithoutError(t *testing.T) {
	if err := run(); err != nil {
		t.Fatal(err)
	}
}

// openStore opens a FileStore on dir, closed when the test ends.
func openStore(t *testing.T, dir string) *FileStore {
	t.Helper()
	s, err := NewFileStore(dir)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

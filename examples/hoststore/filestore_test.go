package main

import (
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/clienttest"
)

func TestFileStoreConforms(t *testing.T) {
	clienttest.Run(t, func() client.Store { return NewFileStore(t.TempDir()) })
}

func TestScenarioRunsWithoutError(t *testing.T) {
	if err := run(); err != nil {
		t.Fatal(err)
	}
}

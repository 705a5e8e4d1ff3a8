package clienttest_test

import (
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/clienttest"
)

func TestMemStore(t *testing.T) {
	clienttest.Run(t, func() client.Store { return client.NewMemStore() })
}

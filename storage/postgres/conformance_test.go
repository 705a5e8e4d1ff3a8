package postgres_test

import (
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/clienttest"
)

func TestClientStoreConformance(t *testing.T) {
	serverDSN(t)
	clienttest.Run(t, func() client.Store { return migrated(t).Clients() })
}

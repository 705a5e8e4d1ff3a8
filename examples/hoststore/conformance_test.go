package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/clienttest"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/contracttest"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/contract/receivables/receivablestest"
	"github.com/clientele-go/clientele/onboarding"
	"github.com/clientele-go/clientele/onboarding/onboardingtest"
)

// Each store passes its package's conformance suite: the contract every
// host's implementation of a Store owes the library.

func TestClientStoreConforms(t *testing.T) {
	clienttest.Run(t, func() client.Store { return openClients(t, t.TempDir()) })
}

func TestContractStoreConforms(t *testing.T) {
	contracttest.Run(t, func() contract.Store {
		return openStore(t, NewContractStore)
	})
}

func TestOnboardingStoreConforms(t *testing.T) {
	onboardingtest.Run(t, func() onboarding.Store {
		return openStore(t, NewOnboardingStore)
	})
}

func TestAccountStoreConforms(t *testing.T) {
	receivablestest.Run(t, func() receivables.Store {
		return openStore(t, NewAccountStore)
	})
}

func TestScenarioRunsWithoutError(t *testing.T) {
	if err := run(); err != nil {
		t.Fatal(err)
	}
}

// openClients opens a ClientStore on dir, closed when the test ends.
func openClients(t *testing.T, dir string) *ClientStore {
	t.Helper()
	s, err := NewClientStore(dir)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// openStore opens a store on a new temporary directory, closed when the
// test ends.
func openStore[S interface{ Close() error }](t *testing.T, open func(dir string) (S, error)) S {
	t.Helper()
	s, err := open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

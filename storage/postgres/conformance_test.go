package postgres_test

import (
	"testing"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/clienttest"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/contracttest"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/contract/receivables/receivablestest"
	"github.com/clientele-go/clientele/onboarding"
	"github.com/clientele-go/clientele/onboarding/onboardingtest"
)

func TestClientStoreConformance(t *testing.T) {
	t.Parallel()
	serverDSN(t)
	clienttest.Run(t, func() client.Store { return migrated(t).Clients() })
}

func TestContractStoreConformance(t *testing.T) {
	t.Parallel()
	serverDSN(t)
	contracttest.Run(t, func() contract.Store { return migrated(t).Contracts() })
}

func TestOnboardingStoreConformance(t *testing.T) {
	t.Parallel()
	serverDSN(t)
	onboardingtest.Run(t, func() onboarding.Store { return migrated(t).Onboardings() })
}

func TestReceivablesStoreConformance(t *testing.T) {
	t.Parallel()
	serverDSN(t)
	receivablestest.Run(t, func() receivables.Store { return migrated(t).Receivables() })
}

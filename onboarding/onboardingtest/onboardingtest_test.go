package onboardingtest_test

import (
	"testing"

	"github.com/clientele-go/clientele/onboarding"
	"github.com/clientele-go/clientele/onboarding/onboardingtest"
)

func TestMemStore(t *testing.T) {
	onboardingtest.Run(t, func() onboarding.Store { return onboarding.NewMemStore() })
}

func TestZeroMemStore(t *testing.T) {
	onboardingtest.Run(t, func() onboarding.Store { return new(onboarding.MemStore) })
}

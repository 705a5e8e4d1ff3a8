package receivablestest_test

import (
	"testing"

	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/contract/receivables/receivablestest"
)

func TestMemStore(t *testing.T) {
	receivablestest.Run(t, func() receivables.Store { return receivables.NewMemStore() })
}

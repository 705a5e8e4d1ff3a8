package contracttest_test

import (
	"testing"

	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/contracttest"
)

func TestMemStore(t *testing.T) {
	contracttest.Run(t, func() contract.Store { return contract.NewMemStore() })
}

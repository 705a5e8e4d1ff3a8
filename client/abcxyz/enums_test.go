package abcxyz

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
)

func TestEnumsRoundTrip(t *testing.T) {
	enumtest.CheckText[Cell](t, ParseCell)
}

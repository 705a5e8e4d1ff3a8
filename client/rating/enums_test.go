package rating

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
)

func TestEnumsRoundTrip(t *testing.T) {
	enumtest.CheckText[Factor](t, ParseFactor)
}

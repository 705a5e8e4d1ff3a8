package client

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
)

func TestEveryEnumRoundTrips(t *testing.T) {
	enumtest.CheckText[Kind](t, ParseKind)
	enumtest.CheckText[Status](t, ParseStatus)
	enumtest.CheckText[Reach](t, ParseReach)
}

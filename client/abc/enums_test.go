package abc

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
)

func TestEnumsRoundTrip(t *testing.T) {
	enumtest.CheckText[Measure](t, ParseMeasure)
	enumtest.CheckText[Boundary](t, ParseBoundary)
	enumtest.CheckText[Class](t, ParseClass)
	enumtest.CheckText[Reason](t, nil)
}

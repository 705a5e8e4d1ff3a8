package xyz

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
)

func TestEnumsRoundTrip(t *testing.T) {
	enumtest.CheckText[Deviation](t, ParseDeviation)
	enumtest.CheckText[Class](t, ParseClass)
	enumtest.CheckText[Status](t, nil)
	enumtest.CheckText[SeriesStart](t, ParseSeriesStart)
}

package kpi_test

import (
	"testing"

	"github.com/clientele-go/clientele/internal/enumtest"
	"github.com/clientele-go/clientele/kpi"
	"github.com/stretchr/testify/assert"
)

func TestEnumsText(t *testing.T) {
	enumtest.CheckText[kpi.ActivityKind](t, kpi.ParseActivityKind)
	enumtest.CheckText[kpi.Criterion](t, kpi.ParseCriterion)
	enumtest.CheckText[kpi.Status](t, kpi.ParseStatus)
	enumtest.CheckText[kpi.BusinessModel](t, kpi.ParseBusinessModel)
	enumtest.CheckText[kpi.Presence](t, kpi.ParsePresence)
	enumtest.CheckText[kpi.FindingKind](t, kpi.ParseFindingKind)
	assert.Equal(t, "unknown", kpi.PresenceUnknown.String())
	assert.Equal(t, "Decision makers reached", kpi.CriterionDecisionMaker.Title())
	assert.Empty(t, kpi.Criterion(0).Title())
	assert.Empty(t, kpi.Criterion(9).Title())
}

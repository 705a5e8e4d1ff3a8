package kpi_test

import (
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A finding is data: the unset one writes nothing, each kind writes its
// sentence from its own fields, and JSON carries the fields, not words.
func TestFindingIsDataWrittenOnDemand(t *testing.T) {
	assert.Empty(t, kpi.Finding{}.String())
	assert.Empty(t, kpi.Finding{Kind: 200}.String())
	stale := kpi.Finding{Kind: kpi.FindingStale, Subject: "d-3", ClientID: "c-3", Word: "qualified_to_buy", Currency: "JPY",
		Counts: [4]int{70}, Days: [2]clientele.Date{clientele.NewDate(2026, 1, 20)}, Amounts: [4]decimal.Decimal{dec("10000.5")}}
	// JPY has no minor unit: 10000.5 is written 10001, half-up.
	assert.Equal(t, "Deal d-3 (client c-3, 10001 JPY) has stood at qualified_to_buy since 2026-01-20, 70 days: stale.", stale.String())
	b, err := json.Marshal(stale)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"stale"`)
	var back kpi.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, stale.String(), back.String())

	in, march := march()
	s, err := kpi.Evaluate(kpi.DefaultConfig(kpi.ModelB2BServices), in, march)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"1 activity dated outside the period ignored.",
	}, kpi.Texts(s.Findings[1:]))
	assert.Equal(t, kpi.FindingRepeat, s.Findings[0].Kind)
	// 1 of 3 clients who signed in March had signed before: 33.33 %.
	assert.Equal(t, [4]int{1, 3}, s.Findings[0].Counts)
	// Each criterion's list is capped: a caller's append never writes
	// over the next criterion's findings.
	first := s.Criteria[0].Findings
	_ = append(first, kpi.Finding{Kind: kpi.FindingNoContact})
	assert.Equal(t, kpi.FindingVerdict, s.Criteria[1].Findings[0].Kind)
}

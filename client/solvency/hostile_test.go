package solvency

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 8: from JSON, an invoice amount of "1e10000" was accepted and
// the result reported an overdue amount of 10^10000. It decodes (a
// decimal may be that large) and is refused by the bound before any
// arithmetic, by the assessment and by PaymentDiscipline alike.
func TestIssue8InvoiceOf1e10000FromJSON(t *testing.T) {
	var in Input
	require.NoError(t, json.Unmarshal([]byte(`{"kind":"individual","invoices":[{"id":"a","currency":"EUR","amount":"1e10000","issued":"2025-01-01","due":"2025-01-31"}]}`), &in))
	const want = "solvency: invalid input: invoices[0].amount = 1e10000: is out of range: more than 30 decimal places or a scale above 10^30"
	_, err := defaultScorer(t).Assess(in, day("2025-06-30"))
	assert.EqualError(t, err, want)
	_, err = PaymentDiscipline(in.Invoices, day("2025-06-30"), DefaultDisciplineConfig())
	assert.EqualError(t, err, want)
}

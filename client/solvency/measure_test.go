package solvency

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeasureJSONAndReasons(t *testing.T) {
	for _, m := range []Measure{
		{Value: 1.5, Defined: true},
		{Value: 0, Defined: true},
		undefined(CauseZero, "current_liabilities"),
		undefined(CauseUnknown, "inventory"),
	} {
		b, err := json.Marshal(m)
		require.NoError(t, err)
		var back Measure
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, m, back, string(b))
	}
	b, _ := json.Marshal(undefined(CauseZero, "current_liabilities"))
	assert.JSONEq(t, `{"undefined":"zero","field":"current_liabilities"}`, string(b))
	b, _ = json.Marshal(Measure{Value: 0, Defined: true})
	assert.JSONEq(t, `{"value":0}`, string(b), "a defined zero keeps its value")

	assert.Equal(t, "current_liabilities is zero", undefined(CauseZero, "current_liabilities").Reason())
	assert.Equal(t, "equity is negative", undefined(CauseNegative, "equity").Reason())
	assert.Equal(t, "undefined (inventory is unknown)", undefined(CauseUnknown, "inventory").String())
	assert.Equal(t, "1.25", measureOf(1.25).String())

	var m Measure
	require.Error(t, json.Unmarshal([]byte(`{"value":1,"undefined":"zero"}`), &m))
	require.Error(t, json.Unmarshal([]byte(`{"undefined":"infinite"}`), &m))
}

func TestMeasureIsNeverNaNOrInfinite(t *testing.T) {
	inf := 1e308
	for _, v := range []float64{inf * 10, -inf * 10, (inf * 10) - (inf * 10)} {
		m := measureOf(v)
		assert.False(t, m.Defined)
		assert.Equal(t, CauseOutOfRange, m.Cause)
	}
	// Amounts beyond the float64 range give an out-of-range ratio, not Inf.
	m := quotient(d("1e400"), d("1"))
	assert.False(t, m.Defined)
	assert.Equal(t, CauseOutOfRange, m.Cause)
}

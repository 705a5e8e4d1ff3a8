package validate

import (
	"errors"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errInvalid = errors.New("pkg: invalid input")

func TestProblemsReportsEveryFieldAtOnce(t *testing.T) {
	var p Problems
	require.NoError(t, p.Err(errInvalid), "no problems, no error")

	p.Add("name", nil, "is required")
	p.Addf("thresholds.a", 120, "must be within %d..%d", 0, 100)
	err := p.Err(errInvalid)
	require.Error(t, err)
	assert.ErrorIs(t, err, errInvalid)
	assert.Equal(t, "pkg: invalid input: name: is required; thresholds.a = 120: must be within 0..100", err.Error())

	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "name", fe.Field, "errors.As finds the first field problem")

	var list *Error
	require.ErrorAs(t, fmt.Errorf("loading config: %w", err), &list)
	assert.Len(t, list.Fields, 2)
}

func TestProblemsErrDoesNotAliasLaterAdds(t *testing.T) {
	var p Problems
	p.Add("a", 1, "bad")
	err := p.Err(errInvalid)
	p.Add("b", 2, "bad")
	var list *Error
	require.ErrorAs(t, err, &list)
	assert.Len(t, list.Fields, 1)
}

func TestMergePrefixesNestedFields(t *testing.T) {
	var inner Problems
	inner.Add("min", -1, "must not be negative")
	inner.Add("", nil, "tier is empty")

	var outer Problems
	outer.Merge("tiers[2]", fmt.Errorf("wrapped: %w", inner.Err(errInvalid)))
	outer.Merge("rules", errors.New("duplicate rule id"))
	outer.Merge("ignored", nil)

	err := outer.Err(errInvalid)
	assert.Equal(t, "pkg: invalid input: tiers[2].min = -1: must not be negative; tiers[2]: tier is empty; rules: duplicate rule id", err.Error())
}

func TestPath(t *testing.T) {
	assert.Equal(t, "a.b", Path("a", "b"))
	assert.Equal(t, "a[1]", Path("a", "[1]"))
	assert.Equal(t, "b", Path("", "b"))
	assert.Equal(t, "a", Path("a", ""))
}

func TestAmountAndPercentChecks(t *testing.T) {
	var p Problems
	p.NonNegative("price", decimal.RequireFromString("0"))
	p.NonNegative("price", decimal.RequireFromString("-0.01"))
	p.Percent("rate", decimal.RequireFromString("100"), 0, 100)
	p.Percent("rate", decimal.RequireFromString("100.01"), 0, 100)
	p.Percent("surcharge", decimal.RequireFromString("-5"), -50, 100)
	p.Percent("surcharge", decimal.RequireFromString("-50.5"), -50, 100)
	err := p.Err(errInvalid)
	assert.Equal(t, "pkg: invalid input: price = -0.01: must not be negative; "+
		"rate = 100.01: must be a percentage within 0..100; "+
		"surcharge = -50.5: must be a percentage within -50..100", err.Error())
}

func TestLimitListsTheFirstAndCountsTheRest(t *testing.T) {
	var p Problems
	p.Limit("rows", 3)
	p.Merge("config", (&Problems{fields: []*FieldError{{Field: "a", Reason: "bad"}}}).Err(errInvalid))
	for i := range 6 {
		p.Addf(fmt.Sprintf("rows[%d]", i), i, "bad row %d", i)
	}
	// 1 config problem + 6 rows = 7 found; 3 listed, 4 counted.
	assert.Equal(t, 7, p.Len())
	err := p.Err(errInvalid)
	var list *Error
	require.ErrorAs(t, err, &list)
	require.Len(t, list.Fields, 4)
	assert.Equal(t, "config.a: bad", list.Fields[0].Error())
	assert.Equal(t, "rows[1] = 1: bad row 1", list.Fields[2].Error())
	assert.Equal(t, "rows = 4: 4 more problems not listed (the first 3 are)", list.Fields[3].Error())

	p.Add("late", nil, "bad")
	assert.Equal(t, 8, p.Len())
	require.ErrorAs(t, err, &list)
	assert.Len(t, list.Fields, 4, "an error already returned does not change")

	var none Problems
	none.Limit("rows", 3)
	assert.NoError(t, none.Err(errInvalid))
	for range 3 {
		none.Add("x", nil, "bad")
	}
	require.ErrorAs(t, none.Err(errInvalid), &list)
	assert.Len(t, list.Fields, 3, "exactly at the limit: nothing to count")
}

func TestShare(t *testing.T) {
	var p Problems
	assert.True(t, p.Share("a", decimal.RequireFromString("0.0001")))
	assert.True(t, p.Share("a", decimal.NewFromInt(100)))
	assert.False(t, p.Share("b", decimal.Zero))
	assert.False(t, p.Share("c", decimal.RequireFromString("100.01")))
	assert.Equal(t, "pkg: invalid input: b = 0: must be a percentage above 0 and at most 100; "+
		"c = 100.01: must be a percentage above 0 and at most 100", p.Err(errInvalid).Error())
}

// TestRangeComesBeforeComparing: a decimal with a huge exponent is
// refused before any comparison; comparing "1e-999999999" with 100 would
// rescale 100 to a billion digits (minutes and gigabytes). Without the
// range check first, this test does not finish.
func TestRangeComesBeforeComparing(t *testing.T) {
	tiny := decimal.New(1, -999_999_999)
	huge := decimal.New(1, 999_999_999)
	zero := decimal.New(0, -999_999_999)
	var p Problems
	assert.False(t, p.NonNegative("amount", tiny))
	assert.False(t, p.Percent("rate", huge, 0, 100))
	assert.False(t, p.Share("share", zero))
	assert.False(t, p.CheckRange("x", decimal.New(5, -31)))
	assert.False(t, p.CheckRange("x", decimal.New(5, 31)))
	assert.Equal(t, 5, p.Len())
	for _, f := range p.Err(errInvalid).(*Error).Fields {
		assert.Equal(t, RangeReason, f.Reason)
	}
	// The bounds themselves and the zero value are in range.
	for _, d := range []decimal.Decimal{{}, decimal.New(5, -30), decimal.New(5, 30), decimal.New(0, 30)} {
		assert.True(t, InRange(d), "%v", d)
	}
	assert.Contains(t, RangeReason, fmt.Sprintf("more than %d decimal places or a scale above 10^%d", MaxExponent, MaxExponent))
}

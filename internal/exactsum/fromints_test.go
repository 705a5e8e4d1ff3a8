package exactsum

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The columnar form equals the decimal form: 1.50, 0.25 and -3.00 are
// 150, 25 and -300 units at exponent -2 either way.
func TestFromIntsEqualsBuilder(t *testing.T) {
	var b Builder
	for _, d := range []decimal.Decimal{decimal.New(150, -2), decimal.New(25, -2), decimal.New(-300, -2)} {
		b.Append(d)
	}
	want, err := b.Amounts()
	require.NoError(t, err)
	units := []int64{150, 25, -300}
	got := FromInts(units, -2)
	assert.Equal(t, want.Exp(), got.Exp())
	assert.Equal(t, want.Ints(), got.Ints())
	assert.Same(t, &units[0], &got.Ints()[0], "no copy")
	var s Acc
	for i := range got.Len() {
		s.Add(&got, i)
	}
	assert.Equal(t, "-1.25", s.Decimal(got.Exp()).String()) // 150 + 25 - 300 = -125 cents
}

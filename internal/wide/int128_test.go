package wide

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func big128(t *testing.T, s string) *big.Int {
	t.Helper()
	x, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok, s)
	return x
}

func TestInt128RoundTripsThroughBig(t *testing.T) {
	for _, s := range []string{
		"0", "1", "-1", "9223372036854775807", "-9223372036854775808",
		"18446744073709551616",                     // 2^64
		"-18446744073709551616",                    // -2^64
		"170141183460469231731687303715884105727",  // 2^127-1, the largest
		"-170141183460469231731687303715884105727", // -(2^127-1)
	} {
		x := big128(t, s)
		v, ok := Int128FromBig(x)
		require.True(t, ok, s)
		assert.Equal(t, s, v.Big(new(big.Int)).String())
		assert.Equal(t, x.IsInt64(), v.IsInt64(), s)
		assert.Equal(t, x.Sign(), v.Sign(), s)
	}
	_, ok := Int128FromBig(big128(t, "170141183460469231731687303715884105728")) // 2^127
	assert.False(t, ok)
}

func TestInt128AddDetectsOverflow(t *testing.T) {
	maxV, _ := Int128FromBig(big128(t, "170141183460469231731687303715884105727"))
	minV, _ := Int128FromBig(big128(t, "-170141183460469231731687303715884105727"))
	_, ok := maxV.Add(Int128FromInt64(1))
	assert.False(t, ok, "2^127-1 + 1 overflows")
	r, ok := minV.Add(Int128FromInt64(-1))
	assert.True(t, ok, "-(2^127-1) - 1 = -2^127 still fits")
	_, ok = r.Add(Int128FromInt64(-1))
	assert.False(t, ok)
	r, ok = maxV.Add(minV)
	assert.True(t, ok)
	assert.Equal(t, 0, r.Sign())
	// Carry from the low word: (2^64-1) + 1 = 2^64.
	r, ok = Int128FromInt64(-1).Add(Int128{hi: 0, lo: math.MaxUint64}) // -1 + (2^64-1)
	assert.True(t, ok)
	assert.Equal(t, "18446744073709551614", r.Big(new(big.Int)).String())
}

func TestInt128Cmp(t *testing.T) {
	vals := []string{"-18446744073709551617", "-18446744073709551616", "-1", "0", "1", "18446744073709551615", "18446744073709551616"}
	for i, a := range vals {
		for j, b := range vals {
			x, _ := Int128FromBig(big128(t, a))
			y, _ := Int128FromBig(big128(t, b))
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			assert.Equal(t, want, x.Cmp(y), "%s vs %s", a, b)
		}
	}
}

func TestInt128AddInt64(t *testing.T) {
	var s Int128
	for range 1000 {
		s = s.AddInt64(math.MaxInt64)
	}
	want := new(big.Int).Mul(big.NewInt(math.MaxInt64), big.NewInt(1000))
	assert.Equal(t, want.String(), s.Big(new(big.Int)).String())
	s = Int128{}
	for range 1000 {
		s = s.AddInt64(math.MinInt64)
	}
	want = new(big.Int).Mul(big.NewInt(math.MinInt64), big.NewInt(1000))
	assert.Equal(t, want.String(), s.Big(new(big.Int)).String())
}

func TestInt128Float64(t *testing.T) {
	assert.Equal(t, -5.0, Int128FromInt64(-5).Float64())
	v, _ := Int128FromBig(big128(t, "36893488147419103232")) // 2^65
	assert.Equal(t, 0x1p65, v.Float64())
	v, _ = Int128FromBig(big128(t, "-36893488147419103232"))
	assert.Equal(t, -0x1p65, v.Float64())
}

func TestSumInt64sNeverOverflows(t *testing.T) {
	vs := make([]int64, 1000)
	for i := range vs {
		vs[i] = math.MaxInt64
	}
	want := new(big.Int).Mul(big.NewInt(math.MaxInt64), big.NewInt(1000))
	assert.Equal(t, want.String(), SumInt64s(vs).Big(new(big.Int)).String())
	for i := range vs {
		vs[i] = math.MinInt64
	}
	want = new(big.Int).Mul(big.NewInt(math.MinInt64), big.NewInt(1000))
	assert.Equal(t, want.String(), SumInt64s(vs).Big(new(big.Int)).String())
	assert.Equal(t, Int128{}, SumInt64s(nil))
}

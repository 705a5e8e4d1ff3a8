package wide

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// u256Of returns c as a U256; c must fit.
func u256Of(t testing.TB, s string) U256 {
	t.Helper()
	c, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok, s)
	x, ok := U256FromBig(c)
	require.True(t, ok, s)
	return x
}

func TestRoundPow10MatchesDecimal(t *testing.T) {
	// Ties, a tie broken by a digit far below (sticky), even and odd
	// quotients, and dropped digits across several words.
	for _, tc := range []struct {
		x    string
		k    int32
		up   string // half up, as decimal.Round gives it
		even string // half even, as decimal.RoundBank gives it
		ceil string // up, as decimal.RoundCeil gives it
	}{
		{"25", 1, "3", "2", "3"},
		{"35", 1, "4", "4", "4"},
		{"30", 1, "3", "3", "3"},
		{"2500000000000000000000000000001", 30, "3", "3", "3"},
		{"2500000000000000000000000000000", 30, "3", "2", "3"},
		{"2499999999999999999999999999999", 30, "2", "2", "3"},
		{"2000000000000000000000000000001", 30, "2", "2", "3"},
		{"123456789012345678901234567890123456789", 19, "12345678901234567890", "12345678901234567890", "12345678901234567891"},
		{"98765", 0, "98765", "98765", "98765"},
		{"4", 45, "0", "0", "1"},
	} {
		dd, err := decimal.NewFromString(tc.x)
		require.NoError(t, err)
		dd = dd.Shift(-tc.k)
		for _, m := range []struct {
			mode Rounding
			want string
			dec  decimal.Decimal
		}{
			{HalfUp, tc.up, dd.Round(0)},
			{HalfEven, tc.even, dd.RoundBank(0)},
			{Up, tc.ceil, dd.RoundCeil(0)},
			{Down, dd.Truncate(0).String(), dd.Truncate(0)},
		} {
			x := u256Of(t, tc.x)
			x.RoundPow10(tc.k, m.mode)
			assert.Equal(t, m.want, x.Big().String(), "%s / 10^%d in mode %d", tc.x, tc.k, m.mode)
			assert.Equal(t, m.want, m.dec.String(), "decimal agrees on %s / 10^%d in mode %d", tc.x, tc.k, m.mode)
		}
	}
}

func TestU256ArithmeticMatchesBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 256))
	limit := new(big.Int).Lsh(big.NewInt(1), 256)
	random := func() U256 {
		var x U256
		for i := range rng.IntN(5) {
			x[i] = rng.Uint64() >> rng.IntN(64)
		}
		return x
	}
	for range 5000 {
		x, y := random(), random()
		w := rng.Uint64() >> rng.IntN(64)

		want := new(big.Int).Mul(x.Big(), new(big.Int).SetUint64(w))
		got := x
		ok := got.MulWord(w)
		require.Equal(t, want.Cmp(limit) < 0, ok, "MulWord overflow of %v × %d", x, w)
		if ok {
			require.Equal(t, want.String(), got.Big().String())
		}

		want = new(big.Int).Mul(x.Big(), y.Big())
		got = x
		ok = got.Mul(&y)
		require.Equal(t, want.Cmp(limit) < 0, ok, "Mul overflow of %v × %v", x, y)
		if ok {
			require.Equal(t, want.String(), got.Big().String())
		}

		want = new(big.Int).Add(x.Big(), y.Big())
		got = x
		ok = got.Add(&y)
		require.Equal(t, want.Cmp(limit) < 0, ok, "Add overflow")
		if ok {
			require.Equal(t, want.String(), got.Big().String())
		}

		want = new(big.Int).Sub(x.Big(), y.Big())
		got = x
		ok = got.Sub(&y)
		require.Equal(t, want.Sign() >= 0, ok, "Sub sign")
		if ok {
			require.Equal(t, want.String(), got.Big().String())
		}
		require.Equal(t, x.Big().Cmp(y.Big()), x.Cmp(&y))

		n := int32(rng.IntN(80))
		want = new(big.Int).Mul(x.Big(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil))
		got = x
		ok = got.MulPow10(n)
		require.Equal(t, want.Cmp(limit) < 0, ok, "MulPow10 overflow of %v × 10^%d", x, n)
		if ok {
			require.Equal(t, want.String(), got.Big().String())
		}

		if w == 0 {
			continue
		}
		q := x
		r := q.DivWord(w)
		wq, wr := new(big.Int).QuoRem(x.Big(), new(big.Int).SetUint64(w), new(big.Int))
		require.Equal(t, wq.String(), q.Big().String())
		require.Equal(t, wr.Uint64(), r)
	}
}

func TestU256FromBig(t *testing.T) {
	max256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	x, ok := U256FromBig(max256)
	require.True(t, ok)
	assert.Equal(t, U256{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}, x)
	_, ok = U256FromBig(new(big.Int).Add(max256, big.NewInt(1)))
	assert.False(t, ok)
	x, ok = U256FromBig(big.NewInt(-42))
	require.True(t, ok, "the magnitude")
	assert.Equal(t, U256{42}, x)
	v, ok := x.Int64()
	assert.True(t, ok)
	assert.Equal(t, int64(42), v)
	_, ok = (&U256{1 << 63}).Int64()
	assert.False(t, ok)
}

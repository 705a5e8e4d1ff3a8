package exactsum

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fromDecimals converts ds with a Builder.
func fromDecimals(ds []decimal.Decimal) (Amounts, error) {
	var b Builder
	b.Grow(len(ds))
	for _, d := range ds {
		b.Append(d)
	}
	return b.Amounts()
}

// total returns the exact sum of a's units.
func total(a *Amounts) Acc {
	var s Acc
	for i := range a.Len() {
		s.Add(a, i)
	}
	return s
}

// sum returns the exact sum of ds through Amounts.
func sum(ds []decimal.Decimal) (decimal.Decimal, error) {
	a, err := fromDecimals(ds)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return total(&a).Decimal(a.Exp()), nil
}

func accOf(v int64) Acc {
	var a Acc
	a.AddInt64(v)
	return a
}

func decs(t testing.TB, ss ...string) []decimal.Decimal {
	t.Helper()
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = decimal.RequireFromString(s)
	}
	return out
}

func units(a Amounts) []string {
	out := make([]string, a.Len())
	for i := range out {
		out[i] = a.BigInt(i, new(big.Int)).String()
	}
	return out
}

func TestBuilderAmounts(t *testing.T) {
	tests := []struct {
		name  string
		in    []decimal.Decimal
		exp   int32
		units []string
		wide  bool
		sum   string
	}{
		{name: "empty", in: nil, exp: 0, units: []string{}, sum: "0"},
		{name: "one exponent", in: decs(t, "12.50", "0.25", "100.00"), exp: -2,
			units: []string{"1250", "25", "10000"}, sum: "112.75"},
		// 3 (exp 0) -> 3000 units of 0.001; 1.5 (coef 15, exp -1) -> 1500;
		// 0.007 -> 7. Sum 4507 units = 4.507.
		{name: "mixed exponents", in: decs(t, "3", "1.5", "0.007"), exp: -3,
			units: []string{"3000", "1500", "7"}, sum: "4.507"},
		{name: "positive exponent", in: []decimal.Decimal{decimal.New(5, 3), decimal.New(2, 1)}, exp: 1,
			units: []string{"500", "2"}, sum: "5020"},
		// Mixed exponents with a positive one, as RFM ranks them: smallest
		// exponent -3 (0.125); 1.5 -> 1500, 20 -> 20000, 1E+2 -> 100000.
		{name: "mixed exponents, one positive", in: []decimal.Decimal{decimal.RequireFromString("1.5"), decimal.NewFromInt(20),
			decimal.RequireFromString("0.125"), decimal.New(1, 2)}, exp: -3,
			units: []string{"1500", "20000", "125", "100000"}, sum: "121.625"},
		{name: "negatives", in: decs(t, "-10.25", "4", "-0.5"), exp: -2,
			units: []string{"-1025", "400", "-50"}, sum: "-6.75"},
		// decimal.Decimal{} has a nil coefficient and exponent 0; "0.00000"
		// has exponent -5. Neither may move the common exponent.
		{name: "zeros", in: []decimal.Decimal{{}, decimal.New(0, -5), decimal.RequireFromString("7.1"), {}}, exp: -1,
			units: []string{"0", "0", "71", "0"}, sum: "7.1"},
		{name: "only zeros", in: []decimal.Decimal{{}, decimal.New(0, -30)}, exp: 0,
			units: []string{"0", "0"}, sum: "0"},
		{name: "18 digits fit", in: decs(t, "999999999999999999", "-999999999999999999"), exp: 0,
			units: []string{"999999999999999999", "-999999999999999999"}, sum: "0"},
		// A 19-digit coefficient does not pass the ≤ 18 digits check: wide.
		{name: "19 digits go wide", in: decs(t, "1", "9223372036854775807"), exp: 0, wide: true,
			units: []string{"1", "9223372036854775807"}, sum: "9223372036854775808"},
		{name: "beyond int64", in: decs(t, "123456789012345678901234.5", "0.5"), exp: -1, wide: true,
			units: []string{"1234567890123456789012345", "5"}, sum: "123456789012345678901235"},
		// 1e18 at exponent 0 fits, but the common exponent is -2 and
		// 1e18 × 100 does not fit an int64: the rescale overflows, wide.
		{name: "rescale overflow", in: decs(t, "1000000000000000000", "0.01", "-3"), exp: -2, wide: true,
			units: []string{"100000000000000000000", "1", "-300"}, sum: "999999999999999997.01"},
		// The overflow comes after earlier values were already rescaled:
		// 95e15 × 100 = 9.5e18 > 2^63-1 ≈ 9.22e18.
		{name: "rescale overflow late", in: decs(t, "5", "0.01", "95000000000000000"), exp: -2, wide: true,
			units: []string{"500", "1", "9500000000000000000"}, sum: "95000000000000005.01"},
		{name: "a division's 16 places", in: decs(t, "1234.5678901234567890", "0.0000000000000001"), exp: -16, wide: true,
			units: []string{"12345678901234567890", "1"}, sum: "1234.5678901234567891"},
		{name: "zero in wide", in: []decimal.Decimal{{}, decimal.RequireFromString("12345678901234567890.1"), decimal.New(0, -30)}, exp: -1, wide: true,
			units: []string{"0", "123456789012345678901", "0"}, sum: "12345678901234567890.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := fromDecimals(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.exp, a.Exp())
			assert.Equal(t, tt.wide, a.IsWide())
			assert.Equal(t, tt.wide, a.Ints() == nil && a.Len() > 0)
			assert.Equal(t, tt.units, units(a))
			got, err := sum(tt.in)
			require.NoError(t, err)
			want := decimal.RequireFromString(tt.sum)
			assert.True(t, want.Equal(got), "sum %s, want %s", got, want)
			if len(tt.in) > 0 {
				assert.True(t, decimal.Sum(tt.in[0], tt.in[1:]...).Equal(got), "agrees with decimal.Sum")
			}
		})
	}
}

// TestRangeLimit: every amount's exponent must lie within ±30 (the
// library's bound, validate.MaxExponent), zeros included; the widest list
// allowed, 1e30 and 1e-30 together, is exact at 61 digits a unit.
func TestRangeLimit(t *testing.T) {
	ok := []decimal.Decimal{decimal.New(1, 30), decimal.New(1, -30), decimal.New(0, -30)}
	s, err := sum(ok)
	require.NoError(t, err, "exponents of exactly ±30 are accepted")
	assert.True(t, s.Equal(decimal.New(1, 30).Add(decimal.New(1, -30))))

	_, err = fromDecimals([]decimal.Decimal{decimal.New(7, 0), {}, decimal.New(1, -31), decimal.New(1, 60)})
	require.ErrorIs(t, err, errRange)
	var re *rangeError
	require.True(t, errors.As(err, &re))
	assert.Equal(t, rangeError{Index: 2, Exp: -31}, *re, "the first amount out of range is named")
	assert.EqualError(t, err, "exactsum: amount #2 has exponent -31, outside ±30")

	_, err = fromDecimals([]decimal.Decimal{decimal.New(1, 2), decimal.New(0, 999_999_999)})
	require.ErrorIs(t, err, errRange, "a zero with a huge exponent is refused too")
}

func TestCmpAndSign(t *testing.T) {
	for _, in := range [][]decimal.Decimal{
		decs(t, "-2.5", "0", "0.001", "3", "3.000"),
		decs(t, "-2.5", "0", "0.001", "3", "3.000", "12345678901234567890123"),
	} {
		a, err := fromDecimals(in)
		require.NoError(t, err)
		for i := range in {
			assert.Equal(t, in[i].Sign(), a.Sign(i))
			for j := range in {
				assert.Equal(t, in[i].Cmp(in[j]), a.Cmp(i, j), "%s vs %s", in[i], in[j])
			}
		}
	}
}

func TestFloat64IsTheUnitRatio(t *testing.T) {
	a, err := fromDecimals(decs(t, "0.25", "1"))
	require.NoError(t, err)
	assert.Equal(t, 0.25, a.Float64(0)/a.Float64(1))
	assert.Equal(t, 125.0, total(&a).Float64())
	w, err := fromDecimals(decs(t, "0.25", "10000000000000000000"))
	require.NoError(t, err)
	require.True(t, w.IsWide())
	assert.Equal(t, 25.0, w.Float64(0))
}

func TestAcc(t *testing.T) {
	a, err := fromDecimals(decs(t, "0.10", "0.20", "0.30"))
	require.NoError(t, err)
	var s Acc
	for i := range a.Len() {
		s.Add(&a, i)
	}
	assert.Equal(t, 0, s.Cmp(total(&a)))
	assert.Equal(t, "0.6", s.Decimal(a.Exp()).String(), "0.1+0.2+0.3 is exactly 0.6")

	// Copies are independent, also after moving to big integers.
	w, err := fromDecimals(decs(t, "100000000000000000000", "1"))
	require.NoError(t, err)
	var x Acc
	x.Add(&w, 0)
	y := x
	y.Add(&w, 1)
	assert.Equal(t, "100000000000000000000", x.Decimal(0).String())
	assert.Equal(t, "100000000000000000001", y.Decimal(0).String())
	assert.Equal(t, -1, x.Cmp(y))
	assert.Equal(t, 1, y.Sign())

	// AddAcc spills past 128 bits into a big integer and back compares.
	maxV, _ := wide.Int128FromBig(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1)))
	m := Acc{v: maxV}
	m.AddAcc(Acc{v: maxV})
	assert.Equal(t, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(2)).String(), m.bigValue().String())
	assert.NotNil(t, m.big, "past 128 bits")
	assert.Equal(t, 1, m.Cmp(Acc{v: maxV}))
}

func TestMulFloorCeil(t *testing.T) {
	tests := []struct {
		total       int64
		frac        string
		floor, ceil int64
	}{
		{1000, "0.8", 800, 800},   // exact
		{999, "0.8", 799, 800},    // 799.2
		{7, "0.95", 6, 7},         // 6.65
		{7, "0.5", 3, 4},          // 3.5
		{10, "1", 10, 10},         // 100 %
		{10, "0", 0, 0},           // 0 %
		{3, "0.333", 0, 1},        // 0.999
		{1, "0.125", 0, 1},        // 0.125
		{-7, "0.5", -4, -3},       // -3.5: floor rounds down, ceil up
		{123, "2E+1", 2460, 2460}, // positive exponent
	}
	for _, tt := range tests {
		f, c := accOf(tt.total).MulFloorCeil(decimal.RequireFromString(tt.frac))
		assert.Equal(t, 0, f.Cmp(accOf(tt.floor)), "floor(%d×%s) = %v", tt.total, tt.frac, f.Decimal(0))
		assert.Equal(t, 0, c.Cmp(accOf(tt.ceil)), "ceil(%d×%s) = %v", tt.total, tt.frac, c.Decimal(0))
	}
}

// FuzzSumAgreesWithDecimalSum checks the exact sum against decimal.Sum on
// lists mixing small and huge coefficients, negative values, zeros of
// every exponent and exponents far apart.
func FuzzSumAgreesWithDecimalSum(f *testing.F) {
	f.Add(uint64(1), uint8(5))
	f.Add(uint64(42), uint8(40))
	f.Add(uint64(7), uint8(1))
	f.Add(uint64(99), uint8(200))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		ds := make([]decimal.Decimal, int(n)%64)
		for i := range ds {
			switch r.IntN(6) {
			case 0:
				ds[i] = decimal.Decimal{}
			case 1:
				ds[i] = decimal.New(0, int32(r.IntN(41)-20))
			case 2: // huge coefficient
				ds[i] = decimal.RequireFromString(strconv.FormatInt(r.Int64(), 10) + strconv.FormatInt(r.Int64N(1e9), 10) + "e" + strconv.Itoa(r.IntN(21)-10))
			default:
				ds[i] = decimal.New(r.Int64N(2e12)-1e12, int32(r.IntN(9)-6))
			}
		}
		got, err := sum(ds)
		require.NoError(t, err)
		want := decimal.Zero
		if len(ds) > 0 {
			want = decimal.Sum(ds[0], ds[1:]...)
		}
		require.True(t, want.Equal(got), "exactsum %s, decimal.Sum %s", got, want)

		a, err := fromDecimals(ds)
		require.NoError(t, err)
		for i := range ds {
			if i > 0 {
				require.Equal(t, ds[i-1].Cmp(ds[i]), a.Cmp(i-1, i))
			}
			require.Equal(t, ds[i].Sign(), a.Sign(i))
		}
	})
}

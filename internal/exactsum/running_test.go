package exactsum

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// term is one amount added to a Running: a decimal for Add, or a
// coefficient and an exponent for AddCoef.
type term struct {
	d     decimal.Decimal
	c     int64
	e     int32
	units bool // added with AddCoef(c, e)
}

func dec(s string) term          { return term{d: decimal.RequireFromString(s)} }
func coef(c int64, e int32) term { return term{c: c, e: e, units: true} }

func (tm term) decimal() decimal.Decimal {
	if tm.units {
		return decimal.New(tm.c, tm.e)
	}
	return tm.d
}

// fold adds the terms to a Running and, as the definition, folds
// acc = acc.Add(d) from the zero decimal.Decimal{}.
func fold(terms ...term) (r Running, want decimal.Decimal) {
	for _, tm := range terms {
		if tm.units {
			r.AddCoef(tm.c, tm.e)
		} else {
			r.Add(tm.d)
		}
		want = want.Add(tm.decimal())
	}
	return r, want
}

// requireSame requires got to be want in value and in exponent.
func requireSame(t testing.TB, want, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	require.True(t, want.Equal(got), "value: got %s, the fold gives %s %v", got, want, msgAndArgs)
	require.Equal(t, want.Exponent(), got.Exponent(), "exponent of %s %v", want, msgAndArgs)
}

func TestRunning(t *testing.T) {
	maxInt := coef(math.MaxInt64, 0)
	minInt := coef(math.MinInt64, 0)
	tests := []struct {
		name  string
		terms []term
		want  string // the total, worked by hand
		exp   int32  // its exponent, worked by hand
		fast  bool   // still an int64 coefficient (Int64's ok)
	}{
		{name: "empty", want: "0", exp: 0, fast: true},
		// 0.1 + 0.02 + 3 - 0.005: the finest exponent is -3; 100 + 20 +
		// 3000 - 5 = 3115 thousandths.
		{name: "mixed exponents", terms: []term{dec("0.1"), dec("0.02"), dec("3"), dec("-0.005")}, want: "3.115", exp: -3, fast: true},
		// The total passes through zero at exponent 0, then takes -3.
		{name: "back to zero, then a finer exponent", terms: []term{dec("5"), dec("-5"), dec("0.001")}, want: "0.001", exp: -3, fast: true},
		// A zero total keeps the finest exponent seen, as decimal.Add
		// does: 0.01 - 0.01 + 5 is 5.00, not 5.
		{name: "through zero keeps the exponent", terms: []term{dec("0.01"), dec("-0.01"), dec("5")}, want: "5", exp: -2, fast: true},
		{name: "zero at a fine exponent", terms: []term{dec("0.01"), dec("-0.01")}, want: "0", exp: -2, fast: true},
		// The zero decimal (nil coefficient) is 0 at exponent 0; "0.00000"
		// still lowers the exponent.
		{name: "zero values", terms: []term{{d: decimal.Decimal{}}, {d: decimal.New(0, -5)}, {d: decimal.Decimal{}}}, want: "0", exp: -5, fast: true},
		{name: "only the zero decimal", terms: []term{{d: decimal.Decimal{}}, coef(0, 0)}, want: "0", exp: 0, fast: true},
		// Positive exponents rescale to the zero's exponent 0: 5e3 + 2e1
		// = 5000 + 20.
		{name: "positive exponents", terms: []term{{d: decimal.New(5, 3)}, {d: decimal.New(2, 1)}}, want: "5020", exp: 0, fast: true},
		// -10.25 + 4 - 0.5 = -6.75.
		{name: "negatives", terms: []term{dec("-10.25"), dec("4"), dec("-0.5")}, want: "-6.75", exp: -2, fast: true},
		// The int64 edges: 2^63 - 1 and -2^63 are held, one more is not.
		{name: "int64 maximum", terms: []term{maxInt}, want: "9223372036854775807", exp: 0, fast: true},
		{name: "int64 minimum", terms: []term{minInt}, want: "-9223372036854775808", exp: 0, fast: true},
		{name: "past int64", terms: []term{maxInt, coef(1, 0)}, want: "9223372036854775808", exp: 0},
		{name: "past int64 downwards", terms: []term{minInt, coef(-1, 0)}, want: "-9223372036854775809", exp: 0},
		{name: "maximum twice", terms: []term{maxInt, maxInt}, want: "18446744073709551614", exp: 0},
		{name: "minimum twice", terms: []term{minInt, minInt}, want: "-18446744073709551616", exp: 0},
		// The same as decimals: 2^63 - 1 has 19 digits, so Add takes the
		// decimal path from the first term.
		{name: "past int64 as decimals", terms: []term{{d: decimal.New(math.MaxInt64, 0)}, {d: decimal.New(math.MaxInt64, 0)}},
			want: "18446744073709551614", exp: 0},
		{name: "past int64 downwards as decimals", terms: []term{{d: decimal.New(-math.MaxInt64, 0)}, {d: decimal.New(-math.MaxInt64, 0)}, dec("-2")},
			want: "-18446744073709551616", exp: 0},
		// Opposite signs never overflow: (2^63 - 1) + (-2^63) = -1.
		{name: "maximum plus minimum", terms: []term{maxInt, minInt}, want: "-1", exp: 0, fast: true},
		// Ten 18-digit amounts, each on the fast path, overflow together:
		// 10 × 999,999,999,999,999,999.
		{name: "18 digits ten times", terms: slices.Repeat([]term{dec("999999999999999999")}, 10), want: "9999999999999999990", exp: 0},
		{name: "18 digits ten times downwards", terms: slices.Repeat([]term{dec("-999999999999999999")}, 10), want: "-9999999999999999990", exp: 0},
		// A 19-digit coefficient is never read as an int64 (it may not
		// fit); the total is exact anyway.
		{name: "19 digits", terms: []term{dec("9999999999999999999"), dec("1")}, want: "10000000000000000000", exp: 0},
		{name: "19 digits that fit", terms: []term{dec("1"), dec("9223372036854775807")}, want: "9223372036854775808", exp: 0},
		{name: "beyond int64, then small", terms: []term{dec("123456789012345678901234.5"), dec("0.5")}, want: "123456789012345678901235", exp: -1},
		// 10^18 units at exponent 0 fit; rescaled by 10 for 0.1 they do not.
		{name: "rescale overflow", terms: []term{dec("1000000000000000000"), dec("0.1")}, want: "1000000000000000000.1", exp: -1},
		// The term rescales instead: 95e15 at exponent -2 is 9.5e18 > 2^63 - 1.
		{name: "rescale overflow of the term", terms: []term{dec("5"), dec("0.01"), dec("95000000000000000")}, want: "95000000000000005.01", exp: -2},
		// Exponents too far apart for 10^35 to fit an int64.
		{name: "exponents apart", terms: []term{dec("1e30"), dec("1e-5")}, want: "1000000000000000000000000000000.00001", exp: -5},
		// Zero rescales to zero however far apart: 0 at exponent 0, then
		// 7 at exponent -30.
		{name: "zero beside a far exponent", terms: []term{coef(0, 0), coef(7, -30)}, want: "0.000000000000000000000000000007", exp: -30, fast: true},
		// Worked with Python's decimal module: 92,233,720,368,547,758.07
		// (the largest int64 of cents) + 0.01 overflows, - 0.01, then a
		// 21-digit amount and one at another exponent.
		{name: "cents beyond int64", terms: []term{dec("92233720368547758.07"), dec("0.01"), dec("-0.01"), dec("1234567890123456789.12"), dec("0.5")},
			want: "1326801610492004547.69", exp: -2},
		// AddCoef and Add mix: 1,250 cents + 0.125 + 3 units of 10^2.
		{name: "units and decimals", terms: []term{coef(1250, -2), dec("0.125"), coef(3, 2)}, want: "312.625", exp: -3, fast: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, want := fold(tt.terms...)
			got := r.Decimal()
			requireSame(t, want, got)
			assert.Equal(t, tt.want, got.String())
			assert.Equal(t, tt.exp, got.Exponent())
			c, e, ok := r.Int64()
			assert.Equal(t, tt.fast, ok, "on the int64 path")
			if ok {
				requireSame(t, got, decimal.New(c, e), "Int64 is the total")
			}
			assert.Equal(t, 0, r.Cmp(want))

			// Adding the same terms as one Running gives the same total,
			// to an empty one or after a term at a finer exponent.
			var whole Running
			whole.AddRunning(r)
			requireSame(t, want, whole.Decimal(), "AddRunning to zero")
			fine, wantFine := fold(coef(-3, -4))
			fine.AddRunning(r)
			requireSame(t, wantFine.Add(want), fine.Decimal(), "AddRunning after -0.0003")
		})
	}
}

// TestRunningZeroValue: the zero Running is decimal.Decimal{} itself,
// built without an allocation, and copies are independent.
func TestRunningZeroValue(t *testing.T) {
	var r Running
	assert.Equal(t, decimal.Decimal{}, r.Decimal())
	c, e, ok := r.Int64()
	assert.Equal(t, []any{int64(0), int32(0), true}, []any{c, e, ok})
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = r.Decimal() }))

	r.Add(decimal.RequireFromString("100000000000000000000"))
	cp := r
	cp.Add(decimal.New(1, 0))
	assert.Equal(t, "100000000000000000000", r.Decimal().String())
	assert.Equal(t, "100000000000000000001", cp.Decimal().String())
}

// TestRunningAddDoesNotAllocate: on the int64 path, Add, AddCoef,
// AddRunning and Cmp allocate nothing, zero decimals and far exponents
// included.
func TestRunningAddDoesNotAllocate(t *testing.T) {
	amounts := []decimal.Decimal{decimal.New(1250, -2), {}, decimal.New(-7, -3), decimal.New(0, -9), decimal.New(5, 4)}
	var other Running
	other.AddCoef(3, -1)
	allocs := testing.AllocsPerRun(100, func() {
		var r Running
		for _, a := range amounts {
			r.Add(a)
		}
		r.AddCoef(-42, -2)
		r.AddRunning(other)
		_ = r.Cmp(amounts[0])
		_ = r.Cmp(decimal.New(1, 25))
	})
	assert.Zero(t, allocs)
}

// TestRunningCmp compares totals with decimals as decimal.Cmp does:
// mixed exponents, signs, zeros, and sides too far apart or too wide
// for the int64 path.
func TestRunningCmp(t *testing.T) {
	tests := []struct {
		terms []term
		d     string
		want  int
	}{
		{[]term{dec("50"), dec("30"), dec("120"), dec("150")}, "350", 0},
		{[]term{dec("50"), dec("30"), dec("120"), dec("150")}, "349.99", 1},
		{[]term{dec("50"), dec("30"), dec("120"), dec("150")}, "350.000000000000000001", -1},
		{[]term{dec("0.1"), dec("0.2")}, "0.3", 0},
		{[]term{dec("0.1"), dec("0.2")}, "1e-30", 1},     // exponents 10^29 apart
		{[]term{dec("-0.1"), dec("-0.2")}, "-1e-30", -1}, // the same, negative
		{[]term{dec("0.1")}, "1e30", -1},                 // d is 10^31 times larger
		{[]term{dec("-0.1")}, "-1e30", 1},
		{[]term{dec("1e30")}, "1000000000000000000", 1}, // the total past int64
		{nil, "0", 0},
		{nil, "-0.01", 1},
		{nil, "0.01", -1},
		{[]term{dec("0.01"), dec("-0.01")}, "0", 0},    // zero at exponent -2
		{[]term{dec("-5")}, "3", -1},                   // signs differ
		{[]term{dec("5")}, "99999999999999999999", -1}, // d past int64
		// The int64 edges: -2^63 against -9.22e18 at exponent 1 and 2.
		{[]term{coef(math.MinInt64, 0)}, "-922337203685477580e1", -1},
		{[]term{coef(math.MinInt64, 0)}, "-922337203685477581e1", 1},
		// Scaled by 10, 2^63 - 1 and -2^63 need more than 64 bits.
		{[]term{coef(math.MaxInt64, 0)}, "0.5", 1},
		{[]term{coef(math.MinInt64, 0)}, "-0.5", -1},
		{[]term{coef(math.MaxInt64, -2)}, "92233720368547758.07", 0},
		{[]term{coef(math.MaxInt64, -2)}, "92233720368547758.0", 1},
	}
	for _, tt := range tests {
		r, total := fold(tt.terms...)
		d := decimal.RequireFromString(tt.d)
		assert.Equal(t, tt.want, r.Cmp(d), "%s vs %s", total, tt.d)
		assert.Equal(t, total.Cmp(d), r.Cmp(d), "agrees with decimal.Cmp: %s vs %s", total, tt.d)
	}
}

// FuzzRunning: three terms, each added with Add or AddCoef, give the
// fold's value and exponent after every step, and Cmp agrees with
// decimal.Cmp against a fourth value, whatever the coefficients (int64
// edges, 19-digit and wider ones) and money-sized exponents.
func FuzzRunning(f *testing.F) {
	f.Add(int64(math.MaxInt64), int32(0), int64(math.MaxInt64), int32(0), int64(-7), int32(-3), int64(1), int32(0), uint8(0))
	f.Add(int64(1), int32(-2), int64(-1), int32(-2), int64(5), int32(18), int64(0), int32(-5), uint8(7))
	f.Add(int64(123), int32(-30), int64(1), int32(30), int64(0), int32(-400), int64(-9), int32(2), uint8(3))
	f.Add(int64(math.MinInt64), int32(0), int64(-1), int32(0), int64(math.MinInt64), int32(1), int64(math.MinInt64), int32(1), uint8(5))
	f.Add(int64(95000000000000000), int32(0), int64(1), int32(-2), int64(999999999999999999), int32(0), int64(-3), int32(-2), uint8(0x3f))
	f.Fuzz(func(t *testing.T, a int64, ae int32, b int64, be int32, c int64, ce int32, o int64, oe int32, how uint8) {
		clamp := func(e int32) int32 { return max(-60, min(60, e)) } // money-sized exponents
		terms := []term{coef(a, clamp(ae)), coef(b, clamp(be)), coef(c, clamp(ce))}
		for i := range terms {
			switch how >> (2 * i) & 3 {
			case 0: // as a decimal
				terms[i] = term{d: terms[i].decimal()}
			case 1: // a wide coefficient: the digits of c, then those of the term
				terms[i] = term{d: decimal.RequireFromString(strconv.FormatInt(c, 10) + strconv.FormatUint(uint64(terms[i].c), 10) + "e" + strconv.Itoa(int(terms[i].e)))}
			case 2: // the zero decimal, nil coefficient
				if terms[i].c == 0 {
					terms[i] = term{}
				}
			}
		}
		var r Running
		want := decimal.Decimal{}
		for i := range terms {
			r2, _ := fold(terms[i])
			if how&0x40 != 0 && i == 1 {
				r.AddRunning(r2) // the same as adding the term
			} else if terms[i].units {
				r.AddCoef(terms[i].c, terms[i].e)
			} else {
				r.Add(terms[i].d)
			}
			want = want.Add(terms[i].decimal())
			requireSame(t, want, r.Decimal(), "after term", i)
		}
		other := decimal.New(o, clamp(oe))
		require.Equal(t, want.Cmp(other), r.Cmp(other), "%s vs %s", want, other)
		for _, tm := range terms {
			require.Equal(t, want.Cmp(tm.decimal()), r.Cmp(tm.decimal()), "%s vs %s", want, tm.decimal())
		}
	})
}

// FuzzRunningLists folds random lists mixing cents, wide coefficients,
// zeros of every exponent and int64 edges, and requires the fold's value
// and exponent at the end and Cmp's agreement along the way.
func FuzzRunningLists(f *testing.F) {
	f.Add(uint64(1), uint8(5))
	f.Add(uint64(42), uint8(40))
	f.Add(uint64(7), uint8(1))
	f.Add(uint64(99), uint8(200))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		var r Running
		want := decimal.Decimal{}
		for range int(n) % 64 {
			var d decimal.Decimal
			switch rng.IntN(7) {
			case 0:
				d = decimal.Decimal{}
			case 1:
				d = decimal.New(0, int32(rng.IntN(41)-20))
			case 2: // a wide coefficient
				d = decimal.RequireFromString(strconv.FormatInt(rng.Int64(), 10) + strconv.FormatInt(rng.Int64N(1e9), 10) + "e" + strconv.Itoa(rng.IntN(21)-10))
			case 3: // an int64 edge
				d = decimal.New([]int64{math.MaxInt64, math.MinInt64, 1e18, -1e18}[rng.IntN(4)], int32(rng.IntN(5)-2))
			default:
				d = decimal.New(rng.Int64N(2e12)-1e12, int32(rng.IntN(9)-6))
			}
			require.Equal(t, want.Cmp(d), r.Cmp(d), "%s vs %s", want, d)
			if rng.IntN(2) == 0 && d.NumDigits() <= 18 {
				r.AddCoef(d.CoefficientInt64(), d.Exponent())
			} else {
				r.Add(d)
			}
			want = want.Add(d)
		}
		requireSame(t, want, r.Decimal())
	})
}

package wide

// Pow10 holds 10^0 ... 10^19, every power of ten a uint64 holds;
// 10^0 ... 10^18 also fit an int64.
var Pow10 = func() (p [MaxPow10 + 1]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// MaxPow10 is the largest n with 10^n in a uint64.
const MaxPow10 = 19

// MaxPow10Int64 is the largest n with 10^n in an int64.
const MaxPow10Int64 = 18

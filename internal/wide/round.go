package wide

// Rounding says which way a division by a power of ten goes when it
// leaves a remainder. The modes act on magnitudes, as the sign-symmetric
// decimal roundings do: a caller holding a sign picks Up or Down for a
// ceiling or a floor.
type Rounding uint8

const (
	// HalfUp rounds a tie away from zero (decimal.Round).
	HalfUp Rounding = iota
	// HalfEven rounds a tie to the even quotient (decimal.RoundBank).
	HalfEven
	// Up rounds any remainder away from zero (decimal.RoundUp).
	Up
	// Down drops the remainder (decimal.Truncate).
	Down
)

// RoundPow10 sets x to x / 10^k rounded in mode m, the coefficient a
// decimal rounding gives when it drops k digits; k ≥ 0.
func (x *U256) RoundPow10(k int32, m Rounding) {
	if k == 0 {
		return
	}
	r, top, zerosBelow := x.dropDigits(k)
	var up bool
	switch m {
	case HalfUp, HalfEven:
		half := 5 * Pow10[top-1]
		up = r > half || r == half && (m == HalfUp || !zerosBelow || x[0]&1 == 1)
	case Up:
		up = r != 0 || !zerosBelow
	}
	if up {
		x.Add(&U256{1}) // x < 2^256 / 10: no carry out
	}
}

// dropDigits divides x by 10^k (k ≥ 1), lower digits first. It returns
// the remainder of the last division, the top digits dropped (r below
// 10^top), and whether every digit below those was zero: all a rounding
// needs to know.
func (x *U256) dropDigits(k int32) (r uint64, top int32, zerosBelow bool) {
	zerosBelow = true
	for ; k > MaxPow10; k -= MaxPow10 {
		if x.DivWord(Pow10[MaxPow10]) != 0 {
			zerosBelow = false
		}
	}
	return x.DivWord(Pow10[k]), k, zerosBelow
}

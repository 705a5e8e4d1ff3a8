package discount

import (
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// RoundingMode says how a price is rounded to its last kept digit. The
// zero value rounds half up, the commercial rule most price lists use.
type RoundingMode uint8

const (
	// RoundHalfUp rounds a tie away from zero: 2.345 -> 2.35 and
	// -2.345 -> -2.35 (commercial rounding; shopspring's Round).
	RoundHalfUp RoundingMode = iota + 1
	// RoundHalfEven rounds a tie to the even digit: 2.345 -> 2.34,
	// 2.355 -> 2.36 (banker's rounding; shopspring's RoundBank). Over
	// many lines its errors cancel instead of drifting up.
	RoundHalfEven
)

var roundingNames = enum.Names{"", "half_up", "half_even"}

// ParseRoundingMode returns the mode named s ("half_up", "half_even").
func ParseRoundingMode(s string) (RoundingMode, error) {
	return enum.Parse[RoundingMode](roundingNames, "rounding mode", s)
}

func (m RoundingMode) String() string { return enum.String(roundingNames, "RoundingMode", m) }

// IsValid reports whether m is one of the named modes.
func (m RoundingMode) IsValid() bool { return enum.Valid(roundingNames, m) }

// MarshalText implements encoding.TextMarshaler; an unset mode is an error.
func (m RoundingMode) MarshalText() ([]byte, error) {
	return enum.Marshal(roundingNames, "RoundingMode", m)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (m *RoundingMode) UnmarshalText(b []byte) error {
	return enum.Unmarshal(roundingNames, "rounding mode", m, b)
}

// Round rounds d to places decimal places in mode m; the zero mode
// rounds half up.
func (m RoundingMode) Round(d decimal.Decimal, places int32) decimal.Decimal {
	if m == RoundHalfEven {
		return d.RoundBank(places)
	}
	return d.Round(places)
}

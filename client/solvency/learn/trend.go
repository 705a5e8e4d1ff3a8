package learn

import "github.com/clientele-go/clientele/internal/enum"

// Trend is the direction a feature's bad rate must follow across its
// bins, low values to high. The zero Trend is unset, read as TrendAuto.
type Trend uint8

const (
	// TrendAuto tries both directions and keeps the one whose bins carry
	// the larger information value (ascending on a tie).
	TrendAuto Trend = iota + 1
	// TrendAscending: the bad rate rises with the value (days late).
	TrendAscending
	// TrendDescending: the bad rate falls as the value rises (on-time
	// share, equity ratio).
	TrendDescending
)

var trendNames = enum.Names{"", "auto", "ascending", "descending"}

// ParseTrend returns the trend named s ("auto", "ascending", "descending").
func ParseTrend(s string) (Trend, error) { return enum.Parse[Trend](trendNames, "trend", s) }

func (t Trend) String() string { return enum.String(trendNames, "Trend", t) }

// IsValid reports whether t is one of the named trends.
func (t Trend) IsValid() bool { return enum.Valid(trendNames, t) }

// MarshalText implements encoding.TextMarshaler; an unset trend is an error.
func (t Trend) MarshalText() ([]byte, error) { return enum.Marshal(trendNames, "Trend", t) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (t *Trend) UnmarshalText(b []byte) error { return enum.Unmarshal(trendNames, "trend", t, b) }

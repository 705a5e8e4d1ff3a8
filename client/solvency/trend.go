package solvency

import "github.com/clientele-go/clientele/internal/enum"

// Trend is the direction of a series: payment behaviour (recent against
// earlier invoices) or scores over periods. The zero Trend is unset: too
// little data to tell, which the result always explains.
type Trend uint8

const (
	// TrendImproving: the recent figures are better by more than the
	// stability band.
	TrendImproving Trend = iota + 1
	// TrendStable: the change stays within the band.
	TrendStable
	// TrendDeteriorating: the recent figures are worse by more than the
	// band.
	TrendDeteriorating
)

var trendNames = enum.Names{"", "improving", "stable", "deteriorating"}

// ParseTrend returns the trend named s ("improving", "stable",
// "deteriorating").
func ParseTrend(s string) (Trend, error) { return enum.Parse[Trend](trendNames, "trend", s) }

func (t Trend) String() string { return enum.String(trendNames, "Trend", t) }

// IsValid reports whether t is one of the named trends.
func (t Trend) IsValid() bool { return enum.Valid(trendNames, t) }

// MarshalText implements encoding.TextMarshaler; an unset trend is an error.
func (t Trend) MarshalText() ([]byte, error) { return enum.Marshal(trendNames, "Trend", t) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (t *Trend) UnmarshalText(b []byte) error { return enum.Unmarshal(trendNames, "trend", t, b) }

// trendOf classifies a change where a positive delta is an improvement.
func trendOf(delta, band float64) Trend {
	switch {
	case delta > band:
		return TrendImproving
	case delta < -band:
		return TrendDeteriorating
	default:
		return TrendStable
	}
}

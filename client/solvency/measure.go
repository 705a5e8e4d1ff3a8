package solvency

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"

	"github.com/clientele-go/clientele/internal/enum"
)

// Measure is a dimensionless statistic: a financial ratio, a Z-score, a
// share, a number of days, scorecard points. It is a float64, as
// statistics libraries use, because it is never money: a Measure is not
// fed back into an amount without an explicit, rounded conversion.
//
// A Measure may be undefined (its denominator is zero, an input is
// unknown): then Defined is false, Value is 0 and meaningless, and Cause
// and Field say why. A Measure is never NaN or infinite. The zero Measure
// is undefined with no cause recorded.
//
// In JSON a defined Measure is {"value":1.5}; an undefined one is
// {"undefined":"zero","field":"current_liabilities"}.
type Measure struct {
	Value   float64
	Defined bool
	// Cause says why the measure is undefined.
	Cause Cause
	// Field names the input that made it undefined, as it is spelt in
	// JSON ("current_liabilities", "invoices").
	Field string
}

// measureOf returns the defined measure v, or an undefined one when v is
// beyond the float64 range (a quotient of astronomically large amounts).
func measureOf(v float64) Measure {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Measure{Cause: CauseOutOfRange}
	}
	return Measure{Value: v, Defined: true}
}

func undefined(c Cause, field string) Measure { return Measure{Cause: c, Field: field} }

// Get returns the value and whether it is defined.
func (m Measure) Get() (float64, bool) { return m.Value, m.Defined }

// Reason says in words why the measure is undefined ("current_liabilities
// is zero"), or "" when it is defined.
func (m Measure) Reason() string {
	if m.Defined {
		return ""
	}
	switch m.Cause {
	case CauseUnknown:
		return m.Field + " is unknown"
	case CauseZero:
		return m.Field + " is zero"
	case CauseNegative:
		return m.Field + " is negative"
	case CauseNotUsed:
		return "not used by the model"
	case CauseOutOfRange:
		return "beyond the float64 range"
	}
	return "undefined"
}

// String returns the value, or "undefined (reason)".
func (m Measure) String() string {
	if m.Defined {
		return strconv.FormatFloat(m.Value, 'g', -1, 64)
	}
	return "undefined (" + m.Reason() + ")"
}

type measureJSON struct {
	Value     *float64 `json:"value,omitempty"`
	Undefined Cause    `json:"undefined,omitzero"`
	Field     string   `json:"field,omitempty"`
}

// MarshalJSON writes {"value":v} or {"undefined":cause,"field":name}.
func (m Measure) MarshalJSON() ([]byte, error) {
	if m.Defined {
		return json.Marshal(measureJSON{Value: &m.Value})
	}
	c := m.Cause
	if c == 0 {
		c = CauseUnknown
	}
	return json.Marshal(measureJSON{Undefined: c, Field: m.Field})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Measure) UnmarshalJSON(b []byte) error {
	var j measureJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	switch {
	case j.Value != nil && j.Undefined != 0:
		return errors.New("solvency: a measure has a value or a cause of being undefined, not both")
	case j.Value != nil:
		*m = measureOf(*j.Value)
	default:
		*m = undefined(j.Undefined, j.Field)
	}
	return nil
}

// Cause says why a Measure is undefined. The zero Cause is unset (the
// measure is defined).
type Cause uint8

const (
	// CauseUnknown: an input is unknown (missing data). Missing data
	// lowers the confidence of a score.
	CauseUnknown Cause = iota + 1
	// CauseZero: the denominator is zero (no current liabilities, no
	// interest expense, no revenue).
	CauseZero
	// CauseNegative: the denominator is negative, where the ratio then
	// means nothing (debt-to-equity with negative equity).
	CauseNegative
	// CauseNotUsed: the variable is not part of the chosen model (X5 in
	// the Z″ model).
	CauseNotUsed
	// CauseOutOfRange: the quotient is beyond the float64 range.
	CauseOutOfRange
)

var causeNames = enum.Names{"", "unknown", "zero", "negative", "not_used", "out_of_range"}

// ParseCause returns the cause named s ("unknown", "zero", "negative",
// "not_used", "out_of_range").
func ParseCause(s string) (Cause, error) { return enum.Parse[Cause](causeNames, "cause", s) }

func (c Cause) String() string { return enum.String(causeNames, "Cause", c) }

// IsValid reports whether c is one of the named causes.
func (c Cause) IsValid() bool { return enum.Valid(causeNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset cause is an error.
func (c Cause) MarshalText() ([]byte, error) { return enum.Marshal(causeNames, "Cause", c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *Cause) UnmarshalText(b []byte) error { return enum.Unmarshal(causeNames, "cause", c, b) }

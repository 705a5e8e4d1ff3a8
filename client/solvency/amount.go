package solvency

import (
	"bytes"
	"fmt"

	"github.com/clientele-go/clientele/internal/currency"
	"github.com/shopspring/decimal"
)

// Amount is a money figure of a financial statement that may be unknown.
// Unknown is not zero: a company that did not report its inventory has
// some inventory, and a ratio built on it is undefined, not computed as if
// the inventory were nil. The zero Amount is unknown.
//
// In JSON an unknown amount is null or absent (use the omitzero tag
// option), a known one a decimal string or number: "1250.50" and 1250.50
// both load, exactly (the number is read as text, never through float64).
type Amount struct {
	Value decimal.Decimal
	Known bool
}

// AmountOf returns the known amount v.
func AmountOf(v decimal.Decimal) Amount { return Amount{Value: v, Known: true} }

// ParseAmount returns the known amount written in s ("1250.50").
func ParseAmount(s string) (Amount, error) {
	v, err := decimal.NewFromString(s)
	if err != nil {
		return Amount{}, fmt.Errorf("solvency: amount %q: %w", s, err)
	}
	return AmountOf(v), nil
}

// MustAmount is ParseAmount that panics on a malformed string, for tests
// and examples with hard-coded values.
func MustAmount(s string) Amount {
	a, err := ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}

// Get returns the value and whether it is known.
func (a Amount) Get() (decimal.Decimal, bool) { return a.Value, a.Known }

// IsZero reports whether a is unknown, so that the omitzero JSON option
// leaves unknown amounts out. A known zero is not zero in this sense.
func (a Amount) IsZero() bool { return !a.Known }

// String returns the decimal value, or "unknown".
func (a Amount) String() string {
	if !a.Known {
		return "unknown"
	}
	return a.Value.String()
}

// MarshalJSON writes null for an unknown amount, else a decimal string.
func (a Amount) MarshalJSON() ([]byte, error) {
	if !a.Known {
		return []byte("null"), nil
	}
	return a.Value.MarshalJSON()
}

// UnmarshalJSON reads null as unknown and a decimal string or number as
// known.
func (a *Amount) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*a = Amount{}
		return nil
	}
	var v decimal.Decimal
	if err := v.UnmarshalJSON(b); err != nil {
		return err
	}
	*a = AmountOf(v)
	return nil
}

// Money is an amount in a currency, an ISO 4217 code such as "EUR".
type Money struct {
	Amount   decimal.Decimal `json:"amount"`
	Currency string          `json:"currency"`
}

// String returns "1500.00 EUR": the amount with the currency's minor
// unit digits.
func (m Money) String() string {
	if units, ok := currency.MinorUnits(m.Currency); ok {
		return m.Amount.StringFixed(units) + " " + m.Currency
	}
	return m.Amount.String() + " " + m.Currency
}

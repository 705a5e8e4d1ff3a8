package solvency

import (
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/shopspring/decimal"
)

// Money is an amount in a currency, an ISO 4217 code such as "EUR". The
// zero Money is 0 in no currency, printed "0".
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
	if m.Currency == "" {
		return m.Amount.String()
	}
	return m.Amount.String() + " " + m.Currency
}

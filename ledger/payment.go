package ledger

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Payment is money received from a client.
type Payment struct {
	// ID is the host's payment reference; optional here, required where
	// payments are recorded (the contract ledger, to make recording
	// idempotent).
	ID     string          `json:"id,omitempty"`
	Date   clientele.Date  `json:"date"`
	Amount decimal.Decimal `json:"amount"`
}

// Validate reports a malformed ID, a missing or invalid date, and an
// amount that is out of range or not above zero.
func (pay Payment) Validate() error {
	var p validate.Problems
	p.OptionalID("id", pay.ID)
	p.Date("date", pay.Date, true)
	if p.CheckRange("amount", pay.Amount) && pay.Amount.Sign() <= 0 {
		p.Add("amount", pay.Amount, "must be positive")
	}
	return p.Err(ErrInvalid)
}

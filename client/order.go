package client

import (
	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

// Order is one order as the segmentations see it: who, when, how much.
// The host supplies orders from its own sales records; Amount is in the
// host's single reporting currency (segmentations compare shares, so the
// currency is implied, but it must be the same for every order). Date
// is the calendar day of the order: the analyses count whole days.
type Order struct {
	ClientID string          `json:"client_id"`
	Date     clientele.Date  `json:"date"`
	Amount   decimal.Decimal `json:"amount"`
}

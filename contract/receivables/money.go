package receivables

import (
	"math/big"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/internal/wide"
	"github.com/shopspring/decimal"
)

// maxAmount bounds one amount (a rendering, a payment, a credit note):
// a thousand trillion (10^15) of a currency's major unit. With it, a
// contract's totals are held exactly in int64 minor units (up to three
// decimals, 10^18 < 2^63), and totals over many contracts in 128 bits.
var maxAmount = decimal.New(1, 15)

// maxBookUnits bounds what one book renders or receives in total, in
// minor units, so every sum inside a book fits an int64.
const maxBookUnits = int64(4e18)

// units converts an amount to minor units (minor decimal places),
// recording a problem under field when it is out of range, not above
// zero, finer than the currency's minor unit, or above MaxAmount.
func units(p *validate.Problems, field string, d decimal.Decimal, minor int32) (int64, bool) {
	if !p.CheckRange(field, d) {
		return 0, false
	}
	switch {
	case d.Sign() <= 0:
		p.Add(field, d, "must be positive")
		return 0, false
	case d.GreaterThan(maxAmount):
		p.Addf(field, d, "is above %s, the largest amount a ledger books", maxAmount)
		return 0, false
	}
	scaled := d.Shift(minor)
	if !scaled.IsInteger() {
		p.Addf(field, d, "has more than %d decimal places, the currency's minor unit", minor)
		return 0, false
	}
	return scaled.IntPart(), true
}

// amountOf is u minor units as a decimal with the currency's places.
func amountOf(u int64, minor int32) decimal.Decimal { return decimal.New(u, -minor) }

// wideAmount is a 128-bit total of minor units as a decimal; zero is
// decimal.Decimal{}, which costs no allocation (most buckets of a large
// ageing are empty).
func wideAmount(v wide.Int128, minor int32) decimal.Decimal {
	if u, ok := v.Int64(); ok {
		if u == 0 {
			return decimal.Decimal{}
		}
		return decimal.New(u, -minor)
	}
	return decimal.NewFromBigInt(v.Big(new(big.Int)), -minor)
}

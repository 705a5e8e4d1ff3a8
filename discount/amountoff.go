package discount

import (
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// AmountOff is a discount written as an amount of money rather than a
// rate: "5.00 off" each unit, or the whole line (ERPNext's
// rate_or_discount "Discount Amount"). A segment, VIP or promotion rule
// gives either its Rate or its AmountOff, never both.
//
// An amount per unit is worth more, in percent, on a cheaper item, so
// best_for_client compares what each rule takes off the unit price, and
// the first_match check measures it against the item's list price. An
// amount per line is a fixed sum: the line total never rises with the
// quantity, but the unit price does (10.00 off one unit at 100.00 is
// 90.00 each; off two units, 95.00 each), so under first_match a volume
// rule may not come before one (see [Compile]).
// The zero AmountOff is none: the rule gives its Rate.
type AmountOff struct {
	// Amount is what is taken off, in the rules' currency, at most the
	// unit-price precision per unit and the currency's minor unit per
	// line.
	Amount decimal.Decimal `json:"amount"`
	// Per says whether Amount comes off each unit or the line total.
	Per AmountPer `json:"per"`
}

// IsZero reports whether no amount is set (the rule gives its Rate).
func (a AmountOff) IsZero() bool { return a.Amount.IsZero() && a.Per == 0 }

// check validates the amount as far as it can without the currency's
// minor unit, which [Compile] checks against.
func (a AmountOff) check(p *problems, f string, rate decimal.Decimal) {
	if a.IsZero() {
		return
	}
	if !a.Per.IsValid() {
		p.Add(f+".per", a.Per, "is required: unit or line")
	}
	if checkMoney(p, f+".amount", a.Amount, maxMinorUnits+maxExtraDecimals) && a.Amount.Sign() == 0 {
		p.Add(f+".amount", a.Amount, "must be above 0 (leave amount_off out to give the rate)")
	}
	if !rate.IsZero() {
		p.Add(f[:len(f)-len(".amount_off")]+".rate", rate, "a rule gives a rate or an amount_off, not both")
	}
}

// maxMinorUnits is the most decimals any ISO 4217 currency has (3: KWD).
const maxMinorUnits = 3

// AmountPer says what an [AmountOff] comes off.
// The zero AmountPer is unset, which Rules.Validate refuses on a rule
// with an amount.
type AmountPer uint8

const (
	// AmountPerUnit takes the amount off each unit's price.
	AmountPerUnit AmountPer = iota + 1
	// AmountPerLine takes the amount off the line total once.
	AmountPerLine
)

var amountPerNames = enum.Names{"", "unit", "line"}

// ParseAmountPer returns the AmountPer named s ("unit", "line").
func ParseAmountPer(s string) (AmountPer, error) {
	return enum.Parse[AmountPer](amountPerNames, "amount basis", s)
}

func (v AmountPer) String() string { return enum.String(amountPerNames, "AmountPer", v) }

// IsValid reports whether v is one of the named values.
func (v AmountPer) IsValid() bool { return enum.Valid(amountPerNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v AmountPer) MarshalText() ([]byte, error) { return enum.Marshal(amountPerNames, "AmountPer", v) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *AmountPer) UnmarshalText(b []byte) error {
	return enum.Unmarshal(amountPerNames, "amount basis", v, b)
}

// amountOff is an AmountOff compiled for pricing.
type amountOff struct {
	amt     num             // the amount, positive
	display decimal.Decimal // its negation, as explanations show it
	perLine bool
}

// amountOff compiles a rule's amount, nil for none; an amount per unit
// may carry the unit-price precision, one per line the currency's.
func (e *Engine) amountOff(p *problems, f string, a AmountOff) *amountOff {
	if a.IsZero() {
		return nil
	}
	decimals := e.unitDecimals
	if a.Per == AmountPerLine {
		decimals = e.minor
	}
	checkShape(p, f+".amount", a.Amount, decimals)
	return &amountOff{amt: e.num(a.Amount), display: a.Amount.Neg(), perLine: a.Per == AmountPerLine}
}

// maxRateOn is the most rule c can take off item it, in percent of its
// list price, for the first_match check: an amount per unit in percent
// of the list price (at most 100), an amount per line 100 %, as it can
// be all of a small line.
func (c *crule) maxRateOn(it *item) decimal.Decimal {
	switch {
	case c.off == nil:
		return c.maxRate
	case c.off.perLine || it.price.Sign() == 0:
		return hundred
	}
	amt := c.off.amt.decimal()
	if !it.factor.IsZero() { // per the item's own unit
		amt = amt.Mul(it.factor)
	}
	r := amt.Shift(2).DivRound(it.price, percentDecimals)
	return decimal.Min(r, hundred)
}

// entryOn is the least rule c gives item it once it applies, in percent
// of the list price, for the first_match check of a rule with a
// condition: a volume rule's entry rate, a rate, an amount per unit's
// share of the list price, and 0 for an amount per line, which a large
// line makes as small as it likes.
func (c *crule) entryOn(it *item) decimal.Decimal {
	switch {
	case c.vol != nil:
		return c.entryRate
	case c.off != nil && c.off.perLine:
		return decimal.Zero
	}
	return c.maxRateOn(it)
}

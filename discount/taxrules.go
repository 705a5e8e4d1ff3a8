package discount

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Taxes are the taxes a quote adds to, or finds inside, its prices: one
// list of taxes, each a percentage of a line's price after every
// discount or a fixed amount per unit, and the items each covers.
//
// Prices are tax-excluded unless Included is set. Included prices
// contain the percentage taxes: a line's untaxed amount is its net
// divided by 1 + the sum of its rates (121.00 under 21 % is 100.00 plus
// 21.00). Fixed taxes are always added on top (an eco-fee, a deposit):
// taken out of an included price they could leave a line below zero
// once discounted.
//
// Rounding follows Odoo's tax_calculation_rounding_method: per line
// (round_per_line), each line's tax is rounded and the totals add the
// rounded lines; globally (round_globally), a line's tax is kept exact
// and each tax's total is rounded once, so many small lines do not
// drift by a cent each.
//
// EarlyPayment says how an early-payment discount ([Request].EarlyPayment)
// treats the taxes, in Odoo's three modes (early_pay_discount_computation):
// [EarlyPayIncluded], [EarlyPayExcluded], [EarlyPayMixed].
// The zero Taxes has no tax: quotes carry no tax amounts.
type Taxes struct {
	Included bool        `json:"included,omitempty"`
	Rounding TaxRounding `json:"rounding,omitzero"`
	// EarlyPayment is the early-payment discount's effect on the taxes;
	// unset, EarlyPayIncluded (Odoo's default).
	EarlyPayment EarlyPayTax `json:"early_payment,omitzero"`
	Rates        []Tax       `json:"rates,omitempty"`
}

// Tax is one tax: a percentage of the line's untaxed amount, or a fixed
// amount per unit, on the items in its scope.
// The zero Tax is not valid: Rules.Validate asks for its ID and a
// percent or an amount.
type Tax struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Percent is the rate, in percent of the line's untaxed amount.
	Percent decimal.NullDecimal `json:"percent,omitzero"`
	// Amount is a fixed tax per unit, in the rules' currency.
	Amount decimal.NullDecimal `json:"amount,omitzero"`
	// Scope limits the tax to some items; empty, every item.
	Scope Scope `json:"scope,omitzero"`
}

// maxTaxes bounds the taxes of a rule set.
const maxTaxes = 100

func (t Taxes) check(p *problems, f string) {
	if t.Rounding != 0 && !t.Rounding.IsValid() {
		p.Add(f+".rounding", t.Rounding, "unknown tax rounding (want per_line or global)")
	}
	if t.EarlyPayment != 0 && !t.EarlyPayment.IsValid() {
		p.Add(f+".early_payment", t.EarlyPayment, "unknown mode (want included, excluded or mixed)")
	}
	if len(t.Rates) > maxTaxes {
		p.Addf(f+".rates", len(t.Rates), "more than %d taxes", maxTaxes)
		return
	}
	ids := map[string]string{}
	for i, x := range t.Rates {
		fi := f + ".rates[" + strconv.Itoa(i) + "]"
		checkKey(p, fi, ".id", x.ID, "tax ID", ids)
		p.Text(fi+".name", x.Name, validate.MaxTextLen)
		checkNames(p, fi+".scope.skus", x.Scope.SKUs)
		checkNames(p, fi+".scope.groups", x.Scope.Groups)
		switch {
		case x.Percent.Valid == x.Amount.Valid:
			p.Add(fi+".percent", nil, "give a percent or an amount, one of them")
		case x.Percent.Valid:
			checkPercent(p, fi+".percent", x.Percent.Decimal, 0, 100)
		default:
			checkMoney(p, fi+".amount", x.Amount.Decimal, maxMinorUnits+maxExtraDecimals)
		}
	}
}

func (t Tax) label() string {
	if t.Name != "" {
		return t.Name
	}
	return t.ID
}

// TaxRounding says where taxes are rounded.
// The zero TaxRounding is unset and rounds per line.
type TaxRounding uint8

const (
	// TaxPerLine rounds each line's tax (Odoo's round_per_line).
	TaxPerLine TaxRounding = iota + 1
	// TaxGlobal rounds each tax's total once (Odoo's round_globally).
	TaxGlobal
)

var taxRoundingNames = enum.Names{"", "per_line", "global"}

// ParseTaxRounding returns the rounding named s ("per_line", "global").
func ParseTaxRounding(s string) (TaxRounding, error) {
	return enum.Parse[TaxRounding](taxRoundingNames, "tax rounding", s)
}

func (v TaxRounding) String() string { return enum.String(taxRoundingNames, "TaxRounding", v) }

// IsValid reports whether v is one of the named values.
func (v TaxRounding) IsValid() bool { return enum.Valid(taxRoundingNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v TaxRounding) MarshalText() ([]byte, error) {
	return enum.Marshal(taxRoundingNames, "TaxRounding", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *TaxRounding) UnmarshalText(b []byte) error {
	return enum.Unmarshal(taxRoundingNames, "tax rounding", v, b)
}

// EarlyPayTax is how an early-payment discount treats the taxes, Odoo's
// early_pay_discount_computation. With d the discount rate, U the
// untaxed amount and T the percentage taxes:
//
//   - included ("on early payment"): paid early, the discount comes off
//     the untaxed amount and off the percentage taxes alike: U × d plus
//     T × d, and the tax is reduced when the discount is taken. 1,500.00
//     under 15 % is 1,725.00, or 1,552.50 paid early: 150.00 off the
//     base, 22.50 off the tax.
//   - excluded ("never"): the discount comes off the untaxed amount
//     only, U × d; the tax is never reduced.
//   - mixed ("always, upon invoice"): the tax is computed on the
//     discounted base from the start, (U − U × d) × rate, whether or not
//     the client pays early, and the discount is U × d: 1,000.00 under
//     15 % is invoiced at 1,135.00 (tax 15 % of 900.00), 1,035.00 paid
//     early. With included prices the total then differs from the price:
//     121.00 including 21 % becomes 100.00 + 20.58 = 120.58.
//
// Fixed taxes are never discounted.
// The zero EarlyPayTax is unset and means included.
type EarlyPayTax uint8

const (
	// EarlyPayIncluded reduces base and tax when paid early.
	EarlyPayIncluded EarlyPayTax = iota + 1
	// EarlyPayExcluded reduces the base only, never the tax.
	EarlyPayExcluded
	// EarlyPayMixed computes the tax on the discounted base at once.
	EarlyPayMixed
)

var earlyPayTaxNames = enum.Names{"", "included", "excluded", "mixed"}

// ParseEarlyPayTax returns the mode named s ("included", "excluded", "mixed").
func ParseEarlyPayTax(s string) (EarlyPayTax, error) {
	return enum.Parse[EarlyPayTax](earlyPayTaxNames, "early-payment tax mode", s)
}

func (v EarlyPayTax) String() string { return enum.String(earlyPayTaxNames, "EarlyPayTax", v) }

// IsValid reports whether v is one of the named values.
func (v EarlyPayTax) IsValid() bool { return enum.Valid(earlyPayTaxNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v EarlyPayTax) MarshalText() ([]byte, error) {
	return enum.Marshal(earlyPayTaxNames, "EarlyPayTax", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *EarlyPayTax) UnmarshalText(b []byte) error {
	return enum.Unmarshal(earlyPayTaxNames, "early-payment tax mode", v, b)
}

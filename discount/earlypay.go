package discount

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// EarlyPaymentTerms are invoice terms with a cash discount for early
// payment, written "d/D net N": d percent off when paid within D days of
// the invoice date, the full amount due within N days. "2/10 net 30" is
// 2 % off within 10 days, else pay in full within 30.
//
// Not taking the discount is borrowing the discounted amount for N − D
// days at a price of d/(1 − d) of it, an implied annual cost that
// [EarlyPaymentTerms.AnnualCost] states both ways.
// The zero EarlyPaymentTerms is not valid (no rate, no net period):
// Validate, AnnualCost and Apply say so.
type EarlyPaymentTerms struct {
	// DiscountRate is d, in percent. Leave it 0 to give DiscountAmount.
	DiscountRate decimal.Decimal `json:"discount_rate"`
	// DiscountAmount, when set, is a fixed cash discount instead of a
	// rate ("50.00 off if paid within 10 days"), in the invoice's
	// currency; it must be below the invoice amount.
	DiscountAmount decimal.NullDecimal `json:"discount_amount,omitzero"`
	// DiscountDays is D: the discount date is the invoice date + D days,
	// that day included.
	DiscountDays int `json:"discount_days"`
	// NetDays is N: the due date is the invoice date + N days.
	NetDays int `json:"net_days"`
	// DayCount is the days in a year for the annual cost: 365 (the
	// default when 0) or 360.
	DayCount int `json:"day_count,omitempty"`
}

// isZero reports terms nobody set.
func (t EarlyPaymentTerms) isZero() bool {
	return t.DiscountRate.IsZero() && !t.DiscountAmount.Valid && t.DiscountDays == 0 && t.NetDays == 0 && t.DayCount == 0
}

// DefaultEarlyPaymentTerms returns "2/10 net 30", the textbook trade
// credit term.
func DefaultEarlyPaymentTerms() EarlyPaymentTerms {
	return EarlyPaymentTerms{DiscountRate: decimal.NewFromInt(2), DiscountDays: 10, NetDays: 30}
}

var termsPattern = regexp.MustCompile(`^\s*(\d{1,15}(?:\.\d{1,8})?)\s*(%|off)?\s*/\s*(\d{1,4})\s*,?\s*(?:net|n/?)\s*(\d{1,4})\s*$`)

// ParseEarlyPaymentTerms reads the usual written forms: "2/10 net 30",
// "2/10, n/30", "2/10 n30", "1.5/15 net 45" (case-insensitive), and a
// fixed amount written with "off": "50.00 off/10 net 30". Any other
// text is a *clientele.ValidationError on the field "terms".
func ParseEarlyPaymentTerms(s string) (EarlyPaymentTerms, error) {
	m := termsPattern.FindStringSubmatch(strings.ToLower(s))
	if m == nil {
		var p problems
		p.Add("terms", s, `want the form "2/10 net 30"`)
		return EarlyPaymentTerms{}, p.err()
	}
	v, _ := decimal.NewFromString(m[1]) // the pattern admits only decimals
	days, _ := strconv.Atoi(m[3])
	net, _ := strconv.Atoi(m[4])
	t := EarlyPaymentTerms{DiscountRate: v, DiscountDays: days, NetDays: net}
	if m[2] == "off" {
		t.DiscountRate, t.DiscountAmount = decimal.Zero, decimal.NewNullDecimal(v)
	}
	if err := t.Validate(); err != nil {
		return EarlyPaymentTerms{}, err
	}
	return t, nil
}

// String writes the terms back in the "2/10 net 30" form, or "50.00
// off/10 net 30" for a fixed amount.
func (t EarlyPaymentTerms) String() string {
	if t.DiscountAmount.Valid {
		return fmt.Sprintf("%s off/%d net %d", t.DiscountAmount.Decimal.String(), t.DiscountDays, t.NetDays)
	}
	return fmt.Sprintf("%s/%d net %d", t.DiscountRate.String(), t.DiscountDays, t.NetDays)
}

// Validate reports every problem: a rate outside (0, 100) %, an amount
// not above 0, both or neither given, a discount period not shorter than
// the net period, negative or absurd days.
func (t EarlyPaymentTerms) Validate() error {
	var p problems
	switch {
	case t.DiscountAmount.Valid:
		if checkMoney(&p, "discount_amount", t.DiscountAmount.Decimal, maxMinorUnits) && t.DiscountAmount.Decimal.Sign() == 0 {
			p.Add("discount_amount", t.DiscountAmount.Decimal, "must be above 0")
		}
		if !t.DiscountRate.IsZero() {
			p.Add("discount_rate", t.DiscountRate, "terms give a discount_rate or a discount_amount, not both")
		}
	case checkPercent(&p, "discount_rate", t.DiscountRate, 0, 100) && (t.DiscountRate.Sign() == 0 || t.DiscountRate.Equal(hundred)):
		p.Add("discount_rate", t.DiscountRate, "must be above 0 and below 100")
	}
	if t.DiscountDays < 0 || t.DiscountDays > maxDelayDays {
		p.Addf("discount_days", t.DiscountDays, "must be within 0..%d", maxDelayDays)
	}
	if t.NetDays < 0 || t.NetDays > maxDelayDays {
		p.Addf("net_days", t.NetDays, "must be within 0..%d", maxDelayDays)
	} else if t.NetDays <= t.DiscountDays {
		p.Addf("net_days", t.NetDays, "must be after the discount period (%d days)", t.DiscountDays)
	}
	if t.DayCount != 0 && t.DayCount != 360 && t.DayCount != 365 {
		p.Add("day_count", t.DayCount, "must be 360 or 365")
	}
	return p.err()
}

// AnnualCost is the implied annual cost, in percent, of paying on day X
// instead of taking the discount on day D, with i = d / (1 − d) the
// price of the X − D days of credit and B days in the year:
//
//	simple   = i × B / (X − D)                (nominal, no compounding)
//	compound = (1 + i)^(B / (X − D)) − 1      (effective annual rate)
//
// For 2/10 net 30 on a 365-day year, paid on day 30: i = 2/98, simple =
// 37.24 %, compound = 44.59 %. Rates are dimensionless, kept as decimals
// in percent points like every percentage of the package, to 10 places.
// The zero AnnualCost is no result: AnnualCost returns it only with an
// error.
type AnnualCost struct {
	// Days is X − D, the days of credit the forgone discount buys.
	Days     int             `json:"days"`
	Simple   decimal.Decimal `json:"simple"`
	Compound decimal.Decimal `json:"compound"`
}

// annualCostPlaces is the precision of AnnualCost rates.
const annualCostPlaces = 10

// AnnualCost returns the implied annual cost of forgoing the discount
// and paying on day paidOnDay after the invoice instead; pass NetDays for
// the usual figure. A day within the discount period forgoes nothing and
// is an error, and so is a day after the year's end.
//
// A fixed amount's cost depends on the invoice it comes off: terms with
// a DiscountAmount are refused here, and priced by
// [EarlyPaymentInvoice.AnnualCost].
func (t EarlyPaymentTerms) AnnualCost(paidOnDay int) (AnnualCost, error) {
	if err := t.Validate(); err != nil {
		return AnnualCost{}, err
	}
	if t.DiscountAmount.Valid {
		var p problems
		p.Add("discount_amount", t.DiscountAmount.Decimal, "a fixed discount's annual cost depends on the invoice amount: use EarlyPaymentInvoice.AnnualCost")
		return AnnualCost{}, p.err()
	}
	return t.annualCost(fraction(t.DiscountRate), paidOnDay)
}

// AnnualCost is [EarlyPaymentTerms.AnnualCost] for this invoice, whose
// discount d is Discount / Amount: with a fixed amount, 50.00 off
// 1,000.00 costs what 5 % would.
func (inv EarlyPaymentInvoice) AnnualCost(paidOnDay int) (AnnualCost, error) {
	var p problems
	p.Merge("terms", inv.Terms.Validate())
	checkInvoice(&p, &inv.Invoice)
	if err := p.err(); err != nil {
		return AnnualCost{}, err
	}
	if inv.Invoice.Amount.Sign() == 0 || inv.Discount.Sign() <= 0 || !inv.Discount.LessThan(inv.Invoice.Amount) {
		p.Add("discount", inv.Discount, "must be above 0 and below the invoice amount "+inv.Invoice.Amount.String())
		return AnnualCost{}, p.err()
	}
	return inv.Terms.annualCost(inv.Discount.DivRound(inv.Invoice.Amount, costDivPrecision), paidOnDay)
}

// annualCost is the annual cost of forgoing a discount of dd (a
// fraction) to pay on day paidOnDay.
func (t EarlyPaymentTerms) annualCost(dd decimal.Decimal, paidOnDay int) (AnnualCost, error) {
	if paidOnDay <= t.DiscountDays || paidOnDay > maxDelayDays {
		var p problems
		p.Addf("paid_on_day", paidOnDay, "must be after the discount period (%d days) and at most %d", t.DiscountDays, maxDelayDays)
		return AnnualCost{}, p.err()
	}
	basis := int64(t.DayCount)
	if basis == 0 {
		basis = 365
	}
	const prec = costDivPrecision
	i := dd.DivRound(one.Sub(dd), prec)
	days := paidOnDay - t.DiscountDays
	periods := decimal.NewFromInt(basis).DivRound(decimal.NewFromInt(int64(days)), prec)
	compound, err := one.Add(i).PowWithPrecision(periods, prec)
	if err != nil {
		var p problems
		p.Add("paid_on_day", paidOnDay, "the annual cost of "+t.String()+" cannot be computed: "+err.Error())
		return AnnualCost{}, p.err()
	}
	return AnnualCost{
		Days:     days,
		Simple:   i.Mul(periods).Shift(2).Round(annualCostPlaces),
		Compound: compound.Sub(one).Shift(2).Round(annualCostPlaces),
	}, nil
}

// EarlyPaymentInvoice is an invoice under early-payment terms: the
// invoice itself, due NetDays after its issue, and when the discount ends
// and what it is worth. The zero EarlyPaymentInvoice has no terms and no
// invoice: Settle refuses it, naming both.
type EarlyPaymentInvoice struct {
	Invoice ledger.Invoice    `json:"invoice"`
	Terms   EarlyPaymentTerms `json:"terms"`
	// DiscountDate is the last day the discount may be taken.
	DiscountDate clientele.Date `json:"discount_date"`
	// Discount is the cash discount on the full amount, rounded to the
	// currency, and AmountIfEarly what settles the invoice by then.
	Discount      decimal.Decimal `json:"discount"`
	AmountIfEarly decimal.Decimal `json:"amount_if_early"`
	Rounding      RoundingMode    `json:"rounding,omitzero"`
}

// Apply applies the terms to an invoice: its due date becomes the issue
// date plus NetDays (an invoice whose Due is already set must agree),
// its discount date the issue date plus DiscountDays. Odoo's
// cash-discount example: 100 € issued on 1 January under 2 % within 7
// days, net 30, may be settled with 98 € up to 8 January, else 100 € by
// 31 January.
func (t EarlyPaymentTerms) Apply(inv ledger.Invoice, mode RoundingMode) (EarlyPaymentInvoice, error) {
	var p problems
	termsErr := t.Validate()
	p.Merge("terms", termsErr)
	if termsErr == nil && inv.Issued.IsValid() {
		due := inv.Issued.AddDays(t.NetDays)
		switch {
		case inv.Due.IsZero():
			inv.Due = due
		case inv.Due != due:
			p.Addf("invoice.due", inv.Due, "differs from %s, the issue date plus the terms' %d net days", due, t.NetDays)
		}
	}
	minor := checkInvoice(&p, &inv)
	if mode != 0 && !mode.IsValid() {
		p.Add("rounding", mode, "unknown rounding mode")
	}
	if err := p.err(); err != nil {
		return EarlyPaymentInvoice{}, err
	}
	if t.checkAmountOn(&p, inv.Amount, minor); p.Len() > 0 {
		return EarlyPaymentInvoice{}, p.err()
	}
	disc := t.discountOn(inv.Amount, minor, mode)
	return EarlyPaymentInvoice{
		Invoice: inv, Terms: t, Rounding: mode,
		DiscountDate: inv.Issued.AddDays(t.DiscountDays), Discount: disc, AmountIfEarly: inv.Amount.Sub(disc),
	}, nil
}

// discountOn is the cash discount on amount: the fixed amount, or the
// rate's share rounded to the currency.
func (t EarlyPaymentTerms) discountOn(amount decimal.Decimal, minor int32, mode RoundingMode) decimal.Decimal {
	if t.DiscountAmount.Valid {
		return t.DiscountAmount.Decimal
	}
	return mode.Round(amount.Mul(fraction(t.DiscountRate)), minor)
}

// checkAmountOn records a fixed discount finer than the currency or not
// below the invoice amount (the terms and invoice being valid).
func (t EarlyPaymentTerms) checkAmountOn(p *problems, amount decimal.Decimal, minor int32) {
	if !t.DiscountAmount.Valid || p.Len() > 0 {
		return
	}
	a := t.DiscountAmount.Decimal
	if checkShape(p, "terms.discount_amount", a, minor) && !a.LessThan(amount) {
		p.Addf("terms.discount_amount", a, "must be below the invoice amount %s", amount)
	}
}

// checkDiscount records a discount that is not a cent amount within
// the invoice, or an AmountIfEarly that is not the amount less it: the
// discount may differ from the terms' share of the amount (taxes split
// it, [Quote.Invoice]), but it must add up.
func (inv *EarlyPaymentInvoice) checkDiscount(p *problems, minor int32) {
	if !checkShape(p, "discount", inv.Discount, minor) || !checkShape(p, "amount_if_early", inv.AmountIfEarly, minor) {
		return
	}
	if inv.Discount.Sign() < 0 || !inv.Discount.LessThan(inv.Invoice.Amount) {
		p.Addf("discount", inv.Discount, "must be from 0 to below the invoice amount %s", inv.Invoice.Amount)
	} else if want := inv.Invoice.Amount.Sub(inv.Discount); !inv.AmountIfEarly.Equal(want) {
		p.Addf("amount_if_early", inv.AmountIfEarly, "must be the amount less the discount, %s", want)
	}
}

// checkInvoice records the problems of an invoice (ledger's, under
// "invoice.", plus an amount finer than its currency) and returns the
// currency's minor unit.
func checkInvoice(p *problems, inv *ledger.Invoice) int32 {
	before := p.Len()
	p.Merge("invoice", inv.Validate())
	minor, ok := currency.MinorUnits(inv.Currency)
	if !ok {
		p.Also(ErrCurrency)
	}
	if p.Len() == before {
		checkShape(p, "invoice.amount", inv.Amount, minor)
	}
	return minor
}

// Settlement is how payments settled an invoice.
// The zero Settlement is no result: Settle returns it only with an
// error.
type Settlement struct {
	Applications []PaymentApplication `json:"applications"`
	// Paid is the money received; Discount the cash discount granted;
	// Settled = Paid + Discount − Overpaid, the part of the invoice closed.
	Paid     decimal.Decimal `json:"paid"`
	Discount decimal.Decimal `json:"discount"`
	Settled  decimal.Decimal `json:"settled"`
	// Outstanding is what the invoice still asks; Overpaid what was paid
	// beyond it.
	Outstanding decimal.Decimal `json:"outstanding"`
	Overpaid    decimal.Decimal `json:"overpaid"`
}

// PaymentApplication is one payment applied to the invoice.
// The zero PaymentApplication is no result: Settle returns none.
type PaymentApplication struct {
	Payment ledger.Payment `json:"payment"`
	// Early: made by the discount date, so it earned a discount.
	Early bool `json:"early"`
	// DaysLate counts days after the due date (0 if on time).
	DaysLate int             `json:"days_late,omitempty"`
	Discount decimal.Decimal `json:"discount"`
	// Settled is the part of the invoice the payment closed, its
	// discount included.
	Settled decimal.Decimal `json:"settled"`
}

// Settle applies payments to the invoice in date order (equal dates in
// the order given):
//
//   - The discount is earned in full or not at all: once the payments
//     made by the discount date add up to the discounted amount
//     (AmountIfEarly), the payment that reaches it settles the rest of
//     the invoice, the difference being the discount. Until then each
//     early payment settles its face value, and a part payment alone
//     earns nothing. This is Odoo's rule (an invoice is eligible for its
//     early-payment discount only while unpaid, and the discount is
//     written off only when the discounted amount is paid: account.move
//     _is_eligible_for_early_payment_discount), save that two transfers
//     made within the term count together, as contract/receivables
//     counts every allocation by the discount date. A pro-rata discount
//     on a part payment would grant, for an invoice never paid in full
//     within the term, a discount the terms do not offer.
//   - After the discount date a payment settles its own amount; after the
//     due date it is marked late (interest is the dunning process's
//     business, not this one's).
//   - Money beyond what the invoice asks is reported as overpaid, never
//     lost.
func (inv EarlyPaymentInvoice) Settle(payments []ledger.Payment) (Settlement, error) {
	var p problems
	p.Merge("terms", inv.Terms.Validate())
	minor := checkInvoice(&p, &inv.Invoice)
	issued := inv.Invoice.Issued
	for i, pay := range payments {
		f := "payments[" + strconv.Itoa(i) + "]"
		before := p.Len()
		p.Merge(f, pay.Validate())
		if p.Len() > before {
			continue
		}
		if issued.IsValid() && pay.Date.Before(issued) {
			p.Add(f+".date", pay.Date, "before the invoice date "+issued.String())
		}
		checkShape(&p, f+".amount", pay.Amount, minor)
	}
	inv.Terms.checkAmountOn(&p, inv.Invoice.Amount, minor)
	if p.Len() == 0 {
		inv.checkDiscount(&p, minor)
	}
	if err := p.err(); err != nil {
		return Settlement{}, err
	}
	order := slices.Clone(payments)
	slices.SortStableFunc(order, func(a, b ledger.Payment) int { return a.Date.Compare(b.Date) })

	s := Settlement{Paid: decimal.Zero, Discount: decimal.Zero, Overpaid: decimal.Zero}
	amount := inv.Invoice.Amount
	outstanding := amount
	discounted := inv.AmountIfEarly
	earlyPaid := decimal.Zero
	for _, pay := range order {
		app := PaymentApplication{Payment: pay, Discount: decimal.Zero, DaysLate: max(0, pay.Date.Sub(inv.Invoice.Due))}
		switch {
		case outstanding.Sign() == 0:
			app.Settled = decimal.Zero
		case !pay.Date.After(inv.DiscountDate):
			app.Early = true
			earlyPaid = earlyPaid.Add(pay.Amount)
			app.Settled = decimal.Min(outstanding, pay.Amount)
			if !earlyPaid.LessThan(discounted) { // the early payments reach the discounted amount: all of it is settled
				app.Settled = outstanding
				if app.Settled.GreaterThan(pay.Amount) {
					app.Discount = app.Settled.Sub(pay.Amount)
				}
			}
		default:
			app.Settled = decimal.Min(outstanding, pay.Amount)
		}
		outstanding = outstanding.Sub(app.Settled)
		s.Paid = s.Paid.Add(pay.Amount)
		s.Discount = s.Discount.Add(app.Discount)
		s.Overpaid = s.Overpaid.Add(pay.Amount.Add(app.Discount).Sub(app.Settled))
		s.Applications = append(s.Applications, app)
	}
	s.Settled = amount.Sub(outstanding)
	s.Outstanding = outstanding
	return s, nil
}

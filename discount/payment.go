package discount

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// PaymentPricing makes the price depend on when the client pays, so that
// a deferral costs the company nothing and a prepayment is rewarded. It
// applies after the commercial discounts, the cap and the floor (see the
// package documentation for why). Its Method unset, payment terms do not
// change the price.
// The zero PaymentPricing is that: prices do not depend on payment
// terms.
type PaymentPricing struct {
	Method PaymentMethod `json:"method,omitzero"`

	// Table method. Prepayment is the adjustment for paying before
	// delivery, in percent (negative: a discount); unset, prepayment is
	// not offered.
	Prepayment decimal.NullDecimal `json:"prepayment,omitzero"`
	// Steps price deferrals: a payment Days after delivery takes the
	// first step whose UpToDays is at least Days. Steps increase in
	// UpToDays and their adjustments never decrease (waiting longer never
	// costs less); a deferral beyond the last step is not offered.
	Steps []DelayStep `json:"steps,omitempty"`

	// Cost-of-money method. AnnualRate is the company's cost of money, in
	// percent a year.
	AnnualRate decimal.Decimal `json:"annual_rate,omitzero"`
	// Interest says how the rate accrues over the delay: simple or
	// compound (present value).
	Interest InterestMethod `json:"interest,omitzero"`
	// DayCount is the days in the rate's year: 365 (the default when 0) or
	// 360.
	DayCount int `json:"day_count,omitempty"`
}

// DelayStep is one row of a deferral table: payments up to UpToDays
// after delivery adjust the price by Adjustment percent (positive: a
// surcharge; negative: a discount; 0 at delivery is usual).
// The zero DelayStep prices payment on delivery at no adjustment.
type DelayStep struct {
	UpToDays   int             `json:"up_to_days"`
	Adjustment decimal.Decimal `json:"adjustment"`
}

// PaymentMethod says how payment terms are priced.
// The zero PaymentMethod is unset: payment terms do not change the
// price.
type PaymentMethod uint8

const (
	// PaymentTable takes the adjustment from a table by delay.
	PaymentTable PaymentMethod = iota + 1
	// PaymentCostOfMoney derives the adjustment from an annual cost of
	// money, so that the deferred price is worth today what the price at
	// delivery is worth.
	PaymentCostOfMoney
)

var paymentMethodNames = enum.Names{"", "table", "cost_of_money"}

// ParsePaymentMethod returns the method named s ("table", "cost_of_money").
func ParsePaymentMethod(s string) (PaymentMethod, error) {
	return enum.Parse[PaymentMethod](paymentMethodNames, "payment method", s)
}

func (v PaymentMethod) String() string { return enum.String(paymentMethodNames, "PaymentMethod", v) }

// IsValid reports whether v is one of the named methods.
func (v PaymentMethod) IsValid() bool { return enum.Valid(paymentMethodNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v PaymentMethod) MarshalText() ([]byte, error) {
	return enum.Marshal(paymentMethodNames, "PaymentMethod", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *PaymentMethod) UnmarshalText(b []byte) error {
	return enum.Unmarshal(paymentMethodNames, "payment method", v, b)
}

// InterestMethod says how a cost of money accrues over a delay of d days
// at an annual rate r on a B-day year.
// The zero InterestMethod is unset, which the cost-of-money method
// refuses.
type InterestMethod uint8

const (
	// SimpleInterest: deferred price = P × (1 + r·d/B); prepaid price =
	// P / (1 + r·d/B).
	SimpleInterest InterestMethod = iota + 1
	// CompoundInterest (present value): deferred price = P × (1 + r)^(d/B);
	// prepaid price = P × (1 + r)^(−d/B). Discounting the deferred price
	// back at r gives P exactly.
	CompoundInterest
)

var interestNames = enum.Names{"", "simple", "compound"}

// ParseInterestMethod returns the method named s ("simple", "compound").
func ParseInterestMethod(s string) (InterestMethod, error) {
	return enum.Parse[InterestMethod](interestNames, "interest method", s)
}

func (v InterestMethod) String() string { return enum.String(interestNames, "InterestMethod", v) }

// IsValid reports whether v is one of the named methods.
func (v InterestMethod) IsValid() bool { return enum.Valid(interestNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v InterestMethod) MarshalText() ([]byte, error) {
	return enum.Marshal(interestNames, "InterestMethod", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *InterestMethod) UnmarshalText(b []byte) error {
	return enum.Unmarshal(interestNames, "interest method", v, b)
}

// PaymentTiming is when the client will pay for a quote: what deferral
// costs or prepayment earns. (A contract's invoicing terms are
// contract.PaymentTerms, a different thing.)
// The zero PaymentTiming is payment on delivery.
type PaymentTiming struct {
	// Prepayment: the client pays before delivery, Days days before.
	Prepayment bool `json:"prepayment,omitempty"`
	// Days after delivery (or before it, with Prepayment). Zero: on
	// delivery. Never negative.
	Days int `json:"days,omitempty"`
}

func (t PaymentTiming) String() string {
	switch {
	case t.Prepayment && t.Days > 0:
		return "prepayment " + strconv.Itoa(t.Days) + " days before delivery"
	case t.Prepayment:
		return "prepayment"
	case t.Days == 0:
		return "payment on delivery"
	default:
		return "payment " + strconv.Itoa(t.Days) + " days after delivery"
	}
}

func (pp PaymentPricing) check(p *problems, f string) {
	switch pp.Method {
	case 0:
		if pp.Prepayment.Valid || len(pp.Steps) > 0 || !pp.AnnualRate.IsZero() || pp.Interest != 0 || pp.DayCount != 0 {
			p.Add(f+".method", nil, "is required when payment pricing is given: table or cost_of_money")
		}
	case PaymentTable:
		pp.checkTable(p, f)
	case PaymentCostOfMoney:
		if checkPercent(p, f+".annual_rate", pp.AnnualRate, 0, 100) && pp.AnnualRate.Sign() == 0 {
			p.Add(f+".annual_rate", pp.AnnualRate, "must be above 0")
		}
		if !pp.Interest.IsValid() {
			p.Add(f+".interest", pp.Interest, "is required: simple or compound")
		}
		if len(pp.Steps) > 0 || pp.Prepayment.Valid {
			p.Add(f+".steps", nil, "steps and prepayment belong to the table method")
		}
	default:
		p.Add(f+".method", pp.Method, "unknown payment method (want table or cost_of_money)")
	}
	if pp.DayCount != 0 && pp.DayCount != 360 && pp.DayCount != 365 {
		p.Add(f+".day_count", pp.DayCount, "must be 360 or 365")
	}
}

func (pp PaymentPricing) checkTable(p *problems, f string) {
	if len(pp.Steps) == 0 {
		p.Add(f+".steps", nil, "at least one step is required")
	}
	if len(pp.Steps) > maxTiers {
		p.Addf(f+".steps", len(pp.Steps), "more than %d steps", maxTiers)
		return
	}
	if !pp.AnnualRate.IsZero() || pp.Interest != 0 {
		p.Add(f+".annual_rate", nil, "annual_rate and interest belong to the cost_of_money method")
	}
	okPre := pp.Prepayment.Valid && checkAdjustment(p, f+".prepayment", pp.Prepayment.Decimal)
	okPrev := false // the previous step's adjustment is sound, so comparable
	for i, s := range pp.Steps {
		fi := f + ".steps[" + strconv.Itoa(i) + "]"
		if s.UpToDays < 0 || s.UpToDays > maxDelayDays {
			p.Addf(fi+".up_to_days", s.UpToDays, "must be within 0..%d", maxDelayDays)
		}
		ok := checkAdjustment(p, fi+".adjustment", s.Adjustment)
		if i == 0 {
			if ok && okPre && pp.Prepayment.Decimal.GreaterThan(s.Adjustment) {
				p.Addf(f+".prepayment", pp.Prepayment.Decimal, "must not be above the first step's %s %%: paying earlier never costs more", s.Adjustment)
			}
		} else {
			prev := pp.Steps[i-1]
			if s.UpToDays <= prev.UpToDays {
				p.Addf(fi+".up_to_days", s.UpToDays, "steps out of order: must be above the previous step's %d", prev.UpToDays)
			}
			if ok && okPrev && s.Adjustment.LessThan(prev.Adjustment) {
				p.Addf(fi+".adjustment", s.Adjustment, "must not be below the previous step's %s %%: waiting longer never costs less", prev.Adjustment)
			}
		}
		okPrev = ok
	}
}

// checkAdjustment accepts a signed price adjustment above -100 % (a
// price cannot be discounted to nothing for paying early) and up to
// +100 %.
func checkAdjustment(p *problems, f string, v decimal.Decimal) bool {
	if !checkPercent(p, f, v, -100, 100) {
		return false
	}
	if v.Equal(hundred.Neg()) {
		p.Add(f, v, "must be above -100")
		return false
	}
	return true
}

// costDivPrecision is the number of decimal places kept by the divisions
// and powers of the cost-of-money factor and of the annual cost of early
// payment terms.
const costDivPrecision = 20

// factorPlaces is the precision of a present-value price factor: on a
// price of a billion its error is below 10^-6 of a cent, and shorter
// factors keep every line's arithmetic short.
const factorPlaces = 16

// payFactor is a payment price factor mul / div, div a whole number, so
// that simple interest, (B + r·d) / B, is exact rather than cut to some
// decimals before the one rounding. div is 1 for the table and for
// present value, whose factor is irrational anyway.
type payFactor struct {
	mul decimal.Decimal
	div int64
}

// isOne reports whether the factor leaves a price as it is.
func (f payFactor) isOne() bool { return f.mul.Equal(decimal.NewFromInt(f.div)) }

// rate is the factor's change in percent, for explanations.
func (f payFactor) rate() decimal.Decimal {
	return f.mul.DivRound(decimal.NewFromInt(f.div), costDivPrecision).Sub(one).Shift(2).Round(percentDecimals)
}

// factor returns the price factor for terms t (1 + adjustment), or
// records why t cannot be priced.
func (pp PaymentPricing) factor(p *problems, t PaymentTiming) (payFactor, bool) {
	if t.Days < 0 {
		p.Add("payment.days", t.Days, "must not be negative (a payment before delivery is a prepayment)")
		return payFactor{}, false
	}
	if t.Days > maxDelayDays {
		p.Addf("payment.days", t.Days, "must be at most %d", maxDelayDays)
		return payFactor{}, false
	}
	switch pp.Method {
	case PaymentTable:
		if t.Prepayment {
			if !pp.Prepayment.Valid {
				p.Add("payment.prepayment", true, "the rules offer no prepayment price")
				return payFactor{}, false
			}
			return payFactor{one.Add(fraction(pp.Prepayment.Decimal)), 1}, true
		}
		for _, s := range pp.Steps {
			if s.UpToDays >= t.Days {
				return payFactor{one.Add(fraction(s.Adjustment)), 1}, true
			}
		}
		last := pp.Steps[len(pp.Steps)-1].UpToDays
		p.Addf("payment.days", t.Days, "beyond the longest deferral the rules price (%d days)", last)
		return payFactor{}, false
	case PaymentCostOfMoney:
		f, err := pp.costOfMoneyFactor(t)
		if err != nil {
			p.Add("payment.days", t.Days, err.Error())
			return payFactor{}, false
		}
		return f, true
	default:
		return payFactor{one, 1}, true
	}
}

// costOfMoneyFactor applies the formulas of [InterestMethod].
func (pp PaymentPricing) costOfMoneyFactor(t PaymentTiming) (payFactor, error) {
	if t.Days == 0 {
		return payFactor{one, 1}, nil
	}
	basis := int64(pp.DayCount)
	if basis == 0 {
		basis = 365
	}
	r := fraction(pp.AnnualRate)
	days := decimal.NewFromInt(int64(t.Days))
	if pp.Interest == SimpleInterest {
		b := decimal.NewFromInt(basis)
		grown := b.Add(r.Mul(days)) // B + r·d, at most 10 decimals
		if !t.Prepayment {
			return payFactor{grown, basis}, nil
		}
		scale := max(0, -grown.Exponent()) // B / (B + r·d), over a whole divisor
		return payFactor{b.Shift(scale), grown.Shift(scale).IntPart()}, nil
	}
	exp := days.DivRound(decimal.NewFromInt(basis), costDivPrecision)
	if t.Prepayment {
		exp = exp.Neg()
	}
	f, err := one.Add(r).PowWithPrecision(exp, costDivPrecision)
	return payFactor{f.Round(factorPlaces), 1}, err
}

// payTerms is the payment factor of some terms, as a quote prices it,
// kept by the scratch: a run of quotes on the same few terms works each
// out once. It depends on the rules and the terms only.
type payTerms struct {
	t    PaymentTiming
	one  bool // no payment step
	pay  num
	div  int64
	rate decimal.Decimal
}

// maxPayTerms bounds the terms a scratch keeps.
const maxPayTerms = 8

// payFor sets the quote's payment step for terms t, or records why t
// cannot be priced.
func (st *quoteState) payFor(p *problems, t PaymentTiming) {
	scr := st.scr
	var pt *payTerms
	for i := range scr.pays {
		if scr.pays[i].t == t {
			pt = &scr.pays[i]
			break
		}
	}
	if pt == nil {
		f, ok := st.e.rules.Payment.factor(p, t)
		if !ok {
			return
		}
		c := payTerms{t: t, one: f.isOne()}
		if !c.one {
			c.pay, c.div, c.rate = st.e.num(f.mul), f.div, f.rate()
		}
		if len(scr.pays) == maxPayTerms {
			scr.pays = scr.pays[:0]
		}
		scr.pays = append(scr.pays, c)
		pt = &scr.pays[len(scr.pays)-1]
	}
	if !pt.one {
		st.pay, st.payDiv, st.hasPay = pt.pay, pt.div, true
		st.payRate = pt.rate
	}
}

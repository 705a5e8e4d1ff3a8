package solvency

import (
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// Ratios are the classic financial ratios of one statement. Each is a
// [Measure]: a float64 statistic, undefined (with the reason) when its
// denominator is zero, negative where that makes it meaningless, or
// unknown. Net working capital is money and stays an exact decimal, unknown
// (not zero) when an input is.
//
// The zero Ratios are all undefined (the zero Measure).
type Ratios struct {
	// CurrentRatio = current assets / current liabilities.
	CurrentRatio Measure `json:"current_ratio"`
	// QuickExInventory is the quick ratio in its "acid test" form:
	// (current assets - inventory) / current liabilities.
	QuickExInventory Measure `json:"quick_ex_inventory"`
	// QuickLiquid is the quick ratio built up from the most liquid
	// assets: (cash + marketable securities + receivables) / current
	// liabilities. It is the stricter of the two when current assets hold
	// prepayments and other items that are neither stock nor cash.
	QuickLiquid Measure `json:"quick_liquid"`
	// CashRatio = (cash + marketable securities) / current liabilities.
	CashRatio Measure `json:"cash_ratio"`
	// NetWorkingCapital = current assets - current liabilities (money).
	NetWorkingCapital decimal.NullDecimal `json:"net_working_capital"`
	// DebtToEquity = total liabilities / book equity. Undefined when
	// equity is zero or negative: a firm whose debts exceed its assets has
	// no meaningful leverage ratio, and EquityToAssets shows the deficit.
	DebtToEquity Measure `json:"debt_to_equity"`
	// EquityToAssets (the autonomy or equity ratio) = book equity / total
	// assets; negative when equity is.
	EquityToAssets Measure `json:"equity_to_assets"`
	// InterestCoverage = EBIT / interest expense. Undefined, with cause
	// "zero", for a firm that pays no interest.
	InterestCoverage Measure `json:"interest_coverage"`
	// DSO, days sales outstanding = receivables / revenue x days in the
	// revenue period.
	DSO Measure `json:"dso"`
}

// ofFeature returns the ratio a feature reads; ok is false for a feature
// that is not a ratio (the Altman zone, the payment features).
func (r *Ratios) ofFeature(f Feature) (m Measure, ok bool) {
	switch f {
	case FeatureCurrentRatio:
		return r.CurrentRatio, true
	case FeatureQuickExInventory:
		return r.QuickExInventory, true
	case FeatureQuickLiquid:
		return r.QuickLiquid, true
	case FeatureCashRatio:
		return r.CashRatio, true
	case FeatureDebtToEquity:
		return r.DebtToEquity, true
	case FeatureEquityToAssets:
		return r.EquityToAssets, true
	case FeatureInterestCoverage:
		return r.InterestCoverage, true
	case FeatureDSO:
		return r.DSO, true
	}
	return Measure{}, false
}

// ComputeRatios validates the statement and computes its ratios.
func ComputeRatios(s Statement) (Ratios, error) {
	if err := s.Validate(); err != nil {
		return Ratios{}, err
	}
	return computeRatios(&s), nil
}

func computeRatios(s *Statement) Ratios {
	var r Ratios
	r.CurrentRatio = ratio(named(s.CurrentAssets, "current_assets"), s.CurrentLiabilities, "current_liabilities", false)
	r.QuickExInventory = ratio(difference(s.CurrentAssets, "current_assets", s.Inventory, "inventory"), s.CurrentLiabilities, "current_liabilities", false)
	r.QuickLiquid = ratio(sum3(s.Cash, "cash", s.MarketableSecurities, "marketable_securities", s.Receivables, "receivables"), s.CurrentLiabilities, "current_liabilities", false)
	r.CashRatio = ratio(sum3(s.Cash, "cash", s.MarketableSecurities, "marketable_securities", decimal.NewNullDecimal(decimal.Zero), ""), s.CurrentLiabilities, "current_liabilities", false)
	if s.CurrentAssets.Valid && s.CurrentLiabilities.Valid {
		r.NetWorkingCapital = decimal.NewNullDecimal(s.CurrentAssets.Decimal.Sub(s.CurrentLiabilities.Decimal))
	}
	r.DebtToEquity = ratio(named(s.TotalLiabilities, "total_liabilities"), s.Equity, "equity", true)
	r.EquityToAssets = ratio(named(s.Equity, "equity"), s.TotalAssets, "total_assets", false)
	r.InterestCoverage = ratio(named(s.EBIT, "ebit"), s.InterestExpense, "interest_expense", false)
	r.DSO = ratio(named(s.Receivables, "receivables").times(int64(s.days()), 1), s.Revenue, "revenue", false)
	return r
}

// operand is a numerator: an exact sum of statement amounts times
// mul / div, or the name of the first unknown input that went into it,
// so that an undefined ratio names the field to fill in.
type operand struct {
	sum      exactsum.Running
	mul, div int64
	missing  string
}

func unknown(name string) operand { return operand{missing: name} }

func named(a decimal.NullDecimal, name string) operand {
	if !a.Valid {
		return unknown(name)
	}
	o := operand{mul: 1, div: 1}
	o.sum.Add(a.Decimal)
	return o
}

// times scales a known operand by mul / div.
func (o operand) times(mul, div int64) operand {
	o.mul, o.div = o.mul*mul, o.div*div
	return o
}

// annualised scales a figure of a days-long income-statement period to
// 365 days.
func (o operand) annualised(days int) operand { return o.times(daysPerYear, int64(days)) }

func difference(a decimal.NullDecimal, an string, b decimal.NullDecimal, bn string) operand {
	switch {
	case !a.Valid:
		return unknown(an)
	case !b.Valid:
		return unknown(bn)
	}
	o := named(a, an)
	if b.Decimal.NumDigits() <= 18 { // Neg would allocate a coefficient
		o.sum.AddCoef(-b.Decimal.CoefficientInt64(), b.Decimal.Exponent())
	} else {
		o.sum.Add(b.Decimal.Neg())
	}
	return o
}

func sum3(a decimal.NullDecimal, an string, b decimal.NullDecimal, bn string, c decimal.NullDecimal, cn string) operand {
	o := operand{mul: 1, div: 1}
	for _, x := range [...]struct {
		v decimal.NullDecimal
		n string
	}{{a, an}, {b, bn}, {c, cn}} {
		if !x.v.Valid {
			return unknown(x.n)
		}
		o.sum.Add(x.v.Decimal)
	}
	return o
}

// ratio divides num by den, reporting an unknown input, a zero
// denominator or (when negUndefined) a negative one as undefined.
func ratio(num operand, den decimal.NullDecimal, denName string, negUndefined bool) Measure {
	_, m := ratioFraction(num, den, denName, negUndefined)
	return m
}

// ratioFraction is ratio with the exact quotient behind a defined
// measure, for the Z-score's exact zone. Every denominator a statement
// holds is non-negative (equity, the one that may not be, is
// negUndefined), so a defined quotient's is positive.
func ratioFraction(num operand, den decimal.NullDecimal, denName string, negUndefined bool) (fraction, Measure) {
	switch {
	case num.missing != "":
		return fraction{}, undefined(CauseUnknown, num.missing)
	case !den.Valid:
		return fraction{}, undefined(CauseUnknown, denName)
	case den.Decimal.Sign() == 0:
		return fraction{}, undefined(CauseZero, denName)
	case negUndefined && den.Decimal.Sign() < 0:
		return fraction{}, undefined(CauseNegative, denName)
	}
	q := fraction{n: num.sum, mul: num.mul, div: num.div}
	q.d.Add(den.Decimal)
	return q, q.measure()
}

// quotient is a/b, snapped; b is positive.
func quotient(a, b decimal.Decimal) Measure {
	q := fractionOf(a, b)
	return q.measure()
}

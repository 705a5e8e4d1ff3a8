package solvency

import (
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Statement is a snapshot of a business client's financial statements,
// as the host read it from the balance sheet and the income statement.
// Every amount is a decimal.NullDecimal and may be unknown (Valid false;
// null or absent in JSON). Unknown is not zero: a company that did not
// report its inventory has some inventory, so a ratio that needs an
// unknown amount is undefined, and the score that would use it loses
// confidence. Nothing unknown is ever taken as zero.
//
// Balance-sheet items are at PeriodEnd; income-statement items (Revenue,
// EBIT, InterestExpense) cover the PeriodDays days that end there.
//
// The zero Statement has no date and no currency: Validate names both,
// and every amount is unknown.
type Statement struct {
	// PeriodEnd is the balance-sheet date. Required.
	PeriodEnd clientele.Date `json:"period_end"`
	// PeriodDays is the length of the income-statement period, 1 to 366
	// days; 0 means a year of 365 days. Quarterly revenue (PeriodDays 91)
	// is annualised where a yearly figure is needed.
	PeriodDays int `json:"period_days,omitempty"`
	// Currency is the ISO 4217 code of every amount. Required.
	Currency string `json:"currency"`

	Cash                 decimal.NullDecimal `json:"cash,omitzero"`
	MarketableSecurities decimal.NullDecimal `json:"marketable_securities,omitzero"`
	Receivables          decimal.NullDecimal `json:"receivables,omitzero"`
	Inventory            decimal.NullDecimal `json:"inventory,omitzero"`
	CurrentAssets        decimal.NullDecimal `json:"current_assets,omitzero"`
	TotalAssets          decimal.NullDecimal `json:"total_assets,omitzero"`
	CurrentLiabilities   decimal.NullDecimal `json:"current_liabilities,omitzero"`
	TotalLiabilities     decimal.NullDecimal `json:"total_liabilities,omitzero"`
	// Equity is the book value of equity; it is negative when the
	// liabilities exceed the assets.
	Equity decimal.NullDecimal `json:"equity,omitzero"`
	// MarketEquity is the market value of all shares, known only for a
	// listed company. Its presence is what makes the original Z model
	// applicable.
	MarketEquity     decimal.NullDecimal `json:"market_equity,omitzero"`
	RetainedEarnings decimal.NullDecimal `json:"retained_earnings,omitzero"`
	Revenue          decimal.NullDecimal `json:"revenue,omitzero"`
	EBIT             decimal.NullDecimal `json:"ebit,omitzero"`
	InterestExpense  decimal.NullDecimal `json:"interest_expense,omitzero"`
}

const daysPerYear = 365

// dec365 is daysPerYear as a decimal, built once (decimals are immutable).
var dec365 = decimal.NewFromInt(daysPerYear)

// days returns the length of the income-statement period.
func (s Statement) days() int {
	if s.PeriodDays == 0 {
		return daysPerYear
	}
	return s.PeriodDays
}

// annualRevenue scales the period's revenue to 365 days.
func (s Statement) annualRevenue() decimal.NullDecimal {
	if !s.Revenue.Valid || s.days() == daysPerYear {
		return s.Revenue
	}
	return decimal.NewNullDecimal(s.Revenue.Decimal.Mul(dec365).DivRound(decimal.NewFromInt(int64(s.days())), 8))
}

// Validate reports every problem with the statement at once, each naming
// the field and the value: a missing date or currency, a negative asset
// or liability, parts larger than their whole.
func (s Statement) Validate() error {
	var p validate.Problems
	s.check(&p, "")
	return p.Err(ErrInvalid)
}

func (s Statement) check(p *validate.Problems, prefix string) {
	// Field paths are built only for the problems found.
	f := func(name string) string { return join(prefix, name) }
	if !s.PeriodEnd.IsValid() { // a zero date is not valid either
		p.Date(f("period_end"), s.PeriodEnd, true)
	}
	if s.PeriodDays < 0 || s.PeriodDays > 366 {
		p.Add(f("period_days"), s.PeriodDays, "must be 1 to 366 days, or 0 for a year")
	}
	if !currency.Known(s.Currency) {
		p.Add(f("currency"), strconv.Quote(s.Currency), "is not an ISO 4217 currency code")
	}
	// Values, not pointers into s: a pointer would move the whole
	// statement to the heap on every call.
	inRange := true
	for _, a := range [...]struct {
		name     string
		v        decimal.NullDecimal
		negative bool // may be below zero: a deficit, a loss
	}{
		{"cash", s.Cash, false}, {"marketable_securities", s.MarketableSecurities, false},
		{"receivables", s.Receivables, false}, {"inventory", s.Inventory, false},
		{"current_assets", s.CurrentAssets, false}, {"total_assets", s.TotalAssets, false},
		{"current_liabilities", s.CurrentLiabilities, false}, {"total_liabilities", s.TotalLiabilities, false},
		{"equity", s.Equity, true}, {"market_equity", s.MarketEquity, false},
		{"retained_earnings", s.RetainedEarnings, true}, {"revenue", s.Revenue, false},
		{"ebit", s.EBIT, true}, {"interest_expense", s.InterestExpense, false},
	} {
		switch {
		case !a.v.Valid:
		case !validate.InRange(a.v.Decimal):
			p.Add(f(a.name), validate.Sci(a.v.Decimal), validate.RangeReason)
			inRange = false
		case !a.negative && a.v.Decimal.Sign() < 0:
			p.Add(f(a.name), a.v.Decimal, "must not be negative")
		}
	}
	if !inRange {
		return // comparing a hostile exponent would cost as many digits as it spans
	}
	if s.CurrentAssets.Valid && s.TotalAssets.Valid && s.CurrentAssets.Decimal.GreaterThan(s.TotalAssets.Decimal) {
		p.Addf(f("current_assets"), s.CurrentAssets.Decimal, "exceeds total_assets %s", clientele.FormatValue(s.TotalAssets.Decimal))
	}
	if s.CurrentLiabilities.Valid && s.TotalLiabilities.Valid && s.CurrentLiabilities.Decimal.GreaterThan(s.TotalLiabilities.Decimal) {
		p.Addf(f("current_liabilities"), s.CurrentLiabilities.Decimal, "exceeds total_liabilities %s", clientele.FormatValue(s.TotalLiabilities.Decimal))
	}
	if s.CurrentAssets.Valid {
		var parts exactsum.Running
		for _, a := range [...]decimal.NullDecimal{s.Cash, s.MarketableSecurities, s.Receivables, s.Inventory} {
			if a.Valid && a.Decimal.Sign() > 0 {
				parts.Add(a.Decimal)
			}
		}
		if parts.Cmp(s.CurrentAssets.Decimal) > 0 {
			p.Addf(f("current_assets"), s.CurrentAssets.Decimal,
				"is less than cash + marketable_securities + receivables + inventory = %s, which it includes", clientele.FormatValue(parts.Decimal()))
		}
	}
}

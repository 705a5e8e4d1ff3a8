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
// Every amount may be unknown (see [Amount]): a ratio that needs an
// unknown amount is undefined, and the score that would use it loses
// confidence. Nothing unknown is ever taken as zero.
//
// Balance-sheet items are at PeriodEnd; income-statement items (Revenue,
// EBIT, InterestExpense) cover the PeriodDays days that end there.
type Statement struct {
	// PeriodEnd is the balance-sheet date. Required.
	PeriodEnd clientele.Date `json:"period_end"`
	// PeriodDays is the length of the income-statement period, 1 to 366
	// days; 0 means a year of 365 days. Quarterly revenue (PeriodDays 91)
	// is annualised where a yearly figure is needed.
	PeriodDays int `json:"period_days,omitempty"`
	// Currency is the ISO 4217 code of every amount. Required.
	Currency string `json:"currency"`

	Cash                 Amount `json:"cash,omitzero"`
	MarketableSecurities Amount `json:"marketable_securities,omitzero"`
	Receivables          Amount `json:"receivables,omitzero"`
	Inventory            Amount `json:"inventory,omitzero"`
	CurrentAssets        Amount `json:"current_assets,omitzero"`
	TotalAssets          Amount `json:"total_assets,omitzero"`
	CurrentLiabilities   Amount `json:"current_liabilities,omitzero"`
	TotalLiabilities     Amount `json:"total_liabilities,omitzero"`
	// Equity is the book value of equity; it is negative when the
	// liabilities exceed the assets.
	Equity Amount `json:"equity,omitzero"`
	// MarketEquity is the market value of all shares, known only for a
	// listed company. Its presence is what makes the original Z model
	// applicable.
	MarketEquity     Amount `json:"market_equity,omitzero"`
	RetainedEarnings Amount `json:"retained_earnings,omitzero"`
	Revenue          Amount `json:"revenue,omitzero"`
	EBIT             Amount `json:"ebit,omitzero"`
	InterestExpense  Amount `json:"interest_expense,omitzero"`
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
func (s Statement) annualRevenue() Amount {
	if !s.Revenue.Known || s.days() == daysPerYear {
		return s.Revenue
	}
	return AmountOf(s.Revenue.Value.Mul(dec365).DivRound(decimal.NewFromInt(int64(s.days())), 8))
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
	checkDate(p, f("period_end"), s.PeriodEnd)
	if s.PeriodDays < 0 || s.PeriodDays > 366 {
		p.Add(f("period_days"), s.PeriodDays, "must be 1 to 366 days, or 0 for a year")
	}
	if !currency.Known(s.Currency) {
		p.Add(f("currency"), strconv.Quote(s.Currency), "is not an ISO 4217 currency code")
	}
	// Values, not pointers into s: a pointer would move the whole
	// statement to the heap on every call.
	for _, a := range [...]struct {
		name string
		v    Amount
	}{
		{"cash", s.Cash}, {"marketable_securities", s.MarketableSecurities},
		{"receivables", s.Receivables}, {"inventory", s.Inventory},
		{"current_assets", s.CurrentAssets}, {"total_assets", s.TotalAssets},
		{"current_liabilities", s.CurrentLiabilities}, {"total_liabilities", s.TotalLiabilities},
		{"market_equity", s.MarketEquity}, {"revenue", s.Revenue}, {"interest_expense", s.InterestExpense},
	} {
		if a.v.Known && a.v.Value.Sign() < 0 {
			p.Add(f(a.name), a.v.Value, "must not be negative")
		}
	}
	if s.CurrentAssets.Known && s.TotalAssets.Known && s.CurrentAssets.Value.GreaterThan(s.TotalAssets.Value) {
		p.Addf(f("current_assets"), s.CurrentAssets.Value, "exceeds total_assets %s", s.TotalAssets.Value)
	}
	if s.CurrentLiabilities.Known && s.TotalLiabilities.Known && s.CurrentLiabilities.Value.GreaterThan(s.TotalLiabilities.Value) {
		p.Addf(f("current_liabilities"), s.CurrentLiabilities.Value, "exceeds total_liabilities %s", s.TotalLiabilities.Value)
	}
	if s.CurrentAssets.Known {
		var parts exactsum.Running
		for _, a := range [...]Amount{s.Cash, s.MarketableSecurities, s.Receivables, s.Inventory} {
			if a.Known && a.Value.Sign() > 0 {
				parts.Add(a.Value)
			}
		}
		if parts.Cmp(s.CurrentAssets.Value) > 0 {
			p.Addf(f("current_assets"), s.CurrentAssets.Value,
				"is less than cash + marketable_securities + receivables + inventory = %s, which it includes", parts.Decimal())
		}
	}
}

package solvency

import (
	"fmt"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// CreditPolicy turns a grade into payment terms and a credit limit, and
// checks orders against the client's exposure. Amounts are in Currency;
// percentages are decimal percent points ("150" is 150 %). Load one from
// JSON with clientele.LoadConfig[solvency.CreditPolicy]. The zero
// CreditPolicy is not valid: Validate names what is missing.
type CreditPolicy struct {
	Currency string `json:"currency"`
	// Terms has one entry per grade of the scoring config, A first.
	Terms    []GradeTerms `json:"terms"`
	Limit    LimitRule    `json:"limit"`
	Exposure ExposureRule `json:"exposure"`
	// Release says who may release a held or blocked order, and up to
	// which order amount.
	Release ReleaseLimits `json:"release"`
}

// GradeTerms are the payment terms of one grade: prepayment, or deferred
// payment up to DeferralDays with LimitPercent of the base limit.
//
// The zero GradeTerms are not valid terms: CreditPolicy.Validate names
// the missing grade and deferral.
type GradeTerms struct {
	Grade        Grade           `json:"grade"`
	Prepayment   bool            `json:"prepayment,omitempty"`
	DeferralDays int             `json:"deferral_days,omitempty"`
	LimitPercent decimal.Decimal `json:"limit_percent"`
}

// LimitRule computes the base credit limit: Percent of the method's base
// amount, at most Cap.
//
// The zero LimitRule is not valid: CreditPolicy.Validate names the
// missing method, percent and cap.
type LimitRule struct {
	Method  LimitMethod     `json:"method"`
	Percent decimal.Decimal `json:"percent"`
	Cap     decimal.Decimal `json:"cap"`
}

// ExposureRule grades an order's exposure (outstanding receivables +
// unbilled open orders + the order) against the limit: at WarnPercent of
// the limit or more, warn; above the limit, hold; above BlockPercent,
// block. Overdue rules add their own outcomes.
//
// The zero ExposureRule is not valid: CreditPolicy.Validate names the
// missing warn and block percentages.
type ExposureRule struct {
	WarnPercent  decimal.Decimal `json:"warn_percent"`
	BlockPercent decimal.Decimal `json:"block_percent"`
	Overdue      []OverdueRule   `json:"overdue"`
}

// OverdueRule fires when the invoices overdue by MinDays days or more
// add up to more than Amount (so Amount 0 means any such invoice).
//
// The zero OverdueRule is not valid: CreditPolicy.Validate names the
// missing days and outcome.
type OverdueRule struct {
	MinDays int             `json:"min_days"`
	Amount  decimal.Decimal `json:"amount"`
	Outcome Outcome         `json:"outcome"`
}

// ReleaseLimits state, per role or per person (see authority.Limits),
// up to which order amount each may release a decision CheckOrder held
// (Hold) or blocked (Block); amounts are in the policy's currency. An
// actor's own entry wins over their role's. The zero ReleaseLimits lets
// nobody release anything.
type ReleaseLimits struct {
	Hold  authority.Limits `json:"hold"`
	Block authority.Limits `json:"block"`
}

// of returns the limits that govern releasing a decision with outcome o.
func (r ReleaseLimits) of(o Outcome) authority.Limits {
	if o == OutcomeBlock {
		return r.Block
	}
	return r.Hold
}

// DefaultCreditPolicy returns usual trade-credit practice in currency:
//
//	grade  terms              limit
//	A      60 days deferral   100 % of the base
//	B      45 days            75 %
//	C      30 days            50 %
//	D      14 days            25 %
//	E      prepayment         none
//
// with the base limit 200 % of the average monthly purchases, capped at
// 1,000,000: the purchases of two months, so that grade A's limit covers
// what a client buying at its usual pace owes over its 60-day terms, and
// each lower grade's share matches its shorter terms (45 days ≈ 1.5
// months = 75 % of two). Exposure warns from 90 % of the limit, holds above
// it and blocks above 150 %; any overdue invoice warns, more than 500
// overdue by 31 days or more holds, anything overdue by 91 days or more
// (the usual doubtful-debt age) blocks. A credit controller may release a
// held order of up to 100,000, a finance director (who approves above
// that) a held or blocked order of up to 1,000,000. These are
// conventions, not a standard: set your own. The cap, the overdue
// amounts and the release limits are in currency, so scale them for
// currencies like JPY.
func DefaultCreditPolicy(currency string) CreditPolicy {
	pct := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	return CreditPolicy{
		Currency: currency,
		Terms: []GradeTerms{
			{Grade: GradeA, DeferralDays: 60, LimitPercent: pct("100")},
			{Grade: GradeB, DeferralDays: 45, LimitPercent: pct("75")},
			{Grade: GradeC, DeferralDays: 30, LimitPercent: pct("50")},
			{Grade: GradeD, DeferralDays: 14, LimitPercent: pct("25")},
			{Grade: GradeE, Prepayment: true, LimitPercent: decimal.Zero},
		},
		Limit: LimitRule{Method: LimitMonthlyPurchases, Percent: pct("200"), Cap: pct("1000000")},
		Exposure: ExposureRule{
			WarnPercent: pct("90"), BlockPercent: pct("150"),
			Overdue: []OverdueRule{
				{MinDays: 1, Amount: decimal.Zero, Outcome: OutcomeWarn},
				{MinDays: 31, Amount: pct("500"), Outcome: OutcomeHold},
				{MinDays: 91, Amount: decimal.Zero, Outcome: OutcomeBlock},
			},
		},
		Release: ReleaseLimits{
			Hold: authority.Limits{
				{Holder: "credit_controller", Max: pct("100000"), ApprovedBy: "finance_director"},
				{Holder: "finance_director", Max: pct("1000000")},
			},
			Block: authority.Limits{{Holder: "finance_director", Max: pct("1000000")}},
		},
	}
}

// Validate reports every problem at once.
func (c CreditPolicy) Validate() error {
	var p validate.Problems
	c.check(&p)
	return p.Err(ErrInvalid)
}

func (c CreditPolicy) check(p *validate.Problems) {
	if !currency.Known(c.Currency) {
		p.Add("currency", strconv.Quote(c.Currency), "is not an ISO 4217 currency code")
	}
	if len(c.Terms) == 0 {
		p.Add("terms", nil, "needs one entry per grade, A first")
	}
	for i, t := range c.Terms {
		f := func(name string) string { return "terms[" + strconv.Itoa(i) + "]." + name }
		if want := Grade(i + 1); t.Grade != want {
			p.Addf(f("grade"), t.Grade, "terms list grades in order from A; want %s here", want)
		}
		switch {
		case t.Prepayment && t.DeferralDays != 0:
			p.Add(f("deferral_days"), t.DeferralDays, "a prepayment grade has no deferral")
		case !t.Prepayment && (t.DeferralDays < 1 || t.DeferralDays > 365):
			p.Add(f("deferral_days"), t.DeferralDays, "must be 1 to 365 days (or set prepayment)")
		}
		if !validate.InRange(t.LimitPercent) { // the path is built only for a problem
			p.Add(f("limit_percent"), validate.Sci(t.LimitPercent), validate.RangeReason)
			continue
		}
		if t.Prepayment && !t.LimitPercent.IsZero() {
			p.Add(f("limit_percent"), t.LimitPercent, "a prepayment grade has no credit limit: must be 0")
		}
		if !t.Prepayment && (t.LimitPercent.Sign() <= 0 || t.LimitPercent.GreaterThan(decimal.NewFromInt(100))) {
			p.Add(f("limit_percent"), t.LimitPercent, "must be above 0 and at most 100 percent")
		}
	}
	if !c.Limit.Method.IsValid() {
		p.Add("limit.method", c.Limit.Method, "unknown method (want monthly_purchases, revenue or equity)")
	}
	if p.CheckRange("limit.percent", c.Limit.Percent) && (c.Limit.Percent.Sign() <= 0 || c.Limit.Percent.GreaterThan(decimal.NewFromInt(1000))) {
		p.Add("limit.percent", c.Limit.Percent, "must be above 0 and at most 1000 percent")
	}
	if p.CheckRange("limit.cap", c.Limit.Cap) && c.Limit.Cap.Sign() <= 0 {
		p.Add("limit.cap", c.Limit.Cap, "must be positive")
	}
	e := c.Exposure
	if p.CheckRange("exposure.warn_percent", e.WarnPercent) && (e.WarnPercent.Sign() <= 0 || e.WarnPercent.GreaterThan(decimal.NewFromInt(100))) {
		p.Add("exposure.warn_percent", e.WarnPercent, "must be above 0 and at most 100 percent")
	}
	if p.CheckRange("exposure.block_percent", e.BlockPercent) && (e.BlockPercent.LessThanOrEqual(decimal.NewFromInt(100)) || e.BlockPercent.GreaterThan(decimal.NewFromInt(1000))) {
		p.Add("exposure.block_percent", e.BlockPercent, "must be above 100 and at most 1000 percent (above the limit holds, this far above blocks)")
	}
	for i, r := range e.Overdue {
		f := func(name string) string { return "exposure.overdue[" + strconv.Itoa(i) + "]." + name }
		if r.MinDays < 1 || r.MinDays > 3660 {
			p.Add(f("min_days"), r.MinDays, "must be 1 to 3660 days")
		}
		switch {
		case !validate.InRange(r.Amount):
			p.Add(f("amount"), validate.Sci(r.Amount), validate.RangeReason)
		case r.Amount.Sign() < 0:
			p.Add(f("amount"), r.Amount, "must not be negative")
		}
		if r.Outcome != OutcomeWarn && r.Outcome != OutcomeHold && r.Outcome != OutcomeBlock {
			p.Add(f("outcome"), r.Outcome, "must be warn, hold or block")
		}
	}
	p.Merge("release.hold", c.Release.Hold.Validate())
	p.Merge("release.block", c.Release.Block.Validate())
}

// Credit is the credit decision for a client: its terms and its limit,
// with the figures that made the limit.
//
// The zero Credit has no grade and a limit of 0: CheckOrder holds every
// order against it (no credit limit).
type Credit struct {
	Grade        Grade `json:"grade"`
	Prepayment   bool  `json:"prepayment"`
	DeferralDays int   `json:"deferral_days,omitempty"`
	// Limit is rounded down to the currency's minor unit: a limit is
	// never rounded up.
	Limit Money      `json:"limit"`
	Basis LimitBasis `json:"basis"`
	// Notes say why a limit is zero or how it was capped.
	Notes []string `json:"notes,omitempty"`
}

// LimitBasis is how a limit was computed: Base × Percent% ×
// GradePercent%, at most Cap.
//
// The zero LimitBasis records no computation.
type LimitBasis struct {
	Method       LimitMethod         `json:"method"`
	Base         decimal.NullDecimal `json:"base"`
	Percent      decimal.Decimal     `json:"percent"`
	GradePercent decimal.Decimal     `json:"grade_percent"`
	Uncapped     decimal.Decimal     `json:"uncapped"`
	Capped       bool                `json:"capped,omitempty"`
}

// DecideCredit applies the policy to an assessment: the grade's terms,
// and the limit from the policy's method. An individual has no revenue or
// equity, so its limit always uses the monthly purchases. A base that is
// unknown or not positive gives no limit (0), with a note; nothing
// unknown is taken as zero silently.
func DecideCredit(a Assessment, p CreditPolicy) (Credit, error) {
	var pr validate.Problems
	p.check(&pr)
	if !a.Result.Grade.IsValid() {
		pr.Add("assessment.result.grade", a.Result.Grade, "the assessment has no grade")
	} else if int(a.Result.Grade) > len(p.Terms) {
		pr.Addf("terms", len(p.Terms), "has no entry for grade %s", a.Result.Grade)
	}
	// The bases are multiplied and compared with the cap: bound them
	// first, as an assessment may come from anywhere (JSON, by hand).
	for _, b := range [...]struct {
		field string
		v     decimal.NullDecimal
	}{{"assessment.discipline.monthly_purchases", a.Discipline.MonthlyPurchases}, {"assessment.annual_revenue", a.AnnualRevenue}, {"assessment.equity", a.Equity}} {
		if b.v.Valid {
			pr.CheckRange(b.field, b.v.Decimal)
		}
	}
	if a.Currency != "" && a.Currency != p.Currency {
		pr.Addf("assessment.currency", a.Currency, "differs from the policy's currency %s", p.Currency)
	}
	if err := pr.Err(ErrInvalid); err != nil {
		return Credit{}, err
	}
	t := p.Terms[a.Result.Grade-1]
	c := Credit{Grade: a.Result.Grade, Prepayment: t.Prepayment, DeferralDays: t.DeferralDays,
		Limit: Money{Amount: decimal.Zero, Currency: p.Currency}}
	method := p.Limit.Method
	if a.Kind == client.KindIndividual && method != LimitMonthlyPurchases {
		method = LimitMonthlyPurchases
		c.Notes = append(c.Notes, "individual: no revenue or equity, the limit uses the monthly purchases")
	}
	c.Basis = LimitBasis{Method: method, Percent: p.Limit.Percent, GradePercent: t.LimitPercent, Uncapped: decimal.Zero}
	switch method {
	case LimitMonthlyPurchases:
		c.Basis.Base = a.Discipline.MonthlyPurchases
	case LimitRevenue:
		c.Basis.Base = a.AnnualRevenue
	case LimitEquity:
		c.Basis.Base = a.Equity
	}
	if t.Prepayment {
		c.Notes = append(c.Notes, "grade "+c.Grade.String()+": prepayment, no credit limit")
		return c, nil
	}
	base := c.Basis.Base
	switch {
	case !base.Valid:
		c.Notes = append(c.Notes, method.baseName()+" unknown: no credit limit")
		return c, nil
	case base.Decimal.Sign() <= 0:
		c.Notes = append(c.Notes, fmt.Sprintf("%s is %s, not positive: no credit limit", method.baseName(), clientele.FormatValue(base.Decimal)))
		return c, nil
	}
	raw := base.Decimal.Mul(p.Limit.Percent.Shift(-2)).Mul(t.LimitPercent.Shift(-2))
	c.Basis.Uncapped = raw
	if raw.GreaterThan(p.Limit.Cap) {
		raw = p.Limit.Cap
		c.Basis.Capped = true
		c.Notes = append(c.Notes, fmt.Sprintf("capped at %s %s", clientele.FormatValue(p.Limit.Cap), p.Currency))
	}
	units, _ := currency.MinorUnits(p.Currency)
	c.Limit.Amount = raw.RoundFloor(units)
	return c, nil
}

// LimitMethod is what a credit limit is a share of. The zero value is
// unset.
type LimitMethod uint8

const (
	// LimitMonthlyPurchases: the client's average monthly purchases
	// (Discipline.MonthlyPurchases).
	LimitMonthlyPurchases LimitMethod = iota + 1
	// LimitRevenue: the client's annual revenue from its statement.
	LimitRevenue
	// LimitEquity: the client's book equity from its statement.
	LimitEquity
)

var limitMethodNames = enum.Names{"", "monthly_purchases", "revenue", "equity"}

func (m LimitMethod) baseName() string {
	return [...]string{"", "monthly purchases", "annual revenue", "equity"}[m]
}

// ParseLimitMethod returns the method named s ("monthly_purchases",
// "revenue", "equity").
func ParseLimitMethod(s string) (LimitMethod, error) {
	return enum.Parse[LimitMethod](limitMethodNames, "limit method", s)
}

func (m LimitMethod) String() string { return enum.String(limitMethodNames, "LimitMethod", m) }

// IsValid reports whether m is one of the named methods.
func (m LimitMethod) IsValid() bool { return enum.Valid(limitMethodNames, m) }

// MarshalText implements encoding.TextMarshaler; an unset method is an error.
func (m LimitMethod) MarshalText() ([]byte, error) {
	return enum.Marshal(limitMethodNames, "LimitMethod", m)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (m *LimitMethod) UnmarshalText(b []byte) error {
	return enum.Unmarshal(limitMethodNames, "limit method", m, b)
}

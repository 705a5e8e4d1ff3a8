package rating

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Input is what the rating knows about one client over a period.
type Input struct {
	ClientID string `json:"client_id"`
	// ProfitShare is the client's share of the company's profit over the
	// period, in percent points (2.5 is 2.5 %), at most 100. Negative
	// for a loss-making client (see Config.AllowLoss).
	ProfitShare decimal.Decimal `json:"profit_share"`
	// Revenue and PreviousRevenue are the client's revenue over the
	// period and over the period of the same length before it; growth is
	// their relative change. Both non-negative.
	Revenue         decimal.Decimal `json:"revenue"`
	PreviousRevenue decimal.Decimal `json:"previous_revenue"`
	// Since is the day the relationship started (Client.Since); unset if
	// unknown. Tenure runs from the earlier of Since and the first order.
	Since clientele.Date `json:"since,omitzero"`
	// History is the client's order history (Orders 0 if none); its
	// ClientID must be ClientID.
	History client.History `json:"history"`
	// PaymentDiscipline is the host's 0-100 payment score, nil when the
	// host has none. A missing score is not a zero: the factor is left
	// out and its weight shared among the others (see [Rate]).
	PaymentDiscipline *float64 `json:"payment_discipline,omitempty"`
}

// Contribution is one factor's part of a rating. Contributions of
// all factors add up to the score (each is rounded once from its exact
// value, as the score is, so the float sum may differ in the last bit).
type Contribution struct {
	Factor Factor `json:"factor"`
	// Defined is false when the factor's input is missing or undefined;
	// then SubScore, EffectiveWeight and Contribution are 0.
	Defined  bool    `json:"defined"`
	SubScore float64 `json:"sub_score"`
	// Weight is the configured weight; EffectiveWeight the weight after
	// undefined factors' weights were shared out (both percent points).
	Weight          float64 `json:"weight"`
	EffectiveWeight float64 `json:"effective_weight"`
	// Contribution is SubScore · EffectiveWeight / 100.
	Contribution float64 `json:"contribution"`
	Explanation  string  `json:"explanation"`
}

// Rating is a client's 0-100 usefulness to the company. Scores, weights
// and contributions are float64: a rating is a dimensionless statistic,
// never money.
type Rating struct {
	ClientID string `json:"client_id"`
	// Score is the sum of the contributions, 0..100; meaningful only when
	// Defined.
	Score float64 `json:"score"`
	// Defined is false when no factor with a positive weight is defined;
	// Notes says why.
	Defined bool `json:"defined"`
	// Factors holds the four factors in the order value, growth, loyalty,
	// payment discipline.
	Factors []Contribution `json:"factors"`
	// Notes explains redistributed weights and an undefined rating.
	Notes []string `json:"notes,omitempty"`
}

// Rate rates one client as of asOf (the end of the period).
//
// # Sub-scores
//
//   - value = 100 · ProfitShare / FullMarksProfitShare, saturating at 100
//     once the share reaches the full mark; a negative share scores 0
//     (when AllowLoss) or is an error.
//   - growth = revenue change g = (Revenue − PreviousRevenue) /
//     PreviousRevenue · 100 %, mapped linearly: 100 · (g − floor) /
//     (ceiling − floor), saturating at 0 below the floor and 100 above the
//     ceiling. No revenue in the previous period leaves growth undefined
//     (a change from nothing has no percentage).
//   - loyalty = the average of a tenure half, 100 · years /
//     FullMarksTenureYears, and a repeat half, 100 · (Orders − 1) /
//     FullMarksRepeatOrders, each saturating at 100. Years are the
//     calendar days from the start of the relationship to asOf / 365.25. With no start known
//     (no Since, no order) loyalty is undefined.
//   - payment discipline = the host's number as given.
//
// # Weights
//
// score = Σ sub-score · effective weight / 100. An undefined factor is
// left out, not scored zero: the weights of the defined factors are
// scaled up in proportion so they sum to 100 again (with value 40 and
// growth 20 defined alone, they count 66.7 and 33.3), and a note says
// so. If no factor with a positive weight is defined, the rating is
// undefined. The sharing is exact: effective weights, contributions and
// the score are computed in rational arithmetic from the decimal weights
// and rounded once each, so the score is a true weighted mean of the
// sub-scores and never leaves 0..100.
//
// Errors (ErrInvalid, all at once): an invalid cfg, an unset or invalid asOf,
// a missing client ID, a profit share above 100 or negative without
// AllowLoss, a negative revenue, a profit share or revenue out of range
// (more than 30 decimal places or a scale above 10^30), a payment
// discipline outside 0..100 (or NaN), an invalid Since, a Since or order after asOf, a
// malformed history or one of another client.
func Rate(in Input, asOf clientele.Date, cfg Config) (Rating, error) {
	var p validate.Problems
	p.Merge("config", cfg.Validate())
	p.Date("as_of", asOf, true)
	checkInput(&p, "", in, asOf, cfg)
	if err := p.Err(ErrInvalid); err != nil {
		return Rating{}, err
	}
	sc := newScale(cfg)
	return sc.rate(in, asOf, make([]Contribution, numFactors)), nil
}

// RateAll rates every client of the base, in input order. Errors are
// those of Rate, each under "inputs[i]", plus an empty base and a
// repeated client ID.
func RateAll(inputs []Input, asOf clientele.Date, cfg Config) ([]Rating, error) {
	var p validate.Problems
	p.Limit("inputs", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	p.Date("as_of", asOf, true)
	if len(inputs) == 0 {
		p.Add("inputs", nil, "the client base is empty")
	}
	p.Each("inputs", len(inputs), func(q *validate.Problems, i int) { checkInput(q, "", inputs[i], asOf, cfg) })
	p.Repeats("inputs", "client_id", len(inputs), func(i int) string { return inputs[i].ClientID })
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	sc := newScale(cfg)
	out := make([]Rating, len(inputs))
	factors := make([]Contribution, numFactors*len(inputs))
	for i := range inputs {
		out[i] = sc.rate(inputs[i], asOf, factors[numFactors*i:numFactors*(i+1):numFactors*(i+1)])
	}
	return out, nil
}

func checkInput(p *validate.Problems, prefix string, in Input, asOf clientele.Date, cfg Config) {
	if strings.TrimSpace(in.ClientID) == "" {
		p.Add(validate.Path(prefix, "client_id"), nil, "is required")
	}
	// who names the client in a reason; built only for a problem found.
	who := func() string { return fmt.Sprintf("client %q: ", in.ClientID) }
	// The range comes first: comparing an out-of-range decimal with 100
	// would rescale it to billions of digits.
	switch {
	case !validate.InRange(in.ProfitShare):
		p.Add(validate.Path(prefix, "profit_share"), validate.Sci(in.ProfitShare), who()+validate.RangeReason)
	case in.ProfitShare.GreaterThan(hundred):
		p.Add(validate.Path(prefix, "profit_share"), in.ProfitShare, who()+"a share of the company's profit cannot exceed 100 %")
	case in.ProfitShare.Sign() < 0 && !cfg.AllowLoss:
		p.Add(validate.Path(prefix, "profit_share"), in.ProfitShare, who()+"is negative (a loss-making client); set allow_loss to rate it 0 on value")
	}
	for _, a := range []struct {
		name string
		v    decimal.Decimal
	}{{"revenue", in.Revenue}, {"previous_revenue", in.PreviousRevenue}} {
		switch {
		case !validate.InRange(a.v):
			p.Add(validate.Path(prefix, a.name), validate.Sci(a.v), who()+validate.RangeReason)
		case a.v.Sign() < 0:
			p.Add(validate.Path(prefix, a.name), a.v, who()+"must not be negative")
		}
	}
	if d := in.PaymentDiscipline; d != nil && !(*d >= 0 && *d <= 100) { // NaN fails both
		p.Add(validate.Path(prefix, "payment_discipline"), *d, who()+"must be within 0..100 (leave it out when unknown)")
	}
	switch {
	case !in.Since.IsZero() && !in.Since.IsValid():
		p.Add(validate.Path(prefix, "since"), nil, who()+"is not a calendar date in years 1-9999")
	case asOf.IsValid() && in.Since.After(asOf):
		p.Add(validate.Path(prefix, "since"), in.Since, who()+"is after the as-of date "+asOf.String())
	}
	switch {
	case in.History.ClientID != in.ClientID:
		p.Addf(validate.Path(prefix, "history.client_id"), in.History.ClientID, "is not the client's ID %q (pass a history with orders 0 for a client that never ordered)", in.ClientID)
	default:
		p.Merge(validate.Path(prefix, "history"), in.History.ValidateAsOf(asOf))
	}
}

package kpi

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// StageEntry is a deal's arrival at a stage of the funnel on a day.
type StageEntry struct {
	Stage string         `json:"stage"`
	On    clientele.Date `json:"on"`
}

// Deal is an opportunity with its stage history, oldest first (days
// never go back), its amount and, once closed, the day it was won or
// lost. The zero Deal is refused: its ID, client and first stage are
// required.
type Deal struct {
	ID       string          `json:"id"`
	ClientID string          `json:"client_id"`
	Amount   decimal.Decimal `json:"amount"`
	Stages   []StageEntry    `json:"stages"`
	// ExpectedClose is the day the manager expects to sign; optional.
	ExpectedClose clientele.Date `json:"expected_close,omitzero"`
	WonOn         clientele.Date `json:"won_on,omitzero"`
	LostOn        clientele.Date `json:"lost_on,omitzero"`
}

// Plan is the target of one period: revenue, a number of contracts, or
// both. A plan for another period than the one evaluated is ignored. The
// zero Plan is refused: its period and a target are required.
type Plan struct {
	Period    Period              `json:"period"`
	Revenue   decimal.NullDecimal `json:"revenue"`
	Contracts int                 `json:"contracts,omitempty"`
}

// Contract is a signed contract as a fact: the client, the day and the
// amount. Contracts before the period tell which clients already signed
// (repeat requests, prospects); those in the period make its revenue.
// The zero Contract is refused.
type Contract struct {
	ID       string          `json:"id"`
	ClientID string          `json:"client_id"`
	SignedOn clientele.Date  `json:"signed_on"`
	Amount   decimal.Decimal `json:"amount"`
}

// Inputs are one manager's facts as the host keeps them: plain values,
// read, never changed. Activities outside the evaluated period are
// validated, then ignored and counted (Scorecard.OutsidePeriod), so a
// host may pass a whole year's log and evaluate each month of it. The
// zero Inputs is refused: the manager and the currency are required.
type Inputs struct {
	// ManagerID is the manager's ID in the host's system (the ID of an
	// authority.Actor), never a name.
	ManagerID string `json:"manager_id"`
	// Currency is the ISO 4217 code of every amount.
	Currency string `json:"currency"`
	// WorkingDays, when above zero, replaces the count of Mondays to
	// Fridays in the period (holidays, leave); at most the period's days.
	WorkingDays int        `json:"working_days,omitempty"`
	Activities  []Activity `json:"activities"`
	Deals       []Deal     `json:"deals"`
	Plans       []Plan     `json:"plans"`
	Contracts   []Contract `json:"contracts"`
}

func (in *Inputs) checkHead(p *validate.Problems, period Period) {
	p.ID("manager_id", in.ManagerID)
	if in.Currency == "" {
		p.Add("currency", nil, "is required")
	} else if _, ok := currency.MinorUnits(in.Currency); !ok {
		p.Add("currency", in.Currency, "is not a known ISO 4217 currency code")
	}
	if in.WorkingDays < 0 || in.WorkingDays > period.Days() {
		p.Addf("working_days", in.WorkingDays, "must be within 0..%d, the period's days", period.Days())
	}
}

// check validates d; stageIdx holds the config's index of each stage
// entry, -1 for a name the config does not have.
func (d *Deal) check(p *validate.Problems, stageIdx []int) {
	checkID(p, "id", d.ID)
	checkID(p, "client_id", d.ClientID)
	p.NonNegative("amount", d.Amount)
	if len(d.Stages) == 0 {
		p.Add("stages", nil, "is required: a deal enters the funnel at a stage")
	}
	var prev clientele.Date
	for i, s := range d.Stages {
		if stageIdx[i] >= 0 && s.On.IsValid() && (i == 0 || !prev.IsValid() || !s.On.Before(prev)) {
			prev = s.On // the usual entry: no field name to format
			continue
		}
		f := fmt.Sprintf("stages[%d]", i)
		if stageIdx[i] < 0 && p.Name(f+".stage", s.Stage) {
			p.Add(f+".stage", s.Stage, "is not one of the config's stages")
		}
		if p.Date(f+".on", s.On, true) {
			if i > 0 && prev.IsValid() && s.On.Before(prev) {
				p.Addf(f+".on", s.On, "goes back in time: the stage before was entered on %s", prev)
			}
			prev = s.On
		}
	}
	p.Date("expected_close", d.ExpectedClose, false)
	okWon := p.Date("won_on", d.WonOn, false)
	okLost := p.Date("lost_on", d.LostOn, false)
	switch {
	case !d.WonOn.IsZero() && !d.LostOn.IsZero():
		p.Add("lost_on", d.LostOn, "is set as well as won_on: a deal is won or lost, not both")
	case okWon && !d.WonOn.IsZero() && prev.IsValid() && d.WonOn.Before(prev):
		p.Addf("won_on", d.WonOn, "is before the last stage change (%s)", prev)
	case okLost && !d.LostOn.IsZero() && prev.IsValid() && d.LostOn.Before(prev):
		p.Addf("lost_on", d.LostOn, "is before the last stage change (%s)", prev)
	}
}

// plain reports whether check would find nothing wrong with d, for the
// usual deal: plain ASCII IDs (see plainID), an amount in range and not
// negative, known stages (stageIdx as for check) on valid days that
// never go back, valid optional days, and won or lost, not both, on or
// after the last stage's day. It formats nothing. A deal it refuses goes
// through check, which words the problems, or passes it (an ID with a
// space or a letter outside ASCII).
func (d *Deal) plain(stageIdx []int) bool {
	if !plainID(d.ID) || !plainID(d.ClientID) || !validate.InRange(d.Amount) || d.Amount.Sign() < 0 || len(d.Stages) == 0 {
		return false
	}
	var last clientele.Date // unset: before every valid day
	for i := range d.Stages {
		on := d.Stages[i].On
		if stageIdx[i] < 0 || !on.IsValid() || on.Before(last) {
			return false
		}
		last = on
	}
	return (d.ExpectedClose.IsZero() || d.ExpectedClose.IsValid()) &&
		(d.WonOn.IsZero() || d.WonOn.IsValid() && !d.WonOn.Before(last) && d.LostOn.IsZero()) &&
		(d.LostOn.IsZero() || d.LostOn.IsValid() && !d.LostOn.Before(last))
}

func (pl *Plan) check(p *validate.Problems) {
	pl.Period.check(p, "period")
	if !pl.Revenue.Valid && pl.Contracts == 0 {
		p.Add("revenue", nil, "is required unless contracts is set: a plan sets a target")
	}
	if pl.Revenue.Valid && p.NonNegative("revenue", pl.Revenue.Decimal) && pl.Revenue.Decimal.Sign() == 0 {
		p.Add("revenue", pl.Revenue.Decimal, "must be above zero")
	}
	if pl.Contracts < 0 {
		p.Add("contracts", pl.Contracts, "must not be negative")
	}
}

func (c *Contract) check(p *validate.Problems) {
	checkID(p, "id", c.ID)
	checkID(p, "client_id", c.ClientID)
	p.Date("signed_on", c.SignedOn, true)
	p.NonNegative("amount", c.Amount)
}

// plain reports whether check would find nothing wrong with pl, for
// the usual plan: a valid period of at most MaxPeriodDays, a revenue in
// range and above zero or none with a count of contracts, and a count
// not negative. It formats nothing; a plan it refuses goes through
// check.
func (pl *Plan) plain() bool {
	p := pl.Period
	if !p.From.IsValid() || !p.To.IsValid() || p.To.Before(p.From) || p.Days() > MaxPeriodDays || pl.Contracts < 0 {
		return false
	}
	if !pl.Revenue.Valid {
		return pl.Contracts > 0
	}
	return validate.InRange(pl.Revenue.Decimal) && pl.Revenue.Decimal.Sign() > 0
}

// plain reports whether check would find nothing wrong with c, for the
// usual contract: plain ASCII IDs (see plainID), a valid day and an
// amount in range and not negative. It formats nothing; a contract it
// refuses goes through check.
func (c *Contract) plain() bool {
	return plainID(c.ID) && plainID(c.ClientID) && c.SignedOn.IsValid() && validate.InRange(c.Amount) && c.Amount.Sign() >= 0
}

// checkID applies the library's ID rule, taking the cheap path for the
// usual plain ASCII ID.
func checkID(p *validate.Problems, field, id string) {
	if !plainID(id) {
		p.ID(field, id)
	}
}

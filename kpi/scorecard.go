package kpi

import (
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

// Result is one criterion's verdict: what was measured, against which
// benchmark, how far it got and what that means, in words. Measured,
// Attainment and Score are rounded half-up to two decimal places for
// display; the status is decided on the exact values. The zero Result is
// an unset criterion.
type Result struct {
	Criterion Criterion `json:"criterion"`
	// Measured is the value in Unit; zero when not measured.
	Measured decimal.Decimal `json:"measured"`
	// Unit says what Measured counts ("meetings per working day", "%").
	Unit    string          `json:"unit"`
	Target  decimal.Decimal `json:"target"`
	Exceeds decimal.Decimal `json:"exceeds"`
	// Attainment is Measured as a percentage of Target.
	Attainment decimal.Decimal `json:"attainment"`
	Status     Status          `json:"status"`
	// Score is Attainment capped at the config's ScoreCap.
	Score  decimal.Decimal `json:"score"`
	Weight decimal.Decimal `json:"weight"`
	// Findings explain the verdict to the manager: the first is the
	// verdict (or why there is none), the rest what lies behind it.
	Findings []Finding `json:"findings"`
}

// Unreached is a client met DecisionMakerMeetings times or more in the
// period with no contract signed by its end: the right person was most
// likely not reached.
type Unreached struct {
	ClientID string         `json:"client_id"`
	Meetings int            `json:"meetings"`
	First    clientele.Date `json:"first"`
	Last     clientele.Date `json:"last"`
	// Present and Absent count the meetings whose log says a decision
	// maker attended or did not; the rest are unknown.
	Present int `json:"present"`
	Absent  int `json:"absent"`
}

// DeferredDeal is a deal that was ready to sign before the period ended
// but was won in the first days of the next period while the plan was
// already met or would have been exceeded with it: revenue shifted.
type DeferredDeal struct {
	Deal     string          `json:"deal"`
	ClientID string          `json:"client_id"`
	ReadyOn  clientele.Date  `json:"ready_on"`
	WonOn    clientele.Date  `json:"won_on"`
	Amount   decimal.Decimal `json:"amount"`
}

// PlanResult is plan fulfilment (criterion 6) with the deferred deals.
// The zero PlanResult is a period without a plan.
type PlanResult struct {
	// Revenue and Contracts are the contracts signed in the period.
	Revenue   decimal.Decimal `json:"revenue"`
	Contracts int             `json:"contracts"`
	// Plan is the period's plan; HasPlan is false when none was given.
	Plan    Plan `json:"plan"`
	HasPlan bool `json:"has_plan"`
	// Fulfilment is the percentage of the plan reached (of the revenue
	// plan when there is one, else of the contracts plan), two decimals.
	Fulfilment decimal.NullDecimal `json:"fulfilment"`
	// Over is the revenue above the revenue plan (zero when under).
	Over     decimal.Decimal `json:"over"`
	Deferred []DeferredDeal  `json:"deferred"`
	// Shifted is the revenue of the deferred deals.
	Shifted decimal.Decimal `json:"shifted"`
}

// StageCount is one row of the funnel: the deals worked in the period
// that had reached the stage (or a later one) by its end, and that
// number as a percentage of the row before (two decimals; null for the
// first row or an empty row before).
type StageCount struct {
	Stage      string              `json:"stage"`
	Reached    int                 `json:"reached"`
	Conversion decimal.NullDecimal `json:"conversion"`
}

// StaleDeal is an open deal whose stage has not changed for the config's
// StaleDays or more by the period's end.
type StaleDeal struct {
	Deal     string          `json:"deal"`
	ClientID string          `json:"client_id"`
	Stage    string          `json:"stage"`
	Since    clientele.Date  `json:"since"`
	Days     int             `json:"days"`
	Amount   decimal.Decimal `json:"amount"`
}

// FunnelResult is the opportunity funnel of the period (criterion 7).
// Worked counts the deals in the funnel during the period: entered by its
// end and not closed before its start.
type FunnelResult struct {
	Stages []StageCount `json:"stages"`
	Worked int          `json:"worked"`
	Won    int          `json:"won"`
	Lost   int          `json:"lost"`
	Open   int          `json:"open"`
	// Overdue counts the open deals whose expected close date passed
	// before the period's end.
	Overdue int `json:"overdue"`
	// Rate is Won as a percentage of Worked (two decimals): the article's
	// "at least 1 in 10 signs".
	Rate decimal.NullDecimal `json:"rate"`
	// Weighted is the pipeline open at the period's end: the sum of each
	// open deal's amount times its stage's probability, computed exactly
	// and rounded once, half-up, to the currency's minor unit.
	Weighted decimal.Decimal `json:"weighted"`
	Stale    []StaleDeal     `json:"stale"`
}

// RepeatResult is the repeat-request rate of service markets: of the
// clients who signed in the period, those who had signed before it.
type RepeatResult struct {
	Asked   bool                `json:"asked"`
	Clients int                 `json:"clients"`
	Repeat  int                 `json:"repeat"`
	Rate    decimal.NullDecimal `json:"rate"`
}

// Scorecard is one manager's verdict for one period: the seven criteria
// in the article's order, plan, funnel and repeat requests in detail,
// the overall score, and every finding in words a head of sales could
// read to the manager. Build one with Evaluate; the zero Scorecard is
// empty.
type Scorecard struct {
	ManagerID   string `json:"manager_id"`
	Period      Period `json:"period"`
	Profile     string `json:"profile"`
	Currency    string `json:"currency"`
	WorkingDays int    `json:"working_days"`
	// Criteria holds the seven results, Criteria[0] being criterion 1.
	Criteria  [7]Result    `json:"criteria"`
	Plan      PlanResult   `json:"plan"`
	Funnel    FunnelResult `json:"funnel"`
	Unreached []Unreached  `json:"unreached"`
	Repeat    RepeatResult `json:"repeat"`
	// Overall is the weighted mean of the measured criteria's scores
	// (two decimals, half-up); null when no weighted criterion could be
	// measured.
	Overall decimal.NullDecimal `json:"overall"`
	// OutsidePeriod counts the activities dated outside the period,
	// validated and ignored.
	OutsidePeriod int `json:"outside_period"`
	// Findings are the scorecard's conclusions beyond the criteria.
	Findings []Finding `json:"findings"`
}

// Result returns the result of criterion c (the zero Result for an
// unknown one).
func (s *Scorecard) Result(c Criterion) Result {
	if !c.IsValid() {
		return Result{}
	}
	return s.Criteria[c-1]
}

// Summary writes the scorecard as a head of sales reads it: the overall
// score, each criterion's verdict with its findings, then the other
// findings.
func (s *Scorecard) Summary() string {
	var b strings.Builder
	b.WriteString("Manager " + s.ManagerID + ", " + s.Period.String() + " (" + s.Profile + " profile): ")
	if s.Overall.Valid {
		b.WriteString("overall score " + s.Overall.Decimal.StringFixed(2) + ".\n")
	} else {
		b.WriteString("no criterion could be scored.\n")
	}
	for i, r := range s.Criteria {
		b.WriteString(string(rune('1'+i)) + ". " + r.Criterion.Title() + ": ")
		if len(r.Findings) > 0 {
			b.WriteString(r.Findings[0].String())
		}
		b.WriteString("\n")
		for _, f := range r.Findings[min(1, len(r.Findings)):] {
			b.WriteString("   - " + f.String() + "\n")
		}
	}
	for _, f := range s.Findings {
		b.WriteString("* " + f.String() + "\n")
	}
	return b.String()
}

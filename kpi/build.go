package kpi

import (
	"github.com/shopspring/decimal"
)

// scorecard turns the tallies of one pass into the verdict.
func (e *evaluator) scorecard(in *Inputs, t *tally) Scorecard {
	s := Scorecard{ManagerID: in.ManagerID, Period: e.period, Profile: e.cfg.Profile, Currency: in.Currency,
		WorkingDays: in.WorkingDays, OutsidePeriod: t.outside}
	if s.WorkingDays == 0 {
		s.WorkingDays = e.period.WorkingDays()
	}
	meetings := t.kinds[ActivityMeeting]
	e.found = e.found[:0]
	var ends [len(s.Criteria) + 1]int // criterion i's findings end at ends[i+1]

	events := e.rate(CriterionEvents, t.kinds[ActivityEvent], s.WorkingDays, "events")
	e.found = append(e.found, Finding{Kind: FindingEvents, Counts: [4]int{t.kinds[ActivityEvent], s.WorkingDays}})
	ends[1] = len(e.found)

	organisation := e.organisation()
	ends[2] = len(e.found)

	referrals := e.percentCounts(CriterionReferrals, t.kinds[ActivityReferralRequest], meetings)
	if meetings == 0 {
		e.found = append(e.found, Finding{Kind: FindingNoMeeting})
	}
	e.found = append(e.found, Finding{Kind: FindingReferrals, Counts: [4]int{t.kinds[ActivityReferralRequest], meetings, t.kinds[ActivityReferral]}})
	ends[3] = len(e.found)

	meets := e.rate(CriterionMeetings, meetings, s.WorkingDays, "meetings")
	e.found = append(e.found, Finding{Kind: FindingMeetings, Counts: [4]int{meetings, s.WorkingDays}})
	ends[4] = len(e.found)

	decisionMaker := e.decisionMaker(&s)
	ends[5] = len(e.found)
	plan := e.plan(in, t, &s)
	ends[6] = len(e.found)
	funnel := e.funnel(in, t, &s)
	ends[7] = len(e.found)

	s.Criteria = [7]Result{events, organisation, referrals, meets, decisionMaker, plan, funnel}
	s.Overall = e.overall(&s.Criteria)
	e.repeat(&s)
	if t.outside > 0 {
		e.found = append(e.found, Finding{Kind: FindingOutsidePeriod, Counts: [4]int{t.outside}})
	}
	// One allocation holds every finding; each criterion's list is a
	// slice of it, capped so that an append by the caller copies.
	all := make([]Finding, len(e.found))
	copy(all, e.found)
	for i := range s.Criteria {
		s.Criteria[i].Findings = all[ends[i]:ends[i+1]:ends[i+1]]
	}
	if rest := all[ends[7]:]; len(rest) > 0 {
		s.Findings = rest
	}
	return s
}

// overall is the weighted mean of the measured criteria's scores.
func (e *evaluator) overall(rs *[7]Result) decimal.NullDecimal {
	if o, ok := e.overallCounts(rs); ok {
		return o
	}
	sum, weights := decimal.Zero, decimal.Zero
	for _, r := range rs {
		if r.Status == StatusNotMeasured || r.Weight.Sign() == 0 {
			continue
		}
		sum = sum.Add(r.Score.Mul(r.Weight))
		weights = weights.Add(r.Weight)
	}
	if weights.Sign() == 0 {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(sum.DivRound(weights, 2))
}

// repeat is the repeat-request rate of service profiles: of the clients
// who signed in the period, those who had signed before it.
func (e *evaluator) repeat(s *Scorecard) {
	if !e.cfg.RepeatRequests {
		return
	}
	r := RepeatResult{Asked: true}
	for i := range e.clients {
		if c := &e.clients[i]; c.signedInPeriod {
			r.Clients++
			if c.signed.Before(e.period.From) {
				r.Repeat++
			}
		}
	}
	if r.Clients == 0 {
		e.found = append(e.found, Finding{Kind: FindingNoRepeat})
	} else {
		r.Rate = decimal.NewNullDecimal(percentOf(r.Repeat, r.Clients))
		e.found = append(e.found, Finding{Kind: FindingRepeat, Counts: [4]int{r.Repeat, r.Clients}, Amounts: [4]decimal.Decimal{r.Rate.Decimal}})
	}
	s.Repeat = r
}

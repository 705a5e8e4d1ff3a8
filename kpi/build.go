package kpi

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// scorecard turns the tallies of one pass into the verdict.
func (e *evaluator) scorecard(in *Inputs, t *tally) Scorecard {
	s := Scorecard{Manager: in.Manager, Period: e.period, Profile: e.cfg.Profile, Currency: in.Currency,
		WorkingDays: in.WorkingDays, OutsidePeriod: t.outside}
	if s.WorkingDays == 0 {
		s.WorkingDays = e.period.WorkingDays()
	}
	meetings := t.kinds[ActivityMeeting]

	events := e.rate(CriterionEvents, t.kinds[ActivityEvent], s.WorkingDays, "events")
	events.Findings = append(events.Findings, "Attended "+plural(t.kinds[ActivityEvent], "event", "events")+
		" (conferences, exhibitions) in "+plural(s.WorkingDays, "working day", "working days")+".")

	referrals := e.percent(CriterionReferrals, count(t.kinds[ActivityReferralRequest]), count(meetings))
	if meetings == 0 {
		referrals.Findings = []string{"No meeting was held to ask for referrals at."}
	}
	referrals.Findings = append(referrals.Findings, "Asked for referrals "+plural(t.kinds[ActivityReferralRequest], "time", "times")+
		" at "+plural(meetings, "meeting", "meetings")+" and obtained "+plural(t.kinds[ActivityReferral], "referral", "referrals")+".")

	meets := e.rate(CriterionMeetings, meetings, s.WorkingDays, "meetings")
	meets.Findings = append(meets.Findings, "Held "+plural(meetings, "meeting", "meetings")+" in "+plural(s.WorkingDays, "working day", "working days")+".")

	s.Criteria = [7]Result{events, e.organisation(), referrals, meets, e.decisionMaker(&s), e.plan(in, t, &s), e.funnel(in, t, &s)}
	s.Overall = e.overall(&s.Criteria)
	e.repeat(&s)
	if t.outside > 0 {
		s.Findings = append(s.Findings, fmt.Sprintf("%s dated outside the period ignored.", plural(t.outside, "activity", "activities")))
	}
	return s
}

// overall is the weighted mean of the measured criteria's scores.
func (e *evaluator) overall(rs *[7]Result) decimal.NullDecimal {
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
	for _, sg := range e.signed {
		if sg.inPeriod {
			r.Clients++
			if sg.first.Before(e.period.From) {
				r.Repeat++
			}
		}
	}
	if r.Clients == 0 {
		s.Findings = append(s.Findings, "Repeat requests: no client signed in the period.")
	} else {
		r.Rate = decimal.NewNullDecimal(count(r.Repeat*100).DivRound(count(r.Clients), 2))
		s.Findings = append(s.Findings, fmt.Sprintf("Repeat requests: %d of %s who signed in the period had signed before (%s%%); in service markets effectiveness shows in repeat requests.",
			r.Repeat, plural(r.Clients, "client", "clients"), r.Rate.Decimal.StringFixed(2)))
	}
	s.Repeat = r
}

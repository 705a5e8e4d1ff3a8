package kpi

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Evaluate scores one manager over one period against cfg: the seven
// criteria, plan fulfilment with deferred deals, the funnel, repeat
// requests, the overall score, and the findings in words. It makes one
// pass over each input list; activities outside the period are
// validated, then ignored and counted. Bad config, period or inputs
// return an error matching ErrInvalid that names every field and value
// (the first 100 problems, and how many more).
func Evaluate(cfg Config, in Inputs, period Period) (Scorecard, error) {
	e, err := newEvaluator(cfg, period)
	if err != nil {
		return Scorecard{}, err
	}
	return e.evaluate(&in)
}

// evaluator holds a validated config and period and the scratch space
// one manager's evaluation needs, reused manager after manager so that
// a team costs no allocation per activity. It is not safe for
// concurrent use.
type evaluator struct {
	cfg      Config
	period   Period
	next     Period // the period right after, for deferred deals
	readyIdx int
	shareNeed
	// found collects one scorecard's findings in the criteria's order.
	found []Finding
	// counts holds each criterion's benchmark in int64 for judgeCounts,
	// rateUnit the unit of the criteria counted per working days.
	counts   [CriterionFunnel + 1]countBenchmark
	scoreCap fixed
	rateUnit [CriterionFunnel + 1]string
	// scoreH[c] is criterion c's score in hundredths when scoreOK[c].
	scoreH  [CriterionFunnel + 1]int64
	scoreOK [CriterionFunnel + 1]bool

	days []dayCount
	// clients holds what the log and the contracts say about each
	// client, in the order first met, then first signed; clientAt finds
	// a client's place in it.
	clientAt   idTable
	clients    []clientAgg
	plans      map[Period]int
	ids        idSeen
	mostMet    []Unreached
	stageIdx   []int
	reachedAt  []int
	openAt     []exactsum.Running // the amounts of the deals open at the end, by stage
	candidates []DeferredDeal
	stale      []StaleDeal
	staleOrder []int32
	// planned holds the periods of a manager's first valid plans, plans
	// those past maxScannedPlans (see firstPlan).
	planned []plannedPeriod
	stageAt stageNames // finds a deal's stages in the config
}

// dayCount is one day's activities by kind: counted by indexing, with no
// branch on the kind.
type dayCount [ActivityProposal + 1]int32

// clientAgg is one client's meetings in the period and contracts by its
// end.
type clientAgg struct {
	client          string
	meetings        int
	first, last     clientele.Date // the first and last meeting
	present, absent int
	// signed is the first contract's day by the period's end, zero if
	// none; signedInPeriod says whether one falls in the period.
	signed         clientele.Date
	signedInPeriod bool
	unreached      bool // met often, never signed: set by decisionMaker
}

func newEvaluator(cfg Config, period Period) (*evaluator, error) {
	var p validate.Problems
	cfg.check(&p)
	if err := p.Err(ErrInvalid); err != nil {
		var q validate.Problems
		q.Merge("config", err)
		period.check(&q, "period")
		return nil, q.Err(ErrInvalid)
	}
	if !period.check(&p, "period") {
		return nil, p.Err(ErrInvalid)
	}
	e := &evaluator{
		cfg:       cfg,
		period:    period,
		next:      period.Next(),
		readyIdx:  cfg.stageIndex(cfg.ReadyStage),
		shareNeed: shareNeed{share: cfg.CleanDayShare},
		days:      make([]dayCount, period.Days()),
		plans:     map[Period]int{},
		reachedAt: make([]int, len(cfg.Stages)),
		openAt:    make([]exactsum.Running, len(cfg.Stages)),
		scoreCap:  fixedOf(cfg.ScoreCap),
		stageAt:   newStageNames(cfg.Stages),
	}
	for _, c := range Criteria() {
		b := cfg.Benchmarks.Of(c)
		e.counts[c] = countBenchmark{target: fixedOf(b.Target), exceeds: fixedOf(b.Exceeds), weight: fixedOf(b.Weight)}
	}
	e.rateUnit[CriterionEvents] = rateUnit("events", cfg.Benchmarks.Of(CriterionEvents).PerWorkingDays)
	e.rateUnit[CriterionMeetings] = rateUnit("meetings", cfg.Benchmarks.Of(CriterionMeetings).PerWorkingDays)
	return e, nil
}

// tally is what one pass over a manager's inputs counts.
type tally struct {
	kinds   [ActivityProposal + 1]int
	outside int

	revenue   exactsum.Running
	contracts int

	plan   int // index into Inputs.Plans, -1 if none
	funnel FunnelResult
}

func (e *evaluator) reset() {
	clear(e.days)
	e.clientAt.reset()
	clear(e.plans)
	clear(e.reachedAt)
	clear(e.openAt)
	e.clients = e.clients[:0]
	e.candidates = e.candidates[:0]
	e.stale = e.stale[:0]
}

func (e *evaluator) evaluate(in *Inputs) (Scorecard, error) {
	e.reset()
	var p validate.Problems
	p.Limit("inputs", validate.MaxListed)
	in.checkHead(&p, e.period)
	t := tally{plan: -1}
	e.activities(&p, in.Activities, &t)
	e.contracts(&p, in.Contracts, &t)
	e.deals(&p, in.Deals, &t)
	e.findPlan(&p, in.Plans, &t)
	if err := p.Err(ErrInvalid); err != nil {
		return Scorecard{}, err
	}
	return e.scorecard(in, &t), nil
}

// activities counts the log in one pass: activities by day and kind,
// and each meeting into its client's aggregate while the entry is at
// hand (a second pass over the log's meetings would read it again). The
// common entry passes a cheap check; only a suspicious one goes through
// the full validation. The day's count is indexed by kind, so the usual
// entry branches only on whether it is a meeting.
func (e *evaluator) activities(p *validate.Problems, list []Activity, t *tally) {
	from, days := e.period.From, len(e.days)
	for i := range list {
		a := &list[i]
		var plain bool // plainID, its usual case written out to make no call
		if id := a.ClientID; len(id) >= 8 && len(id) <= 16 {
			plain = plainWords(word(id[:8]), word(id[len(id)-8:]))
		} else {
			plain = plainOtherID(id) || a.Kind == ActivityEvent && id == ""
		}
		if !plain || !a.Kind.IsValid() || !a.On.IsValid() ||
			a.DecisionMaker != PresenceUnknown && (a.Kind != ActivityMeeting || a.DecisionMaker > DecisionMakerAbsent) {
			var q validate.Problems
			if a.check(&q); q.Len() > 0 {
				p.Merge(fmt.Sprintf("activities[%d]", i), q.Err(ErrInvalid))
				continue
			}
		}
		off := a.On.Sub(from)
		if off < 0 || off >= days {
			t.outside++
			continue
		}
		e.days[off][a.Kind]++
		if a.Kind == ActivityMeeting {
			e.meeting(a)
		}
	}
	var calls, meetings, events, requests, referrals, proposals int32
	for i := range e.days {
		d := &e.days[i]
		calls += d[ActivityCall]
		meetings += d[ActivityMeeting]
		events += d[ActivityEvent]
		requests += d[ActivityReferralRequest]
		referrals += d[ActivityReferral]
		proposals += d[ActivityProposal]
	}
	t.kinds = [ActivityProposal + 1]int{ActivityCall: int(calls), ActivityMeeting: int(meetings), ActivityEvent: int(events),
		ActivityReferralRequest: int(requests), ActivityReferral: int(referrals), ActivityProposal: int(proposals)}
}

// client returns the aggregate of client id, appending an empty one for
// a client not seen yet.
func (e *evaluator) client(id string) *clientAgg {
	at, slot := e.clientAt.find(id)
	if at < 0 {
		at = int32(len(e.clients))
		e.clients = append(e.clients, clientAgg{client: id})
		e.clientAt.add(slot, at)
	}
	return &e.clients[at]
}

func (e *evaluator) meeting(a *Activity) {
	m := e.client(a.ClientID)
	if m.meetings == 0 || a.On.Before(m.first) {
		m.first = a.On
	}
	if m.meetings == 0 || a.On.After(m.last) {
		m.last = a.On
	}
	m.meetings++
	switch a.DecisionMaker {
	case DecisionMakerPresent:
		m.present++
	case DecisionMakerAbsent:
		m.absent++
	}
}

// contracts sums the period's revenue and notes each client's first
// signing by the period's end. The usual contract passes a cheap check
// (Contract.plain); only one it refuses goes through the full
// validation, which words the problems under "contracts[i]".
func (e *evaluator) contracts(p *validate.Problems, list []Contract, t *tally) {
	e.ids.reset()
	for i := range list {
		c := &list[i]
		e.ids.note(i, c.ID)
		if !c.plain() {
			var q validate.Problems
			if c.check(&q); q.Len() > 0 {
				p.Merge(fmt.Sprintf("contracts[%d]", i), q.Err(ErrInvalid))
				continue
			}
		}
		if c.SignedOn.After(e.period.To) {
			continue
		}
		s := e.client(c.ClientID)
		if s.signed.IsZero() || c.SignedOn.Before(s.signed) {
			s.signed = c.SignedOn
		}
		if !c.SignedOn.Before(e.period.From) {
			s.signedInPeriod = true
			t.revenue.Add(c.Amount)
			t.contracts++
		}
	}
	e.ids.report(p, "contracts", "id", func(i int) string { return list[i].ID })
}

// findPlan picks the plan of the evaluated period and reports each
// period planned twice. The usual plan passes a cheap check
// (Plan.plain); only one it refuses goes through the full validation,
// which words the problems under "plans[i]".
func (e *evaluator) findPlan(p *validate.Problems, list []Plan, t *tally) {
	e.planned = e.planned[:0]
	for i := range list {
		pl := &list[i]
		if !pl.plain() {
			var q validate.Problems
			if pl.check(&q); q.Len() > 0 {
				p.Merge(fmt.Sprintf("plans[%d]", i), q.Err(ErrInvalid))
				continue
			}
		}
		if first, dup := e.firstPlan(pl.Period, i); dup {
			p.Add(fmt.Sprintf("plans[%d].period", i), pl.Period, validate.RepeatReason("plans", first, "period"))
			continue
		}
		if pl.Period == e.period {
			t.plan = i
		}
	}
}

// deals builds the funnel: stage counts, won and lost in the period,
// the weighted pipeline and stale deals at its end, and the deals ready
// before the end but won just after it. The usual deal passes a cheap
// check (Deal.plain) with no field name built and no closure called;
// only one it refuses goes through the full validation, which words the
// problems under "deals[i]".
func (e *evaluator) deals(p *validate.Problems, list []Deal, t *tally) {
	e.ids.reset()
	for i := range list {
		d := &list[i]
		e.ids.note(i, d.ID)
		e.stageIdx = e.stageIdx[:0]
		for _, s := range d.Stages {
			e.stageIdx = append(e.stageIdx, e.stageAt.index(s.Stage))
		}
		if !d.plain(e.stageIdx) {
			var q validate.Problems
			if d.check(&q, e.stageIdx); q.Len() > 0 {
				p.Merge(fmt.Sprintf("deals[%d]", i), q.Err(ErrInvalid))
				continue
			}
		}
		e.deal(d, t)
	}
	e.ids.report(p, "deals", "id", func(i int) string { return list[i].ID })
}

func (e *evaluator) deal(d *Deal, t *tally) {
	from, to := e.period.From, e.period.To
	if d.Stages[0].On.After(to) {
		return // not in the funnel yet
	}
	closed := d.WonOn
	if closed.IsZero() {
		closed = d.LostOn
	}
	if !closed.IsZero() && closed.Before(from) {
		return // closed before the period
	}
	f := &t.funnel
	f.Worked++
	highest, current := 0, 0 // current is an index into d.Stages
	var ready clientele.Date
	for i, s := range d.Stages {
		if s.On.After(to) {
			break
		}
		idx := e.stageIdx[i]
		highest = max(highest, idx)
		current = i
		if idx >= e.readyIdx && ready.IsZero() {
			ready = s.On
		}
	}
	e.reachedAt[highest]++
	switch {
	case e.period.Contains(d.WonOn):
		f.Won++
		return
	case e.period.Contains(d.LostOn):
		f.Lost++
		return
	}
	f.Open++
	if !d.ExpectedClose.IsZero() && d.ExpectedClose.Before(to) {
		f.Overdue++
	}
	now := d.Stages[current]
	e.openAt[e.stageIdx[current]].Add(d.Amount)
	if days := to.Sub(now.On); days >= e.cfg.StaleDays {
		e.stale = append(e.stale, StaleDeal{Deal: d.ID, ClientID: d.ClientID, Stage: now.Stage,
			Since: now.On, Days: days, Amount: d.Amount})
	}
	if !ready.IsZero() && !d.WonOn.Before(e.next.From) && d.WonOn.Sub(e.next.From) < e.cfg.DeferWindowDays {
		e.candidates = append(e.candidates, DeferredDeal{Deal: d.ID, ClientID: d.ClientID, ReadyOn: ready, WonOn: d.WonOn, Amount: d.Amount})
	}
}

// minorUnits returns the currency's decimal places (validated before).
func minorUnits(code string) int32 {
	n, _ := currency.MinorUnits(code)
	return n
}

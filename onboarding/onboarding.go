package onboarding

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/validate"
)

// Onboarding is one trainee's way through the plan: the state, what was
// done when and by whom, and the log of every event. It is a value: Apply
// returns the next record and never changes the one it is called on, so
// a refused event cannot leave a half-applied record.
//
// The zero Onboarding has no ID and no trainee: Apply and Validate name
// both as required. Build one with New.
type Onboarding struct {
	ID      string          `json:"id"`
	Trainee authority.Actor `json:"trainee"`
	State   State           `json:"state"`
	// Started is the day of the start event.
	Started clientele.Date `json:"started,omitzero"`
	// Stages records each stage begun: when, when passed, extensions.
	Stages    []StageRecord  `json:"stages,omitempty"`
	TasksDone []TaskDone     `json:"tasks_done,omitempty"`
	Mentors   []Mentorship   `json:"mentors,omitempty"`
	Results   []ResultsEntry `json:"results,omitempty"`
	Attempts  []Attempt      `json:"attempts,omitempty"`
	Reviews   []ReviewRecord `json:"reviews,omitempty"`
	// Ended and EndReason are set when the onboarding reaches a final
	// state: completed, not passed (with the failed gate or test), or
	// dismissed (with the reason given).
	Ended     clientele.Date `json:"ended,omitzero"`
	EndReason string         `json:"end_reason,omitempty"`
	// Log is the timeline: every accepted event, oldest first.
	Log []Entry `json:"log,omitempty"`
	// Version is the store's optimistic-concurrency version: 0 for a
	// record never stored.
	Version int64 `json:"version"`
}

// StageRecord is one stage as the trainee went through it.
//
// The zero StageRecord is none; Apply makes them.
type StageRecord struct {
	Stage   Stage          `json:"stage"`
	Started clientele.Date `json:"started"`
	// Passed is the day its gate was passed; unset while in it.
	Passed clientele.Date `json:"passed,omitzero"`
	// ExtraDays are the working days added to the plan's target by extend
	// events.
	ExtraDays int `json:"extra_days,omitempty"`
}

// TaskDone is a checklist task done.
//
// The zero TaskDone is none; Apply makes them.
type TaskDone struct {
	TaskID string          `json:"task_id"`
	On     clientele.Date  `json:"on"`
	By     authority.Actor `json:"by"`
}

// Entry is one accepted event in the timeline, with what it did in words.
//
// The zero Entry is none; Apply makes them.
type Entry struct {
	On    clientele.Date  `json:"on"`
	Event EventKind       `json:"event"`
	By    authority.Actor `json:"by"`
	From  State           `json:"from"`
	To    State           `json:"to"`
	// Note says what happened, for a person.
	Note string `json:"note"`
}

// MaxLogEntries bounds the events of one onboarding: far more than six
// months of daily records, and the bound that keeps every sum of
// recorded results exact.
const MaxLogEntries = 10_000

// New returns a pending onboarding of the trainee, or ErrInvalid naming
// a malformed ID or trainee.
func New(id string, trainee authority.Actor) (Onboarding, error) {
	var p validate.Problems
	p.ID("id", id)
	p.Merge("trainee", trainee.Validate())
	if err := p.Err(ErrInvalid); err != nil {
		return Onboarding{}, err
	}
	return Onboarding{ID: id, Trainee: trainee, State: StatePending}, nil
}

// Validate reports the record's structural problems: a malformed ID or
// trainee, an unknown state, an oversized log, a record whose version is
// negative. It does not replay the events: Apply is the one way records
// change, and it keeps them consistent.
func (o Onboarding) Validate() error {
	var p validate.Problems
	o.checkHead(&p)
	if o.Version < 0 {
		p.Add("version", o.Version, "must not be negative")
	}
	for i, e := range o.Log {
		if i > 0 && e.On.Before(o.Log[i-1].On) {
			p.Addf(fmt.Sprintf("log[%d].on", i), e.On, "is before log[%d].on (%s): dates must not go backwards", i-1, o.Log[i-1].On)
			break
		}
	}
	return p.Err(ErrInvalid)
}

func (o *Onboarding) checkHead(p *validate.Problems) {
	p.ID("id", o.ID)
	p.Merge("trainee", o.Trainee.Validate())
	switch {
	case o.State == 0:
		p.Add("state", nil, "is required (build the record with New)")
	case !o.State.IsValid():
		p.Add("state", o.State, "is not a state of the lifecycle")
	}
	if st := o.State.Stage(); st != 0 && (len(o.Stages) == 0 || o.Stages[len(o.Stages)-1].Stage != st) {
		p.Addf("stages", len(o.Stages), "must end with the record of stage %s, the state's (build the record with New and Apply)", st)
	}
	for _, l := range [...]struct {
		name string
		n    int
	}{{"stages", len(o.Stages)}, {"tasks_done", len(o.TasksDone)}, {"mentors", len(o.Mentors)}, {"results", len(o.Results)},
		{"attempts", len(o.Attempts)}, {"reviews", len(o.Reviews)}, {"log", len(o.Log)}} {
		if l.n > MaxLogEntries {
			p.Addf(l.name, l.n, "holds more than %d entries, the limit of one onboarding", MaxLogEntries)
		}
	}
	// The counts are summed (the mentor's bonus): bounded, no sum overflows.
	p.Each("results", len(o.Results), func(q *validate.Problems, i int) { o.Results[i].Results.check(q, "results") })
}

// Clone returns a deep copy.
func (o Onboarding) Clone() Onboarding { return o.clone(0) }

// clone returns a deep copy whose log has room for extra more entries,
// so Apply's copy takes its new entry without copying the log again.
// Every slice is fresh, down to each attempt's answers and each review's
// shortfalls: nothing in the copy aliases o's backing arrays.
func (o Onboarding) clone(extra int) Onboarding {
	o.Stages = slices.Clone(o.Stages)
	o.TasksDone = slices.Clone(o.TasksDone)
	o.Mentors = slices.Clone(o.Mentors)
	o.Results = slices.Clone(o.Results)
	o.Attempts = slices.Clone(o.Attempts)
	for i := range o.Attempts {
		o.Attempts[i].Answers = slices.Clone(o.Attempts[i].Answers)
	}
	o.Reviews = slices.Clone(o.Reviews)
	for i := range o.Reviews {
		o.Reviews[i].Shortfalls = slices.Clone(o.Reviews[i].Shortfalls)
	}
	if o.Log != nil || extra > 0 { // a nil log stays nil in a copy
		o.Log = append(make([]Entry, 0, len(o.Log)+extra), o.Log...)
	}
	return o
}

// Can reports whether the lifecycle table has a row for the event in the
// current state. The event may still be refused by its gate or its
// input: Check says for sure.
func (o Onboarding) Can(event EventKind) bool { return o.State.Can(event) }

// Events returns the events the table allows in the current state.
func (o Onboarding) Events() []EventKind { return o.State.Events() }

// Check reports whether Apply would accept e: nil, a *TransitionError or
// ErrInvalid's *clientele.ValidationError.
func (o Onboarding) Check(plan Plan, e Event) error {
	_, err := o.Apply(plan, e)
	return err
}

// Apply records the event and returns the changed onboarding; o itself
// is not changed, and the result shares no memory with o or e, so a
// caller may keep both (the stored version and the next). It checks the
// plan, the event and the record, then the lifecycle table and the
// event's gate, and only then changes a copy and logs the event. Errors
// (with the zero Onboarding): ErrInvalid (a *clientele.ValidationError:
// the plan, the event or its payload is bad: a score above the maximum,
// the trainee as their own mentor, a date before the last event),
// ErrInvalidTransition (a *TransitionError: the event is not allowed in
// the state, or the gate is not met, with what blocks it).
func (o Onboarding) Apply(plan Plan, e Event) (Onboarding, error) {
	var p validate.Problems
	o.checkHead(&p)
	p.Merge("plan", plan.Validate())
	e.check(&p)
	if len(o.Log) == MaxLogEntries {
		p.Addf("log", len(o.Log), "is full: an onboarding records at most %d events", MaxLogEntries)
	}
	if n := len(o.Log); n > 0 && e.On.IsValid() && e.On.Before(o.Log[n-1].On) {
		last := o.Log[n-1]
		p.Addf("on", e.On, "is before the last recorded event (%s on %s): dates must not go backwards", last.Event, last.On)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Onboarding{}, err
	}
	if !o.State.Can(e.Kind) {
		return Onboarding{}, o.refuse(e.Kind, notInTable(o.State), nil)
	}
	next := o.clone(1)
	to, note, err := next.apply(&plan, &e)
	if err != nil {
		return Onboarding{}, err
	}
	if !allows(o.State, e.Kind, to) {
		// The table is the one source of truth: a guard that chose a
		// destination the table lacks is refused, not silently applied.
		return Onboarding{}, o.refuse(e.Kind, fmt.Sprintf("the lifecycle has no move from %s to %s", o.State, to), nil)
	}
	next.Log = append(next.Log, Entry{On: e.On, Event: e.Kind, By: e.By, From: o.State, To: to, Note: note})
	next.State = to
	return next, nil
}

func notInTable(s State) string {
	if s.IsFinal() {
		return "the onboarding has ended; no event applies"
	}
	names := make([]string, 0, 8)
	for _, k := range s.Events() {
		names = append(names, k.String())
	}
	return "the event does not happen in this state (it allows " + strings.Join(names, ", ") + ")"
}

func (o *Onboarding) refuse(k EventKind, reason string, blockers []Blocker) error {
	return &TransitionError{OnboardingID: o.ID, State: o.State, Event: k, Reason: reason, Blockers: blockers}
}

// invalid returns a one-problem validation error.
func invalid(field string, value any, reason string) error {
	var p validate.Problems
	p.Add(field, value, reason)
	return p.Err(ErrInvalid)
}

// apply changes o (a clone) for the event and returns the state it leads
// to and the timeline's note.
func (o *Onboarding) apply(pl *Plan, e *Event) (State, string, error) {
	st := o.State.Stage()
	switch e.Kind {
	case EventStart:
		o.Started = e.On
		o.Stages = append(o.Stages, StageRecord{Stage: StageIntroduction, Started: e.On})
		return StateIntroduction, fmt.Sprintf("onboarding of %s started: stage 1, introduction", o.Trainee.ID), nil

	case EventCompleteTask:
		return o.completeTask(pl, e, st)

	case EventAssignMentor:
		return o.assignMentor(pl, e)

	case EventRecordResults:
		if len(o.Mentors) == 0 {
			return 0, "", o.refuse(e.Kind, "results are recorded during mentoring", []Blocker{noMentorBlocker()})
		}
		o.Results = append(o.Results, ResultsEntry{On: e.On, By: e.By, Results: *e.Results})
		return o.State, "results recorded: " + e.Results.String(), nil

	case EventScoreTest:
		return o.scoreTest(pl, e, st)

	case EventReviewPeriod:
		return o.reviewPeriod(pl, e)

	case EventExtend:
		rec := o.current()
		if rec.ExtraDays+e.Days > MaxTargetDays {
			return 0, "", invalid("days", e.Days, fmt.Sprintf("would extend the stage by %d working days in all, the limit is %d", rec.ExtraDays+e.Days, MaxTargetDays))
		}
		rec.ExtraDays += e.Days
		target := pl.stage(st).TargetDays + rec.ExtraDays
		return o.State, fmt.Sprintf("stage %d (%s) extended by %s to %d: %s", st, st, count(e.Days, "working day", "working days"), target, e.Reason), nil

	case EventPassGate:
		if bl := o.blockers(pl, e.On); len(bl) > 0 {
			return 0, "", o.refuse(e.Kind, fmt.Sprintf("the gate of stage %d (%s) is not met", st, st), bl)
		}
		o.current().Passed = e.On
		if st == StageSupervisedWork {
			o.Ended = e.On
			return StateCompleted, "stage 4 (supervised_work) passed: onboarding completed, the manager works independently", nil
		}
		o.Stages = append(o.Stages, StageRecord{Stage: st + 1, Started: e.On})
		return stateOf(st + 1), fmt.Sprintf("stage %d (%s) passed: stage %d (%s) begins", st, st, st+1, st+1), nil

	case EventFailGate:
		o.Ended, o.EndReason = e.On, fmt.Sprintf("failed the gate of stage %d (%s): %s", st, st, e.Reason)
		return StateNotPassed, "not passed: " + o.EndReason, nil

	default: // EventDismiss: the table admits nothing else
		o.Ended, o.EndReason = e.On, "dismissed: "+e.Reason
		return StateDismissed, o.EndReason, nil
	}
}

// current returns the record of the stage the trainee is in.
func (o *Onboarding) current() *StageRecord { return &o.Stages[len(o.Stages)-1] }

func (o *Onboarding) completeTask(pl *Plan, e *Event, st Stage) (State, string, error) {
	t, tst, ok := pl.task(e.TaskID)
	if !ok {
		return 0, "", invalid("task_id", e.TaskID, "is not a task of the plan")
	}
	if tst > st {
		return 0, "", o.refuse(e.Kind, fmt.Sprintf("task %s belongs to stage %d (%s), and the trainee is in stage %d (%s)", t.ID, tst, tst, st, st), nil)
	}
	for _, d := range o.TasksDone {
		if d.TaskID == t.ID {
			return 0, "", invalid("task_id", t.ID, fmt.Sprintf("was done already, on %s by %s", d.On, d.By.ID))
		}
	}
	o.TasksDone = append(o.TasksDone, TaskDone{TaskID: t.ID, On: e.On, By: e.By})
	return o.State, fmt.Sprintf("task %s done (%s, owner %s)", t.ID, t.Title, t.Owner), nil
}

func (o *Onboarding) assignMentor(pl *Plan, e *Event) (State, string, error) {
	m := *e.Mentor
	var p validate.Problems
	if m.Actor.ID == o.Trainee.ID {
		p.Add("mentor.actor.id", m.Actor.ID, "is the trainee: a trainee cannot mentor themselves")
	}
	if len(o.Mentors) > 0 && o.Mentors[len(o.Mentors)-1].Mentor.Actor.ID == m.Actor.ID {
		p.Add("mentor.actor.id", m.Actor.ID, "is the mentor already")
	}
	if m.SellingSince.After(e.On) {
		p.Addf("mentor.selling_since", m.SellingSince, "is after the assignment day %s", e.On)
	} else if got, need := m.ExperienceMonths(e.On), pl.Mentoring.MinExperienceMonths; got < need {
		p.Addf("mentor.selling_since", m.SellingSince, "gives %s of sales experience on %s; the plan requires at least %d", count(got, "month", "months"), e.On, need)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return 0, "", err
	}
	o.Mentors = append(o.Mentors, Mentorship{Mentor: m, AssignedOn: e.On, AssignedBy: e.By})
	verb := "assigned"
	if len(o.Mentors) > 1 {
		verb = "assigned, replacing " + o.Mentors[len(o.Mentors)-2].Mentor.Actor.ID
	}
	return o.State, fmt.Sprintf("mentor %s %s (%s of sales experience)", m.Actor.ID, verb, count(m.ExperienceMonths(e.On), "month", "months")), nil
}

func (o *Onboarding) scoreTest(pl *Plan, e *Event, st Stage) (State, string, error) {
	if !pl.stage(st).Gate.KnowledgeTest {
		return 0, "", o.refuse(e.Kind, "the plan holds no knowledge test in this stage", nil)
	}
	if o.testPassed() {
		return 0, "", o.refuse(e.Kind, "the knowledge test is passed already", nil)
	}
	tp := &pl.Test
	if !tp.canExamine(e.By) {
		return 0, "", invalid("by.role", e.By.Role, "may not score the knowledge test; the plan's examiners are "+strings.Join(tp.Examiners, ", "))
	}
	a := Attempt{Number: len(o.Attempts) + 1, On: e.On, Examiner: e.By, Answers: slices.Clone(e.Answers), PassMark: tp.PassMark}
	a.Points, a.MaxPoints, a.Percent, a.Passed = score(e.Answers, tp.PassMark)
	o.Attempts = append(o.Attempts, a)
	note := a.Explain()
	switch left := 1 + tp.Retries - a.Number; {
	case a.Passed:
		return o.State, note, nil
	case left > 0:
		return o.State, note + fmt.Sprintf("; %s left", retriesLeft(left)), nil
	default:
		o.Ended = e.On
		o.EndReason = fmt.Sprintf("failed the knowledge test %d times, the last chance included (%s)", a.Number, o.attemptScores())
		return StateNotPassed, note + "; no retry left: onboarding not passed", nil
	}
}

func retriesLeft(n int) string {
	if n == 1 {
		return "one more, final chance"
	}
	return fmt.Sprintf("%d more chances", n)
}

// attemptScores lists the attempts' percentages: "60 %, then 70 %".
func (o *Onboarding) attemptScores() string {
	parts := make([]string, len(o.Attempts))
	for i, a := range o.Attempts {
		parts[i] = a.Percent.String() + " %"
	}
	return strings.Join(parts, ", then ") + "; pass mark " + o.Attempts[len(o.Attempts)-1].PassMark.String() + " %"
}

func (o *Onboarding) testPassed() bool {
	return slices.ContainsFunc(o.Attempts, func(a Attempt) bool { return a.Passed })
}

func (o *Onboarding) reviewPeriod(pl *Plan, e *Event) (State, string, error) {
	rv, sp := *e.Review, &pl.Supervision
	var p validate.Problems
	if n := rv.To.Sub(rv.From) + 1; n != sp.PeriodDays {
		p.Addf("review.to", rv.To, "makes a period of %d days (%s..%s); the plan's review period is %d days", n, rv.From, rv.To, sp.PeriodDays)
	}
	if since := o.current().Started; rv.From.Before(since) {
		p.Addf("review.from", rv.From, "is before supervised work began on %s", since)
	}
	if n := len(o.Reviews); n > 0 && !rv.From.After(o.Reviews[n-1].To) {
		p.Addf("review.from", rv.From, "is not after the previous period, which ended on %s: periods must not overlap or go backwards", o.Reviews[n-1].To)
	}
	if rv.To.After(e.On) {
		p.Addf("review.to", rv.To, "is after the review day %s: a period is reviewed once it has ended", e.On)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return 0, "", err
	}
	short := rv.Results.shortOf(sp.Targets)
	o.Reviews = append(o.Reviews, ReviewRecord{Review: rv, On: e.On, By: e.By, Targets: sp.Targets, OnTarget: len(short) == 0, Shortfalls: short})
	if len(short) == 0 {
		return o.State, fmt.Sprintf("review of %s..%s: on target (%s; targets %s)", rv.From, rv.To, rv.Results, sp.Targets), nil
	}
	return o.State, fmt.Sprintf("review of %s..%s: short of %s", rv.From, rv.To, strings.Join(short, ", ")), nil
}

package onboarding

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// BlockerCode names what stands in the way of the next stage. The zero
// value is unset.
type BlockerCode uint8

const (
	// BlockTaskNotDone: a required task of the stage is not done.
	BlockTaskNotDone BlockerCode = iota + 1
	// BlockNoMentor: the stage's gate wants a mentor, none is assigned.
	BlockNoMentor
	// BlockTestNotPassed: the knowledge test is not passed.
	BlockTestNotPassed
	// BlockNotReady: supervised work does not show readiness yet.
	BlockNotReady
)

var blockerNames = enum.Names{"", "task_not_done", "no_mentor", "test_not_passed", "not_ready"}

// ParseBlockerCode returns the code named s.
func ParseBlockerCode(s string) (BlockerCode, error) {
	return enum.Parse[BlockerCode](blockerNames, "blocker", s)
}

func (c BlockerCode) String() string { return enum.String(blockerNames, "BlockerCode", c) }

// IsValid reports whether c is one of the named codes.
func (c BlockerCode) IsValid() bool { return enum.Valid(blockerNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset code is an error.
func (c BlockerCode) MarshalText() ([]byte, error) {
	return enum.Marshal(blockerNames, "BlockerCode", c)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *BlockerCode) UnmarshalText(b []byte) error {
	return enum.Unmarshal(blockerNames, "blocker", c, b)
}

// Blocker is one thing that keeps the trainee in the stage.
//
// The zero Blocker is none; Status and TransitionError carry them.
type Blocker struct {
	Code BlockerCode `json:"code"`
	// TaskID is the task not done (task_not_done).
	TaskID  string `json:"task_id,omitempty"`
	Message string `json:"message"`
}

func noMentorBlocker() Blocker {
	return Blocker{Code: BlockNoMentor, Message: "no mentor is assigned"}
}

// blockers lists what keeps the trainee from passing the current stage's
// gate on day on, in the plan's order.
func (o *Onboarding) blockers(pl *Plan, on clientele.Date) []Blocker {
	st := o.State.Stage()
	if st == 0 {
		return nil
	}
	sp := pl.stage(st)
	var out []Blocker
	for _, t := range sp.Tasks {
		if t.Required && !o.done(t.ID) {
			out = append(out, Blocker{Code: BlockTaskNotDone, TaskID: t.ID,
				Message: fmt.Sprintf("required task %s (%s, owner %s) is not done", t.ID, t.Title, t.Owner)})
		}
	}
	if sp.Gate.Mentor && len(o.Mentors) == 0 {
		out = append(out, noMentorBlocker())
	}
	if sp.Gate.KnowledgeTest && !o.testPassed() {
		out = append(out, Blocker{Code: BlockTestNotPassed, Message: o.testProgress(&pl.Test)})
	}
	if sp.Gate.Readiness {
		if r := o.readiness(&pl.Supervision); !r.Ready {
			out = append(out, Blocker{Code: BlockNotReady, Message: r.Message})
		}
	}
	return out
}

func (o *Onboarding) done(taskID string) bool {
	for _, d := range o.TasksDone {
		if d.TaskID == taskID {
			return true
		}
	}
	return false
}

// testProgress says where the knowledge test stands, for a trainee who
// has not passed it.
func (o *Onboarding) testProgress(tp *TestPolicy) string {
	n := len(o.Attempts)
	if n == 0 {
		return "the knowledge test is not taken yet"
	}
	left := 1 + tp.Retries - n
	return fmt.Sprintf("the knowledge test is not passed: %s (%s), %s left", count(n, "failed attempt", "failed attempts"), o.attemptScores(), retriesLeftOrNone(left))
}

func retriesLeftOrNone(n int) string {
	if n <= 0 {
		return "no chance"
	}
	return retriesLeft(n)
}

// TaskStatus is a task overdue on the day asked about.
//
// The zero TaskStatus is none; StatusOn makes them.
type TaskStatus struct {
	TaskID string `json:"task_id"`
	Title  string `json:"title"`
	Owner  Owner  `json:"owner"`
	// Due is the working day by which it was due.
	Due clientele.Date `json:"due"`
	// DaysLate is the working days since Due, the day asked about
	// included.
	DaysLate int    `json:"days_late"`
	Message  string `json:"message"`
}

// TestStatus is where the knowledge test stands.
//
// The zero TestStatus is none; StatusOn makes it.
type TestStatus struct {
	Attempts int  `json:"attempts"`
	Passed   bool `json:"passed"`
	// ChancesLeft is how many more attempts a failure leaves.
	ChancesLeft int `json:"chances_left"`
	// Opens and Closes are the review window: the answers are checked
	// from the start of sales training to Closes, the result due by then.
	Opens  clientele.Date `json:"opens"`
	Closes clientele.Date `json:"closes"`
	// Overdue: not passed and the window closed before the day asked.
	Overdue bool   `json:"overdue"`
	Message string `json:"message"`
}

// Status is an onboarding seen on one day: where the trainee is, how
// long they have been there against the target, what is overdue, what
// blocks the next stage, the test, the mentor's bonus, readiness, the
// pace to full productivity, and the timeline. Summary says it all in
// words.
//
// The zero Status is the empty result returned with an error.
type Status struct {
	AsOf         clientele.Date `json:"as_of"`
	OnboardingID string         `json:"onboarding_id"`
	TraineeID    string         `json:"trainee_id"`
	State        State          `json:"state"`
	// Stage is the current stage; unset before the start and after the
	// end.
	Stage      Stage          `json:"stage,omitzero"`
	StageSince clientele.Date `json:"stage_since,omitzero"`
	// DaysInStage counts working days from StageSince to AsOf, both
	// included; TargetDays is the plan's target plus extensions;
	// DaysOver is how far DaysInStage exceeds it.
	DaysInStage  int           `json:"days_in_stage"`
	TargetDays   int           `json:"target_days"`
	DaysOver     int           `json:"days_over"`
	OverdueTasks []TaskStatus  `json:"overdue_tasks,omitempty"`
	Blockers     []Blocker     `json:"blockers,omitempty"`
	Test         *TestStatus   `json:"test,omitempty"`
	Bonus        *BonusCheck   `json:"bonus,omitempty"`
	Readiness    *Readiness    `json:"readiness,omitempty"`
	Productivity *Productivity `json:"productivity,omitempty"`
	Timeline     []Entry       `json:"timeline"`
	Summary      string        `json:"summary"`
}

// StatusOn describes the onboarding on day asOf under the plan. Errors:
// ErrInvalid (a bad plan or record, an unset day, or a day before the
// last recorded event: the past is not reconstructed).
func (o Onboarding) StatusOn(plan Plan, asOf clientele.Date) (Status, error) {
	var p validate.Problems
	o.checkHead(&p)
	p.Merge("plan", plan.Validate())
	if p.Date("as_of", asOf, true) {
		if n := len(o.Log); n > 0 && asOf.Before(o.Log[n-1].On) {
			p.Addf("as_of", asOf, "is before the last recorded event (%s on %s)", o.Log[n-1].Event, o.Log[n-1].On)
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Status{}, err
	}
	pl := &plan
	s := Status{AsOf: asOf, OnboardingID: o.ID, TraineeID: o.Trainee.ID, State: o.State, Timeline: append([]Entry{}, o.Log...)}
	var lines []string
	switch st := o.State.Stage(); {
	case o.State == StatePending:
		lines = append(lines, fmt.Sprintf("trainee %s has not started onboarding", o.Trainee.ID))
	case st != 0:
		lines = o.stageStatus(pl, &s, st)
	default:
		lines = append(lines, fmt.Sprintf("onboarding of %s ended on %s: %s", o.Trainee.ID, o.Ended, o.endWords()))
	}
	if len(o.Mentors) > 0 {
		b := o.bonusCheck(&pl.Mentoring, asOf)
		s.Bonus = &b
		lines = append(lines, b.Message)
	}
	if o.Started.IsValid() && o.State != StateNotPassed && o.State != StateDismissed {
		var reached clientele.Date
		if r := o.readiness(&pl.Supervision); r.Ready {
			reached = r.Since
		} else if o.State == StateCompleted {
			reached = o.Ended
		}
		pr := productivity(o.Started, reached, asOf, pl.Supervision.FullProductivityMonths)
		s.Productivity = &pr
		lines = append(lines, "full productivity: "+pr.Message)
	}
	for i, l := range lines {
		if l != "" && l[0] >= 'a' && l[0] <= 'z' {
			lines[i] = string(l[0]-'a'+'A') + l[1:]
		}
	}
	s.Summary = strings.Join(lines, ". ") + "."
	return s, nil
}

func (o *Onboarding) endWords() string {
	if o.State == StateCompleted {
		return "completed, the manager works independently"
	}
	return o.EndReason
}

// stageStatus fills the in-stage parts of s and returns their sentences.
func (o *Onboarding) stageStatus(pl *Plan, s *Status, st Stage) []string {
	rec := o.current()
	sp := pl.stage(st)
	s.Stage, s.StageSince = st, rec.Started
	s.DaysInStage = clientele.WorkingDays(rec.Started, s.AsOf)
	s.TargetDays = sp.TargetDays + rec.ExtraDays
	s.DaysOver = max(0, s.DaysInStage-s.TargetDays)
	lines := []string{fmt.Sprintf("trainee %s is in stage %d of %d (%s) since %s: working day %d of a target of %d",
		o.Trainee.ID, st, NumStages, st, rec.Started, s.DaysInStage, s.TargetDays)}
	if s.DaysOver > 0 {
		lines[0] += fmt.Sprintf(", %d over", s.DaysOver)
	}
	for _, t := range sp.Tasks {
		if o.done(t.ID) {
			continue
		}
		due := clientele.WorkingDay(rec.Started, t.dueDay(sp)+extraFor(t, rec))
		if late := clientele.WorkingDays(due.AddDays(1), s.AsOf); late > 0 {
			ts := TaskStatus{TaskID: t.ID, Title: t.Title, Owner: t.Owner, Due: due, DaysLate: late,
				Message: fmt.Sprintf("task %s (%s, owner %s) was due on %s, %s late", t.ID, t.Title, t.Owner, due, count(late, "working day", "working days"))}
			s.OverdueTasks = append(s.OverdueTasks, ts)
			lines = append(lines, ts.Message)
		}
	}
	if sp.Gate.KnowledgeTest {
		ts := o.testStatus(&pl.Test, rec.Started, s.AsOf)
		s.Test = &ts
		lines = append(lines, ts.Message)
	}
	if st == StageSupervisedWork {
		r := o.readiness(&pl.Supervision)
		s.Readiness = &r
		if r.Ready || !sp.Gate.Readiness {
			lines = append(lines, r.Message) // else the blocker says it
		}
	}
	s.Blockers = o.blockers(pl, s.AsOf)
	if len(s.Blockers) == 0 {
		lines = append(lines, "the gate is met: the stage can be passed")
	} else {
		msgs := make([]string, len(s.Blockers))
		for i, b := range s.Blockers {
			msgs[i] = b.Message
		}
		lines = append(lines, "blocked: "+strings.Join(msgs, "; "))
	}
	return lines
}

// extraFor moves a task due on the stage's last day by the stage's
// extensions; a task with its own due day keeps it.
func extraFor(t Task, rec *StageRecord) int {
	if t.DueDay == 0 {
		return rec.ExtraDays
	}
	return 0
}

func (o *Onboarding) testStatus(tp *TestPolicy, since, asOf clientele.Date) TestStatus {
	ts := TestStatus{Attempts: len(o.Attempts), Passed: o.testPassed(), ChancesLeft: max(0, 1+tp.Retries-len(o.Attempts)),
		Opens: since.AddDays(tp.ReviewMinDays), Closes: since.AddDays(tp.ReviewMaxDays)}
	switch {
	case ts.Passed:
		a := o.Attempts[len(o.Attempts)-1]
		ts.Message = fmt.Sprintf("the knowledge test was passed on %s at attempt %d (%s %%)", a.On, a.Number, a.Percent)
	case asOf.After(ts.Closes):
		ts.Overdue = true
		ts.Message = fmt.Sprintf("the knowledge test is overdue: its review window closed on %s", ts.Closes)
	default:
		ts.Message = fmt.Sprintf("the knowledge test's answers are checked from %s; the result is due between %s and %s", since, ts.Opens, ts.Closes)
	}
	return ts
}

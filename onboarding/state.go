package onboarding

import (
	"slices"

	"github.com/clientele-go/clientele/internal/enum"
)

// State is where a trainee's onboarding stands in its lifecycle:
//
//	pending ─start─► introduction ─pass_gate─► product ─pass_gate─► sales_training ─pass_gate─► supervised_work ─pass_gate─► completed
//
//	introduction, product, sales_training, supervised_work ─fail_gate─► not_passed
//	sales_training ─score_test (a failure with no retry left)─► not_passed
//	pending and every stage ─dismiss─► dismissed
//
// Inside a stage complete_task, assign_mentor, record_results and extend
// (and score_test in sales training, review_period in supervised work)
// add to the record without changing the state. The table is
// [Transitions]; completed, not_passed and dismissed are final.
type State uint8

const (
	// StatePending is an onboarding created but not started.
	StatePending State = iota + 1
	// StateIntroduction is stage 1.
	StateIntroduction
	// StateProduct is stage 2.
	StateProduct
	// StateSalesTraining is stage 3.
	StateSalesTraining
	// StateSupervisedWork is stage 4.
	StateSupervisedWork
	// StateCompleted: the trainee works independently.
	StateCompleted
	// StateNotPassed: the trainee failed a gate, the knowledge test's
	// final chance included; the record keeps the reason.
	StateNotPassed
	// StateDismissed: the onboarding ended for another reason (the trainee
	// left, the company let them go); the record keeps the reason.
	StateDismissed
)

var stateNames = enum.Names{"", "pending", "introduction", "product", "sales_training", "supervised_work", "completed", "not_passed", "dismissed"}

// ParseState returns the state named s.
func ParseState(s string) (State, error) { return enum.Parse[State](stateNames, "onboarding state", s) }

func (s State) String() string { return enum.String(stateNames, "State", s) }

// IsValid reports whether s is one of the named states.
func (s State) IsValid() bool { return enum.Valid(stateNames, s) }

// Stage returns the training stage of an in-stage state, 0 otherwise.
func (s State) Stage() Stage {
	if s >= StateIntroduction && s <= StateSupervisedWork {
		return Stage(s - StateIntroduction + 1)
	}
	return 0
}

// IsFinal reports whether s ends the onboarding: no event applies.
func (s State) IsFinal() bool {
	return s == StateCompleted || s == StateNotPassed || s == StateDismissed
}

// stateOf returns the in-stage state of a stage.
func stateOf(st Stage) State { return State(st) + StateIntroduction - 1 }

// MarshalText implements encoding.TextMarshaler; an unset state is an error.
func (s State) MarshalText() ([]byte, error) { return enum.Marshal(stateNames, "State", s) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *State) UnmarshalText(b []byte) error {
	return enum.Unmarshal(stateNames, "onboarding state", s, b)
}

// Transition is one row of the lifecycle table: in state From, the event
// Event may lead to state To. An event with two rows from one state
// (score_test in sales training) goes to the one its outcome selects.
//
// The zero Transition is no row of the table.
type Transition struct {
	From  State
	Event EventKind
	To    State
}

// transitions is the lifecycle table, the one place that says which
// event may happen in which state.
var transitions = buildTransitions()

func buildTransitions() []Transition {
	t := []Transition{
		{StatePending, EventStart, StateIntroduction},
		{StatePending, EventDismiss, StateDismissed},
	}
	for s := StateIntroduction; s <= StateSupervisedWork; s++ {
		t = append(t,
			Transition{s, EventCompleteTask, s},
			Transition{s, EventAssignMentor, s},
			Transition{s, EventRecordResults, s},
			Transition{s, EventExtend, s},
		)
		switch s {
		case StateSalesTraining:
			t = append(t, Transition{s, EventScoreTest, s}, Transition{s, EventScoreTest, StateNotPassed})
		case StateSupervisedWork:
			t = append(t, Transition{s, EventReviewPeriod, s})
		}
		t = append(t,
			Transition{s, EventPassGate, s + 1}, // supervised_work + 1 is completed
			Transition{s, EventFailGate, StateNotPassed},
			Transition{s, EventDismiss, StateDismissed},
		)
	}
	return t
}

// Transitions returns the lifecycle table, for documentation and tests.
func Transitions() []Transition { return slices.Clone(transitions) }

// Can reports whether the table has a row for event in state s.
// Whether the event is then accepted depends on its gate: see
// [Onboarding.Check].
func (s State) Can(event EventKind) bool {
	for _, t := range transitions {
		if t.From == s && t.Event == event {
			return true
		}
	}
	return false
}

// Events returns the events the table allows in state s, in table order,
// each once.
func (s State) Events() []EventKind {
	var out []EventKind
	for _, t := range transitions {
		if t.From == s && !slices.Contains(out, t.Event) {
			out = append(out, t.Event)
		}
	}
	return out
}

// allows reports whether the table has the row from -event-> to.
func allows(from State, event EventKind, to State) bool {
	return slices.Contains(transitions, Transition{from, event, to})
}

package onboarding

import (
	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// EventKind names what happened to an onboarding. The zero value is
// unset and fails validation.
type EventKind uint8

const (
	// EventStart begins stage 1 on its day.
	EventStart EventKind = iota + 1
	// EventCompleteTask marks a checklist task done (Event.TaskID).
	EventCompleteTask
	// EventAssignMentor assigns (or replaces) the mentor (Event.Mentor).
	EventAssignMentor
	// EventRecordResults records the trainee's results while mentored:
	// calls made, applications received, meetings (Event.Results).
	EventRecordResults
	// EventScoreTest records one attempt at the product knowledge test,
	// scored by the examiner (Event.By) question by question
	// (Event.Answers). A failed last attempt ends the onboarding as not
	// passed.
	EventScoreTest
	// EventReviewPeriod records a performance review of supervised work
	// against the plan's targets (Event.Review).
	EventReviewPeriod
	// EventExtend adds working days to the current stage's target
	// (Event.Days), with a reason.
	EventExtend
	// EventPassGate moves to the next stage (or completes stage 4) when the
	// stage's gate is met.
	EventPassGate
	// EventFailGate ends the onboarding as not passed, with a reason: the
	// trainee could not cope with the stage.
	EventFailGate
	// EventDismiss ends the onboarding for another reason, with it.
	EventDismiss
)

var eventNames = enum.Names{"", "start", "complete_task", "assign_mentor", "record_results", "score_test",
	"review_period", "extend", "pass_gate", "fail_gate", "dismiss"}

// ParseEventKind returns the event kind named s.
func ParseEventKind(s string) (EventKind, error) {
	return enum.Parse[EventKind](eventNames, "event", s)
}

func (k EventKind) String() string { return enum.String(eventNames, "EventKind", k) }

// IsValid reports whether k is one of the named event kinds.
func (k EventKind) IsValid() bool { return enum.Valid(eventNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k EventKind) MarshalText() ([]byte, error) { return enum.Marshal(eventNames, "EventKind", k) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *EventKind) UnmarshalText(b []byte) error { return enum.Unmarshal(eventNames, "event", k, b) }

// Event is one thing that happened to an onboarding, on a day, by an
// actor. Kind says which of the payload fields it carries; the others
// must be empty, so an event cannot say two things at once.
//
// The zero Event has no kind: Apply refuses it, naming the missing kind,
// day and actor.
type Event struct {
	Kind EventKind      `json:"kind"`
	On   clientele.Date `json:"on"`
	// By is who recorded the event: the examiner for score_test, the
	// reviewer for review_period, the head of department for a gate.
	By authority.Actor `json:"by"`
	// TaskID is the plan task completed (complete_task).
	TaskID string `json:"task_id,omitempty"`
	// Mentor is the mentor assigned (assign_mentor).
	Mentor *Mentor `json:"mentor,omitempty"`
	// Results are the trainee's results since the last record
	// (record_results).
	Results *Results `json:"results,omitempty"`
	// Answers are the scored questions of a knowledge test attempt
	// (score_test).
	Answers []Answer `json:"answers,omitempty"`
	// Review is a supervised-work review (review_period).
	Review *Review `json:"review,omitempty"`
	// Days is the number of working days added to the stage's target
	// (extend).
	Days int `json:"days,omitempty"`
	// Reason says why (required for extend, fail_gate and dismiss). It
	// goes into the timeline and the end reason: refer to people by ID,
	// never by name.
	Reason string `json:"reason,omitempty"`
}

// MaxExtendDays bounds one extension: a working year.
const MaxExtendDays = 260

// check records the event's own problems: its kind, day and actor, and
// that it carries exactly the payload its kind needs.
func (e *Event) check(p *validate.Problems) {
	if !e.Kind.IsValid() {
		p.Add("kind", nil, "is required: one of start, complete_task, assign_mentor, record_results, score_test, review_period, extend, pass_gate, fail_gate, dismiss")
	}
	p.Date("on", e.On, true)
	p.Merge("by", e.By.Validate())
	p.Text("reason", e.Reason, validate.MaxTextLen)

	need := func(field string, set, wanted bool, what string) {
		switch {
		case wanted && !set:
			p.Add(field, nil, "is required: "+what)
		case !wanted && set:
			p.Addf(field, nil, "must be empty for a %s event", e.Kind)
		}
	}
	k := e.Kind
	need("task_id", e.TaskID != "", k == EventCompleteTask, "the plan task completed")
	need("mentor", e.Mentor != nil, k == EventAssignMentor, "the mentor assigned")
	need("results", e.Results != nil, k == EventRecordResults, "the trainee's results")
	need("answers", len(e.Answers) > 0, k == EventScoreTest, "the scored questions of the attempt")
	need("review", e.Review != nil, k == EventReviewPeriod, "the review of the period")
	if k == EventExtend {
		if e.Days < 1 || e.Days > MaxExtendDays {
			p.Addf("days", e.Days, "must be within 1..%d working days", MaxExtendDays)
		}
	} else if e.Days != 0 {
		p.Addf("days", e.Days, "must be empty for a %s event", k)
	}
	if (k == EventExtend || k == EventFailGate || k == EventDismiss) && e.Reason == "" {
		p.Addf("reason", nil, "is required: say why (%s)", k)
	}
	if e.TaskID != "" {
		p.ID("task_id", e.TaskID)
	}
	if e.Mentor != nil {
		e.Mentor.check(p, "mentor")
	}
	if e.Results != nil {
		e.Results.check(p, "results")
	}
	if e.Review != nil {
		e.Review.check(p, "review")
	}
	if len(e.Answers) > 0 {
		checkAnswers(p, e.Answers)
	}
}

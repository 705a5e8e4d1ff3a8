package contract

import (
	"fmt"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Status is a contract's state on a day, with the reason it is in it.
// The zero Status (State 0) is what StatusOn returns for an unset or
// invalid day: no state at all.
type Status struct {
	State State `json:"state"`
	// Since is the day the contract entered State; unset for a draft
	// with no recorded event.
	Since clientele.Date `json:"since,omitzero"`
	// End is the end date in force on the day: the agreed end, moved by
	// extensions and automatic renewals recorded or fallen due by then.
	End clientele.Date `json:"end"`
	// EndsEarlyOn is the day a termination given with notice takes
	// effect, while the notice runs; unset otherwise.
	EndsEarlyOn clientele.Date `json:"ends_early_on,omitzero"`
	// EndedEarlyOn is the day a termination or a supersession took
	// effect; obligations due after it lapse.
	EndedEarlyOn clientele.Date `json:"ended_early_on,omitzero"`
	// Reason says why the contract is in State, in words.
	Reason string `json:"reason"`
}

// StatusOn returns the contract's state on day, computed from its dates
// and the events recorded up to that day: a signed contract is active
// from its start date and expires the day after the end in force (an
// automatic renewal moves that end by its term unless notice was given
// in time); a termination takes effect when its notice runs out.
//
// StatusOn assumes a valid contract (Validate); an event the lifecycle
// refuses is skipped, never applied, and an unset or invalid day, or a
// contract without a valid start, gives the zero Status. It formats
// the Reason on every call; it is cheap beside a host's round trip, and
// the reports that need the state alone skip the words.
func (c Contract) StatusOn(day clientele.Date) Status { return c.statusOn(day, true) }

// statusOn is StatusOn, worded or not: a report that needs the state
// alone skips formatting the reason.
func (c *Contract) statusOn(day clientele.Date, explain bool) Status {
	if !day.IsValid() || !c.Start.IsValid() {
		return Status{}
	}
	r := newRun(c)
	r.explain = explain
	for _, e := range c.Events {
		if e.On.After(day) {
			break
		}
		_ = r.step(e) // a refused event is skipped; Validate reports it
	}
	r.advance(day)
	return r.status()
}

// Apply records event e and returns the changed contract; c itself is
// not changed, and the result shares no memory with c or e (every list
// and pointer is copied; a signature comes only from Policy.Sign's own
// copy), so a caller may keep both. It refuses (with
// the zero Contract), with a *TransitionError, an event the
// lifecycle does not allow in the contract's state on e.On, an event
// dated before the last recorded one, and any event during a
// termination's notice period; with ErrInvalid, a malformed event.
// Signing goes through Policy.Sign, which checks the document package
// and the signer's authority first.
func (c Contract) Apply(e Event) (Contract, error) {
	if e.Kind == EventSign {
		return Contract{}, &TransitionError{ContractID: c.ID, From: c.StatusOn(e.On).State, Event: e.Kind, On: e.On,
			Reason: "signing goes through Policy.Sign, which checks the document package and the signer's authority"}
	}
	return c.apply(e)
}

func (c Contract) apply(e Event) (Contract, error) {
	var p validate.Problems
	p.Date("start", c.Start, true) // the calendar of the lifecycle counts from it
	e.check(&p)
	if err := p.Err(ErrInvalid); err != nil {
		return Contract{}, err
	}
	if err := c.replayTo(e.On).step(e); err != nil {
		return Contract{}, err
	}
	out := c.Clone()
	out.Events = append(out.Events, e)
	return out, nil
}

// replayTo runs every recorded event and the calendar up to day.
func (c *Contract) replayTo(day clientele.Date) *run {
	r := newRun(c)
	for _, e := range c.Events {
		_ = r.step(e)
	}
	r.advance(day)
	return r
}

// Can reports whether event k may be recorded on day: whether the
// lifecycle allows it in the contract's state on that day. For
// EventSign that is the lifecycle's half of the answer:
// Policy.CheckSigning adds the document package and the signer's
// authority.
func (c Contract) Can(k EventKind, day clientele.Date) bool {
	if !day.IsValid() || !c.Start.IsValid() || k.IsCalendar() || (len(c.Events) > 0 && day.Before(c.Events[len(c.Events)-1].On)) {
		return false
	}
	r := c.replayTo(day)
	return r.allows(k, day) == nil
}

// EventsOn returns the events that may be recorded on day, in the order
// of the EventKind constants.
func (c Contract) EventsOn(day clientele.Date) []EventKind {
	var out []EventKind
	for k := EventKind(1); k < numEvents; k++ {
		if c.Can(k, day) {
			out = append(out, k)
		}
	}
	return out
}

// run replays a contract's history: the recorded events in order, and
// between them the calendar (start, end, renewals, terminations taking
// effect). It keeps the cause of the latest change and the notes since
// (extensions, renewals), and words them only in status when asked:
// the reports that need the state alone format nothing and allocate
// nothing.
type run struct {
	c        *Contract
	explain  bool
	state    State
	since    clientele.Date
	cause    cause
	notes    []note
	last     clientele.Date // the day of the last event stepped
	signedOn clientele.Date
	end      clientele.Date // the end in force
	base     clientele.Date // the end renewals count from
	renewals int
	stopOn   clientele.Date // the first notice not to renew
	// endsOn is the day a termination takes effect; endsBy its event.
	endsOn clientele.Date
	endsBy Event
	ended  clientele.Date
}

// cause is what put the contract in its state: the event (recorded, or
// the calendar's) and the end in force then.
type cause struct {
	kind EventKind // 0: drafted; EventStart: active; EventEnd: expired or renewed
	e    Event
	end  clientele.Date
}

// note is an extension or a renewal link recorded since the cause.
type note struct {
	e    Event
	from clientele.Date // the end an extension moved
}

func newRun(c *Contract) *run {
	return &run{c: c, explain: true, state: StateDraft, end: c.End, base: c.End}
}

// reason words the cause and its notes.
func (r *run) reason() string {
	var why string
	switch cs := r.cause; cs.kind {
	case 0:
		why = "drafted, not yet agreed"
	case EventAgree:
		why = fmt.Sprintf("terms agreed on %s, not yet signed", cs.e.On)
	case EventSign:
		var by string
		if cs.e.Signature != nil { // a valid sign event has one; an invalid record must not panic
			by = cs.e.Signature.By.ID
		}
		why = fmt.Sprintf("signed on %s by %q, starts on %s", cs.e.On, by, r.c.Start)
	case EventStart:
		why = fmt.Sprintf("signed on %s, active from %s, ends %s", r.signedOn, r.since, cs.end)
	case EventEnd:
		if r.state == StateExpired {
			why = fmt.Sprintf("the end date %s passed before completion", cs.end)
		} else {
			why = fmt.Sprintf("signed on %s, renewed automatically (%d times) to %s", r.signedOn, r.renewals, cs.end)
		}
	case EventComplete:
		why = fmt.Sprintf("completed on %s: both parties performed", cs.e.On)
	case EventTerminate:
		why = fmt.Sprintf("terminated on notice given %s (%d days): %s", cs.e.On, cs.e.NoticeDays, cs.e.Reason)
	case EventSupersede:
		why = fmt.Sprintf("superseded on %s by contract %q", cs.e.On, cs.e.SuccessorID)
	}
	for _, n := range r.notes {
		if n.e.Kind == EventExtend {
			why += fmt.Sprintf("; extended on %s from %s to %s", n.e.On, n.from, n.e.NewEnd)
		} else {
			why += fmt.Sprintf("; renewed on %s by contract %q", n.e.On, n.e.SuccessorID)
		}
	}
	return why
}

// because records the cause of a new state, dropping the notes of the
// old one.
func (r *run) because(s State, since clientele.Date, c cause) {
	r.state, r.since, r.cause, r.notes = s, since, c, r.notes[:0]
}

// allows returns nil when k may be recorded on day, else a
// *TransitionError saying why not.
func (r *run) allows(k EventKind, day clientele.Date) error {
	te := &TransitionError{ContractID: r.c.ID, From: r.state, Event: k, On: day}
	switch {
	case k.IsCalendar():
		te.Reason = "it happens by the calendar and is never recorded"
	case day.Before(r.last):
		te.Reason = fmt.Sprintf("dated before the last recorded event, on %s", r.last)
	case !r.endsOn.IsZero() && !r.state.IsFinal():
		te.Reason = fmt.Sprintf("termination notice given; it takes effect on %s", r.endsOn)
	case k == EventStopAutoRenewal && r.c.AutoRenewal == nil:
		te.Reason = "the contract does not renew automatically"
	case k == EventStopAutoRenewal && !r.stopOn.IsZero():
		te.Reason = fmt.Sprintf("notice not to renew was already given on %s", r.stopOn)
	default:
		if _, ok := r.state.Next(k); ok {
			return nil
		}
	}
	return te
}

// legal reports, without building an error, whether the replay may
// apply e: the quiet twin of allows.
func (r *run) legal(e Event) bool {
	if !e.On.IsValid() || e.On.Before(r.last) || (!r.endsOn.IsZero() && !r.state.IsFinal()) {
		return false
	}
	if e.Kind == EventStopAutoRenewal && (r.c.AutoRenewal == nil || !r.stopOn.IsZero()) {
		return false
	}
	if e.Kind == EventExtend && !e.NewEnd.After(r.end) {
		return false
	}
	_, ok := r.state.Next(e.Kind)
	return ok && !e.Kind.IsCalendar()
}

// step applies recorded event e, first running the calendar up to its
// day; a refused event changes nothing.
func (r *run) step(e Event) error {
	if !e.On.IsValid() {
		return &TransitionError{ContractID: r.c.ID, From: r.state, Event: e.Kind, On: e.On, Reason: "the event has no valid day"}
	}
	r.advance(e.On)
	if !r.legal(e) {
		if err := r.allows(e.Kind, e.On); err != nil {
			return err
		}
		return &TransitionError{ContractID: r.c.ID, From: r.state, Event: e.Kind, On: e.On,
			Reason: fmt.Sprintf("the new end %s is not after the end in force, %s", e.NewEnd, r.end)}
	}
	r.last = e.On
	next, _ := r.state.Next(e.Kind)
	switch e.Kind {
	case EventAgree, EventComplete:
		r.because(next, e.On, cause{kind: e.Kind, e: e})
	case EventSign:
		r.signedOn = e.On
		r.because(next, e.On, cause{kind: e.Kind, e: e})
	case EventTerminate:
		r.endsOn, r.endsBy = e.On.AddDays(e.NoticeDays), e
	case EventExtend:
		if r.explain {
			r.notes = append(r.notes, note{e: e, from: r.end})
		}
		r.end, r.base, r.renewals = e.NewEnd, e.NewEnd, 0
	case EventRenew:
		if r.explain {
			r.notes = append(r.notes, note{e: e})
		}
	case EventStopAutoRenewal:
		r.stopOn = e.On
	case EventSupersede:
		r.ended = e.On
		r.because(next, e.On, cause{kind: e.Kind, e: e})
	}
	r.advance(e.On)
	return nil
}

// advance runs the calendar up to and including day: the start of a
// signed contract, a termination taking effect, the end passing (or an
// automatic renewal), in the order they fall.
func (r *run) advance(day clientele.Date) {
	for {
		switch {
		case r.state == StateSigned && !r.c.Start.After(day) && (r.endsOn.IsZero() || r.c.Start.Before(r.endsOn)):
			since := r.c.Start
			if r.signedOn.After(since) {
				since = r.signedOn
			}
			r.because(StateActive, since, cause{kind: EventStart, end: r.end})
		case !r.endsOn.IsZero() && !r.endsOn.After(day) && !r.state.IsFinal() && r.state != StateExpired &&
			(r.state != StateActive || !r.endsOn.After(r.end)):
			r.ended = r.endsOn
			r.because(StateTerminated, r.endsOn, cause{kind: EventTerminate, e: r.endsBy})
		case r.state == StateActive && r.end.Before(day):
			if r.renew() {
				r.because(StateActive, r.since, cause{kind: EventEnd, end: r.end})
			} else {
				r.because(StateExpired, r.end.AddDays(1), cause{kind: EventEnd, end: r.end})
			}
		default:
			return
		}
	}
}

// renew moves the end in force by one automatic-renewal term, and
// reports false when the contract does not renew: no automatic
// renewal, notice given in time, or a new end that is not later (an
// invalid term) or past year 9999.
func (r *run) renew() bool {
	a := r.c.AutoRenewal
	if a == nil || a.TermMonths < 1 {
		return false
	}
	if deadline := r.end.AddDays(-a.NoticeDays); !r.stopOn.IsZero() && !r.stopOn.After(deadline) {
		return false
	}
	next := r.base.AddMonths((r.renewals + 1) * a.TermMonths)
	if !next.IsValid() || !next.After(r.end) {
		return false
	}
	r.renewals++
	r.end = next
	return true
}

func (r *run) status() Status {
	s := Status{State: r.state, Since: r.since, End: r.end, EndedEarlyOn: r.ended}
	notice := !r.endsOn.IsZero() && !r.state.IsFinal() && r.state != StateExpired
	if notice {
		s.EndsEarlyOn = r.endsOn
	}
	if r.explain {
		s.Reason = r.reason()
		if notice {
			s.Reason += fmt.Sprintf("; termination notice given, effective %s", r.endsOn)
		}
	}
	return s
}

// ObligationOn returns the status on day of the contract's obligation
// i (an index into Obligations), with dueSoonDays as the due-soon
// window; false when i is out of range. Obligations due after an early
// end (termination, supersession) lapse; those due before stay owed.
func (c Contract) ObligationOn(i int, day clientele.Date, dueSoonDays int) (ObligationCheck, bool) {
	if i < 0 || i >= len(c.Obligations) || !day.IsValid() {
		return ObligationCheck{}, false
	}
	return c.Obligations[i].statusOn(day, c.statusOn(day, false).EndedEarlyOn, dueSoonDays), true
}

package contract

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/discount"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatusOnFollowsTheDatesAndEvents(t *testing.T) {
	c := signed(t)
	tests := []struct {
		on    string
		state State
		since string
		end   string
	}{
		{"2026-01-10", StateDraft, "", "2026-12-31"},
		{"2026-01-15", StateAgreed, "2026-01-15", "2026-12-31"},
		{"2026-01-31", StateSigned, "2026-01-20", "2026-12-31"},
		{"2026-02-01", StateActive, "2026-02-01", "2026-12-31"}, // the start date
		{"2026-12-31", StateActive, "2026-02-01", "2026-12-31"}, // the last day is still in force
		{"2027-01-01", StateExpired, "2027-01-01", "2026-12-31"},
	}
	for _, tt := range tests {
		st := c.StatusOn(day(tt.on))
		assert.Equal(t, tt.state, st.State, tt.on)
		if tt.since == "" {
			assert.True(t, st.Since.IsZero(), tt.on)
		} else {
			assert.Equal(t, day(tt.since), st.Since, tt.on)
		}
		assert.Equal(t, day(tt.end), st.End, tt.on)
		assert.NotEmpty(t, st.Reason)
	}
	assert.Equal(t, `signed on 2026-01-20, active from 2026-02-01, ends 2026-12-31`, c.StatusOn(day("2026-06-01")).Reason)
	assert.Equal(t, `the end date 2026-12-31 passed before completion`, c.StatusOn(day("2027-01-01")).Reason)
	assert.Equal(t, Status{}, c.StatusOn(clientele.Date{}), "an unset day has no status")
}

func TestSignedAfterTheStartIsActiveFromTheSigning(t *testing.T) {
	c := draft()
	c = apply(t, c, Event{Kind: EventAgree, On: day("2026-02-03")})
	c, err := policy(t).Sign(c, signature(anna, "2026-02-05"))
	require.NoError(t, err)
	st := c.StatusOn(day("2026-02-05"))
	assert.Equal(t, StateActive, st.State)
	assert.Equal(t, day("2026-02-05"), st.Since, "active from the signing, not from the start date before it")
}

func TestCompletion(t *testing.T) {
	c := apply(t, signed(t), Event{Kind: EventComplete, On: day("2026-11-30")})
	st := c.StatusOn(day("2027-06-01"))
	assert.Equal(t, StateCompleted, st.State, "a completed contract does not expire")
	assert.Equal(t, "completed on 2026-11-30: both parties performed", st.Reason)
	// Completed after expiry: expired contracts may still be completed.
	late := apply(t, signed(t), Event{Kind: EventComplete, On: day("2027-01-20")})
	assert.Equal(t, StateExpired, late.StatusOn(day("2027-01-10")).State)
	assert.Equal(t, StateCompleted, late.StatusOn(day("2027-01-20")).State)
}

func TestTerminationTakesEffectWhenTheNoticeRunsOut(t *testing.T) {
	// Notice given 1 June with 30 days: effective 1 June + 30 = 1 July.
	c := apply(t, signed(t), Event{Kind: EventTerminate, On: day("2026-06-01"), Reason: "client relocates", NoticeDays: 30})
	during := c.StatusOn(day("2026-06-30"))
	assert.Equal(t, StateActive, during.State, "the contract runs out its notice")
	assert.Equal(t, day("2026-07-01"), during.EndsEarlyOn)
	assert.Contains(t, during.Reason, "termination notice given, effective 2026-07-01")

	after := c.StatusOn(day("2026-07-01"))
	assert.Equal(t, StateTerminated, after.State)
	assert.Equal(t, day("2026-07-01"), after.Since)
	assert.Equal(t, day("2026-07-01"), after.EndedEarlyOn)
	assert.Equal(t, "terminated on notice given 2026-06-01 (30 days): client relocates", after.Reason)

	_, err := c.Apply(Event{Kind: EventExtend, On: day("2026-06-10"), NewEnd: day("2027-06-30")})
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "termination notice given; it takes effect on 2026-07-01", te.Reason)

	// Notice running past the end: the contract expires first.
	long := apply(t, signed(t), Event{Kind: EventTerminate, On: day("2026-12-01"), Reason: "r", NoticeDays: 90})
	assert.Equal(t, StateExpired, long.StatusOn(day("2027-03-01")).State)

	// A draft withdrawn at once.
	w := apply(t, draft(), Event{Kind: EventTerminate, On: day("2026-01-05"), Reason: "client withdrew"})
	assert.Equal(t, StateTerminated, w.StatusOn(day("2026-01-05")).State)
}

func TestExtensionKeepsTheHistory(t *testing.T) {
	c := apply(t, signed(t),
		Event{Kind: EventExtend, On: day("2026-10-01"), NewEnd: day("2027-03-31")},
		Event{Kind: EventExtend, On: day("2027-03-01"), NewEnd: day("2027-06-30")})
	assert.Equal(t, day("2026-12-31"), c.End, "the agreed end stays as agreed")
	assert.Equal(t, day("2026-12-31"), c.StatusOn(day("2026-09-30")).End, "before the extension, the old end")
	assert.Equal(t, day("2027-03-31"), c.StatusOn(day("2027-01-15")).End)
	assert.Equal(t, StateActive, c.StatusOn(day("2027-06-30")).State)
	assert.Equal(t, StateExpired, c.StatusOn(day("2027-07-01")).State)
	assert.Equal(t, "signed on 2026-01-20, active from 2026-02-01, ends 2026-12-31; extended on 2026-10-01 from 2026-12-31 to 2027-03-31; extended on 2027-03-01 from 2027-03-31 to 2027-06-30",
		c.StatusOn(day("2027-03-01")).Reason)

	_, err := c.Apply(Event{Kind: EventExtend, On: day("2027-04-01"), NewEnd: day("2027-05-31")})
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "the new end 2027-05-31 is not after the end in force, 2027-06-30", te.Reason)
}

func TestAutomaticRenewal(t *testing.T) {
	base := signed(t)
	base.AutoRenewal = &AutoRenewal{TermMonths: 12, NoticeDays: 30}

	// No notice: 2026-12-31 + 12 months = 2027-12-31, then 2028-12-31.
	st := base.StatusOn(day("2028-06-01"))
	assert.Equal(t, StateActive, st.State)
	assert.Equal(t, day("2028-12-31"), st.End)
	assert.Equal(t, "signed on 2026-01-20, renewed automatically (2 times) to 2028-12-31", st.Reason)

	// Notice on 1 December 2026 = 31 December − 30 days: in time, so no
	// renewal.
	inTime := apply(t, base, Event{Kind: EventStopAutoRenewal, On: day("2026-12-01")})
	assert.Equal(t, StateExpired, inTime.StatusOn(day("2027-01-01")).State)

	// Notice on 2 December is one day late: it renews once more, to
	// 2027-12-31, and then stops.
	late := apply(t, base, Event{Kind: EventStopAutoRenewal, On: day("2026-12-02")})
	assert.Equal(t, StateActive, late.StatusOn(day("2027-01-01")).State)
	assert.Equal(t, StateExpired, late.StatusOn(day("2028-01-01")).State)
	assert.Equal(t, day("2027-12-31"), late.StatusOn(day("2028-01-01")).End)

	_, err := late.Apply(Event{Kind: EventStopAutoRenewal, On: day("2027-01-05")})
	assert.ErrorContains(t, err, "notice not to renew was already given on 2026-12-02")
	_, err = signed(t).Apply(Event{Kind: EventStopAutoRenewal, On: day("2026-03-01")})
	assert.ErrorContains(t, err, "the contract does not renew automatically")

	// Month ends do not drift: 31 January + 1 month is 28 February, +2
	// months 31 March (counted from the base end, not month by month).
	monthly := signed(t)
	monthly.Start, monthly.End = day("2026-01-20"), day("2026-01-31")
	monthly.AutoRenewal = &AutoRenewal{TermMonths: 1}
	assert.Equal(t, day("2026-02-28"), monthly.StatusOn(day("2026-02-10")).End)
	assert.Equal(t, day("2026-03-31"), monthly.StatusOn(day("2026-03-10")).End)
}

func TestApplyRefusesIllegalMoves(t *testing.T) {
	c := draft()
	_, err := c.Apply(Event{Kind: EventComplete, On: day("2026-01-10")})
	var te *TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, TransitionError{ContractID: "k-1", From: StateDraft, Event: EventComplete, On: day("2026-01-10")}, *te)
	assert.EqualError(t, err, `contract "k-1": cannot complete on 2026-01-10: the contract is draft`)
	assert.ErrorIs(t, err, ErrInvalidTransition)
	assert.ErrorIs(t, err, clientele.ErrInvalid)

	_, err = c.Apply(Event{Kind: EventSign, On: day("2026-01-10")})
	assert.ErrorContains(t, err, "signing goes through Policy.Sign")

	_, err = c.Apply(Event{Kind: EventStart, On: day("2026-01-10")})
	assert.ErrorIs(t, err, ErrInvalid, "a calendar event is never recorded")

	agreed := apply(t, c, Event{Kind: EventAgree, On: day("2026-01-15")})
	_, err = agreed.Apply(Event{Kind: EventTerminate, On: day("2026-01-14"), Reason: "r"})
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "dated before the last recorded event, on 2026-01-15", te.Reason)

	_, err = agreed.Apply(Event{Kind: EventTerminate, On: day("2026-01-16")})
	assert.EqualError(t, err, "contract: invalid input: reason: is required")
}

func TestCanAndEventsOn(t *testing.T) {
	c := signed(t)
	assert.Equal(t, []EventKind{EventTerminate, EventExtend, EventSupersede}, c.EventsOn(day("2026-01-25")), "signed")
	assert.Equal(t, []EventKind{EventComplete, EventTerminate, EventExtend, EventRenew, EventSupersede}, c.EventsOn(day("2026-05-01")), "active, no automatic renewal")
	assert.Equal(t, []EventKind{EventComplete, EventRenew}, c.EventsOn(day("2027-01-01")), "expired")
	assert.True(t, c.Can(EventComplete, day("2026-05-01")))
	assert.False(t, c.Can(EventAgree, day("2026-05-01")))
	assert.False(t, c.Can(EventTerminate, day("2026-01-19")), "before the last recorded event")
	assert.Equal(t, []EventKind{EventAgree, EventTerminate}, draft().EventsOn(day("2026-01-01")))
}

func TestValidateReportsIllegalHistory(t *testing.T) {
	c := draft()
	c.Events = []Event{{Kind: EventComplete, On: day("2026-01-10")}, {Kind: EventAgree, On: day("2026-01-09")}}
	assert.EqualError(t, c.Validate(), `contract: invalid input: events[0].kind = complete: contract "k-1": cannot complete on 2026-01-10: the contract is draft; `+
		`events[1].on = 2026-01-09: is before the previous event's day 2026-01-10: events are recorded oldest first`)
}

// Apply returns a new contract and leaves its receiver alone: two events
// applied to the same stored contract give two independent contracts,
// even when the receiver's lists have spare capacity an append could
// reach, and changing every list and pointer of a result (the
// signature, the payment terms, the renewal) changes nothing in the
// receiver.
func TestApplyReturnsAContractSharingNothing(t *testing.T) {
	base := signed(t)
	base.PaymentTerms.Early = &discount.EarlyPaymentTerms{DiscountRate: dec("2"), DiscountDays: 10, NetDays: 30}
	base.AutoRenewal = &AutoRenewal{TermMonths: 12, NoticeDays: 30}
	base.Documents = slices.Grow(base.Documents, 4)
	base.Obligations = slices.Grow(base.Obligations, 4)
	base.Events = slices.Grow(base.Events, 4)
	snapshot := jsonOf(t, base) // not Clone: the copy under test

	a, err := base.Apply(Event{Kind: EventExtend, On: day("2026-06-01"), NewEnd: day("2027-03-31")})
	require.NoError(t, err)
	b, err := base.Apply(Event{Kind: EventTerminate, On: day("2026-06-01"), Reason: "r", NoticeDays: 30})
	require.NoError(t, err)
	require.JSONEq(t, snapshot, jsonOf(t, base), "Apply changes no contract it is called on")
	assert.Equal(t, EventExtend, a.Events[len(a.Events)-1].Kind, "b's append did not overwrite a's event")
	assert.Equal(t, EventTerminate, b.Events[len(b.Events)-1].Kind)

	for i := range a.Documents {
		a.Documents[i].Reference = "changed"
	}
	for i := range a.Obligations {
		a.Obligations[i].ID = "changed"
	}
	for i := range a.Events {
		a.Events[i].Reason = "changed"
		if a.Events[i].Signature != nil {
			a.Events[i].Signature.By.ID = "changed"
		}
	}
	a.PaymentTerms.Early.DiscountDays = 9
	a.AutoRenewal.TermMonths = 99
	assert.JSONEq(t, snapshot, jsonOf(t, base), "nothing in the result aliases the receiver")
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

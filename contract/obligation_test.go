package contract

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObligationStatusOnADay(t *testing.T) {
	due := day("2026-03-10")
	open := Obligation{ID: "o", Party: PartyCompany, Kind: ObligeDeliver, Due: due}
	fulfilled := func(on string) Obligation { o := open; o.FulfilledOn = day(on); return o }
	released := open
	released.ReleasedOn, released.ReleaseReason = day("2026-03-01"), "client cancelled the second lot"
	tests := []struct {
		name   string
		o      Obligation
		on     string
		status ObligationStatus
		days   int
		reason string
	}{
		// 10 March − 1 March = 9 days left, beyond the 7-day window.
		{"pending", open, "2026-03-01", ObligationPending, 9, "due 2026-03-10, in 9 days"},
		// 10 March − 3 March = 7 days: the window's edge is inside it.
		{"due soon at the window's edge", open, "2026-03-03", ObligationDueSoon, 7, "due 2026-03-10, in 7 days (within the 7-day window)"},
		{"due today", open, "2026-03-10", ObligationDueSoon, 0, "due 2026-03-10, in 0 days (within the 7-day window)"},
		// 25 March − 10 March = 15 days.
		{"overdue", open, "2026-03-25", ObligationOverdue, 15, "due 2026-03-10, 15 days overdue"},
		// Fulfilled 8 March, 2 days early.
		{"fulfilled on time", fulfilled("2026-03-08"), "2026-03-25", ObligationFulfilledOnTime, 2, "fulfilled on 2026-03-08, due 2026-03-10"},
		// Fulfilled 14 March: 14 − 10 = 4 days late.
		{"fulfilled late", fulfilled("2026-03-14"), "2026-03-25", ObligationFulfilledLate, 4, "fulfilled on 2026-03-14, 4 days after the due date 2026-03-10"},
		{"fulfilled later than the day asked", fulfilled("2026-03-14"), "2026-03-12", ObligationOverdue, 2, "due 2026-03-10, 2 days overdue"},
		{"released", released, "2026-03-25", ObligationLapsed, 0, "released on 2026-03-01: client cancelled the second lot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.o.statusOn(day(tt.on), clientele.Date{}, 7)
			assert.Equal(t, ObligationCheck{tt.status, tt.days, tt.reason}, got)
		})
	}
}

func TestTerminatedContractKeepsWhatFellDueBefore(t *testing.T) {
	// Terminated on 20 March with no notice: delivery (due 10 March,
	// open) is still owed; the payment due 9 April lapses.
	c := apply(t, signed(t), Event{Kind: EventTerminate, On: day("2026-03-20"), Reason: "breach of delivery terms"})
	chk, ok := c.ObligationOn(0, day("2026-04-20"), 7)
	require.True(t, ok)
	assert.Equal(t, ObligationCheck{ObligationOverdue, 41, "due 2026-03-10, 41 days overdue"}, chk, "10 March to 20 April: 21 + 20 = 41 days")
	chk, _ = c.ObligationOn(1, day("2026-04-20"), 7)
	assert.Equal(t, ObligationCheck{ObligationLapsed, 0, "due 2026-04-09, after the contract ended on 2026-03-20"}, chk)
	_, ok = c.ObligationOn(2, day("2026-04-20"), 7)
	assert.False(t, ok)
}

func TestObligationValidate(t *testing.T) {
	c := draft()
	c.Obligations = []Obligation{
		{ID: "a", Party: PartyCompany, Kind: ObligeDeliver, Due: day("2026-03-01"), Amount: decimal.NewNullDecimal(dec("-5"))},
		{ID: "a", Party: Party(9), Kind: 0},
		{ID: "b", Party: PartyClient, Kind: ObligePay, Due: day("2026-03-01"), FulfilledOn: day("2026-03-01"), ReleasedOn: day("2026-03-02")},
		{ID: "c", Party: PartyClient, Kind: ObligePay, Due: day("2026-03-01"), ReleaseReason: "why"},
	}
	problemtest.Require(t, c.Validate(), ErrInvalid, []string{
		"obligations[0].amount = -5: must not be negative",
		"obligations[1].party = Party(9): unknown party",
		"obligations[1].kind: is required",
		"obligations[1].due: is required",
		"obligations[2].release_reason: is required",
		"obligations[2].released_on = 2026-03-02: a fulfilled obligation cannot also be released",
		"obligations[3].release_reason = why: only a released obligation has a release reason",
		"obligations[1].id = a: repeats obligations[0]",
	})
}

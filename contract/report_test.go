package contract

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObligationsReport(t *testing.T) {
	a := signed(t) // anna: delivery due 10 March, payment 9 April, 300,000 each
	b := signed(t)
	b.ID, b.ManagerID = "k-2", "m-boris"
	b.Obligations = []Obligation{
		{ID: "docs", Party: PartyCompany, Kind: ObligeProvideDocuments, Due: day("2026-03-20")},
		{ID: "pay", Party: PartyClient, Kind: ObligePay, Due: day("2026-03-01"), Amount: decimal.NewNullDecimal(dec("1250.50")), FulfilledOn: day("2026-03-02")},
	}
	// k-3 is terminated on 5 March: its delivery due 10 March lapses,
	// its payment due 1 March, still open, is reported.
	c := signed(t)
	c.ID = "k-3"
	c.Obligations = []Obligation{
		{ID: "pay-0", Party: PartyClient, Kind: ObligePay, Due: day("2026-03-01"), Amount: decimal.NewNullDecimal(dec("1000"))},
		{ID: "deliver-1", Party: PartyCompany, Kind: ObligeDeliver, Due: day("2026-03-10")},
	}
	c = apply(t, c, Event{Kind: EventTerminate, On: day("2026-03-05"), Reason: "client insolvent"})

	rep, err := policy(t).Obligations([]Contract{c, a, b}, day("2026-03-15"), 10)
	require.NoError(t, err)

	// On 15 March: k-1 deliver-1 is 5 days overdue (10 → 15 March);
	// k-3 pay-0 14 days (1 → 15 March); k-2 docs is due in 5 days,
	// within the 10-day horizon; k-1 pay-1 (9 April, 25 days) is beyond
	// it; k-2 pay was fulfilled.
	require.Len(t, rep.Overdue, 2)
	assert.Equal(t, "k-3", rep.Overdue[0].ContractID, "the longest overdue first")
	assert.Equal(t, 14, rep.Overdue[0].Check.Days)
	assert.Equal(t, StateTerminated, rep.Overdue[0].ContractState, "a terminated contract's open obligation is still reported")
	assert.Equal(t, "k-1", rep.Overdue[1].ContractID)
	assert.Equal(t, 5, rep.Overdue[1].Check.Days)
	require.Len(t, rep.DueNext, 1)
	assert.Equal(t, "docs", rep.DueNext[0].Obligation.ID)
	assert.Equal(t, ObligationDueSoon, rep.DueNext[0].Check.Status, "5 days is within the 7-day window")

	assert.Equal(t, []ContractObligations{
		{ContractID: "k-1", ManagerID: "m-anna", ContractState: StateActive, Currency: "RUB", Overdue: 1, OverdueAmount: dec("300000"), DueNext: 0},
		{ContractID: "k-2", ManagerID: "m-boris", ContractState: StateActive, Currency: "RUB", DueNext: 1},
		{ContractID: "k-3", ManagerID: "m-anna", ContractState: StateTerminated, Currency: "RUB", Overdue: 1, OverdueAmount: dec("1000")},
	}, rep.ByContract)
	assert.Equal(t, []ManagerObligations{
		{ManagerID: "m-anna", Contracts: 2, Overdue: 2},
		{ManagerID: "m-boris", Contracts: 1, DueNext: 1},
	}, rep.ByManager)

	// A 30-day horizon takes in k-1's payment due in 25 days.
	rep, err = policy(t).Obligations([]Contract{c, a, b}, day("2026-03-15"), 30)
	require.NoError(t, err)
	require.Len(t, rep.DueNext, 2)
	assert.Equal(t, "pay-1", rep.DueNext[1].Obligation.ID)
	assert.Equal(t, ObligationPending, rep.DueNext[1].Check.Status)
}

func TestObligationsReportRefusesBadInput(t *testing.T) {
	bad := draft()
	bad.Value = dec("-1")
	_, err := policy(t).Obligations([]Contract{draft(), bad}, clientele.Date{}, -1)
	assert.EqualError(t, err, "contract: invalid input: day: is required; horizon_days = -1: must be within 0..3660; contracts[1].value = -1: must not be negative")
	rep, err := (*Policy)(nil).Obligations(nil, day("2026-03-01"), 0)
	require.NoError(t, err, "no contracts, nothing to report")
	assert.Empty(t, rep.Overdue)
}

// sortByDays agrees with a stable comparison sort, both ways, on
// many ties.
func TestSortByDaysIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 1000} {
		items := make([]ObligationItem, n)
		for i := range items {
			items[i].Obligation.ID = strconv.Itoa(i)
			items[i].Check.Days = rng.IntN(20) - 5
		}
		for _, sign := range []int64{1, -1} {
			got := slices.Clone(items)
			sortByDays(got, sign)
			want := slices.Clone(items)
			slices.SortStableFunc(want, func(a, b ObligationItem) int { return int(sign) * cmp.Compare(a.Check.Days, b.Check.Days) })
			assert.Equal(t, want, got, "n=%d sign=%d", n, sign)
		}
	}
}

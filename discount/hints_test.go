package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// groupHintList has N, in no group, and A, in group g1, both at 10.00.
func groupHintList() PriceList {
	return PriceList{ID: "pl-g", Currency: "EUR", Items: []Item{
		{SKU: "N", UnitPrice: d("10.00")},
		{SKU: "A", Group: "g1", UnitPrice: d("10.00")},
	}}
}

func TestHintSkipsAnItemWithoutAGroup(t *testing.T) {
	// A per-group rule, tiers 0: 2 %, 10: 5 %, hints within 50 %. N has no
	// group, so it adds to no group's volume and earns no hint; A×8 is
	// 10 − 8 = 2 units short of 5 %, and 2 ≤ 50 % of 10: one hint, for g1.
	// Before: N, priced first, got "Order 0 more units of group  to get
	// 2 %" under the key of group 0, which then hid g1's hint.
	r := volumeOnly(volumeRule("grp", 1, PerGroup, AllUnits, tier("0", "2"), tier("10", "5")))
	r.HintWithin = nd("50")
	q := mustQuote(t, groupHintList(), r, req(line("N", "3"), line("A", "8")))
	require.Len(t, q.Hints, 1)
	assert.Equal(t, "Order 2 more units of group g1 to get 5 % (grp).", q.Hints[0].Text("EUR"))

	// A lone N×3 under a single tier from 10, hints within 100 %: no group,
	// no hint (before: "Order 10 more units of group  ...").
	r = volumeOnly(volumeRule("grp", 1, PerGroup, AllUnits, tier("10", "5")))
	r.HintWithin = nd("100")
	assert.Empty(t, mustQuote(t, groupHintList(), r, req(line("N", "3"))).Hints)
}

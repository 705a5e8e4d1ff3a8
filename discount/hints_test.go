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

func TestHintPointsToAStrictlyBetterTier(t *testing.T) {
	hints := func(p Policy, within, qty string, tiers ...Tier) []string {
		r := baseRules(p)
		r.HintWithin = nd(within)
		r.Volume = []VolumeRule{volumeRule("bulk", 1, PerItem, AllUnits, tiers...)}
		var out []string
		for _, h := range mustQuote(t, testPriceList(), r, req(line("DRILL", qty))).Hints {
			out = append(out, h.Text("EUR"))
		}
		return out
	}
	// Tiers 10: 5 %, 20: 5 %, 18 units: the client has 5 % already, and
	// 20 gives 5 %, no better (before: "Order 2 more units of DRILL to get
	// 5 %").
	assert.Empty(t, hints(Additive, "20", "18", tier("10", "5"), tier("20", "5")))
	// With 30: 8 % above them and hints within 50 % (15 units of 30), the
	// hint skips the equal tier: 30 − 18 = 12 more for 8 %.
	assert.Equal(t, []string{"Order 12 more units of DRILL to get 8 % (bulk)."},
		hints(Additive, "50", "18", tier("10", "5"), tier("20", "5"), tier("30", "8")))
	// Tiers 10: 0 %, 20: 5 %, 9 units: 10 gives 0 %, nothing better than
	// today; 20 is 11 units away, beyond 20 % of 20 = 4 (before: "Order 1
	// more units of DRILL to get 0 %", under best_for_client too).
	for _, p := range []Policy{Additive, BestForClient} {
		assert.Empty(t, hints(p, "20", "9", tier("10", "0"), tier("20", "5")), p)
	}
	// 17 units are 3 short of 5 %, within 4: hinted.
	assert.Equal(t, []string{"Order 3 more units of DRILL to get 5 % (bulk)."},
		hints(BestForClient, "20", "17", tier("10", "0"), tier("20", "5")))
}

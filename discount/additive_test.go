package discount

import (
	"testing"

	"github.com/clientele-go/clientele/authority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdditiveSumStopsAtHundredPercent(t *testing.T) {
	// Additive 60 % + 60 % and a 10 % manager discount on one DRILL at
	// 100.00. The sum, 120 %, stops at 100 %: the rules take 60 and 60,
	// the excess 20 comes back as a cap step, the price is 0 and the
	// manager's 10 % of 0 is 0. Before: the price went to −20, the
	// manager step "took" −20 × 10 % = +2 and the cap gave back +18.
	r := baseRules(Additive)
	r.VIP = []VIPRule{{Header: Header{ID: "vip", Priority: 1}, Rate: d("60")}}
	r.Promotions = []PromotionRule{{Header: Header{ID: "promo", Priority: 2}, Rate: d("60")}}
	r.Authority = authority.Limits{{Holder: "manager", Max: d("10")}}
	rq := req(line("DRILL", "1"))
	rq.Client.VIP = true
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-1", Role: "manager"}, Rate: d("10")}
	fast, slow, err := bothPaths(t, testPriceList(), r)
	require.NoError(t, err)
	for _, e := range []*Engine{fast, slow} {
		q, err := e.Quote(rq)
		require.NoError(t, err)
		l := q.Lines[0]
		requireDec(t, "0", l.Net)
		var got []string
		for _, a := range l.Adjustments {
			got = append(got, a.Kind.String()+" "+a.Amount.String())
		}
		assert.Equal(t, []string{"vip -60", "promotion -60", "cap 20", "manager 0"}, got)
		requireDec(t, "20", l.Adjustments[2].Rate, "20 % of the list price given back")
		var summary []string
		for _, s := range q.Summary {
			summary = append(summary, s.Label()+" "+s.Amount.String())
		}
		assert.Equal(t, []string{"vip -60", "promo -60", "Maximum discount limit 20"}, summary)
		require.Len(t, l.Warnings, 1)
		assert.Equal(t, "DRILL: the discounts added up to more than 100 %: stopped at 100 %", l.Warnings[0].Message)
	}

	// With a 90 % cap the price stops at 10.00, and the manager step is
	// still 0: the cap lifts 0 to 10.00 after it.
	r.MaxDiscount = nd("90")
	q := mustQuote(t, testPriceList(), r, rq)
	requireDec(t, "10", q.Lines[0].Net)
	requireDec(t, "0", q.Lines[0].Adjustments[3].Amount, "the manager's 10 % of 0")
	requireDec(t, "10", q.Lines[0].Adjustments[4].Amount, "the 90 % cap")
}

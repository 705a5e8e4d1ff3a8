package discount

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuoterEqualsEngineQuote prices the benchmark's different requests,
// the ERP benchmark's, and random ERP rule sets (free lines, taxes,
// early payment, units) one after another on one Quoter each, and
// requires every quote equal (reflect.DeepEqual) to Engine.Quote's; a
// Clone taken before the next call must still equal it after the
// Quoter has moved on.
func TestQuoterEqualsEngineQuote(t *testing.T) {
	check := func(e *Engine, reqs []Request) {
		t.Helper()
		qr := e.NewQuoter()
		var kept []Quote
		for _, rq := range reqs {
			want, wantErr := e.Quote(rq)
			got, err := qr.Quote(rq)
			require.Equal(t, wantErr, err)
			require.Equal(t, want, got)
			kept = append(kept, got.Clone())
		}
		for i, rq := range reqs {
			want, _ := e.Quote(rq)
			require.Equal(t, want, kept[i], "request %d, kept past later calls", i)
		}
	}
	pl, r, reqs := benchFixture(12)
	check(mustCompileT(t, pl, r), reqs)
	pl, r, rq := erpBenchFixture()
	small := rq
	small.Lines = rq.Lines[:7]
	check(mustCompileT(t, pl, r), []Request{rq, small, rq, {}})

	rng := rand.New(rand.NewPCG(17, 2026))
	for range 200 {
		r := randomERPRules(rng)
		e, err := Compile(unitPriceList(), r)
		if errors.Is(err, ErrConflict) && r.Combination == FirstMatch {
			continue
		}
		require.NoError(t, err)
		var reqs []Request
		for range 4 {
			rq := randomRequest(rng, r)
			rq.EarlyPayment = EarlyPaymentTerms{DiscountRate: d("2"), DiscountDays: 10, NetDays: 30}
			reqs = append(reqs, rq)
		}
		check(e, reqs)
	}
}

func mustCompileT(t *testing.T, pl PriceList, r Rules) *Engine {
	t.Helper()
	e, err := Compile(pl, r)
	require.NoError(t, err)
	return e
}

// TestQuoterZero: the zero Quoter has no engine and says so, as the
// zero Engine does.
func TestQuoterZero(t *testing.T) {
	var qr Quoter
	_, err := qr.Quote(req(line("DRILL", "1")))
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, "zero Engine")
}

// TestQuoteCloneSharesNoSlice: writing into a clone's slices leaves the
// quote it was taken from as it was.
func TestQuoteCloneSharesNoSlice(t *testing.T) {
	pl, r, reqs := benchFixture(1)
	e := mustCompileT(t, pl, r)
	q, err := e.Quote(reqs[0])
	require.NoError(t, err)
	want, _ := e.Quote(reqs[0])
	// The fixture warns of nothing; a warning of the quote's own gives
	// the Warnings line below something to share.
	q.Warnings = []Warning{{Code: WarnCouponNotApplied, Message: "set by the test"}}
	want.Warnings = []Warning{{Code: WarnCouponNotApplied, Message: "set by the test"}}
	c := q.Clone()
	require.Equal(t, q, c)
	c.Lines[0].Adjustments[0].RuleID = "changed"
	c.Lines[1].SKU = "changed"
	c.Summary[0].Name = "changed"
	c.Warnings[0].Message = "changed"
	assert.Equal(t, want, q)
	assert.Equal(t, Quote{}, Quote{}.Clone())
}

package kpi

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The values the random records below draw from: the usual ones and
// every kind of edge the checks know (IDs of each length branch of
// plainID, valid IDs plainID refuses, bad IDs; amounts at and past the
// exponent bound, negative, of more than 18 digits; unset, invalid and
// out-of-order days; unknown, blank and over-long stage names).
var (
	plainTestIDs = []string{"d1", "deal-0001", "deal-0123456789abc", strings.Repeat("x", 128), "deal 1", "сделка",
		"", " ", "d\x1b[31m", strings.Repeat("y", 129), "\xff", "\u00a0"}
	plainTestAmounts = []string{"0", "0.00", "1", "1234.56", "1e30", "1e-30", "1e31", "1e-31", "-0.01", "-1",
		"12345678901234567890"}
	plainTestStages = []string{"appointment_scheduled", "qualified_to_buy", "contract_sent", "contract_senx", "",
		" ", strings.Repeat("s", 65)}
)

func plainTestDay(rng *rand.Rand) clientele.Date {
	switch rng.IntN(10) {
	case 0:
		return clientele.Date{}
	case 1:
		return clientele.NewDate(2026, 2, 30) // invalid
	}
	return clientele.NewDate(2026, 3, 1).AddDays(rng.IntN(20))
}

func plainTestOptionalDay(rng *rand.Rand) clientele.Date {
	if rng.IntN(2) == 0 {
		return clientele.Date{}
	}
	return plainTestDay(rng)
}

// stageIndices returns cfg's index of each of d's stage entries, as
// evaluator.deals computes them.
func stageIndices(cfg *Config, d *Deal) []int {
	idx := make([]int, len(d.Stages))
	for i, s := range d.Stages {
		idx[i] = cfg.stageIndex(s.Stage)
	}
	return idx
}

// plainID refuses an ID the library accepts only when it has a space or
// a character outside printable ASCII.
func unusualID(id string) bool {
	var p validate.Problems
	return !plainID(id) && p.ID("id", id)
}

// Deal.plain passes a deal only when Deal.check finds nothing, and
// refuses a deal check passes only for an ID with a space or a
// character outside ASCII: the cheap path never lets a problem through,
// and is taken by every usual deal.
func TestDealPlainAgreesWithCheck(t *testing.T) {
	cfg := DefaultConfig(ModelB2BServices)
	rng := rand.New(rand.NewPCG(1, 2))
	var passed, refusedClean int
	for range 200_000 {
		d := Deal{ID: pick(rng, plainTestIDs), ClientID: pick(rng, plainTestIDs),
			Amount: decimal.RequireFromString(pick(rng, plainTestAmounts))}
		for range rng.IntN(4) {
			d.Stages = append(d.Stages, StageEntry{Stage: pick(rng, plainTestStages), On: plainTestDay(rng)})
		}
		d.ExpectedClose, d.WonOn, d.LostOn = plainTestOptionalDay(rng), plainTestOptionalDay(rng), plainTestOptionalDay(rng)
		idx := stageIndices(&cfg, &d)
		var p validate.Problems
		d.check(&p, idx)
		clean := p.Len() == 0
		switch plain := d.plain(idx); {
		case plain:
			require.True(t, clean, "plain passed %+v, check found %v", d, p.Err(ErrInvalid))
			passed++
		case clean:
			require.True(t, unusualID(d.ID) || unusualID(d.ClientID), "plain refused %+v, which check passes", d)
			refusedClean++
		}
	}
	assert.Greater(t, passed, 100, "the cheap path is reached")
	assert.Greater(t, refusedClean, 10, "valid unusual IDs are reached")
}

func TestContractPlainAgreesWithCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var passed, refusedClean int
	for range 50_000 {
		c := Contract{ID: pick(rng, plainTestIDs), ClientID: pick(rng, plainTestIDs), SignedOn: plainTestDay(rng),
			Amount: decimal.RequireFromString(pick(rng, plainTestAmounts))}
		var p validate.Problems
		c.check(&p)
		clean := p.Len() == 0
		switch plain := c.plain(); {
		case plain:
			require.True(t, clean, "plain passed %+v, check found %v", c, p.Err(ErrInvalid))
			passed++
		case clean:
			require.True(t, unusualID(c.ID) || unusualID(c.ClientID), "plain refused %+v, which check passes", c)
			refusedClean++
		}
	}
	assert.Greater(t, passed, 100)
	assert.Greater(t, refusedClean, 10)
}

// Plan.plain agrees with Plan.check exactly: a plan has no ID.
func TestPlanPlainAgreesWithCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	periods := []Period{Month(2026, time.March), Year(2026), {}, {From: clientele.NewDate(2026, 3, 2), To: clientele.NewDate(2026, 3, 1)},
		{From: clientele.NewDate(2024, 1, 1), To: clientele.NewDate(2025, 1, 1)}, {From: clientele.NewDate(2026, 2, 30), To: clientele.NewDate(2026, 3, 1)}}
	var passed int
	for range 20_000 {
		pl := Plan{Period: pick(rng, periods), Contracts: rng.IntN(4) - 1}
		if rng.IntN(3) > 0 {
			pl.Revenue = decimal.NewNullDecimal(decimal.RequireFromString(pick(rng, plainTestAmounts)))
		}
		var p validate.Problems
		pl.check(&p)
		require.Equal(t, p.Len() == 0, pl.plain(), "%+v: %v", pl, p.Err(ErrInvalid))
		if pl.plain() {
			passed++
		}
	}
	assert.Greater(t, passed, 100)
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// Past maxScannedPlans, plans' periods go to a map: repeats are found
// and worded the same either side of the line, and the evaluated
// period's plan is picked from either.
func TestRepeatedPlansPastTheScan(t *testing.T) {
	require.Equal(t, 32, maxScannedPlans, "the cases below straddle the line at 32 plans")
	var plans []Plan
	for i := range 40 { // plans[i] is month i+1 counted from January 2024: plans[39] is April 2027
		plans = append(plans, Plan{Period: Month(2024+i/12, time.Month(1+i%12)), Contracts: 1})
	}
	plans = append(plans,
		Plan{Period: Month(2024, time.April), Contracts: 2},     // plans[40] repeats plans[3], scanned
		Plan{Period: Month(2026, time.December), Contracts: 2},  // plans[41] repeats plans[35], in the map
		Plan{Period: Month(2026, time.December), Contracts: -1}, // plans[42] is refused before any repeat
		Plan{Period: Month(2028, time.January), Contracts: 3},   // plans[43]: new, into the map
		Plan{Period: Month(2028, time.January), Contracts: 3},   // plans[44] repeats plans[43]
	)
	cfg := DefaultConfig(ModelB2BServices)
	in := Inputs{ManagerID: "m", Currency: "EUR", Plans: plans}
	_, err := Evaluate(cfg, in, Year(2026))
	problemtest.Require(t, err, ErrInvalid, []string{
		"plans[40].period = 2024-04-01..2024-04-30: repeats plans[3]: each period appears once",
		"plans[41].period = 2026-12-01..2026-12-31: repeats plans[35]: each period appears once",
		"plans[42].contracts = -1: must not be negative",
		"plans[44].period = 2028-01-01..2028-01-31: repeats plans[43]: each period appears once",
	})
	for _, c := range []struct {
		period Period
		want   int // the plan's index: month m of 2026 is plans[24+m-1]
	}{
		{Month(2026, time.March), 26},   // scanned: 24 + 3 - 1
		{Month(2026, time.October), 33}, // the map's first: 24 + 10 - 1
		{Month(2027, time.January), 36}, // the map: 24 + 12 + 1 - 1
		{Month(2028, time.January), 43},
	} {
		in.Plans = plans[:44]
		in.Plans[42] = Plan{Period: Month(2023, time.January), Contracts: 1}
		e, err := newEvaluator(cfg, c.period)
		require.NoError(t, err)
		e.reset()
		var p validate.Problems
		tl := tally{plan: -1}
		e.findPlan(&p, in.Plans, &tl)
		require.Len(t, problemtest.Fields(t, p.Err(ErrInvalid)), 2, "plans[40] and plans[41] still repeat")
		assert.Equal(t, c.want, tl.plan, c.period.String())
	}
}

// FuzzPlainAgreesWithCheck is the property of the tests above on
// arbitrary IDs, amounts, stage names and days (a day is unset at 0,
// else a month and day of 2026 that may not exist): a deal or contract
// the cheap check passes has no problem, and one it refuses has one or
// an unusual ID.
func FuzzPlainAgreesWithCheck(f *testing.F) {
	f.Add("d1", "c1", "12.50", "qualified_to_buy", 35, 70, 0, 75, 0)
	f.Add("deal 1", "клиент", "-1", "contract_sent", 35, 30, 500, 0, 40)
	f.Add("", "c\x00", "1e31", "", 0, 416, 9, 9, 9)
	cfg := DefaultConfig(ModelB2BServices)
	f.Fuzz(func(t *testing.T, id, client, amount, stage string, on1, on2, expected, won, lost int) {
		a, err := decimal.NewFromString(amount)
		if err != nil || len(amount) > 100 {
			return
		}
		day := func(n int) clientele.Date {
			if n == 0 {
				return clientele.Date{}
			}
			n &= 0x1ff
			return clientele.NewDate(2026, time.Month(n/32), n%32)
		}
		d := Deal{ID: id, ClientID: client, Amount: a, ExpectedClose: day(expected), WonOn: day(won), LostOn: day(lost),
			Stages: []StageEntry{{Stage: "appointment_scheduled", On: day(on1)}, {Stage: stage, On: day(on2)}}}
		idx := stageIndices(&cfg, &d)
		var p validate.Problems
		d.check(&p, idx)
		if d.plain(idx) {
			require.Zero(t, p.Len(), "%+v: %v", d, p.Err(ErrInvalid))
		} else if p.Len() == 0 {
			require.True(t, unusualID(d.ID) || unusualID(d.ClientID), "%+v", d)
		}
		c := Contract{ID: id, ClientID: client, SignedOn: day(on1), Amount: a}
		var q validate.Problems
		c.check(&q)
		if c.plain() {
			require.Zero(t, q.Len(), "%+v: %v", c, q.Err(ErrInvalid))
		} else if q.Len() == 0 {
			require.True(t, unusualID(c.ID) || unusualID(c.ClientID), "%+v", c)
		}
	})
}

package kpi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzBytes hands out the fuzzer's bytes one at a time, zero when spent.
type fuzzBytes []byte

func (b *fuzzBytes) next() int {
	if len(*b) == 0 {
		return 0
	}
	v := (*b)[0]
	*b = (*b)[1:]
	return int(v)
}

// fuzzInputs decodes one manager's log and deals around March 2026:
// days from 20 days before the month to 20 days after, kinds, clients,
// stages and presences with a few out-of-rule values (kind 0, a stage
// not in the config, a presence on a call, a stage day going back), so
// bad input is reached as well as good.
func fuzzInputs(manager string, b *fuzzBytes, stages []kpi.Stage) kpi.Inputs {
	start := clientele.MustParseDate("2026-02-09")
	day := func() clientele.Date { return start.AddDays(b.next() % 71) }
	client := func() string { return string(rune('a' + b.next()%6)) }
	in := kpi.Inputs{ManagerID: manager, Currency: "EUR"}
	for range b.next() % 40 {
		kind := kpi.ActivityKind(1 + b.next()%5)
		if kind == 5 && b.next() == 255 {
			kind = 0 // unset: refused
		}
		a := kpi.Activity{Kind: kind, On: day(), ClientID: client()}
		if p := b.next(); a.Kind == kpi.ActivityMeeting || p == 255 {
			a.DecisionMaker = kpi.Presence(p % 3)
		}
		in.Activities = append(in.Activities, a)
	}
	for i := range b.next() % 6 {
		d := kpi.Deal{ID: "d" + string(rune('0'+i)), ClientID: client(), Amount: decimal.New(int64(b.next()*1000-1000), 0)}
		on := day()
		for s := range b.next() % (len(stages) + 2) {
			name := "unknown"
			if s < len(stages) {
				name = stages[s].Name
			}
			d.Stages = append(d.Stages, kpi.StageEntry{Stage: name, On: on})
			on = on.AddDays(b.next()%9 - 1) // one in nine goes back a day
		}
		switch b.next() % 3 {
		case 1:
			d.WonOn = on.AddDays(b.next()%12 - 1)
		case 2:
			d.LostOn = on.AddDays(b.next()%12 - 1)
		}
		in.Deals = append(in.Deals, d)
	}
	if n := b.next() % 4; n > 0 {
		in.Plans = append(in.Plans, kpi.Plan{Period: kpi.Month(2026, time.March),
			Revenue: decimal.NewNullDecimal(decimal.New(int64(n*5000), 0)), Contracts: n})
	}
	for i := range b.next() % 4 {
		in.Contracts = append(in.Contracts, kpi.Contract{ID: "k" + string(rune('0'+i)), ClientID: client(),
			SignedOn: day(), Amount: decimal.New(int64(b.next()*100), 0)})
	}
	return in
}

// checkScorecard asserts what the package documents of every
// scorecard: the seven criteria in order, each with a status, scores
// within 0..ScoreCap, the overall score too, the working days of the
// period, the activities outside it counted.
func checkScorecard(t *testing.T, cfg kpi.Config, in kpi.Inputs, period kpi.Period, s kpi.Scorecard) {
	assert.Equal(t, in.ManagerID, s.ManagerID)
	assert.Equal(t, period, s.Period)
	assert.Equal(t, period.WorkingDays(), s.WorkingDays)
	for i, r := range s.Criteria {
		assert.Equal(t, kpi.Criterion(i+1), r.Criterion)
		require.True(t, r.Status.IsValid(), "%s has a status", r.Criterion)
		assert.False(t, r.Score.IsNegative(), "%s", r.Criterion)
		assert.True(t, r.Score.LessThanOrEqual(cfg.ScoreCap), "%s: %s within the cap %s", r.Criterion, r.Score, cfg.ScoreCap)
		assert.NotEmpty(t, r.Findings, "%s explains its verdict", r.Criterion)
	}
	if s.Overall.Valid {
		assert.False(t, s.Overall.Decimal.IsNegative())
		assert.True(t, s.Overall.Decimal.LessThanOrEqual(cfg.ScoreCap))
	}
	outside := 0
	for _, a := range in.Activities {
		if !period.Contains(a.On) {
			outside++
		}
	}
	assert.Equal(t, outside, s.OutsidePeriod)
	assert.NotEmpty(t, s.Summary())
}

// FuzzEvaluate: Evaluate on an arbitrary activity log and deals either
// refuses them with ErrInvalid naming a field, or gives a scorecard
// satisfying checkScorecard; the same input gives the same scorecard.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{12, 1, 30, 2, 1, 2, 31, 3, 2, 1, 32, 4, 0, 2, 1, 2, 5, 3, 1, 2, 3, 1, 40, 2, 1, 1})
	f.Add([]byte{0, 0, 0, 0})
	f.Add([]byte{39, 6, 70, 5, 3, 5, 0, 9, 9, 3, 200, 200, 200, 0})
	f.Add([]byte{3, 1, 25, 0, 0, 1, 25, 0, 0, 3, 25, 0, 0, 1, 0, 9, 7, 1, 1, 1, 1, 1, 2, 3, 1, 1, 30, 50})
	for m := range 3 { // each of the three profiles
		f.Add([]byte{byte(m), 20, 1, 28, 1, 0, 2, 29, 2, 1})
	}
	march := kpi.Month(2026, time.March)
	f.Fuzz(func(t *testing.T, data []byte) {
		b := fuzzBytes(data)
		cfg := kpi.DefaultConfig(kpi.BusinessModel(1 + b.next()%3))
		in := fuzzInputs("m-1", &b, cfg.Stages)
		s, err := kpi.Evaluate(cfg, in, march)
		again, err2 := kpi.Evaluate(cfg, in, march)
		if err != nil {
			require.ErrorIs(t, err, kpi.ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			var ve *clientele.ValidationError
			require.True(t, errors.As(err, &ve))
			require.NotEmpty(t, ve.Fields)
			for _, fe := range ve.Fields {
				assert.NotEmpty(t, fe.Field, "every problem names its field: %v", fe)
			}
			require.Error(t, err2)
			assert.Equal(t, err.Error(), err2.Error())
			return
		}
		require.NoError(t, err2)
		assert.Equal(t, s, again, "the same input gives the same scorecard")
		checkScorecard(t, cfg, in, march, s)
	})
}

// FuzzEvaluateTeam: a team of three arbitrary managers either fails
// with ErrInvalid, or each ranked scorecard equals that manager's own
// Evaluate, ranks follow the overall scores (equal scores share a
// place, unscored come last with rank 0) and every manager appears once.
func FuzzEvaluateTeam(f *testing.F) {
	f.Add([]byte{2, 12, 1, 30, 2, 1, 2, 31, 3, 2, 1, 32, 4, 0, 0, 0, 0, 5, 1, 3, 1, 2})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{3, 39, 6, 70, 5, 3, 5, 0, 9, 9, 3, 200, 200, 200, 0, 10, 2, 20, 1, 1})
	march := kpi.Month(2026, time.March)
	f.Fuzz(func(t *testing.T, data []byte) {
		b := fuzzBytes(data)
		cfg := kpi.DefaultConfig(kpi.BusinessModel(1 + b.next()%3))
		team := []kpi.Inputs{fuzzInputs("m-3", &b, cfg.Stages), fuzzInputs("m-1", &b, cfg.Stages), fuzzInputs("m-2", &b, cfg.Stages)}
		ranked, err := kpi.EvaluateTeam(cfg, team, march)
		if err != nil {
			require.ErrorIs(t, err, kpi.ErrInvalid)
			assert.Contains(t, err.Error(), "managers[", "the error names the manager")
			return
		}
		require.Len(t, ranked, len(team))
		seen := map[string]bool{}
		for i, r := range ranked {
			require.False(t, seen[r.Scorecard.ManagerID], "%s listed once", r.Scorecard.ManagerID)
			seen[r.Scorecard.ManagerID] = true
			for _, in := range team {
				if in.ManagerID == r.Scorecard.ManagerID {
					own, err := kpi.Evaluate(cfg, in, march)
					require.NoError(t, err)
					assert.Equal(t, own, r.Scorecard, "the team's scorecard is the manager's own")
					checkScorecard(t, cfg, in, march, r.Scorecard)
				}
			}
			if !r.Scorecard.Overall.Valid {
				assert.Zero(t, r.Rank, "unscored: unranked")
				for _, later := range ranked[i:] {
					assert.False(t, later.Scorecard.Overall.Valid, "unscored come last")
				}
				continue
			}
			if i == 0 {
				assert.Equal(t, 1, r.Rank)
				continue
			}
			prev := ranked[i-1]
			cmp := prev.Scorecard.Overall.Decimal.Cmp(r.Scorecard.Overall.Decimal)
			require.GreaterOrEqual(t, cmp, 0, "sorted by overall score, best first")
			if cmp == 0 {
				assert.Equal(t, prev.Rank, r.Rank, "equal scores share a place")
				assert.Less(t, prev.Scorecard.ManagerID, r.Scorecard.ManagerID, "then by manager ID")
			} else {
				assert.Equal(t, i+1, r.Rank, "competition ranking: 1, 2, 2, 4")
			}
		}
	})
}

// Found by FuzzEvaluateTeam (testdata/fuzz/FuzzEvaluateTeam/3463ba60cd2864ad):
// the team's evaluator reused the stale-deal scratch of the manager
// before, so a manager with no stale deal got an empty list in the team
// ("stale": []) and nil alone ("stale": null).
func TestEvaluateTeamStaleListIsTheManagersOwn(t *testing.T) {
	march := kpi.Month(2026, time.March)
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	// m-a's deal entered its first stage on 10 February and is still
	// open on 31 March: 28 − 10 = 18 days of February + 31 of March = 49
	// days without a change, over the 30 of StaleDays.
	withStale := kpi.Inputs{ManagerID: "m-a", Currency: "EUR", Deals: []kpi.Deal{{ID: "d-1", ClientID: "c-1", Amount: decimal.NewFromInt(1000),
		Stages: []kpi.StageEntry{{Stage: "appointment_scheduled", On: clientele.MustParseDate("2026-02-10")}}}}}
	without := kpi.Inputs{ManagerID: "m-b", Currency: "EUR"}
	ranked, err := kpi.EvaluateTeam(cfg, []kpi.Inputs{withStale, without}, march)
	require.NoError(t, err)
	byManager := map[string]kpi.Scorecard{}
	for _, r := range ranked {
		byManager[r.Scorecard.ManagerID] = r.Scorecard
	}
	require.Len(t, byManager["m-a"].Funnel.Stale, 1)
	assert.Equal(t, 49, byManager["m-a"].Funnel.Stale[0].Days)
	assert.Nil(t, byManager["m-b"].Funnel.Stale, "no stale deal: nil, as Evaluate gives")
	own, err := kpi.Evaluate(cfg, without, march)
	require.NoError(t, err)
	assert.Equal(t, own, byManager["m-b"])
}

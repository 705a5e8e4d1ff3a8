package kpi_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

var updateDealsGolden = flag.Bool("update-deals", false, "rewrite kpi/testdata/deals.golden")

// dealsTeam builds a team whose deals, contracts and plans reach every
// rule of their checks: most records are plain and valid, and about one
// in five is changed in one way. The even managers get only changes
// that stay valid (IDs with a space or Cyrillic letters and of every
// length branch of the plain-ID check, amounts of 20 digits or at the
// exponent bound, stages skipped or entered twice, contracts before the
// period), so they are scored; the odd ones get invalid changes too
// (every problem Deal, Contract and Plan checks report). The last
// manager's deals are all changed, to pass the 100 problems listed.
func dealsTeam() []kpi.Inputs {
	rng := rand.New(rand.NewPCG(11, 2026))
	stages := kpi.DefaultConfig(kpi.ModelB2BServices).Stages
	day := func() clientele.Date { return clientele.NewDate(2026, 1, 1).AddDays(rng.IntN(400) - 20) }
	team := make([]kpi.Inputs, 24)
	for m := range team {
		in := kpi.Inputs{ManagerID: fmt.Sprintf("m%02d", m), Currency: "EUR"}
		for i := range 5 + rng.IntN(20) {
			in.Activities = append(in.Activities, kpi.Activity{Kind: kpi.ActivityKind(1 + rng.IntN(6)), On: day(),
				ClientID: fmt.Sprintf("c%d", rng.IntN(8))})
			if in.Activities[i].Kind == kpi.ActivityMeeting {
				in.Activities[i].DecisionMaker = kpi.Presence(rng.IntN(3))
			}
		}
		deals, bad := 30, m%2 == 1
		if m == len(team)-1 {
			deals = 400
		}
		for i := range deals {
			d := kpi.Deal{ID: fmt.Sprintf("m%02d-d%03d", m, i), ClientID: fmt.Sprintf("c%d", rng.IntN(8)),
				Amount: decimal.New(rng.Int64N(1_000_000), -2)}
			on := day()
			for s := range 1 + rng.IntN(len(stages)) {
				d.Stages = append(d.Stages, kpi.StageEntry{Stage: stages[s].Name, On: on})
				on = on.AddDays(rng.IntN(25))
			}
			switch rng.IntN(4) {
			case 0:
				d.WonOn = on.AddDays(rng.IntN(10))
			case 1:
				d.LostOn = on.AddDays(rng.IntN(10))
			case 2:
				d.ExpectedClose = on.AddDays(rng.IntN(60) - 20)
			}
			if m == len(team)-1 || rng.IntN(5) == 0 {
				mutateDeal(rng, &d, i, bad)
			}
			in.Deals = append(in.Deals, d)
			if !d.WonOn.IsZero() && rng.IntN(3) > 0 {
				c := kpi.Contract{ID: d.ID, ClientID: d.ClientID, SignedOn: d.WonOn, Amount: d.Amount}
				if rng.IntN(5) == 0 {
					mutateContract(rng, &c, i, bad)
				}
				in.Contracts = append(in.Contracts, c)
			}
		}
		in.Plans = dealsPlans(rng, m, bad)
		team[m] = in
	}
	return team
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// Unusual values, valid and not. An ID prefix and a three-digit number
// make IDs of 3, 8, 12, 16, 20 and 128 bytes.
var (
	goodIDPrefixes = []string{"", "deal ", "dealabcde", "сделка-", "deal-0123456789ab", strings.Repeat("x", 125)}
	badIDs         = []string{"", " ", "d\x1b[31m", strings.Repeat("y", 129), "\xff\xfe"}
	goodAmounts    = []string{"0", "0.00", "1", "12345.67", "1e30", "1e-30", "1234567890123456789", "99999999999999999999.99"}
	badAmounts     = []string{"-0.01", "1e31", "1e-31", "-5"}
	badStageNames  = []string{"contract_senx", "", " ", strings.Repeat("s", 65), "Contract_sent", "contract_sent\x00"}
	badDates       = []clientele.Date{{}, clientele.NewDate(2026, 2, 30)}
)

func mutateDeal(rng *rand.Rand, d *kpi.Deal, i int, bad bool) {
	n := 6
	if bad {
		n = 15
	}
	switch rng.IntN(n) {
	case 0:
		d.ID = fmt.Sprintf("%s%03d", pick(rng, goodIDPrefixes), i)
	case 1:
		d.ClientID = fmt.Sprintf("%s%03d", pick(rng, goodIDPrefixes), i%7)
	case 2:
		d.Amount = decimal.RequireFromString(pick(rng, goodAmounts))
	case 3: // the last stage entered twice, the same day
		d.Stages = append(d.Stages, d.Stages[len(d.Stages)-1])
	case 4: // a stage skipped
		last := &d.Stages[len(d.Stages)-1]
		last.Stage = pick(rng, kpi.DefaultConfig(kpi.ModelB2BServices).Stages).Name
	case 5:
		d.ExpectedClose, d.WonOn, d.LostOn = clientele.Date{}, clientele.Date{}, clientele.Date{}
	case 6:
		d.ID = pick(rng, badIDs)
	case 7:
		d.ClientID = pick(rng, badIDs)
	case 8:
		d.Amount = decimal.RequireFromString(pick(rng, badAmounts))
	case 9:
		d.Stages[rng.IntN(len(d.Stages))].Stage = pick(rng, badStageNames)
	case 10:
		d.Stages[rng.IntN(len(d.Stages))].On = pick(rng, badDates)
	case 11:
		s := &d.Stages[rng.IntN(len(d.Stages))]
		s.On = s.On.AddDays(-1 - rng.IntN(30)) // may go back in time
	case 12:
		d.Stages = nil
	case 13:
		switch rng.IntN(3) {
		case 0:
			d.WonOn, d.LostOn = d.Stages[0].On, d.Stages[0].On.AddDays(3)
		case 1:
			d.WonOn, d.LostOn = d.Stages[len(d.Stages)-1].On.AddDays(-1-rng.IntN(3)), clientele.Date{}
		default:
			d.LostOn, d.WonOn = d.Stages[len(d.Stages)-1].On.AddDays(-1-rng.IntN(3)), clientele.Date{}
		}
	default:
		invalid := clientele.NewDate(2026, 13, 1)
		switch rng.IntN(3) {
		case 0:
			d.ExpectedClose = invalid
		case 1:
			d.WonOn = invalid
		default:
			d.LostOn = invalid
		}
	}
}

func mutateContract(rng *rand.Rand, c *kpi.Contract, i int, bad bool) {
	n := 4
	if bad {
		n = 9
	}
	switch rng.IntN(n) {
	case 0:
		c.ID = fmt.Sprintf("%s%03d", pick(rng, goodIDPrefixes), i)
	case 1:
		c.ClientID = fmt.Sprintf("%s%03d", pick(rng, goodIDPrefixes), i%7)
	case 2:
		c.Amount = decimal.RequireFromString(pick(rng, goodAmounts))
	case 3:
		c.SignedOn = c.SignedOn.AddDays(-400) // before the year
	case 4:
		c.ID = pick(rng, badIDs)
	case 5:
		c.ClientID = pick(rng, badIDs)
	case 6:
		c.Amount = decimal.RequireFromString(pick(rng, badAmounts))
	case 7:
		c.SignedOn = pick(rng, badDates)
	default:
		c.ID = "m00-d000" // a repeat, when the manager has that deal's contract
	}
}

// dealsPlans is a plan a month and one for the year; for one manager in
// three one plan is changed: repeated, another period, zero, negative
// or an invalid period.
func dealsPlans(rng *rand.Rand, m int, bad bool) []kpi.Plan {
	var plans []kpi.Plan
	for mo := time.January; mo <= time.December; mo++ {
		plans = append(plans, kpi.Plan{Period: kpi.Month(2026, mo), Revenue: decimal.NewNullDecimal(decimal.New(40_000+int64(m), 0))})
	}
	plans = append(plans, kpi.Plan{Period: kpi.Year(2026), Contracts: 3 + m%5})
	if m%3 == 0 {
		return plans
	}
	pl := &plans[rng.IntN(len(plans))]
	n := 2
	if bad {
		n = 7
	}
	switch rng.IntN(n) {
	case 0:
		pl.Period = kpi.Year(2025) // another period: ignored
	case 1:
		pl.Revenue = decimal.NewNullDecimal(decimal.New(1, 6)) // the month's plan is revenue and contracts
		pl.Contracts = 2
	case 2:
		plans = append(plans, *pl) // a period planned twice
	case 3:
		pl.Revenue = decimal.NewNullDecimal(decimal.RequireFromString(pick(rng, []string{"0", "-1", "1e31"})))
	case 4:
		pl.Contracts = -2
	case 5:
		pl.Period = kpi.Period{From: clientele.NewDate(2026, 5, 2), To: clientele.NewDate(2026, 5, 1)}
	default:
		pl.Revenue, pl.Contracts = decimal.NullDecimal{}, 0
	}
	return plans
}

// dealsOutcome is one evaluation as text: the scorecard's JSON, or the
// error's message.
func dealsOutcome(v any, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	b, jerr := json.Marshal(v)
	if jerr != nil {
		return "json: " + jerr.Error()
	}
	return string(b)
}

// The deals, contracts and plans passes were rewritten for speed with
// every scorecard and every problem kept: testdata/deals.golden holds
// the digest of each evaluation of dealsTeam as the package wrote it
// before (commit 67b9b5f), per manager and period, and of the team's
// ranking and error.
func TestDealsMatchGolden(t *testing.T) {
	team := dealsTeam()
	cfg := kpi.DefaultConfig(kpi.ModelB2BServices)
	periods := []kpi.Period{kpi.Year(2026), kpi.Month(2026, time.March), kpi.Quarter(2026, 4)}
	var lines []string
	digest := func(name, text string) {
		sum := sha256.Sum256([]byte(text))
		lines = append(lines, name+" "+hex.EncodeToString(sum[:12]))
	}
	for _, p := range periods {
		for _, in := range team {
			s, err := kpi.Evaluate(cfg, in, p)
			digest(fmt.Sprintf("%s %s", in.ManagerID, p), dealsOutcome(s, err))
		}
		r, err := kpi.EvaluateTeam(cfg, team, p)
		digest(fmt.Sprintf("team %s", p), dealsOutcome(r, err))
		var valid []kpi.Inputs
		for _, in := range team {
			if _, err := kpi.Evaluate(cfg, in, p); err == nil {
				valid = append(valid, in)
			}
		}
		r, err = kpi.EvaluateTeam(cfg, valid, p)
		digest(fmt.Sprintf("valid team (%d) %s", len(valid), p), dealsOutcome(r, err))
	}
	got := strings.Join(lines, "\n") + "\n"
	const path = "testdata/deals.golden"
	if *updateDealsGolden {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), got)
}

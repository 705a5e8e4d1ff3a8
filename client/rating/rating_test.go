package rating

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/synthetic"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ratingAsOf = clientele.NewDate(2026, time.November, 26)

func ptr(x float64) *float64 { return &x }

// validInput is the hand-worked client of TestRateWorked.
func validInput() Input {
	return Input{
		ClientID:        "c-1",
		ProfitShare:     decimal.NewFromInt(4),
		Revenue:         decimal.NewFromInt(120_000),
		PreviousRevenue: decimal.NewFromInt(100_000),
		Since:           clientele.MustParseDate("2022-11-26"),
		History: client.History{ClientID: "c-1", Orders: 7, Total: decimal.NewFromInt(500_000),
			FirstOrder: clientele.MustParseDate("2023-01-10"), LastOrder: clientele.MustParseDate("2026-11-01")},
		PaymentDiscipline: ptr(90),
	}
}

// TestRateWorked works the default rating out by hand.
//
//	value:   share 4 % of the 10 % full mark        -> 100·4/10            = 40
//	growth:  120,000 vs 100,000 = +20 %, on -50..+50 -> 100·(20+50)/100    = 70
//	loyalty: since 2022-11-26, 1461 days to 2026-11-26 (three years of 365
//	         and 2024's 366) = 1461/365.25 = 4 years of 5 -> 80; 7 orders
//	         = 6 repeats of 12 -> 50; (80+50)/2              = 65
//	payment: 90 as supplied                                          = 90
//	score = 40·0.40 + 70·0.20 + 65·0.20 + 90·0.20 = 16 + 14 + 13 + 18 = 61
func TestRateWorked(t *testing.T) {
	r, err := Rate(validInput(), ratingAsOf, DefaultConfig())
	require.NoError(t, err)
	require.True(t, r.Defined)
	assert.InDelta(t, 61, r.Score, 1e-9)
	assert.Empty(t, r.Notes)

	want := []struct {
		f                  Factor
		sub, weight, contr float64
		explanation        string
	}{
		{Value, 40, 40, 16, "profit share 4 % of the full mark of 10 %: value 40"},
		{Growth, 70, 20, 14, "revenue 120000 against 100000 the period before: +20 %, linear from -50 % (0) to 50 % (100): growth 70"},
		{Loyalty, 65, 20, 13, "tenure 4 years of 5 for full marks (80) and 6 repeat orders of 12 (50), averaged: loyalty 65"},
		{PaymentDiscipline, 90, 20, 18, "payment discipline 90, as supplied by the host"},
	}
	require.Len(t, r.Factors, 4)
	sum := 0.0
	for i, w := range want {
		c := r.Factors[i]
		assert.Equal(t, w.f, c.Factor)
		assert.True(t, c.Defined)
		assert.InDelta(t, w.sub, c.SubScore, 1e-9, w.f.String())
		assert.InDelta(t, w.weight, c.Weight, 1e-9)
		assert.InDelta(t, w.weight, c.EffectiveWeight, 1e-9, "nothing to redistribute")
		assert.InDelta(t, w.contr, c.Contribution, 1e-9, w.f.String())
		assert.Equal(t, w.explanation, c.Explanation)
		sum += c.Contribution
	}
	assert.Equal(t, sum, r.Score, "the contributions add up to the score")
}

// TestRateMissingPaymentDiscipline: the 20 points of payment discipline
// are shared among the 80 defined points in proportion: value 40·100/80 =
// 50, growth and loyalty 20·100/80 = 25 each. Score = 40·0.5 + 70·0.25 +
// 65·0.25 = 20 + 17.5 + 16.25 = 53.75 (not 61 − 18 = 43, which would
// count the unknown as zero).
func TestRateMissingPaymentDiscipline(t *testing.T) {
	in := validInput()
	in.PaymentDiscipline = nil
	r, err := Rate(in, ratingAsOf, DefaultConfig())
	require.NoError(t, err)
	assert.InDelta(t, 53.75, r.Score, 1e-9)
	pay := r.Factors[3]
	assert.False(t, pay.Defined)
	assert.Zero(t, pay.Contribution)
	assert.InDelta(t, 20, pay.Weight, 1e-9)
	assert.Zero(t, pay.EffectiveWeight)
	assert.InDelta(t, 50, r.Factors[0].EffectiveWeight, 1e-9)
	assert.InDelta(t, 25, r.Factors[1].EffectiveWeight, 1e-9)
	assert.Equal(t, []string{"undefined payment_discipline (20 points) left out, not counted as zero: " +
		"the weight was shared among value, growth, loyalty in proportion to their weights"}, r.Notes)
}

func TestRateNormalisations(t *testing.T) {
	cfg := DefaultConfig()
	sub := func(t *testing.T, in Input, f Factor) Contribution {
		t.Helper()
		r, err := Rate(in, ratingAsOf, cfg)
		require.NoError(t, err)
		return r.Factors[f-1]
	}
	t.Run("value saturates at the full mark", func(t *testing.T) {
		in := validInput()
		in.ProfitShare = decimal.RequireFromString("12.5")
		c := sub(t, in, Value)
		assert.Equal(t, 100.0, c.SubScore)
		assert.Equal(t, "profit share 12.5 % reaches the full mark of 10 %: value 100 (saturated)", c.Explanation)
		in.ProfitShare = decimal.RequireFromString("2.5") // 100·2.5/10 = 25
		assert.InDelta(t, 25, sub(t, in, Value).SubScore, 1e-9)
	})
	t.Run("a loss scores 0 on value", func(t *testing.T) {
		in := validInput()
		in.ProfitShare = decimal.RequireFromString("-1.5")
		c := sub(t, in, Value)
		assert.Zero(t, c.SubScore)
		assert.Equal(t, "profit share -1.5 %: the company loses money on the client, value 0", c.Explanation)
	})
	t.Run("growth is linear and saturates", func(t *testing.T) {
		for _, tc := range []struct {
			rev  int64
			want float64
		}{
			{100_000, 50}, // 0 % -> 100·(0+50)/100
			{75_000, 25},  // -25 % -> 100·25/100
			{50_000, 0},   // -50 %, the floor
			{20_000, 0},   // -80 %, below the floor: saturates
			{150_000, 100},
			{400_000, 100}, // +300 %
			{0, 0},         // -100 %
		} {
			in := validInput()
			in.Revenue = decimal.NewFromInt(tc.rev)
			assert.InDelta(t, tc.want, sub(t, in, Growth).SubScore, 1e-9, "revenue %d", tc.rev)
		}
		in := validInput()
		in.Revenue = decimal.NewFromInt(20_000)
		assert.Equal(t, "revenue 20000 against 100000 the period before: -80 %, at or below the floor of -50 %: growth 0 (saturated)",
			sub(t, in, Growth).Explanation)
	})
	t.Run("growth from nothing is undefined", func(t *testing.T) {
		in := validInput()
		in.PreviousRevenue = decimal.Zero
		r, err := Rate(in, ratingAsOf, cfg)
		require.NoError(t, err)
		assert.False(t, r.Factors[1].Defined)
		// 80 points defined: value 40·100/80 = 50, loyalty 25, payment 25:
		// 40·0.5 + 65·0.25 + 90·0.25 = 20 + 16.25 + 22.5 = 58.75.
		assert.InDelta(t, 58.75, r.Score, 1e-9)
		assert.Contains(t, r.Notes[0], "undefined growth (20 points) left out")
	})
	t.Run("loyalty halves saturate", func(t *testing.T) {
		in := validInput()
		in.Since = clientele.MustParseDate("2016-01-01") // ~10.9 years: tenure 100
		in.History.Orders = 30                           // 29 repeats: 100
		in.History.FirstOrder = in.Since
		assert.Equal(t, 100.0, sub(t, in, Loyalty).SubScore)
	})
	t.Run("tenure starts at the earlier of since and the first order", func(t *testing.T) {
		in := validInput()
		in.Since = clientele.Date{} // first order 2023-01-10: 1416 days = 3.877 years
		in.History.Orders = 1       // no repeats
		c := sub(t, in, Loyalty)
		// (100·(1416/365.25)/5 + 0)/2 = 38.77...
		assert.InDelta(t, 100*(1416/365.25)/5/2, c.SubScore, 1e-9)
	})
	t.Run("no start known leaves loyalty undefined", func(t *testing.T) {
		in := validInput()
		in.Since = clientele.Date{}
		in.History = client.History{ClientID: "c-1"}
		c := sub(t, in, Loyalty)
		assert.False(t, c.Defined)
		assert.Equal(t, "no start of the relationship known (no since, no order): loyalty undefined", c.Explanation)
	})
}

func TestRateUndefined(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Weights = Weights{Value: decimal.Zero, Growth: decimal.Zero, Loyalty: decimal.Zero, PaymentDiscipline: decimal.NewFromInt(100)}
	in := validInput()
	in.PaymentDiscipline = nil
	r, err := Rate(in, ratingAsOf, cfg)
	require.NoError(t, err)
	assert.False(t, r.Defined)
	assert.Zero(t, r.Score)
	assert.Equal(t, []string{"undefined: no factor with a positive weight is defined"}, r.Notes)
}

func TestRateErrors(t *testing.T) {
	in := validInput()
	in.ClientID = "c-9"
	in.ProfitShare = decimal.NewFromInt(101)
	in.Revenue = decimal.NewFromInt(-1)
	in.PreviousRevenue = decimal.NewFromInt(-2)
	in.PaymentDiscipline = ptr(100.5)
	in.Since = ratingAsOf.AddDays(1)
	_, err := Rate(in, ratingAsOf, DefaultConfig())
	require.ErrorIs(t, err, ErrInvalid)
	for _, want := range []string{
		`profit_share = 101: client "c-9": a share of the company's profit cannot exceed 100 %`,
		`revenue = -1: client "c-9": must not be negative`,
		`previous_revenue = -2: client "c-9": must not be negative`,
		`payment_discipline = 100.5: client "c-9": must be within 0..100`,
		`since = 2026-11-27: client "c-9": is after the as-of date 2026-11-26`,
		`history.client_id = c-1: is not the client's ID "c-9"`,
	} {
		assert.Contains(t, err.Error(), want)
	}

	in = validInput()
	in.PreviousRevenue = decimal.New(5, -40)
	_, err = Rate(in, ratingAsOf, DefaultConfig())
	assert.ErrorContains(t, err, `previous_revenue = 5e-40: client "c-1": is out of range: more than 30 decimal places`)

	in = validInput()
	in.PaymentDiscipline = ptr(math.NaN())
	_, err = Rate(in, ratingAsOf, DefaultConfig())
	assert.ErrorContains(t, err, `payment_discipline = NaN: client "c-1": must be within 0..100`)

	in = validInput()
	in.ProfitShare = decimal.NewFromInt(-3)
	cfg := DefaultConfig()
	cfg.AllowLoss = false
	_, err = Rate(in, ratingAsOf, cfg)
	assert.ErrorContains(t, err, `profit_share = -3: client "c-1": is negative (a loss-making client); set allow_loss to rate it 0 on value`)

	in = validInput()
	in.History.LastOrder = ratingAsOf.AddDays(1)
	_, err = Rate(in, clientele.Date{}, DefaultConfig())
	assert.ErrorContains(t, err, "as_of: is required")
	_, err = Rate(in, ratingAsOf, DefaultConfig())
	assert.ErrorContains(t, err, `history.last_order = 2026-11-27: client "c-1": is after the as-of date 2026-11-26`)

	in = validInput()
	in.Since = clientele.NewDate(2022, time.February, 29)
	_, err = Rate(in, clientele.NewDate(2026, time.June, 31), DefaultConfig())
	requireProblems(t, err, []string{
		"as_of: is not a calendar date in years 1-9999",
		`since: client "c-1": is not a calendar date in years 1-9999`,
	})
}

func TestRateAll(t *testing.T) {
	a := validInput()
	b := validInput()
	b.ClientID, b.History.ClientID = "c-2", "c-2"
	b.PaymentDiscipline = nil
	rs, err := RateAll([]Input{a, b}, ratingAsOf, DefaultConfig())
	require.NoError(t, err)
	assert.InDelta(t, 61, rs[0].Score, 1e-9)
	assert.InDelta(t, 53.75, rs[1].Score, 1e-9)

	_, err = RateAll(nil, ratingAsOf, DefaultConfig())
	assert.ErrorContains(t, err, "inputs: the client base is empty")
	bad := a
	bad.Revenue = decimal.NewFromInt(-5)
	_, err = RateAll([]Input{a, b, bad}, ratingAsOf, DefaultConfig())
	assert.ErrorContains(t, err, `inputs[2].revenue = -5: client "c-1": must not be negative`)
	assert.ErrorContains(t, err, "inputs[2].client_id = c-1: repeats inputs[0]")
}

func TestRatingConfigValidate(t *testing.T) {
	require.NoError(t, DefaultConfig().Validate())
	thirds := DefaultConfig()
	thirds.Weights = Weights{Value: decimal.RequireFromString("33.3"), Growth: decimal.RequireFromString("33.3"),
		Loyalty: decimal.RequireFromString("33.4"), PaymentDiscipline: decimal.Zero}
	require.NoError(t, thirds.Validate(), "decimal weights sum exactly: 33.3 + 33.3 + 33.4 = 100")

	err := Config{
		Weights: Weights{Value: decimal.NewFromInt(120), Growth: decimal.NewFromInt(-10),
			Loyalty: decimal.NewFromInt(20), PaymentDiscipline: decimal.NewFromInt(20)},
		FullMarksProfitShare: decimal.Zero,
		GrowthFloor:          decimal.NewFromInt(-150),
		GrowthCeiling:        decimal.NewFromInt(-160),
	}.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	for _, want := range []string{
		"weights.value = 120: must be a percentage within 0..100",
		"weights.growth = -10: must be a percentage within 0..100",
		"weights = 150: must sum to 100 percent points",
		"full_marks_profit_share = 0: must be a percentage above 0 and at most 100",
		"growth_floor = -150: must be at least -100",
		"growth_ceiling = -160: must be above growth_floor -150",
		"full_marks_tenure_years = 0: must be within 1..100",
		"full_marks_repeat_orders = 0: must be within 1..1000000",
	} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = Rate(validInput(), ratingAsOf, Config{})
	assert.ErrorContains(t, err, "config.weights = 0: must sum to 100 percent points")
}

func TestRatingConfigJSON(t *testing.T) {
	var cfg Config
	require.NoError(t, json.Unmarshal([]byte(`{
		"weights": {"value": "50", "growth": 10, "loyalty": 20.5, "payment_discipline": "19.5"},
		"full_marks_profit_share": "5", "allow_loss": true, "growth_floor": -30, "growth_ceiling": "30",
		"full_marks_tenure_years": 3, "full_marks_repeat_orders": 24}`), &cfg))
	require.NoError(t, cfg.Validate())
	assert.Equal(t, "20.5", cfg.Weights.Loyalty.String())
	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	var back Config
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Validate())
	r1, _ := Rate(validInput(), ratingAsOf, DefaultConfig())
	r2, _ := Rate(validInput(), ratingAsOf, back)
	assert.Equal(t, r1, r2)

	js, err := json.Marshal(r1)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"factor":"payment_discipline"`)
}

// FuzzRatingConfig loads arbitrary JSON as a rating config, with an
// arbitrary payment-discipline number. Whatever validates rates the
// worked client without error, within 0..100, the contributions adding
// up to the score and the effective weights to 100.
func FuzzRatingConfig(f *testing.F) {
	def, _ := json.Marshal(DefaultConfig())
	f.Add(def, 90.0, true)
	f.Add([]byte(`{"weights":{"value":100,"growth":0,"loyalty":0,"payment_discipline":0},"full_marks_profit_share":1,"growth_floor":0,"growth_ceiling":1,"full_marks_tenure_years":1,"full_marks_repeat_orders":1}`), 0.0, false)
	f.Add([]byte(`{"weights":{"value":"33.3","growth":"33.3","loyalty":"33.4","payment_discipline":0},"full_marks_profit_share":"0.001","growth_floor":-100,"growth_ceiling":1000,"full_marks_tenure_years":100,"full_marks_repeat_orders":1000000}`), 100.0, true)
	f.Add([]byte(`{"weights":{"value":50,"growth":50}}`), -1.0, true)
	f.Fuzz(func(t *testing.T, data []byte, pay float64, hasPay bool) {
		var cfg Config
		if json.Unmarshal(data, &cfg) != nil || cfg.Validate() != nil {
			return
		}
		in := validInput()
		in.PaymentDiscipline = nil
		if hasPay {
			in.PaymentDiscipline = &pay
		}
		r, err := Rate(in, ratingAsOf, cfg)
		if hasPay && !(pay >= 0 && pay <= 100) {
			require.ErrorIs(t, err, ErrInvalid)
			return
		}
		require.NoError(t, err)
		if !r.Defined {
			require.Zero(t, r.Score)
			return
		}
		sum, weights := 0.0, 0.0
		for _, c := range r.Factors {
			require.True(t, c.SubScore >= 0 && c.SubScore <= 100, "%s sub-score %v", c.Factor, c.SubScore)
			sum += c.Contribution
			weights += c.EffectiveWeight
		}
		require.InDelta(t, r.Score, sum, 1e-9)
		require.InDelta(t, 100, weights, 1e-9)
		require.True(t, r.Score >= 0 && r.Score <= 100, "score %v", r.Score)
	})
}

func BenchmarkRateAll(b *testing.B) {
	hs, asOf := synthetic.Histories(100_000)
	inputs := make([]Input, len(hs))
	for i, h := range hs {
		pay := float64(i % 101)
		inputs[i] = Input{ClientID: h.ClientID, ProfitShare: decimal.New(int64(i%1000), -3),
			Revenue: decimal.NewFromInt(int64(1000 + i%5000)), PreviousRevenue: decimal.NewFromInt(int64(i % 4000)),
			History: h, PaymentDiscipline: &pay}
	}
	cfg := DefaultConfig()
	b.Run("clients=100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := RateAll(inputs, asOf, cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestRateAllCapsListedProblems(t *testing.T) {
	// 250 inputs with a negative revenue: one problem each.
	inputs := make([]Input, 250)
	for i := range inputs {
		inputs[i] = validInput()
		inputs[i].ClientID = fmt.Sprintf("c%d", i)
		inputs[i].History.ClientID = inputs[i].ClientID
		inputs[i].Revenue = decimal.NewFromInt(-1)
	}
	_, err := RateAll(inputs, ratingAsOf, DefaultConfig())
	requireCapped(t, err, "inputs", 250)
}

// TestRatingFloatIsCorrectlyRounded: the fast conversion of a decimal
// input to float64 gives InexactFloat64's answer, the nearest float64.
func TestRatingFloatIsCorrectlyRounded(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	for range 20000 {
		// Coefficients of 1 to 16 digits, either sign; exponents ±30.
		coef := (r.Int64N(2_000_000_000_000_000) - 1_000_000_000_000_000) >> r.IntN(50)
		d := decimal.New(coef, int32(r.IntN(61)-30))
		assert.Equal(t, d.InexactFloat64(), toFloat(d), "%s", d)
	}
	for _, s := range []string{"0", "0.1", "-2.5", "12.5", "100", "0.000001", "123456789012345.6", "1234567890123456789.5"} {
		d := decimal.RequireFromString(s)
		assert.Equal(t, d.InexactFloat64(), toFloat(d), s)
	}
	assert.Zero(t, toFloat(decimal.Decimal{}))
}

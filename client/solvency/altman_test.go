package solvency

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stmt builds a statement from the figures a Z-score needs.
func stmt(ca, cl, ta, tl, re, ebit, rev, equity, mve string) Statement {
	s := Statement{PeriodEnd: day("2024-12-31"), Currency: "USD",
		CurrentAssets: nd(ca), CurrentLiabilities: nd(cl), TotalAssets: nd(ta),
		TotalLiabilities: nd(tl), RetainedEarnings: nd(re), EBIT: nd(ebit)}
	if rev != "" {
		s.Revenue = nd(rev)
	}
	if equity != "" {
		s.Equity = nd(equity)
	}
	if mve != "" {
		s.MarketEquity = nd(mve)
	}
	return s
}

func TestZScorePublishedExamples(t *testing.T) {
	tests := []struct {
		name   string
		source string
		s      Statement
		model  Model
		want   float64
		delta  float64
		zone   Zone
	}{
		{
			// Matt H. Evans, "The Z Score", exinfm.com/board/z_score.htm:
			// total assets 1,000, retained earnings 400, EBIT 50, sales
			// 1,500, market value of stock 600, book value of debt 700,
			// working capital 100: "Total Z Score = 2.86, not sure".
			// (Evans weighs X5 by 0.999; with Altman's 1.0:
			// 0.120 + 0.560 + 0.165 + 0.6·600/700 + 1.5 = 2.8593.)
			name: "Evans", s: stmt("300", "200", "1000", "700", "400", "50", "1500", "", "600"),
			model: ModelZ, want: 2.86, delta: 0.005, zone: ZoneGrey,
		},
		{
			// wizedu.com question 366502: WC/TA 0.34, RE/TA 0.15, EBIT/TA
			// 0.00, MVE/TL 0.80, sales/TA 1.6, "Z score is 2.70".
			// Figures chosen to give those ratios on assets of 1,000.
			name: "wizedu", s: stmt("500", "160", "1000", "500", "150", "0", "1600", "", "400"),
			model: ModelZ, want: 2.70, delta: 0.005, zone: ZoneGrey,
		},
		{
			// brainmass.com "Computation of z score" problem 521231:
			// working capital 90,000, total assets 620,000, retained
			// earnings 30,000, EBIT 55,000, market value of equity
			// 100,000, book value of total debt 280,000, sales 440,000.
			// Worked here: 1.2·90/620 + 1.4·30/620 + 3.3·55/620 +
			// 0.6·100/280 + 440/620 = 0.174194 + 0.067742 + 0.292742 +
			// 0.214286 + 0.709677 = 1.458641: distress.
			name: "brainmass", s: stmt("190000", "100000", "620000", "280000", "30000", "55000", "440000", "", "100000"),
			model: ModelZ, want: 1.458641, delta: 1e-6, zone: ZoneDistress,
		},
		{
			// Ross, Westerfield & Jordan, Fundamentals of Corporate
			// Finance, ch. 21 problem "Z-Score": Seether, LLC, a private
			// company: total assets 75,000, EBIT 8,300, net working
			// capital 6,800, book equity 26,000, accumulated retained
			// earnings 19,000, total liabilities 49,000. The textbook's
			// ratios are T1 = 0.091, T2 = 0.253, T3 = 0.111, T4 = 0.531;
			// with Altman's (2000) Z″ weights: 6.56·0.090667 +
			// 3.26·0.253333 + 6.72·0.110667 + 1.05·0.530612 = 0.594773 +
			// 0.825867 + 0.743680 + 0.557143 = 2.721463: safe (> 2.60).
			name: "Seether Z''", s: stmt("26800", "20000", "75000", "49000", "19000", "8300", "", "26000", ""),
			model: ModelZDoublePrime, want: 2.721463, delta: 1e-6, zone: ZoneSafe,
		},
		{
			// The same with the emerging-market constant: 2.721463 + 3.25
			// = 5.971463, safe (> 5.85): the zone Z″ gives.
			name: "Seether Z''-EM", s: stmt("26800", "20000", "75000", "49000", "19000", "8300", "", "26000", ""),
			model: ModelZDoublePrimeEM, want: 5.971463, delta: 1e-6, zone: ZoneSafe,
		},
		{
			// Hand-worked Z' for a private manufacturer: X1 = 150/1000,
			// X2 = 200/1000, X3 = 80/1000, X4 = 350/650 = 0.538462,
			// X5 = 1200/1000; 0.717·0.15 + 0.847·0.2 + 3.107·0.08 +
			// 0.420·0.538462 + 0.998·1.2 = 0.10755 + 0.1694 + 0.24856 +
			// 0.226154 + 1.1976 = 1.949264: grey (1.23..2.90).
			name: "hand Z'", s: stmt("400", "250", "1000", "650", "200", "80", "1200", "350", ""),
			model: ModelZPrime, want: 1.949264, delta: 1e-6, zone: ZoneGrey,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ZScore(tt.s, tt.model)
			require.NoError(t, err)
			require.True(t, a.Score.Defined, a.Score.Reason())
			assert.InDelta(t, tt.want, a.Score.Value, tt.delta)
			assert.Equal(t, tt.zone, a.Zone)
			assert.Equal(t, tt.model, a.Model)
		})
	}
}

func TestZScoreVariables(t *testing.T) {
	// Evans's figures again: X1 = 100/1000, X2 = 400/1000, X3 = 50/1000,
	// X4 = 600/700, X5 = 1500/1000.
	a, err := ZScore(stmt("300", "200", "1000", "700", "400", "50", "1500", "", "600"), ModelZ)
	require.NoError(t, err)
	for i, want := range []float64{0.1, 0.4, 0.05, 600.0 / 700, 1.5} {
		x := [5]Measure{a.X1, a.X2, a.X3, a.X4, a.X5}[i]
		assert.InDelta(t, want, x.Value, 1e-12, "X%d", i+1)
	}
	// Z″ leaves asset turnover out, and says so.
	a, err = ZScore(stmt("300", "200", "1000", "700", "400", "50", "1500", "300", ""), ModelZDoublePrime)
	require.NoError(t, err)
	assert.False(t, a.X5.Defined)
	assert.Equal(t, CauseNotUsed, a.X5.Cause)
	// 6.56·0.1 + 3.26·0.4 + 6.72·0.05 + 1.05·300/700 = 0.656 + 1.304 + 0.336 + 0.45 = 2.746
	assert.InDelta(t, 2.746, a.Score.Value, 1e-12)
}

func TestZScoreUndefinedNamesTheMissingInput(t *testing.T) {
	// Z needs the market value of equity; a private firm has none.
	a, err := ZScore(stmt("300", "200", "1000", "700", "400", "50", "1500", "300", ""), ModelZ)
	require.NoError(t, err)
	assert.False(t, a.Score.Defined)
	assert.Equal(t, "market_equity is unknown", a.Score.Reason())
	assert.Equal(t, Zone(0), a.Zone, "no score, no zone")

	// No liabilities at all: X4 has a zero denominator.
	a, err = ZScore(stmt("300", "0", "1000", "0", "400", "50", "1500", "1000", ""), ModelZPrime)
	require.NoError(t, err)
	assert.Equal(t, "total_liabilities is zero", a.Score.Reason())
	assert.Equal(t, CauseZero, a.Score.Cause)
}

func TestZoneBoundariesAreGrey(t *testing.T) {
	// The zones: distress < 1.81, grey 1.81-2.99, safe > 2.99.
	z := ModelZ.Coefficients()
	lo, hi := z.Lower, z.Upper
	assert.Equal(t, ZoneDistress, zoneOf(1.8099, lo, hi))
	assert.Equal(t, ZoneGrey, zoneOf(1.81, lo, hi))
	assert.Equal(t, ZoneGrey, zoneOf(2.99, lo, hi))
	assert.Equal(t, ZoneSafe, zoneOf(2.9901, lo, hi))
	for m, want := range map[Model][2]float64{ModelZPrime: {1.23, 2.90}, ModelZDoublePrime: {1.10, 2.60}, ModelZDoublePrimeEM: {4.35, 5.85}} {
		c := m.Coefficients()
		assert.Equal(t, want, [2]float64{c.Lower, c.Upper}, m.String())
	}
	assert.Equal(t, [5]float64{0.717, 0.847, 3.107, 0.420, 0.998}, ModelZPrime.Coefficients().Weights)
	assert.Equal(t, 3.25, ModelZDoublePrimeEM.Coefficients().Constant)
}

func TestChooseModel(t *testing.T) {
	listed := Statement{MarketEquity: nd("1")}
	tests := []struct {
		s    Statement
		f    Facts
		want Model
	}{
		{listed, Facts{Manufacturer: true}, ModelZ},
		{Statement{}, Facts{Manufacturer: true}, ModelZPrime},
		{listed, Facts{}, ModelZDoublePrime},
		{Statement{}, Facts{}, ModelZDoublePrime},
		{listed, Facts{Manufacturer: true, EmergingMarket: true}, ModelZDoublePrimeEM},
		{Statement{}, Facts{EmergingMarket: true}, ModelZDoublePrimeEM},
	}
	for _, tt := range tests {
		got, why := ChooseModel(tt.s, tt.f)
		assert.Equal(t, tt.want, got, "%+v", tt.f)
		assert.NotEmpty(t, why)
	}
}

func TestUnknownModelIsAnError(t *testing.T) {
	_, err := ParseModel("zeta")
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.EqualError(t, err, `unknown altman model "zeta" (want one of [z z_prime z_double_prime z_double_prime_em])`)

	_, err = ZScore(stmt("300", "200", "1000", "700", "400", "50", "1500", "", "600"), Model(9))
	requireFields(t, err, "model")

	var c Config
	require.Error(t, c.Model.UnmarshalText([]byte("z_triple_prime")))
	for _, m := range []Model{ModelZ, ModelZPrime, ModelZDoublePrime, ModelZDoublePrimeEM} {
		b, err := m.MarshalText()
		require.NoError(t, err)
		back, err := ParseModel(string(b))
		require.NoError(t, err)
		assert.Equal(t, m, back)
	}
}

// Altman's X3 and X5 are a year's EBIT and sales. A statement whose
// income figures cover a shorter period is scaled to 365 days first, or a
// quarter's accounts would read as a fifth of the earning power and the
// asset turnover.
func TestZScoreAnnualisesIncomeFigures(t *testing.T) {
	// Evans's firm again, its income statement covering 73 days (a fifth
	// of a year): EBIT 10 and sales 300 are 50 and 1,500 a year, so
	// X3 = 10·365/73 / 1000 = 0.05, X5 = 300·365/73 / 1000 = 1.5, and Z is
	// the annual 2.8593 (0.120 + 0.560 + 0.165 + 0.514286 + 1.5).
	quarter := stmt("300", "200", "1000", "700", "400", "10", "300", "", "600")
	quarter.PeriodDays = 73
	a, err := ZScore(quarter, ModelZ)
	require.NoError(t, err)
	assert.InDelta(t, 0.05, a.X3.Value, 1e-12)
	assert.InDelta(t, 1.5, a.X5.Value, 1e-12)
	assert.InDelta(t, 0.12+0.56+0.165+0.6*600.0/700+1.5, a.Score.Value, 1e-12)
	assert.Equal(t, ZoneGrey, a.Zone)

	// The balance-sheet variables do not move: X1 = 100/1000, X2 = 400/1000.
	assert.InDelta(t, 0.1, a.X1.Value, 1e-12)
	assert.InDelta(t, 0.4, a.X2.Value, 1e-12)
	// An unknown EBIT stays unknown, whatever the period.
	quarter.EBIT = decimal.NullDecimal{}
	a, err = ZScore(quarter, ModelZ)
	require.NoError(t, err)
	assert.Equal(t, "ebit is unknown", a.X3.Reason())
}

// The emerging-market score is the Z″ sum plus 3.25 with cut-offs moved
// by the same constant (issue 3: "the emerging-market variant adds
// 3.25"; Altman, "Predicting Financial Distress of Companies", NYU Stern
// 2000), so for any firm it is Z″ + 3.25 and falls in the zone Z″ gives.
func TestZDoublePrimeEMIsZDoublePrimePlusConstant(t *testing.T) {
	assert.Equal(t, ModelZDoublePrime.Coefficients().Weights, ModelZDoublePrimeEM.Coefficients().Weights)
	for _, wc := range []string{"-300", "0", "50", "120", "200", "400"} {
		s := stmt("400", "400", "1000", "600", "100", "40", "", "400", "")
		s.CurrentLiabilities = nd("400")
		s.CurrentAssets = nd(d("400").Add(d(wc)).String())
		if s.CurrentAssets.Decimal.Sign() < 0 {
			continue
		}
		z2, err := ZScore(s, ModelZDoublePrime)
		require.NoError(t, err)
		em, err := ZScore(s, ModelZDoublePrimeEM)
		require.NoError(t, err)
		assert.InDelta(t, z2.Score.Value+3.25, em.Score.Value, 1e-12, wc)
		assert.Equal(t, z2.Zone, em.Zone, "working capital %s: Z'' %v", wc, z2.Score.Value)
	}
}

// Every coefficient and cut-off as issue 3 lists them and as published:
// Z (Altman 1968, J. Finance 23(4): 0.012, 0.014, 0.033, 0.006, 0.999
// on X1..X4 in per cent, i.e. 1.2, 1.4, 3.3, 0.6 and 1.0 (X5 in times)
// on fractions; zones 1.81 / 2.99), Z' and Z″ (Altman, "Predicting
// Financial Distress of Companies: Revisiting the Z-Score and ZETA
// Models", NYU Stern, July 2000: Z' 0.717, 0.847, 3.107, 0.420, 0.998,
// zones 1.23 / 2.90; Z″ 6.56, 3.26, 6.72, 1.05, zones 1.10 / 2.60; the
// three also at en.wikipedia.org/wiki/Altman_Z-score), and the
// emerging-market constant 3.25 with the Z″ cut-offs moved by it.
func TestModelCoefficientsAsPublished(t *testing.T) {
	tests := []struct {
		m            Model
		weights      [5]float64
		constant     float64
		lower, upper float64
		title        string
	}{
		{ModelZ, [5]float64{1.2, 1.4, 3.3, 0.6, 1.0}, 0, 1.81, 2.99, "Z"},
		{ModelZPrime, [5]float64{0.717, 0.847, 3.107, 0.420, 0.998}, 0, 1.23, 2.90, "Z'"},
		{ModelZDoublePrime, [5]float64{6.56, 3.26, 6.72, 1.05, 0}, 0, 1.10, 2.60, "Z''"},
		{ModelZDoublePrimeEM, [5]float64{6.56, 3.26, 6.72, 1.05, 0}, 3.25, 1.10 + 3.25, 2.60 + 3.25, "Z''-EM"},
	}
	for _, tt := range tests {
		c := tt.m.Coefficients()
		assert.Equal(t, tt.weights, c.Weights, tt.title)
		assert.Equal(t, tt.constant, c.Constant, tt.title)
		assert.InDelta(t, tt.lower, c.Lower, 1e-12, tt.title)
		assert.InDelta(t, tt.upper, c.Upper, 1e-12, tt.title)
		assert.Equal(t, tt.title, tt.m.Title())
	}
	assert.Equal(t, Coefficients{}, Model(0).Coefficients(), "no model, no coefficients")
}

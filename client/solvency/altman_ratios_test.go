package solvency

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestZScoreFromRatiosPublished(t *testing.T) {
	tests := []struct {
		name string
		r    AltmanRatios
		c    Coefficients
		want float64
		zone Zone
	}{
		{
			// Matt H. Evans, "The Z Score", exinfm.com/board/z_score.htm,
			// with Altman's printed 0.999: .120 + .560 + .165 + .514 +
			// 1.499 = "Total Z Score = 2.86, not sure". Exactly: 0.12 +
			// 0.56 + 0.165 + 0.6·(600/700 = 0.857142857142857) + 0.999·1.5
			// = 0.12 + 0.56 + 0.165 + 0.514285714285714 + 1.4985 =
			// 2.857785714285714.
			name: "Evans, 0.999", r: AltmanRatios{0.1, 0.4, 0.05, 600.0 / 700, 1.5}, c: CoefficientsZ1968(),
			want: 2.857785714285714, zone: ZoneGrey,
		},
		{
			// The same ratios in the 1968 percent form: X1..X4 × 100 with
			// weights .012 .014 .033 .006 give the same terms (0.012·10 =
			// 0.12 ...), so the same score.
			name: "Evans, percent form", r: AltmanRatios{10, 40, 5, 60000.0 / 700, 1.5}, c: CoefficientsZ1968Percent(),
			want: 2.857785714285714, zone: ZoneGrey,
		},
		{
			// assignmentexpert.com, finance question 122120 (X1 = 0.2,
			// X2 = 0, X3 = 0.2, X4 = 0.1, X5 = 2.0): 1.2·0.2 + 1.4·0 +
			// 3.3·0.2 + 0.6·0.1 + 1.0·2 = 0.24 + 0 + 0.66 + 0.06 + 2 =
			// "Z score = 2.96": grey, below 2.99.
			name: "assignmentexpert", r: AltmanRatios{0.2, 0, 0.2, 0.1, 2.0}, c: CoefficientsZ(),
			want: 2.96, zone: ZoneGrey,
		},
		{
			// brainmass.com problem 521231 (worked in altman_test.go):
			// 1.458641, distress.
			name: "brainmass", r: AltmanRatios{90.0 / 620, 30.0 / 620, 55.0 / 620, 100.0 / 280, 440.0 / 620}, c: CoefficientsZ(),
			want: 1.458641, zone: ZoneDistress,
		},
		{
			// Ross, Westerfield & Jordan's Seether, LLC with its printed
			// (rounded) ratios T1..T4 = 0.091, 0.253, 0.111, 0.531 and
			// Z″: 6.56·0.091 + 3.26·0.253 + 6.72·0.111 + 1.05·0.531 =
			// 0.59696 + 0.82478 + 0.74592 + 0.55755 = 2.72521: safe.
			name: "Seether Z''", r: AltmanRatios{X1: 0.091, X2: 0.253, X3: 0.111, X4: 0.531}, c: CoefficientsZDoublePrime(),
			want: 2.72521, zone: ZoneSafe,
		},
		{
			// A set no statement passes (negative working capital,
			// retained earnings, EBIT and book equity) is a legal input
			// to Z″: 6.56·−0.5 + 3.26·−1.2 + 6.72·−0.3 + 1.05·−0.4 =
			// −3.28 − 3.912 − 2.016 − 0.42 = −9.628; Z″-EM adds 3.25:
			// −6.378.
			name: "insolvent Z''", r: AltmanRatios{X1: -0.5, X2: -1.2, X3: -0.3, X4: -0.4}, c: CoefficientsZDoublePrime(),
			want: -9.628, zone: ZoneDistress,
		},
		{
			name: "insolvent Z''-EM", r: AltmanRatios{X1: -0.5, X2: -1.2, X3: -0.3, X4: -0.4}, c: CoefficientsZDoublePrimeEM(),
			want: -6.378, zone: ZoneDistress,
		},
		{
			// Z' on 0.1, 0.2, 0.1, 0.5, 1.2: 0.0717 + 0.1694 + 0.3107 +
			// 0.21 + 1.1976 = 1.9594: grey (1.23..2.90).
			name: "Z'", r: AltmanRatios{0.1, 0.2, 0.1, 0.5, 1.2}, c: CoefficientsZPrime(),
			want: 1.9594, zone: ZoneGrey,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z, err := ZScoreFromRatios(tt.r, tt.c)
			require.NoError(t, err)
			assert.InDelta(t, tt.want, z.Score, 1e-6)
			assert.Equal(t, tt.zone, z.Zone)
			assert.Equal(t, tt.c.Name, z.Coefficients)
		})
	}
}

// On a cut-off the zone is the one written on paper, whatever the float
// rounding of 1.2·0.5: 0.6 + 1.21 = 1.81 is grey, 2.99 is grey, and a
// hair above is safe.
func TestZScoreFromRatiosCutoffsExact(t *testing.T) {
	for _, tt := range []struct {
		r    AltmanRatios
		zone Zone
	}{
		{AltmanRatios{X1: 0.5, X5: 1.21}, ZoneGrey},
		{AltmanRatios{X1: 0.5, X5: 1.2099999999}, ZoneDistress},
		{AltmanRatios{X3: 0.7, X5: 0.68}, ZoneGrey},      // 2.31 + 0.68 = 2.99
		{AltmanRatios{X3: 0.7, X5: 0.6800001}, ZoneSafe}, // 2.9900001
	} {
		z, err := ZScoreFromRatios(tt.r, CoefficientsZ())
		require.NoError(t, err)
		assert.Equal(t, tt.zone, z.Zone, "%+v: %v", tt.r, z.Score)
	}
}

// The ratios of a statement give the statement's score: the default
// models are the coefficient sets, unchanged.
func TestZScoreFromRatiosMatchesStatement(t *testing.T) {
	s := stmt("190000", "100000", "620000", "280000", "30000", "55000", "440000", "150000", "100000")
	for _, m := range []Model{ModelZ, ModelZPrime, ModelZDoublePrime, ModelZDoublePrimeEM} {
		a, err := ZScore(s, m)
		require.NoError(t, err)
		z, err := ZScoreFromRatios(AltmanRatios{a.X1.Value, a.X2.Value, a.X3.Value, a.X4.Value, a.X5.Value}, m.Coefficients())
		require.NoError(t, err)
		assert.InDelta(t, a.Score.Value, z.Score, 1e-12, m.String())
		assert.Equal(t, a.Zone, z.Zone, m.String())
	}
	assert.Equal(t, [5]float64{1.2, 1.4, 3.3, 0.6, 1.0}, CoefficientsZ().Weights, "the default Z keeps X5 at 1.0")
	assert.Equal(t, Coefficients{}, Model(0).Coefficients())
}

func TestZScoreFromRatiosValidation(t *testing.T) {
	_, err := ZScoreFromRatios(AltmanRatios{X1: math.NaN(), X4: 2e9, X5: math.Inf(1)}, Coefficients{Lower: 3, Upper: 2})
	requireFields(t, err, "x1", "x4", "coefficients.weights", "coefficients.upper")
	// X5 is not read by Z″: it may hold anything.
	_, err = ZScoreFromRatios(AltmanRatios{X5: math.NaN()}, CoefficientsZDoublePrime())
	assert.NoError(t, err)
	bad := CoefficientsZ()
	bad.Weights[2] = math.Inf(-1)
	bad.Constant = 1e4
	requireFields(t, bad.Validate(), "weights[2]", "constant")
	for _, c := range []Coefficients{CoefficientsZ1968Percent(), CoefficientsZ1968(), CoefficientsZ(), CoefficientsZPrime(),
		CoefficientsZDoublePrime(), CoefficientsZDoublePrimeEM()} {
		assert.NoError(t, c.Validate(), c.Name)
	}
}

package learn

import (
	"math"

	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/internal/validate"
)

// Config says how to learn a scorecard. Start from [DefaultConfig]; load
// one from JSON with clientele.LoadConfig[learn.Config].
//
// The zero Config is not valid: Validate names every missing setting.
type Config struct {
	// FineBins is the number of quantile pre-bins per feature before
	// merging (2..100). Default 20, Siddiqi's usual fine classing.
	FineBins int `json:"fine_bins"`
	// MaxBins caps the bins a feature keeps (2..16, the scorer's limit).
	// Default 5.
	MaxBins int `json:"max_bins"`
	// MinBinShare is the smallest share of the training rows a bin may
	// hold (0 to 0.5). Default 0.05, the 5 % floor of Siddiqi and of R
	// scorecard's count_distr_limit.
	MinBinShare float64 `json:"min_bin_share"`
	// Trends fixes the direction of a numeric feature's bad rate; a
	// feature left out is TrendAuto. A categorical feature's groups are
	// ordered by bad rate and take no trend.
	Trends map[solvency.Feature]Trend `json:"trends,omitempty"`
	// TestShare is the share of rows held out to measure discrimination
	// when the history gives no split of its own (above 0, below 1).
	// Default 0.3.
	TestShare float64 `json:"test_share"`
	// Seed picks the held-out rows: the same seed and row count give the
	// same split.
	Seed uint64 `json:"seed"`
	// Scaling turns log-odds into points; the scorer must read the
	// learned points on the same scaling. Default solvency.DefaultScaling.
	Scaling solvency.Scaling `json:"scaling"`
	// PointsDecimals rounds every point figure to this many decimals
	// (0..4). Default 0: whole points, as R scorecard's digits = 0.
	PointsDecimals int `json:"points_decimals"`
	// MaxIterations bounds the Newton steps of the regression (1..100).
	// Default 25; a well-posed fit on WoE values takes 4 to 8.
	MaxIterations int `json:"max_iterations"`
	// Tolerance ends the regression when no coefficient moves by more
	// than Tolerance·(1 + its size) (1e-15..1e-3). Default 1e-10.
	Tolerance float64 `json:"tolerance"`
}

// DefaultConfig returns the defaults documented on each field.
func DefaultConfig() Config {
	return Config{FineBins: 20, MaxBins: 5, MinBinShare: 0.05, TestShare: 0.3, Seed: 1,
		Scaling: solvency.DefaultScaling(), MaxIterations: 25, Tolerance: 1e-10}
}

// Validate reports every problem at once, each with its field path.
func (c Config) Validate() error {
	var p validate.Problems
	if c.FineBins < 2 || c.FineBins > 100 {
		p.Add("fine_bins", c.FineBins, "must be 2 to 100")
	}
	if c.MaxBins < 2 || c.MaxBins > 16 {
		p.Add("max_bins", c.MaxBins, "must be 2 to 16")
	}
	if !(c.MinBinShare >= 0 && c.MinBinShare <= 0.5) {
		p.Add("min_bin_share", c.MinBinShare, "must be a number from 0 to 0.5")
	}
	for f, t := range c.Trends {
		if !f.IsValid() {
			p.Add("trends", f, "unknown feature")
		} else if !t.IsValid() {
			p.Add("trends."+f.String(), t, "unknown trend (want auto, ascending or descending)")
		}
	}
	if !(c.TestShare > 0 && c.TestShare < 1) {
		p.Add("test_share", c.TestShare, "must be a number above 0 and below 1")
	}
	p.Merge("scaling", c.Scaling.Validate())
	if c.PointsDecimals < 0 || c.PointsDecimals > 4 {
		p.Add("points_decimals", c.PointsDecimals, "must be 0 to 4")
	}
	if c.MaxIterations < 1 || c.MaxIterations > 100 {
		p.Add("max_iterations", c.MaxIterations, "must be 1 to 100")
	}
	if !(c.Tolerance >= 1e-15 && c.Tolerance <= 1e-3) || math.IsNaN(c.Tolerance) {
		p.Add("tolerance", c.Tolerance, "must be a number from 1e-15 to 0.001")
	}
	return p.Err(ErrInvalid)
}

// trend returns the configured trend of f, TrendAuto when unset.
func (c *Config) trend(f solvency.Feature) Trend {
	if t := c.Trends[f]; t.IsValid() {
		return t
	}
	return TrendAuto
}

package solvency

import (
	"math"

	"github.com/shopspring/decimal"
)

// Scorecard points are float64 (12.5, 0.1), but a grade's minimum is a
// decimal a person wrote (620), and points that add up to it exactly
// must reach the grade: in float64 619.7 + 0.1 + 0.2 is
// 619.9999999999999. So a scorecard reads every points value, its base
// and the grades' minimums as the decimals they print as, on one scale
// of 10^−places units, and adds whole units: exact, and as cheap as
// adding floats.

// Bounds of the exact scale: at most maxUnitPlaces decimal places, and
// every value within maxUnits units, so that the sum of a base and
// maxFactors points stays far inside an int64.
const (
	maxUnitPlaces = 12
	maxUnits      = 1e17
)

// unitScale is the scale of a set of values: places, and whether every
// value is a whole number of 10^−places within maxUnits. When one is not
// (a points value of 17 significant digits), points are added in
// float64 as before.
type unitScale struct {
	places int
	exact  bool
}

// scaleOf finds the fewest places that hold every value exactly.
func scaleOf(values []float64) unitScale {
	u := unitScale{exact: true}
	for _, v := range values {
		if e := -int(decimal.NewFromFloat(v).Exponent()); e > u.places {
			u.places = e
		}
	}
	if u.places > maxUnitPlaces {
		return unitScale{}
	}
	for _, v := range values {
		if math.Abs(v)*pow10f[u.places] > maxUnits {
			return unitScale{}
		}
	}
	return u
}

// units is v as a whole number of 10^−places: the decimal v prints as,
// shifted, so exact.
func (u unitScale) units(v float64) int64 {
	if !u.exact {
		return 0
	}
	return decimal.NewFromFloat(v).Shift(int32(u.places)).IntPart()
}

// float is a sum of units as a float64, correctly rounded while it is
// below 2^53, as a total is unless its values run to maxUnits.
func (u unitScale) float(units int64) float64 {
	return float64(units) / pow10f[u.places]
}

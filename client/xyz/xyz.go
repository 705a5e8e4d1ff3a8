package client

import (
	"fmt"
	"math"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// ClientSeries is one client's order value per period, oldest first:
// the input of XYZ. Build it from orders with [OrderSeries], or supply
// it from the host's own aggregates. Every value is an amount in the
// host's reporting currency; a period without orders is 0, not missing.
type ClientSeries struct {
	ClientID string `json:"client_id"`
	// FirstPeriod is the index, in the period list the series was built
	// on, of the period Values[0] belongs to (see OrderSeries); XYZ does
	// not use it.
	FirstPeriod int               `json:"first_period,omitempty"`
	Values      []decimal.Decimal `json:"values"`
}

// XYZDeviation chooses the standard deviation in the coefficient of
// variation.
type XYZDeviation uint8

const (
	// XYZPopulation divides the squared deviations by n, the number of
	// periods: the textbook XYZ formula σ = √(Σ(xᵢ−x̄)²/n), and Excel's
	// STDEVP (СТАНДОТКЛОНП).
	XYZPopulation XYZDeviation = iota + 1
	// XYZSample divides by n−1 (Bessel's correction), Excel's STDEV: it
	// reads the periods as a sample of the client's demand and gives a
	// CV larger by √(n/(n−1)), 4.4 % larger for 12 periods.
	XYZSample
)

var xyzDeviationNames = enum.Names{"", "population", "sample"}

// ParseXYZDeviation returns the deviation named s ("population", "sample").
func ParseXYZDeviation(s string) (XYZDeviation, error) {
	return enum.Parse[XYZDeviation](xyzDeviationNames, "XYZ deviation", s)
}

func (d XYZDeviation) String() string { return enum.String(xyzDeviationNames, "XYZDeviation", d) }

// IsValid reports whether d is a named deviation.
func (d XYZDeviation) IsValid() bool { return enum.Valid(xyzDeviationNames, d) }

// MarshalText implements encoding.TextMarshaler; an unset deviation is an error.
func (d XYZDeviation) MarshalText() ([]byte, error) {
	return enum.Marshal(xyzDeviationNames, "XYZDeviation", d)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (d *XYZDeviation) UnmarshalText(b []byte) error {
	return enum.Unmarshal(xyzDeviationNames, "XYZ deviation", d, b)
}

// XYZClass is how steady a client's orders are: X steady, Y fluctuating,
// Z erratic.
type XYZClass uint8

const (
	XYZClassX XYZClass = iota + 1
	XYZClassY
	XYZClassZ
)

var xyzClassNames = enum.Names{"", "X", "Y", "Z"}

// ParseXYZClass returns the class named s ("X", "Y", "Z").
func ParseXYZClass(s string) (XYZClass, error) {
	return enum.Parse[XYZClass](xyzClassNames, "XYZ class", s)
}

func (c XYZClass) String() string { return enum.String(xyzClassNames, "XYZClass", c) }

// IsValid reports whether c is X, Y or Z.
func (c XYZClass) IsValid() bool { return enum.Valid(xyzClassNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset class is an error.
func (c XYZClass) MarshalText() ([]byte, error) { return enum.Marshal(xyzClassNames, "XYZClass", c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *XYZClass) UnmarshalText(b []byte) error {
	return enum.Unmarshal(xyzClassNames, "XYZ class", c, b)
}

// XYZStatus says whether a client could be classified.
type XYZStatus uint8

const (
	// XYZClassified: the client has a class and statistics.
	XYZClassified XYZStatus = iota + 1
	// XYZInsufficientHistory: fewer periods than the config's MinPeriods;
	// no class is guessed.
	XYZInsufficientHistory
	// XYZNoDemand: every period is zero. The mean is zero, so the CV is
	// undefined: the client did not order, which is no steadiness class.
	XYZNoDemand
)

var xyzStatusNames = enum.Names{"", "classified", "insufficient_history", "no_demand"}

func (s XYZStatus) String() string { return enum.String(xyzStatusNames, "XYZStatus", s) }

// IsValid reports whether s is a named status.
func (s XYZStatus) IsValid() bool { return enum.Valid(xyzStatusNames, s) }

// MarshalText implements encoding.TextMarshaler.
func (s XYZStatus) MarshalText() ([]byte, error) {
	return enum.Marshal(xyzStatusNames, "XYZStatus", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *XYZStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(xyzStatusNames, "XYZ status", s, b)
}

// XYZConfig sets the XYZ thresholds, on the coefficient of variation in
// percent points ("10" means a CV of 10 %).
type XYZConfig struct {
	// XMaxPct: a CV up to this is X. Default 10.
	XMaxPct decimal.Decimal `json:"x_max_pct"`
	// YMaxPct: a CV above XMaxPct up to this is Y, above it Z. Default 25.
	YMaxPct   decimal.Decimal `json:"y_max_pct"`
	Deviation XYZDeviation    `json:"deviation"`
	// MinPeriods is the fewest periods a client needs to be classified;
	// at least 2 (one period has no spread). Default 6.
	MinPeriods int `json:"min_periods"`
}

// DefaultXYZConfig uses the usual XYZ bands — X up to 10 %, Y up to 25 %,
// Z above — the population deviation of the textbook formula, and at
// least 6 periods. Six is the usual floor of XYZ practice ("classically 12
// months; if the situation is stable, 6 are enough"), and statistics
// agree: the relative error of a standard deviation estimated from n
// values is about 1/√(2(n−1)), 50 % for 3 periods — enough to move a Y
// client to X or Z — and 32 % for 6.
func DefaultXYZConfig() XYZConfig {
	return XYZConfig{
		XMaxPct:    decimal.NewFromInt(10),
		YMaxPct:    decimal.NewFromInt(25),
		Deviation:  XYZPopulation,
		MinPeriods: 6,
	}
}

// Validate reports every problem with the config at once.
func (c XYZConfig) Validate() error {
	var p validate.Problems
	checkThresholds(&p, "x_max_pct", c.XMaxPct, "y_max_pct", c.YMaxPct)
	if !c.Deviation.IsValid() {
		p.Add("deviation", c.Deviation, "unknown deviation (want population or sample)")
	}
	if c.MinPeriods < 2 {
		p.Add("min_periods", c.MinPeriods, "must be at least 2: one period has no spread")
	}
	return p.Err(ErrInvalid)
}

// XYZStats are a classified client's statistics, float64 for display
// only (the class was settled exactly, see XYZ).
type XYZStats struct {
	// Mean and StdDev are per period, in the currency of the values.
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"std_dev"`
	// CVPct is StdDev / Mean × 100.
	CVPct float64 `json:"cv_pct"`
}

// XYZRow is one client's XYZ result.
type XYZRow struct {
	ClientID string    `json:"client_id"`
	Periods  int       `json:"periods"`
	Status   XYZStatus `json:"status"`
	// Class is set only when Status is XYZClassified.
	Class XYZClass `json:"class,omitzero"`
	// Stats is nil unless Status is XYZClassified: with too short a
	// history or no demand the CV is not computed or not defined.
	Stats *XYZStats `json:"stats"`
	// SettledExactly is true when the float CV lay so close to a
	// threshold that the class was decided in exact integer arithmetic.
	SettledExactly bool `json:"settled_exactly,omitempty"`
}

// XYZResult is the XYZ segmentation.
type XYZResult struct {
	Config XYZConfig `json:"config"`
	// Rows are in the order of the input.
	Rows []XYZRow `json:"rows"`
	// Counts per class and per unclassified status.
	X                   int `json:"x"`
	Y                   int `json:"y"`
	Z                   int `json:"z"`
	InsufficientHistory int `json:"insufficient_history"`
	NoDemand            int `json:"no_demand"`
}

// XYZ segments clients by how steady their orders are: the coefficient of
// variation (CV = standard deviation / mean) of each client's per-period
// order values. CV ≤ XMaxPct is X, ≤ YMaxPct is Y, above is Z; a CV
// exactly at a threshold belongs to the steadier class.
//
// A client with fewer than MinPeriods periods is XYZInsufficientHistory,
// and one whose every period is zero is XYZNoDemand (the mean is zero and
// the CV undefined): neither gets a class.
//
// The CV is computed in float64 (two-pass mean and deviation), which is
// what Stats shows. The class is decided by that float only when it lies
// clearly away from the thresholds (relative distance above 10⁻⁶, far
// beyond the float error of a few ulps per period). Otherwise — and always
// when some value does not fit int64 units, when a client has more than
// 4096 periods, or when a threshold is below 0.01 % — the comparison is
// redone exactly on the integer units uᵢ, with n periods, S = Σuᵢ and
// D = n·Σuᵢ² − S² (D/n² is the population variance):
//
//	population: CV ≤ t/100  ⇔  10⁴·D ≤ t²·S²
//	sample:     CV ≤ t/100  ⇔  10⁴·n·D ≤ t²·(n−1)·S²
//
// in math/big integers. A client exactly at 10 % is X, never Y by a
// rounding error.
//
// Errors (client.ErrInvalid, every problem listed, the config's with the
// input's): an invalid cfg; no series; an empty or repeated client ID; a
// negative or out-of-range value (more than 30 decimal places or a scale
// above 10^30); every value of every client zero (a wrong period window,
// most likely).
func XYZ(series []ClientSeries, cfg XYZConfig) (XYZResult, error) {
	a, offsets, err := xyzUnits(series, cfg.Validate())
	if err != nil {
		return XYZResult{}, err
	}
	res := XYZResult{Config: cfg, Rows: make([]XYZRow, len(series))}
	stats := make([]XYZStats, 0, len(series))
	cl := xyzClassifier{
		a:      &a,
		cfg:    cfg,
		scale:  math.Pow10(int(a.Exp())),
		xFrac:  cfg.XMaxPct.Shift(-2).InexactFloat64(),
		yFrac:  cfg.YMaxPct.Shift(-2).InexactFloat64(),
		always: a.IsWide() || cfg.XMaxPct.LessThan(xyzMinFloatPct) || cfg.YMaxPct.LessThan(xyzMinFloatPct),
	}
	for c := range series {
		row := &res.Rows[c]
		row.ClientID = series[c].ClientID
		lo, hi := offsets[c], offsets[c+1]
		row.Periods = hi - lo
		if row.Periods < cfg.MinPeriods {
			row.Status = XYZInsufficientHistory
			res.InsufficientHistory++
			continue
		}
		st, class, exact, ok := cl.classify(lo, hi)
		if !ok {
			row.Status = XYZNoDemand
			res.NoDemand++
			continue
		}
		stats = append(stats, st)
		row.Status, row.Class, row.Stats, row.SettledExactly = XYZClassified, class, &stats[len(stats)-1], exact
		switch class {
		case XYZClassX:
			res.X++
		case XYZClassY:
			res.Y++
		default:
			res.Z++
		}
	}
	return res, nil
}

// xyzMinFloatPct is the smallest threshold the float pre-check is trusted
// for; below it every client is settled exactly.
var xyzMinFloatPct = decimal.New(1, -2)

// xyzNearRel is the relative distance from a threshold under which the
// float CV does not decide.
const xyzNearRel = 1e-6

// xyzMaxFloatPeriods bounds the series length the float pre-check is
// trusted for (its error grows with n).
const xyzMaxFloatPeriods = 4096

// xyzUnits validates the series and converts every value to exact units;
// the values of client c are units offsets[c] up to offsets[c+1].
// cfgErr is the config's Validate error, reported with the problems of
// the series.
func xyzUnits(series []ClientSeries, cfgErr error) (exactsum.Amounts, []int, error) {
	var p validate.Problems
	p.Limit("series", validate.MaxListed)
	p.Merge("config", cfgErr)
	if len(series) == 0 {
		p.Add("series", nil, "is empty: there are no clients to classify")
		return exactsum.Amounts{}, nil, p.Err(ErrInvalid)
	}
	dups := repeats.Find(len(series), func(i int) string { return series[i].ClientID })
	offsets := make([]int, len(series)+1)
	n := 0
	for c := range series {
		offsets[c] = n
		n += len(series[c].Values)
	}
	offsets[len(series)] = n
	var b exactsum.Builder
	b.Grow(n)
	demand := false
	for c := range series {
		s := &series[c]
		if s.ClientID == "" {
			p.Add(fmt.Sprintf("series[%d].client_id", c), nil, "is required")
		}
		for len(dups) > 0 && dups[0].At == c {
			p.Add(fmt.Sprintf("series[%d].client_id", c), s.ClientID, validate.RepeatReason("series", dups[0].First, "client_id"))
			dups = dups[1:]
		}
		for j, v := range s.Values {
			switch {
			case !validate.InRange(v):
				p.Add(fmt.Sprintf("series[%d].values[%d]", c, j), validate.Sci(v), validate.RangeReason)
			case v.Sign() < 0:
				p.Add(fmt.Sprintf("series[%d].values[%d]", c, j), v, "must not be negative: an order value per period")
			case v.Sign() > 0:
				demand = true
			}
			b.Append(v)
		}
	}
	if p.Len() == 0 && !demand {
		p.Add("series[].values", "0", "every value of every client is zero: no demand to classify (check the period window)")
	}
	if p.Len() > 0 {
		return exactsum.Amounts{}, nil, p.Err(ErrInvalid)
	}
	a, err := b.Amounts()
	if err != nil { // unreachable: every value was range-checked above
		return exactsum.Amounts{}, nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return a, offsets, nil
}

type xyzClassifier struct {
	a            *exactsum.Amounts
	cfg          XYZConfig
	scale        float64 // 10^exp: units to currency
	xFrac, yFrac float64 // the thresholds as fractions, for the float check
	always       bool    // settle every client exactly
}

// classify returns the statistics and class of the client whose units are
// lo..hi, whether the class was settled exactly, and false when every
// value is zero (no demand).
func (cl *xyzClassifier) classify(lo, hi int) (XYZStats, XYZClass, bool, bool) {
	n := hi - lo
	var sum float64
	if ints := cl.a.Ints(); ints != nil {
		s := exactsum.SumInt64s(ints[lo:hi])
		if s.Sign() == 0 {
			return XYZStats{}, 0, false, false
		}
		sum = s.Float64()
	} else {
		nonzero := false
		for i := lo; i < hi; i++ {
			nonzero = nonzero || cl.a.Sign(i) != 0
			sum += cl.a.Float64(i)
		}
		if !nonzero {
			return XYZStats{}, 0, false, false
		}
	}
	mean := sum / float64(n)
	var q float64
	for i := lo; i < hi; i++ {
		d := cl.a.Float64(i) - mean
		q += d * d
	}
	k := float64(n)
	if cl.cfg.Deviation == XYZSample {
		k--
	}
	sd := math.Sqrt(q / k)
	cv := sd / mean
	st := XYZStats{Mean: mean * cl.scale, StdDev: sd * cl.scale, CVPct: cv * 100}

	exact := cl.always || n > xyzMaxFloatPeriods ||
		math.Abs(cv-cl.xFrac) <= xyzNearRel*cl.xFrac || math.Abs(cv-cl.yFrac) <= xyzNearRel*cl.yFrac
	if exact {
		s, d := cl.moments(lo, hi)
		switch {
		case xyzCVAtMost(s, d, n, cl.cfg.Deviation, cl.cfg.XMaxPct):
			return st, XYZClassX, true, true
		case xyzCVAtMost(s, d, n, cl.cfg.Deviation, cl.cfg.YMaxPct):
			return st, XYZClassY, true, true
		}
		return st, XYZClassZ, true, true
	}
	switch {
	case cv <= cl.xFrac:
		return st, XYZClassX, false, true
	case cv <= cl.yFrac:
		return st, XYZClassY, false, true
	}
	return st, XYZClassZ, false, true
}

// moments returns S = Σuᵢ and D = n·Σuᵢ² − S² for units lo..hi, exactly.
func (cl *xyzClassifier) moments(lo, hi int) (s, d *big.Int) {
	s, p := new(big.Int), new(big.Int)
	var u, sq big.Int
	for i := lo; i < hi; i++ {
		cl.a.BigInt(i, &u)
		s.Add(s, &u)
		p.Add(p, sq.Mul(&u, &u))
	}
	d = new(big.Int).Mul(p, big.NewInt(int64(hi-lo)))
	return s, d.Sub(d, new(big.Int).Mul(s, s))
}

// xyzCVAtMost reports exactly whether the CV of a series with n periods,
// S = Σuᵢ > 0 and D = n·Σuᵢ² − S² is at most pct percent: CV² is D/S²
// (population) or n·D/((n−1)·S²) (sample), compared with (pct/100)².
func xyzCVAtMost(s, d *big.Int, n int, dev XYZDeviation, pct decimal.Decimal) bool {
	lhs := new(big.Int).Mul(d, big.NewInt(10_000))
	rhs := new(big.Int).Mul(s, s)
	pc := pct.Coefficient()
	rhs.Mul(rhs, pc.Mul(pc, pc))
	if dev == XYZSample {
		lhs.Mul(lhs, big.NewInt(int64(n)))
		rhs.Mul(rhs, big.NewInt(int64(n-1)))
	}
	// pct² = coefficient² × 10^(2·exponent): scale whichever side keeps
	// both integers.
	if e := 2 * int64(pct.Exponent()); e > 0 {
		rhs.Mul(rhs, new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil))
	} else if e < 0 {
		lhs.Mul(lhs, new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil))
	}
	return lhs.Cmp(rhs) <= 0
}

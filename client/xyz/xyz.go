package xyz

import (
	"fmt"
	"math"
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/internal/wide"
)

// Series is one client's order value per period, oldest first:
// the input of XYZ. Build it from orders with [OrderSeries], or supply
// it from the host's own aggregates. Every value is an amount in the
// host's reporting currency; a period without orders is 0, not missing.
type Series struct {
	ClientID string `json:"client_id"`
	// FirstPeriod is the index, in the period list the series was built
	// on, of the period Values[0] belongs to (see OrderSeries); XYZ does
	// not use it.
	FirstPeriod int               `json:"first_period,omitempty"`
	Values      []decimal.Decimal `json:"values"`
}

// Deviation chooses the standard deviation in the coefficient of
// variation.
type Deviation uint8

const (
	// Population divides the squared deviations by n, the number of
	// periods: the textbook XYZ formula σ = √(Σ(xᵢ−x̄)²/n), and Excel's
	// STDEVP (СТАНДОТКЛОНП).
	Population Deviation = iota + 1
	// Sample divides by n−1 (Bessel's correction), Excel's STDEV: it
	// reads the periods as a sample of the client's demand and gives a
	// CV larger by √(n/(n−1)), 4.4 % larger for 12 periods.
	Sample
)

var deviationNames = enum.Names{"", "population", "sample"}

// ParseDeviation returns the deviation named s ("population", "sample").
func ParseDeviation(s string) (Deviation, error) {
	return enum.Parse[Deviation](deviationNames, "XYZ deviation", s)
}

func (d Deviation) String() string { return enum.String(deviationNames, "Deviation", d) }

// IsValid reports whether d is a named deviation.
func (d Deviation) IsValid() bool { return enum.Valid(deviationNames, d) }

// MarshalText implements encoding.TextMarshaler; an unset deviation is an error.
func (d Deviation) MarshalText() ([]byte, error) {
	return enum.Marshal(deviationNames, "Deviation", d)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (d *Deviation) UnmarshalText(b []byte) error {
	return enum.Unmarshal(deviationNames, "XYZ deviation", d, b)
}

// Class is how steady a client's orders are: X steady, Y fluctuating,
// Z erratic.
type Class uint8

const (
	ClassX Class = iota + 1
	ClassY
	ClassZ
)

var classNames = enum.Names{"", "X", "Y", "Z"}

// ParseClass returns the class named s ("X", "Y", "Z").
func ParseClass(s string) (Class, error) {
	return enum.Parse[Class](classNames, "XYZ class", s)
}

func (c Class) String() string { return enum.String(classNames, "Class", c) }

// IsValid reports whether c is X, Y or Z.
func (c Class) IsValid() bool { return enum.Valid(classNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset class is an error.
func (c Class) MarshalText() ([]byte, error) { return enum.Marshal(classNames, "Class", c) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *Class) UnmarshalText(b []byte) error {
	return enum.Unmarshal(classNames, "XYZ class", c, b)
}

// Status says whether a client could be classified.
type Status uint8

const (
	// Classified: the client has a class and statistics.
	Classified Status = iota + 1
	// InsufficientHistory: fewer periods than the config's MinPeriods;
	// no class is guessed.
	InsufficientHistory
	// NoDemand: every period is zero. The mean is zero, so the CV is
	// undefined: the client did not order, which is no steadiness class.
	NoDemand
)

var statusNames = enum.Names{"", "classified", "insufficient_history", "no_demand"}

func (s Status) String() string { return enum.String(statusNames, "Status", s) }

// IsValid reports whether s is a named status.
func (s Status) IsValid() bool { return enum.Valid(statusNames, s) }

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) {
	return enum.Marshal(statusNames, "Status", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *Status) UnmarshalText(b []byte) error {
	return enum.Unmarshal(statusNames, "XYZ status", s, b)
}

// Config sets the XYZ thresholds, on the coefficient of variation in
// percent points ("10" means a CV of 10 %).
type Config struct {
	// XMaxPct: a CV up to this is X. Default 10.
	XMaxPct decimal.Decimal `json:"x_max_pct"`
	// YMaxPct: a CV above XMaxPct up to this is Y, above it Z. Default 25.
	YMaxPct   decimal.Decimal `json:"y_max_pct"`
	Deviation Deviation       `json:"deviation"`
	// MinPeriods is the fewest periods a client needs to be classified;
	// at least 2 (one period has no spread). Default 6.
	MinPeriods int `json:"min_periods"`
}

// DefaultConfig uses the usual XYZ bands — X up to 10 %, Y up to 25 %,
// Z above — the population deviation of the textbook formula, and at
// least 6 periods. Six is the usual floor of XYZ practice ("classically 12
// months; if the situation is stable, 6 are enough"), and statistics
// agree: the relative error of a standard deviation estimated from n
// values is about 1/√(2(n−1)), 50 % for 3 periods — enough to move a Y
// client to X or Z — and 32 % for 6.
func DefaultConfig() Config {
	return Config{
		XMaxPct:    decimal.NewFromInt(10),
		YMaxPct:    decimal.NewFromInt(25),
		Deviation:  Population,
		MinPeriods: 6,
	}
}

// Validate reports every problem with the config at once.
func (c Config) Validate() error {
	var p validate.Problems
	p.Thresholds("x_max_pct", c.XMaxPct, "y_max_pct", c.YMaxPct)
	if !c.Deviation.IsValid() {
		p.Add("deviation", c.Deviation, "unknown deviation (want population or sample)")
	}
	if c.MinPeriods < 2 {
		p.Add("min_periods", c.MinPeriods, "must be at least 2: one period has no spread")
	}
	return p.Err(ErrInvalid)
}

// Stats are a classified client's statistics, float64 for display
// only (the class was settled exactly, see XYZ).
type Stats struct {
	// Mean and StdDev are per period, in the currency of the values.
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"std_dev"`
	// CVPct is StdDev / Mean × 100.
	CVPct float64 `json:"cv_pct"`
}

// Row is one client's XYZ result.
type Row struct {
	ClientID string `json:"client_id"`
	Periods  int    `json:"periods"`
	Status   Status `json:"status"`
	// Class is set only when Status is Classified.
	Class Class `json:"class,omitzero"`
	// Stats is nil unless Status is Classified: with too short a
	// history or no demand the CV is not computed or not defined.
	Stats *Stats `json:"stats"`
	// SettledExactly is true when the float CV lay so close to a
	// threshold that the class was decided in exact integer arithmetic.
	// ClassifySummaries never decides by a float, and leaves it false.
	SettledExactly bool `json:"settled_exactly,omitempty"`
}

// Result is the XYZ segmentation.
type Result struct {
	Config Config `json:"config"`
	// Rows are in the order of the input.
	Rows []Row `json:"rows"`
	// Counts per class and per unclassified status.
	X                   int `json:"x"`
	Y                   int `json:"y"`
	Z                   int `json:"z"`
	InsufficientHistory int `json:"insufficient_history"`
	NoDemand            int `json:"no_demand"`
}

// Classify segments clients by how steady their orders are: the coefficient of
// variation (CV = standard deviation / mean) of each client's per-period
// order values. CV ≤ XMaxPct is X, ≤ YMaxPct is Y, above is Z; a CV
// exactly at a threshold belongs to the steadier class.
//
// A client with fewer than MinPeriods periods is InsufficientHistory,
// and one whose every period is zero is NoDemand (the mean is zero and
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
// Errors (ErrInvalid, every problem listed, the config's with the
// input's): an invalid cfg; no series; an empty or repeated client ID; a
// negative or out-of-range value (more than 30 decimal places or a scale
// above 10^30); every value of every client zero (a wrong period window,
// most likely).
func Classify(series []Series, cfg Config) (Result, error) {
	a, offsets, err := toUnits(series, cfg.Validate())
	if err != nil {
		return Result{}, err
	}
	res := Result{Config: cfg, Rows: make([]Row, len(series))}
	stats := make([]Stats, 0, len(series))
	cl := newClassifier(&a, cfg)
	for c := range series {
		row := &res.Rows[c]
		row.ClientID = series[c].ClientID
		lo, hi := offsets[c], offsets[c+1]
		row.Periods = hi - lo
		if row.Periods < cfg.MinPeriods {
			row.Status = InsufficientHistory
			res.InsufficientHistory++
			continue
		}
		st, class, exact, ok := cl.classify(lo, hi)
		if !ok {
			row.Status = NoDemand
			res.NoDemand++
			continue
		}
		stats = append(stats, st)
		row.Status, row.Class, row.Stats, row.SettledExactly = Classified, class, &stats[len(stats)-1], exact
		switch class {
		case ClassX:
			res.X++
		case ClassY:
			res.Y++
		default:
			res.Z++
		}
	}
	return res, nil
}

// minFloatPct is the smallest threshold the float pre-check is trusted
// for; below it every client is settled exactly.
var minFloatPct = decimal.New(1, -2)

// nearRel is the relative distance from a threshold under which the
// float CV does not decide.
const nearRel = 1e-6

// maxFloatPeriods bounds the series length the float pre-check is
// trusted for (its error grows with n).
const maxFloatPeriods = 4096

// toUnits validates the series and converts every value to exact units;
// the values of client c are units offsets[c] up to offsets[c+1].
// cfgErr is the config's Validate error, reported with the problems of
// the series.
func toUnits(series []Series, cfgErr error) (exactsum.Amounts, []int, error) {
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

type classifier struct {
	a            *exactsum.Amounts
	cfg          Config
	scale        float64 // 10^exp: units to currency
	xFrac, yFrac float64 // the thresholds as fractions, for the float check
	always       bool    // settle every client exactly
}

// classify returns the statistics and class of the client whose units are
// lo..hi, whether the class was settled exactly, and false when every
// value is zero (no demand).
func (cl *classifier) classify(lo, hi int) (Stats, Class, bool, bool) {
	n := hi - lo
	var sum float64
	if ints := cl.a.Ints(); ints != nil {
		s := wide.SumInt64s(ints[lo:hi])
		if s.Sign() == 0 {
			return Stats{}, 0, false, false
		}
		sum = s.Float64()
	} else {
		nonzero := false
		for i := lo; i < hi; i++ {
			nonzero = nonzero || cl.a.Sign(i) != 0
			sum += cl.a.Float64(i)
		}
		if !nonzero {
			return Stats{}, 0, false, false
		}
	}
	mean := sum / float64(n)
	var q float64
	for i := lo; i < hi; i++ {
		d := cl.a.Float64(i) - mean
		q += d * d
	}
	k := float64(n)
	if cl.cfg.Deviation == Sample {
		k--
	}
	sd := math.Sqrt(q / k)
	cv := sd / mean
	st := Stats{Mean: mean * cl.scale, StdDev: sd * cl.scale, CVPct: cv * 100}

	exact := cl.always || n > maxFloatPeriods ||
		math.Abs(cv-cl.xFrac) <= nearRel*cl.xFrac || math.Abs(cv-cl.yFrac) <= nearRel*cl.yFrac
	if exact {
		s, d := cl.moments(lo, hi)
		switch {
		case cvAtMost(s, d, n, cl.cfg.Deviation, cl.cfg.XMaxPct):
			return st, ClassX, true, true
		case cvAtMost(s, d, n, cl.cfg.Deviation, cl.cfg.YMaxPct):
			return st, ClassY, true, true
		}
		return st, ClassZ, true, true
	}
	switch {
	case cv <= cl.xFrac:
		return st, ClassX, false, true
	case cv <= cl.yFrac:
		return st, ClassY, false, true
	}
	return st, ClassZ, false, true
}

// moments returns S = Σuᵢ and D = n·Σuᵢ² − S² for units lo..hi, exactly.
func (cl *classifier) moments(lo, hi int) (s, d *big.Int) {
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

// cvAtMost reports exactly whether the CV of a series with n periods,
// S = Σuᵢ > 0 and D = n·Σuᵢ² − S² is at most pct percent: CV² is D/S²
// (population) or n·D/((n−1)·S²) (sample), compared with (pct/100)².
func cvAtMost(s, d *big.Int, n int, dev Deviation, pct decimal.Decimal) bool {
	lhs := new(big.Int).Mul(d, big.NewInt(10_000))
	rhs := new(big.Int).Mul(s, s)
	pc := pct.Coefficient()
	rhs.Mul(rhs, pc.Mul(pc, pc))
	if dev == Sample {
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

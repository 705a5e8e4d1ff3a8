package xyz

import (
	"fmt"
	"math"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/pareto"
	"github.com/clientele-go/clientele/internal/validate"
)

// Units is the columnar form of a list of [Series] for bulk analyses,
// every client with the same number of periods: client i has ID IDs[i]
// and the values Values[i×Periods : (i+1)×Periods] × 10^Exp, oldest
// first (Exp −2: integer cents). [ClassifyUnits] uses the columns in
// place: keep them unchanged while its result is in use.
//
// XYZ reads no ID: IDs may be nil, for a caller that checked the IDs
// once for several analyses (abcxyz.Segment); the rows are then unnamed
// until [Compact.Named] names them, and Len comes from the values.
//
// The zero Units is refused by ClassifyUnits: it has no clients.
type Units struct {
	IDs     []string
	Exp     int32
	Periods int
	Values  []int64
}

// Compact is the XYZ segmentation of a [Units] input: the same statuses,
// classes and counts as [Classify] on the same clients in decimal form,
// held as one byte per client. The statistics are recomputed from the
// input when a row is read, by the same arithmetic, so they are the same
// floats.
//
// The zero Compact has no clients: Len is 0.
type Compact struct {
	Config Config
	// X, Y, Z, InsufficientHistory and NoDemand are those of [Result].
	X, Y, Z, InsufficientHistory, NoDemand int
	units                                  Units
	cl                                     classifier
	// each packs client i's status, class and exactness: status | class<<2 | exact<<4.
	each []uint8
}

// ClassifyUnits is [Classify] on the columnar form: the same CV, the
// same exact settling near a threshold, the same errors in columnar
// field paths (series.client_ids[i], series.values[i]), plus a values
// column that is not Periods values per ID and an exponent outside ±30.
func ClassifyUnits(u Units, cfg Config) (Compact, error) {
	var p validate.Problems
	p.Limit("series", validate.MaxListed)
	p.Merge("config", cfg.Validate())
	n := len(u.IDs)
	if u.IDs == nil && u.Periods > 0 {
		n = len(u.Values) / u.Periods
	}
	if n == 0 {
		p.Add("series.client_ids", nil, "is empty: there are no clients to classify")
		return Compact{}, p.Err(ErrInvalid)
	}
	if u.Periods < 0 || len(u.Values) != n*u.Periods {
		p.Addf("series.values", len(u.Values), "has %d values for %d clients of %d periods: want %d×%d", len(u.Values), n, u.Periods, n, u.Periods)
	}
	if u.Exp < -validate.MaxExponent || u.Exp > validate.MaxExponent {
		p.Add("series.exp", u.Exp, validate.RangeReason)
	}
	if u.IDs != nil {
		pareto.CheckIDs(&p, "series", "client_id", u.IDs)
	}
	demand := false
	for j, v := range u.Values {
		switch {
		case v < 0:
			p.Add(fmt.Sprintf("series.values[%d]", j), v, "must not be negative: an order value per period")
		case v > 0:
			demand = true
		}
	}
	if p.Len() == 0 && !demand {
		p.Add("series.values", "0", "every value of every client is zero: no demand to classify (check the period window)")
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Compact{}, err
	}
	a := exactsum.FromInts(u.Values, u.Exp)
	res := Compact{Config: cfg, units: u, cl: newClassifier(&a, cfg), each: make([]uint8, n)}
	for c := range n {
		if u.Periods < cfg.MinPeriods {
			res.each[c] = uint8(InsufficientHistory)
			res.InsufficientHistory++
			continue
		}
		_, class, exact, ok := res.cl.classify(c*u.Periods, (c+1)*u.Periods)
		if !ok {
			res.each[c] = uint8(NoDemand)
			res.NoDemand++
			continue
		}
		res.each[c] = uint8(Classified) | uint8(class)<<2
		if exact {
			res.each[c] |= 1 << 4
		}
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

// Len is the number of clients.
func (c *Compact) Len() int { return len(c.each) }

// StatusOf returns the status of client i (the input's index).
func (c *Compact) StatusOf(i int) Status { return Status(c.each[i] & 3) }

// ClassOf returns the class of client i, 0 unless it is Classified.
func (c *Compact) ClassOf(i int) Class { return Class(c.each[i] >> 2 & 3) }

// Named returns c with its rows named by ids, one per client in input
// order, which are not checked: for a caller that checked them once
// for several analyses, as abcxyz.Segment does.
func (c Compact) Named(ids []string) Compact {
	c.units.IDs = ids
	return c
}

// Row returns the row of client i, equal field for field (the Stats
// pointed to) to Result.Rows[i] of [Classify] on the same clients.
func (c *Compact) Row(i int) Row {
	row := Row{Periods: c.units.Periods, Status: c.StatusOf(i)}
	if c.units.IDs != nil {
		row.ClientID = c.units.IDs[i]
	}
	if row.Status == Classified {
		st, _, _, _ := c.cl.classify(i*c.units.Periods, (i+1)*c.units.Periods)
		row.Class, row.Stats, row.SettledExactly = c.ClassOf(i), &st, c.each[i]&(1<<4) != 0
	}
	return row
}

// Result builds the full [Result], one [Row] per client: what
// [Classify] returns, for a caller that wants every row at once.
func (c *Compact) Result() Result {
	res := Result{Config: c.Config, Rows: make([]Row, c.Len()), X: c.X, Y: c.Y, Z: c.Z,
		InsufficientHistory: c.InsufficientHistory, NoDemand: c.NoDemand}
	for i := range res.Rows {
		res.Rows[i] = c.Row(i)
	}
	return res
}

// newClassifier returns the classifier of cfg over the units of a.
func newClassifier(a *exactsum.Amounts, cfg Config) classifier {
	return classifier{
		a:      a,
		cfg:    cfg,
		scale:  math.Pow10(int(a.Exp())),
		xFrac:  cfg.XMaxPct.Shift(-2).InexactFloat64(),
		yFrac:  cfg.YMaxPct.Shift(-2).InexactFloat64(),
		always: a.IsWide() || cfg.XMaxPct.LessThan(minFloatPct) || cfg.YMaxPct.LessThan(minFloatPct),
	}
}

package qcut

import (
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Path is how the bin edges are computed in float64, which changed
// between pandas versions: a rank that lies exactly on an edge changes
// bin when the float edge falls one ulp short of it, so the same data
// can score differently under pandas 2.2 and under pandas 2.1 or 3.0.
// Pick the path of the pandas that ran the notebook to compare with.
type Path uint8

const (
	// Quantile computes the edges as np.quantile(ranks, np.linspace(0,
	// 1, bins+1)): what pd.qcut does in pandas 1.x to 2.1, and again from
	// pandas 3.0 (pandas-dev/pandas pull request 59409).
	Quantile Path = iota + 1
	// Percentile computes them as pandas 2.2 does, through
	// Series.quantile, which hands the quantiles to np.percentile × 100
	// and NumPy divides them by 100 again: pd.qcut of 1..181 into 10 bins
	// holds 19, 18, 18, 18, 18, 18, 17, 19, 18, 18 values there
	// (pandas-dev/pandas issue 58240) against 19 and nine 18s on the
	// Quantile path.
	Percentile
)

var pathNames = enum.Names{"", "quantile", "percentile"}

// ParsePath returns the path named s ("quantile", "percentile").
func ParsePath(s string) (Path, error) { return enum.Parse[Path](pathNames, "qcut path", s) }

func (p Path) String() string { return enum.String(pathNames, "Path", p) }

// IsValid reports whether p is a named path.
func (p Path) IsValid() bool { return enum.Valid(pathNames, p) }

// MarshalText implements encoding.TextMarshaler; an unset path is an error.
func (p Path) MarshalText() ([]byte, error) { return enum.Marshal(pathNames, "Path", p) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (p *Path) UnmarshalText(b []byte) error { return enum.Unmarshal(pathNames, "qcut path", p, b) }

// MaxBins bounds the number of bins: beyond it no one reads the scores,
// and bins that many stay far enough apart (1/MaxBins of a rank at
// least) for the float edges to keep their order.
const MaxBins = 1000

// Config is how the notebook to reproduce scores. The zero Config is
// invalid: Validate names the bins and the path.
type Config struct {
	// Bins is the q of pd.qcut: 5 for quintiles, 4 for quartiles; 2 to
	// MaxBins.
	Bins int `json:"bins"`
	// Path is the pandas version's float computation of the edges.
	Path Path `json:"path"`
}

// DefaultConfig is the common notebook: quintiles, on the Quantile path
// of pandas up to 2.1 and from 3.0.
func DefaultConfig() Config { return Config{Bins: 5, Path: Quantile} }

// Validate reports every problem with the config at once.
func (c Config) Validate() error {
	var p validate.Problems
	if c.Bins < 2 || c.Bins > MaxBins {
		p.Addf("bins", c.Bins, "must be 2 to %d", MaxBins)
	}
	if !c.Path.IsValid() {
		p.Add("path", c.Path, "unknown path (want quantile or percentile)")
	}
	return p.Err(ErrInvalid)
}

package solvency

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Grade is the solvency grade, A (best) to E (worst). The zero Grade is
// unset.
type Grade uint8

// The grades, best first; [GradeBand]s map scores to them.
const (
	GradeA Grade = iota + 1
	GradeB
	GradeC
	GradeD
	GradeE
)

var gradeNames = enum.Names{"", "A", "B", "C", "D", "E"}

// ParseGrade returns the grade named s ("A" to "E").
func ParseGrade(s string) (Grade, error) { return enum.Parse[Grade](gradeNames, "grade", s) }

func (g Grade) String() string { return enum.String(gradeNames, "Grade", g) }

// IsValid reports whether g is one of A to E.
func (g Grade) IsValid() bool { return enum.Valid(gradeNames, g) }

// MarshalText implements encoding.TextMarshaler; an unset grade is an error.
func (g Grade) MarshalText() ([]byte, error) { return enum.Marshal(gradeNames, "Grade", g) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (g *Grade) UnmarshalText(b []byte) error { return enum.Unmarshal(gradeNames, "grade", g, b) }

// GradeBand gives Grade to every score at or above MinScore. Bands are
// listed best first, A, B, ... in order, with strictly falling minimums;
// the last band has no MinScore and takes every lower score, so every
// score has a grade.
//
// The zero GradeBand has no grade: Config.Validate refuses it.
type GradeBand struct {
	Grade    Grade    `json:"grade"`
	MinScore *float64 `json:"min_score,omitempty"`
}

// DefaultGrades returns the bands on the default scaling (600 points at
// 50:1, PDO 20), chosen on the probability of default they imply:
//
//	A  640 and above  odds ≥ 200:1   PD ≤ 0.5 %
//	B  620 to 640     odds ≥ 100:1   PD ≤ 1 %
//	C  600 to 620     odds ≥ 50:1    PD ≤ 2 %
//	D  560 to 600     odds ≥ 12.5:1  PD ≤ 7.4 %
//	E  below 560                     PD > 7.4 %
func DefaultGrades() []GradeBand {
	return []GradeBand{
		{GradeA, ptr(640)}, {GradeB, ptr(620)}, {GradeC, ptr(600)}, {GradeD, ptr(560)}, {GradeE, nil},
	}
}

func ptr(v float64) *float64 { return &v }

func checkGrades(p *validate.Problems, prefix string, bands []GradeBand) {
	if len(bands) < 2 {
		p.Add(prefix, len(bands), "needs at least two bands")
		return
	}
	if len(bands) > len(gradeNames)-1 {
		p.Addf(prefix, len(bands), "has more bands than grades A to %s", gradeNames[len(gradeNames)-1])
	}
	for i, b := range bands {
		f := prefix + "[" + strconv.Itoa(i) + "]"
		if want := Grade(i + 1); b.Grade != want {
			p.Addf(f+".grade", b.Grade, "bands list grades in order from A; want %s here", want)
		}
		last := i == len(bands)-1
		switch {
		case last && b.MinScore != nil:
			p.Add(f+".min_score", *b.MinScore, "the last band takes every lower score and has no min_score")
		case !last && b.MinScore == nil:
			p.Add(f+".min_score", nil, "is required (only the last band is open)")
		case !last:
			checkFloat(p, f, "min_score", *b.MinScore, -1e6, 1e6)
			if i > 0 && bands[i-1].MinScore != nil && *b.MinScore >= *bands[i-1].MinScore {
				p.Addf(f+".min_score", *b.MinScore, "must be below the previous band's %v", *bands[i-1].MinScore)
			}
		}
	}
}

// compiledGrades maps a score to a grade: mins[i] is the minimum of
// Grade(i+1); the last grade takes the rest.
type compiledGrades struct {
	mins [5]float64
	// minUnits are the minimums on the scorecard's unit scale.
	minUnits [5]int64
	n        int
}

func compileGrades(bands []GradeBand) compiledGrades {
	var g compiledGrades
	g.n = len(bands)
	for i, b := range bands[:len(bands)-1] {
		g.mins[i] = *b.MinScore
	}
	return g
}

func (g *compiledGrades) of(score float64) Grade {
	for i := 0; i < g.n-1; i++ {
		if score >= g.mins[i] {
			return Grade(i + 1)
		}
	}
	return Grade(g.n)
}

// ofUnits is of for a score in units of the scorecard's scale, exact.
func (g *compiledGrades) ofUnits(score int64) Grade {
	for i := 0; i < g.n-1; i++ {
		if score >= g.minUnits[i] {
			return Grade(i + 1)
		}
	}
	return Grade(g.n)
}

package learn

import (
	"errors"
	"math"
)

// Why a regression has no answer; Learn turns each into an ErrNoFit
// problem naming the features.
var (
	errSingular     = errors.New("the WoE columns are linearly dependent: one feature repeats what others say (leave it out)")
	errSeparated    = errors.New("the data are perfectly separated (a coefficient grows without bound): some combination of bins holds only goods or only bads")
	errNotConverged = errors.New("the regression did not converge within max_iterations")
)

// maxCoefficient bounds a coefficient on WoE values: a fitted one is near
// 1 (exactly 1 for a single feature), so one beyond 50 means the
// likelihood has no maximum, the mark of separated data.
const maxCoefficient = 50

// design is the regression's input: per row, the code of each feature's
// bin; woes[j][code] is the WoE of that bin (the last code is the missing
// group). Rows not in use (held out) are skipped.
type design struct {
	codes  [][]uint8 // codes[j][r]
	woes   [][]float64
	good   []bool
	use    []bool
	nFeats int
}

// fit maximises the log-likelihood of P(good) = 1/(1+e^−η), η = β₀ +
// Σ βⱼ·WoEⱼ, by Newton's method (iteratively reweighted least squares):
// β ← β + H⁻¹·g with gradient g = Σ (y − p)·x and information H = Σ
// p(1 − p)·x·xᵀ, solved by Cholesky. It starts at β₀ = ln(goods/bads),
// βⱼ = 0 and stops when no coefficient moves by more than tol·(1 + |β|).
// A singular H, a coefficient beyond maxCoefficient or maxIter steps
// without convergence is an error.
func fit(d *design, start float64, maxIter int, tol float64) (beta []float64, iterations int, err error) {
	k := d.nFeats + 1
	beta = make([]float64, k)
	beta[0] = start
	x := make([]float64, k)
	g := make([]float64, k)
	h := make([]float64, k*k)
	for it := 1; it <= maxIter; it++ {
		clear(g)
		clear(h)
		x[0] = 1
		for r, use := range d.use {
			if !use {
				continue
			}
			eta := beta[0]
			for j := range d.nFeats {
				x[j+1] = d.woes[j][d.codes[j][r]]
				eta += beta[j+1] * x[j+1]
			}
			p := 1 / (1 + math.Exp(-eta))
			y := 0.0
			if d.good[r] {
				y = 1
			}
			w := p * (1 - p)
			for a := range k {
				g[a] += (y - p) * x[a]
				wa := w * x[a]
				for b := 0; b <= a; b++ {
					h[a*k+b] += wa * x[b]
				}
			}
		}
		step, ok := cholSolve(h, g, k)
		if !ok {
			return nil, it, errSingular
		}
		done := true
		for a := range k {
			beta[a] += step[a]
			if math.Abs(step[a]) > tol*(1+math.Abs(beta[a])) {
				done = false
			}
			if !(math.Abs(beta[a]) <= maxCoefficient) {
				return nil, it, errSeparated
			}
		}
		if done {
			return beta, it, nil
		}
	}
	return nil, maxIter, errNotConverged
}

// cholSolve solves H·s = g for the symmetric positive definite H whose
// lower triangle is filled (row-major, k×k). ok is false when a pivot is
// not positive relative to its diagonal: H is singular.
func cholSolve(h, g []float64, k int) (s []float64, ok bool) {
	l := make([]float64, k*k)
	for i := range k {
		for j := 0; j <= i; j++ {
			sum := h[i*k+j]
			for m := range j {
				sum -= l[i*k+m] * l[j*k+m]
			}
			if i == j {
				if !(sum > 1e-12*h[i*k+i]) || h[i*k+i] <= 0 {
					return nil, false
				}
				l[i*k+i] = math.Sqrt(sum)
			} else {
				l[i*k+j] = sum / l[j*k+j]
			}
		}
	}
	s = make([]float64, k)
	for i := range k { // L·z = g
		sum := g[i]
		for m := range i {
			sum -= l[i*k+m] * s[m]
		}
		s[i] = sum / l[i*k+i]
	}
	for i := k - 1; i >= 0; i-- { // Lᵀ·s = z
		sum := s[i]
		for m := i + 1; m < k; m++ {
			sum -= l[m*k+i] * s[m]
		}
		s[i] = sum / l[i*k+i]
	}
	return s, true
}

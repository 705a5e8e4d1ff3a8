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

// design is the regression's input, aggregated: every distinct
// combination of bin codes (one per feature; the codes past a feature's
// bins are its missing group and its unseen categories) is one cell,
// with the goods and bads of the training rows and of the held-out rows
// that fall in it. The likelihood depends on the rows only through these
// counts, so fitting on cells gives the fit on rows, in time that grows
// with the cells (a few hundred to a few thousand) instead of the rows.
type design struct {
	nFeats int
	woes   [][]float64 // woes[j][code]
	codes  []uint8     // codes[c·nFeats + j] is cell c's code in feature j
	train  []counts    // per cell
	test   []counts    // per cell
}

// cell returns cell c's codes.
func (d *design) cell(c int) []uint8 { return d.codes[c*d.nFeats : (c+1)*d.nFeats] }

// fit maximises the log-likelihood of P(good) = 1/(1+e^−η), η = β₀ +
// Σ βⱼ·WoEⱼ, over the training counts by Newton's method (iteratively
// reweighted least squares): β ← β + H⁻¹·g with gradient g = Σ (goods −
// n·p)·x and information H = Σ n·p(1 − p)·x·xᵀ over the cells, solved by
// Cholesky. It starts at β₀ = start, βⱼ = 0 and stops when no
// coefficient moves by more than tol·(1 + |β|). A singular H, a
// coefficient beyond maxCoefficient or maxIter steps without convergence
// is an error.
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
		for c, cnt := range d.train {
			if cnt.n() == 0 {
				continue
			}
			eta := beta[0]
			for j, code := range d.cell(c) {
				x[j+1] = d.woes[j][code]
				eta += beta[j+1] * x[j+1]
			}
			p := 1 / (1 + math.Exp(-eta))
			n := float64(cnt.n())
			resid, w := float64(cnt.goods)-n*p, n*p*(1-p)
			for a := range k {
				g[a] += resid * x[a]
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

package learn

import (
	"math"
	"strconv"

	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/internal/validate"
)

// Result is a learned scorecard with everything that made it: the
// configuration the scorer reads, the scaling its points are on, the
// regression, a report per feature and the discrimination on the rows it
// learned from and on the held-out rows.
//
// The zero Result holds no scorecard (its Scorecard fails Validate).
type Result struct {
	// Scorecard goes into solvency.Config.Business (or Individual, when
	// every feature comes from payments), with Scaling as
	// solvency.Config.Scaling.
	Scorecard solvency.ScorecardConfig `json:"scorecard"`
	Scaling   solvency.Scaling         `json:"scaling"`
	// Intercept is β₀ of ln(good:bad odds) = β₀ + Σ βⱼ·WoEⱼ.
	Intercept float64 `json:"intercept"`
	// Iterations is the number of Newton steps the regression took.
	Iterations int             `json:"iterations"`
	Features   []FeatureReport `json:"features"`
	// Train is measured on the rows learned from, Test on the held-out
	// rows: a Test far below Train means the scorecard learned noise.
	Train Discrimination `json:"train"`
	Test  Discrimination `json:"test"`
}

// FeatureReport is one feature's binning and points.
//
// The zero FeatureReport names no feature.
type FeatureReport struct {
	Feature solvency.Feature `json:"feature"`
	// Trend is the direction the bins follow: the configured one, or the
	// one TrendAuto chose.
	Trend Trend `json:"trend"`
	// Coefficient is βⱼ; near 1 when the feature adds what its WoE says,
	// lower when other features already say part of it.
	Coefficient float64 `json:"coefficient"`
	// IV is the information value of the bins (and of the missing group
	// when it has goods and bads): below 0.02 useless, 0.1 to 0.3 medium,
	// above 0.3 strong (Siddiqi 2006).
	IV   float64     `json:"iv"`
	Bins []BinReport `json:"bins"`
	// Missing is the group of training rows whose value is unknown.
	Missing BinReport `json:"missing"`
}

// BinReport is one bin of a feature on the training rows.
//
// The zero BinReport is an empty bin.
type BinReport struct {
	// From (included) and To (excluded) bound the bin; nil is open.
	From  *float64 `json:"from,omitempty"`
	To    *float64 `json:"to,omitempty"`
	Goods int      `json:"goods"`
	Bads  int      `json:"bads"`
	// BadRate is bads / (goods + bads), the event rate.
	BadRate float64 `json:"bad_rate"`
	// WoE is ln(%goods / %bads); 0 for a missing group without goods or
	// without bads, which then scores as the average client.
	WoE    float64 `json:"woe"`
	IV     float64 `json:"iv"`
	Points float64 `json:"points"`
}

// feature is one column's learned binning.
type feature struct {
	bins    []bin
	missing counts
	trend   Trend
}

// Learn learns a scorecard from the history: fine classing, monotonic
// merging, WoE, a logistic regression on the WoE values and PDO scaling,
// as the package overview describes. Bad input is ErrInvalid; a history
// no scorecard fits is ErrNoFit; both name every problem.
func Learn(h History, cfg Config) (Result, error) {
	var p validate.Problems
	p.Merge("config", cfg.Validate())
	h.check(&p)
	if err := p.Err(ErrInvalid); err != nil {
		return Result{}, err
	}
	test := splitTest(&h, cfg.TestShare, cfg.Seed)
	var train, held counts
	for r, bad := range h.Bad {
		c := &train
		if test[r] {
			c = &held
		}
		if bad {
			c.bads++
		} else {
			c.goods++
		}
	}
	for _, part := range []struct {
		name string
		c    counts
	}{{"training", train}, {"held-out", held}} {
		if part.c.goods == 0 || part.c.bads == 0 {
			p.Addf("bad", part.c.n(), "the %s rows need goods and bads (%d goods, %d bads)", part.name, part.c.goods, part.c.bads)
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Result{}, err
	}

	feats := make([]feature, len(h.Columns))
	minCount := int64(math.Ceil(cfg.MinBinShare * float64(train.n())))
	for j := range h.Columns {
		feats[j] = classify(&p, j, &h, test, &cfg, minCount, train)
	}
	if err := p.Err(ErrNoFit); err != nil {
		return Result{}, err
	}

	d := encode(&h, feats, test, train)
	beta, iterations, err := fit(d, math.Log(float64(train.goods)/float64(train.bads)), cfg.MaxIterations, cfg.Tolerance)
	if err != nil {
		p.Add("columns", len(h.Columns), err.Error())
		return Result{}, p.Err(ErrNoFit)
	}
	res := scale(&h, feats, d, beta, &cfg, train)
	res.Iterations = iterations
	if err := res.Scorecard.Validate(); err != nil {
		p.Merge("scorecard", err)
		return Result{}, p.Err(ErrNoFit)
	}
	res.Train, res.Test = measure(&res, d, test)
	return res, nil
}

// classify bins column j on the training rows, in the configured
// direction or, for TrendAuto, in the one with the larger IV.
func classify(p *validate.Problems, j int, h *History, test []bool, cfg *Config, minCount int64, total counts) feature {
	col := &h.Columns[j]
	field := "columns[" + strconv.Itoa(j) + "]"
	obs := make([]observation, 0, total.n())
	var f feature
	for r, v := range col.Values {
		switch {
		case test[r]:
		case col.known(r):
			obs = append(obs, observation{v, h.Bad[r]})
		case h.Bad[r]:
			f.missing.bads++
		default:
			f.missing.goods++
		}
	}
	fine := fineClasses(obs, cfg.FineBins)
	if len(fine) < 2 {
		p.Add(field+".values", col.Feature, "has fewer than two distinct known values in the training rows: it cannot tell goods from bads (leave it out)")
		return f
	}
	f.trend = cfg.trend(col.Feature)
	switch f.trend {
	case TrendAscending, TrendDescending:
		f.bins = merge(fine, f.trend == TrendAscending, minCount, cfg.MaxBins, total)
	default:
		asc := merge(fine, true, minCount, cfg.MaxBins, total)
		desc := merge(fine, false, minCount, cfg.MaxBins, total)
		f.bins, f.trend = asc, TrendAscending
		if len(desc) > 1 && (len(asc) < 2 || totalIV(desc, total) > totalIV(asc, total)) {
			f.bins, f.trend = desc, TrendDescending
		}
	}
	if len(f.bins) < 2 {
		p.Addf(field+".values", col.Feature, "its bins merge into one (trend %s, min_bin_share %v): no monotonic relation with the outcome (leave it out or lower min_bin_share)", f.trend, cfg.MinBinShare)
	}
	return f
}

// encode gives every row (training and held-out) the code of its bin in
// each feature, the missing group last, and each code its WoE.
func encode(h *History, feats []feature, test []bool, total counts) *design {
	n := len(h.Bad)
	d := &design{nFeats: len(feats), good: make([]bool, n), use: make([]bool, n)}
	for r, bad := range h.Bad {
		d.good[r], d.use[r] = !bad, !test[r]
	}
	for j := range feats {
		f, col := &feats[j], &h.Columns[j]
		w := make([]float64, len(f.bins)+1)
		for k, b := range f.bins {
			w[k] = woe(b.counts, total)
		}
		if f.missing.goods > 0 && f.missing.bads > 0 {
			w[len(f.bins)] = woe(f.missing, total)
		}
		codes := make([]uint8, n)
		for r, v := range col.Values {
			if !col.known(r) {
				codes[r] = uint8(len(f.bins))
				continue
			}
			codes[r] = uint8(binOf(f.bins, v))
		}
		d.codes = append(d.codes, codes)
		d.woes = append(d.woes, w)
	}
	return d
}

// binOf returns the bin of v: the number of bins after the first whose
// lower edge is at or below v, as the scorer looks it up (the first bin
// is open below).
func binOf(bins []bin, v float64) int {
	lo, hi := 1, len(bins)
	for lo < hi {
		m := (lo + hi) / 2
		if bins[m].lo <= v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// scale turns the regression into points: with Factor and Offset of the
// scaling, BasePoints = Offset + Factor·β₀ and a bin's points are
// Factor·βⱼ·WoE, each rounded to cfg.PointsDecimals.
func scale(h *History, feats []feature, d *design, beta []float64, cfg *Config, total counts) Result {
	factor, offset := cfg.Scaling.Factor(), cfg.Scaling.Offset()
	unit := math.Pow(10, float64(cfg.PointsDecimals))
	round := func(x float64) float64 { return math.Round(x*unit) / unit }
	res := Result{Scaling: cfg.Scaling, Intercept: beta[0]}
	res.Scorecard.BasePoints = round(offset + factor*beta[0])
	for j := range feats {
		f, w := &feats[j], d.woes[j]
		rep := FeatureReport{Feature: h.Columns[j].Feature, Trend: f.trend, Coefficient: beta[j+1]}
		fc := solvency.Factor{Feature: rep.Feature}
		for k, b := range f.bins {
			br := report(b.counts, total, w[k], round(factor*beta[j+1]*w[k]))
			if k > 0 {
				br.From = ptr(b.lo)
			}
			if k+1 < len(f.bins) {
				br.To = ptr(f.bins[k+1].lo)
			}
			rep.IV += br.IV
			rep.Bins = append(rep.Bins, br)
			fc.Bins = append(fc.Bins, solvency.Bin{From: br.From, To: br.To, Points: br.Points})
		}
		miss := w[len(f.bins)]
		rep.Missing = report(f.missing, total, miss, round(factor*beta[j+1]*miss))
		rep.IV += rep.Missing.IV
		fc.MissingPoints, fc.UndefinedPoints = rep.Missing.Points, rep.Missing.Points
		res.Features = append(res.Features, rep)
		res.Scorecard.Factors = append(res.Scorecard.Factors, fc)
	}
	return res
}

// report describes one group; its IV is 0 when its WoE is not defined.
func report(c, total counts, w, points float64) BinReport {
	br := BinReport{Goods: int(c.goods), Bads: int(c.bads), WoE: w, Points: points}
	if c.n() > 0 {
		br.BadRate = float64(c.bads) / float64(c.n())
	}
	if c.goods > 0 && c.bads > 0 {
		br.IV = iv(c, total)
	}
	return br
}

// measure scores every row with the rounded points, as the scorer
// would, and measures the training and the held-out rows.
func measure(res *Result, d *design, test []bool) (train, held Discrimination) {
	tr := make([]scored, 0, len(d.good))
	var te []scored
	for r := range d.good {
		s := res.Scorecard.BasePoints
		for j := range d.nFeats {
			fc := &res.Scorecard.Factors[j]
			if k := int(d.codes[j][r]); k < len(fc.Bins) {
				s += fc.Bins[k].Points
			} else {
				s += fc.MissingPoints
			}
		}
		if test[r] {
			te = append(te, scored{s, d.good[r]})
		} else {
			tr = append(tr, scored{s, d.good[r]})
		}
	}
	return discriminate(tr), discriminate(te)
}

func ptr(v float64) *float64 { return &v }

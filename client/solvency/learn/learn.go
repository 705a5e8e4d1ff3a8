package learn

import (
	"math"
	"slices"
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
	// one TrendAuto chose. Unset for a categorical feature, whose groups
	// are ordered by bad rate.
	Trend Trend `json:"trend,omitzero"`
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
	From *float64 `json:"from,omitempty"`
	To   *float64 `json:"to,omitempty"`
	// Categories are the categories a categorical feature's group holds;
	// a category without training rows is a group of its own with no
	// counts and WoE 0.
	Categories []string `json:"categories,omitempty"`
	Goods      int      `json:"goods"`
	Bads       int      `json:"bads"`
	// BadRate is bads / (goods + bads), the event rate.
	BadRate float64 `json:"bad_rate"`
	// WoE is ln(%goods / %bads); 0 for a missing group without goods or
	// without bads, which then scores as the average client.
	WoE    float64 `json:"woe"`
	IV     float64 `json:"iv"`
	Points float64 `json:"points"`
}

// feature is one column's learned binning. For a categorical feature,
// group[c] is the bin of category number c+1, or -1 for a category
// without training rows.
type feature struct {
	bins    []bin
	missing counts
	trend   Trend
	group   []int
}

// Codes past a feature's bins: the missing group, then a category with
// no training rows (WoE 0).
func (f *feature) missingCode() uint8 { return uint8(len(f.bins)) }
func (f *feature) unseenCode() uint8  { return uint8(len(f.bins) + 1) }

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
	res, pts := scale(&h, feats, d, beta, &cfg, train)
	res.Iterations = iterations
	if err := res.Scorecard.Validate(); err != nil {
		p.Merge("scorecard", err)
		return Result{}, p.Err(ErrNoFit)
	}
	res.Train, res.Test = measure(res.Scorecard.BasePoints, pts, d)
	return res, nil
}

// classify bins column j on the training rows, in the configured
// direction or, for TrendAuto, in the one with the larger IV.
func classify(p *validate.Problems, j int, h *History, test []bool, cfg *Config, minCount int64, total counts) feature {
	col := &h.Columns[j]
	field := "columns[" + strconv.Itoa(j) + "]"
	obs := observations{keys: make([]uint64, 0, total.n()), bads: make([]int32, 0, total.n())}
	var f feature
	for r, v := range col.Values {
		switch {
		case test[r]:
		case col.known(r):
			obs.add(v, h.Bad[r])
		case h.Bad[r]:
			f.missing.bads++
		default:
			f.missing.goods++
		}
	}
	if cats := col.Feature.Categories(); cats != nil {
		classifyCategories(p, field, &f, cats, obs, cfg, minCount, total)
		return f
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

// classifyCategories groups a categorical feature's categories: ordered
// by bad rate (category order on a tie), so that the order is monotonic
// by construction, they go through merge's steps 2 to 4 (no goods or no
// bads, min_bin_share, max_bins). A category without training rows
// belongs to no group and scores WoE 0, the average client.
func classifyCategories(p *validate.Problems, field string, f *feature, cats []string, obs observations, cfg *Config, minCount int64, total counts) {
	per := make([]counts, len(cats))
	for i, k := range obs.keys {
		c := &per[int(keyValue(k))-1]
		if obs.bads[i] == 1 {
			c.bads++
		} else {
			c.goods++
		}
	}
	var order []int
	for c := range per {
		if per[c].n() > 0 {
			order = append(order, c)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case badRateLess(per[a], per[b]):
			return -1
		case badRateLess(per[b], per[a]):
			return 1
		}
		return 0
	})
	if len(order) < 2 {
		p.Add(field+".values", len(order), "fewer than two categories occur in the training rows: the feature cannot tell goods from bads (leave it out)")
		return
	}
	fine := make([]bin, len(order))
	for i, c := range order {
		fine[i] = bin{lo: float64(c + 1), counts: per[c], fine: 1}
	}
	f.bins = merge(fine, true, minCount, cfg.MaxBins, total)
	if len(f.bins) < 2 {
		p.Addf(field+".values", len(order), "its categories merge into one group (min_bin_share %v): they do not differ in bad rate enough to score", cfg.MinBinShare)
		return
	}
	f.group = make([]int, len(cats))
	for c := range f.group {
		f.group[c] = -1
	}
	i := 0
	for g, b := range f.bins {
		for range b.fine {
			f.group[order[i]] = g
			i++
		}
	}
}

// encode gives every row (training and held-out) the code of its bin in
// each feature, the missing group and unseen categories past the bins,
// gives each code its WoE, and counts the rows of each combination of
// codes (see [design]).
func encode(h *History, feats []feature, test []bool, total counts) *design {
	d := &design{nFeats: len(feats)}
	for j := range feats {
		f := &feats[j]
		w := make([]float64, len(f.bins)+2)
		for k, b := range f.bins {
			w[k] = woe(b.counts, total)
		}
		if f.missing.goods > 0 && f.missing.bads > 0 {
			w[f.missingCode()] = woe(f.missing, total)
		}
		d.woes = append(d.woes, w)
	}
	index := map[string]int{}
	key := make([]uint8, len(feats))
	for r, bad := range h.Bad {
		for j := range feats {
			key[j] = codeOf(&feats[j], &h.Columns[j], r)
		}
		c, ok := index[string(key)]
		if !ok {
			c = len(d.train)
			index[string(key)] = c
			d.codes = append(d.codes, key...)
			d.train, d.test = append(d.train, counts{}), append(d.test, counts{})
		}
		cnt := &d.train[c]
		if test[r] {
			cnt = &d.test[c]
		}
		if bad {
			cnt.bads++
		} else {
			cnt.goods++
		}
	}
	return d
}

// codeOf returns the code of row r's value in feature f.
func codeOf(f *feature, col *Column, r int) uint8 {
	v := col.Values[r]
	switch {
	case !col.known(r):
		return f.missingCode()
	case f.group != nil:
		if g := f.group[int(v)-1]; g >= 0 {
			return uint8(g)
		}
		return f.unseenCode()
	}
	return uint8(binOf(f.bins, v))
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
// Factor·βⱼ·WoE, each rounded to cfg.PointsDecimals. It also returns each
// code's points, for measuring the rows as the scorer will score them.
func scale(h *History, feats []feature, d *design, beta []float64, cfg *Config, total counts) (Result, [][]float64) {
	factor, offset := cfg.Scaling.Factor(), cfg.Scaling.Offset()
	unit := math.Pow(10, float64(cfg.PointsDecimals))
	round := func(x float64) float64 { return math.Round(x*unit) / unit }
	res := Result{Scaling: cfg.Scaling, Intercept: beta[0]}
	res.Scorecard.BasePoints = round(offset + factor*beta[0])
	pts := make([][]float64, len(feats))
	for j := range feats {
		f, w := &feats[j], d.woes[j]
		pts[j] = make([]float64, len(w))
		for code := range w {
			pts[j][code] = round(factor * beta[j+1] * w[code])
		}
		rep := FeatureReport{Feature: h.Columns[j].Feature, Trend: f.trend, Coefficient: beta[j+1]}
		fc := solvency.Factor{Feature: rep.Feature}
		for k, b := range f.bins {
			br := report(b.counts, total, w[k], pts[j][k])
			if f.group == nil {
				if k > 0 {
					br.From = ptr(b.lo)
				}
				if k+1 < len(f.bins) {
					br.To = ptr(f.bins[k+1].lo)
				}
				fc.Bins = append(fc.Bins, solvency.Bin{From: br.From, To: br.To, Points: br.Points})
			}
			rep.IV += br.IV
			rep.Bins = append(rep.Bins, br)
		}
		if f.group != nil { // one scorer bin per category, with its group's points
			rep.Trend = 0
			cats := rep.Feature.Categories()
			for c, g := range f.group {
				code := f.unseenCode()
				if g >= 0 {
					code = uint8(g)
					rep.Bins[g].Categories = append(rep.Bins[g].Categories, cats[c])
				} else {
					rep.Bins = append(rep.Bins, BinReport{Categories: []string{cats[c]}})
				}
				fc.Bins = append(fc.Bins, solvency.Bin{Category: cats[c], Points: pts[j][code]})
			}
		}
		miss := f.missingCode()
		rep.Missing = report(f.missing, total, w[miss], pts[j][miss])
		rep.IV += rep.Missing.IV
		fc.MissingPoints, fc.UndefinedPoints = rep.Missing.Points, rep.Missing.Points
		res.Features = append(res.Features, rep)
		res.Scorecard.Factors = append(res.Scorecard.Factors, fc)
	}
	return res, pts
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

// measure scores every cell with the rounded points, as the scorer
// would, and measures the training and the held-out rows.
func measure(base float64, pts [][]float64, d *design) (train, held Discrimination) {
	tr := make([]scored, 0, len(d.train))
	te := make([]scored, 0, len(d.test))
	for c := range d.train {
		s := base
		for j, code := range d.cell(c) {
			s += pts[j][code]
		}
		if d.train[c].n() > 0 {
			tr = append(tr, scored{s, d.train[c]})
		}
		if d.test[c].n() > 0 {
			te = append(te, scored{s, d.test[c]})
		}
	}
	return discriminate(tr), discriminate(te)
}

func ptr(v float64) *float64 { return &v }

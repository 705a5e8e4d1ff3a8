package xyz

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/internal/validate"
)

// Summary is one client's per-period statistics computed elsewhere: a
// database's AVG and STDDEV_POP, a spreadsheet's AVERAGE and STDEVP, a
// report or a textbook problem that gives the coefficient of variation.
// [ClassifySummaries] classifies it without a series. Give either CVPct,
// or Mean and StdDev; the unset ones are null (Valid false) and left out
// of JSON.
//
// The zero Summary is invalid: it has no client ID, no periods and no
// statistics, and ClassifySummaries names each.
type Summary struct {
	ClientID string `json:"client_id"`
	// Periods is the number of periods the statistics were computed on:
	// fewer than the config's MinPeriods is InsufficientHistory, as a
	// short series is. At least 1.
	Periods int `json:"periods"`
	// CVPct is the coefficient of variation in percent points ("12.5"
	// means a CV of 12.5 %), at least 0.
	CVPct decimal.NullDecimal `json:"cv_pct,omitzero"`
	// Mean and StdDev are per period, in the currency of the orders,
	// both at least 0. A zero mean (with a zero deviation: order values
	// are never negative) is NoDemand.
	Mean   decimal.NullDecimal `json:"mean,omitzero"`
	StdDev decimal.NullDecimal `json:"std_dev,omitzero"`
}

// ClassifySummaries is [Classify] for clients whose statistics are known
// ([Summary]): the same thresholds, the same MinPeriods (lower it to
// accept short histories, as for series), the same Result. Rows[i] is
// summaries[i].
//
// Every class is decided exactly on the decimals given, a CV exactly at
// a threshold in the steadier class: a known CV is compared with the
// thresholds as it is, and a mean m with a deviation s by
// 100·s ≤ t·m, with no division. (0.07 / 0.7 is 10.000000000000002 % in
// float64; here it is 10 %, class X.) No float is computed to decide, so
// Row.SettledExactly stays false; Stats shows the statistics as floats
// (Mean and StdDev are 0 when only the CV was given).
//
// The config's Deviation does not apply: the deviation is the one the
// statistics were computed with. The textbook XYZ formula uses the
// population deviation (STDEVP, STDDEV_POP); a sample deviation (STDEV,
// STDDEV_SAMP) gives a CV larger by √(n/(n−1)).
//
// Errors (ErrInvalid, every problem listed, the config's with the
// input's): an invalid cfg; no summaries; an empty or repeated client ID;
// periods below 1; neither or both forms of statistics, or a mean without
// a deviation; a negative or out-of-range statistic; a zero mean with a
// positive deviation; every client without demand (a zero mean), as for
// series.
func ClassifySummaries(summaries []Summary, cfg Config) (Result, error) {
	if err := checkSummaries(summaries, cfg.Validate()); err != nil {
		return Result{}, err
	}
	res := Result{Config: cfg, Rows: make([]Row, len(summaries))}
	stats := make([]Stats, 0, len(summaries))
	for i := range summaries {
		s := &summaries[i]
		row := &res.Rows[i]
		row.ClientID, row.Periods = s.ClientID, s.Periods
		if s.Periods < cfg.MinPeriods {
			row.Status = InsufficientHistory
			res.InsufficientHistory++
			continue
		}
		if !s.CVPct.Valid && s.Mean.Decimal.Sign() == 0 {
			row.Status = NoDemand
			res.NoDemand++
			continue
		}
		stats = append(stats, s.stats())
		row.Status, row.Stats = Classified, &stats[len(stats)-1]
		switch {
		case s.cvAtMost(cfg.XMaxPct):
			row.Class = ClassX
			res.X++
		case s.cvAtMost(cfg.YMaxPct):
			row.Class = ClassY
			res.Y++
		default:
			row.Class = ClassZ
			res.Z++
		}
	}
	return res, nil
}

// cvAtMost reports exactly whether the CV of s, which has demand, is at
// most pct percent: CVPct ≤ pct, or 100·StdDev ≤ pct·Mean.
func (s *Summary) cvAtMost(pct decimal.Decimal) bool {
	if s.CVPct.Valid {
		return s.CVPct.Decimal.Cmp(pct) <= 0
	}
	return s.StdDev.Decimal.Shift(2).Cmp(pct.Mul(s.Mean.Decimal)) <= 0
}

// stats returns the statistics of s for display.
func (s *Summary) stats() Stats {
	if s.CVPct.Valid {
		return Stats{CVPct: s.CVPct.Decimal.InexactFloat64()}
	}
	m, sd := s.Mean.Decimal.InexactFloat64(), s.StdDev.Decimal.InexactFloat64()
	return Stats{Mean: m, StdDev: sd, CVPct: sd / m * 100}
}

// checkSummaries validates the summaries; cfgErr is the config's
// Validate error, reported with their problems.
func checkSummaries(summaries []Summary, cfgErr error) error {
	var p validate.Problems
	p.Limit("summaries", validate.MaxListed)
	p.Merge("config", cfgErr)
	if len(summaries) == 0 {
		p.Add("summaries", nil, "is empty: there are no clients to classify")
		return p.Err(ErrInvalid)
	}
	demand := false
	for i := range summaries {
		s := &summaries[i]
		f := fmt.Sprintf("summaries[%d]", i)
		if s.ClientID == "" {
			p.Add(f+".client_id", nil, "is required")
		}
		if s.Periods < 1 {
			p.Add(f+".periods", s.Periods, "must be at least 1: the statistics cover some periods")
		}
		switch {
		case s.CVPct.Valid && (s.Mean.Valid || s.StdDev.Valid):
			p.Add(f, nil, "gives both a CV and a mean or deviation: give the CV, or the mean and the deviation")
		case s.CVPct.Valid:
			if p.NonNegative(f+".cv_pct", s.CVPct.Decimal) {
				demand = true
			}
		case !s.Mean.Valid && !s.StdDev.Valid:
			p.Add(f, nil, "gives no statistics: give the CV (cv_pct), or the mean and the deviation (mean, std_dev)")
		case !s.Mean.Valid || !s.StdDev.Valid:
			p.Add(f, nil, "gives only one of mean and std_dev: the CV needs both")
		default:
			meanOK := p.NonNegative(f+".mean", s.Mean.Decimal)
			sdOK := p.NonNegative(f+".std_dev", s.StdDev.Decimal)
			switch {
			case !meanOK || !sdOK:
			case s.Mean.Decimal.Sign() > 0:
				demand = true
			case s.StdDev.Decimal.Sign() > 0:
				p.Add(f+".std_dev", s.StdDev.Decimal, "must be 0 when the mean is 0: order values are never negative")
			}
		}
	}
	p.Repeats("summaries", "client_id", len(summaries), func(i int) string { return summaries[i].ClientID })
	if p.Len() == 0 && !demand {
		p.Add("summaries[].mean", "0", "every client's mean is zero: no demand to classify (check the period window)")
	}
	return p.Err(ErrInvalid)
}

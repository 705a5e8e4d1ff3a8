package solvency

import (
	"math"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// DisciplineConfig sets how payment behaviour is measured and scored.
//
// The zero DisciplineConfig is not valid: Validate names every missing
// setting, and PaymentDiscipline refuses it.
type DisciplineConfig struct {
	// RecentDays splits the history for the trend: invoices due within
	// this many days before the as-of date are "recent", the rest
	// "earlier". Default 180 (half a year).
	RecentDays int `json:"recent_days"`
	// TrendMinInvoices is how many invoices each side needs before a
	// trend is stated. Default 3.
	TrendMinInvoices int `json:"trend_min_invoices"`
	// TrendBandDays is the change of the amount-weighted average days
	// late, recent against earlier, within which behaviour is stable.
	// Default 5 days.
	TrendBandDays float64 `json:"trend_band_days"`
	// PurchaseWindowDays is the window of the average monthly purchases
	// (the base of a credit limit). Default 365.
	PurchaseWindowDays int `json:"purchase_window_days"`
	// Score weighs the figures into the 0-100 payment discipline score.
	Score DisciplineScoring `json:"score"`
}

// DisciplineScoring is the formula of the payment discipline score:
//
//	D = OnTimeWeight · s
//	  + LatenessWeight · max(0, 1 − w / LatenessScaleDays)
//	  + OverdueWeight · max(0, 1 − o / OverdueScaleDays)
//	  − WriteOffPenalty · k,   and D = 0 if that is negative,
//
// where s is the on-time share by amount, w the amount-weighted average
// days late, o the age in days of the oldest overdue invoice (0 if none)
// and k the number of written-off invoices. The three weights add up to
// 100, so a client that always pays on time, owes nothing overdue and has
// no write-off scores 100.
//
// The zero DisciplineScoring is not valid: its weights do not add up to
// 100 and its scales are 0.
type DisciplineScoring struct {
	OnTimeWeight      float64 `json:"on_time_weight"`
	LatenessWeight    float64 `json:"lateness_weight"`
	OverdueWeight     float64 `json:"overdue_weight"`
	LatenessScaleDays float64 `json:"lateness_scale_days"`
	OverdueScaleDays  float64 `json:"overdue_scale_days"`
	WriteOffPenalty   float64 `json:"write_off_penalty"`
}

// minPurchaseSpanDays is the shortest span monthly purchases are averaged
// over. A new client's first purchases are not a month's worth: one
// invoice of 1,000 issued yesterday, averaged over the two days covered,
// would read as 1,000 × 365 / 24 = 15,208 a month and lift its credit
// limit fifteenfold.
const minPurchaseSpanDays = 30

// DefaultDisciplineConfig returns the defaults documented on each field:
// half a year of recent history, three invoices a side, a 5-day band, a
// one-year purchase window, and the score weights 50/30/20 with a 60-day
// lateness scale, a 90-day overdue scale (the age at which receivables are
// commonly treated as doubtful) and 25 points per write-off.
func DefaultDisciplineConfig() DisciplineConfig {
	return DisciplineConfig{
		RecentDays:         180,
		TrendMinInvoices:   3,
		TrendBandDays:      5,
		PurchaseWindowDays: 365,
		Score: DisciplineScoring{
			OnTimeWeight: 50, LatenessWeight: 30, OverdueWeight: 20,
			LatenessScaleDays: 60, OverdueScaleDays: 90, WriteOffPenalty: 25,
		},
	}
}

// Validate reports every problem at once.
func (c DisciplineConfig) Validate() error {
	var p validate.Problems
	c.check(&p, "")
	return p.Err(ErrInvalid)
}

func (c DisciplineConfig) check(p *validate.Problems, prefix string) {
	f := func(name string) string { return join(prefix, name) }
	if c.RecentDays < 1 || c.RecentDays > 3660 {
		p.Add(f("recent_days"), c.RecentDays, "must be 1 to 3660 days")
	}
	if c.TrendMinInvoices < 1 {
		p.Add(f("trend_min_invoices"), c.TrendMinInvoices, "must be at least 1")
	}
	checkFloat(p, prefix, "trend_band_days", c.TrendBandDays, 0, 3660)
	if c.PurchaseWindowDays < 28 || c.PurchaseWindowDays > 3660 {
		p.Add(f("purchase_window_days"), c.PurchaseWindowDays, "must be 28 to 3660 days")
	}
	s := c.Score
	checkFloat(p, prefix, "score.on_time_weight", s.OnTimeWeight, 0, 100)
	checkFloat(p, prefix, "score.lateness_weight", s.LatenessWeight, 0, 100)
	checkFloat(p, prefix, "score.overdue_weight", s.OverdueWeight, 0, 100)
	if total := s.OnTimeWeight + s.LatenessWeight + s.OverdueWeight; math.Abs(total-100) > 1e-9 {
		p.Addf(f("score"), total, "on_time_weight + lateness_weight + overdue_weight must add up to 100")
	}
	checkPositive(p, prefix, "score.lateness_scale_days", s.LatenessScaleDays)
	checkPositive(p, prefix, "score.overdue_scale_days", s.OverdueScaleDays)
	checkFloat(p, prefix, "score.write_off_penalty", s.WriteOffPenalty, 0, 100)
}

// Discipline is what a payment history says about a client as of a date.
// Shares, averages and the score are float64 statistics ([Measure]);
// amounts are exact money in the history's currency.
//
// Only invoices issued on or before the as-of date count, and a payment
// or write-off dated after it has not happened yet, so the same history
// can be replayed as of any past date. An invoice is "evaluated" once it
// is settled (paid or written off) or past due; an open invoice not yet
// due says nothing about discipline and is only part of Outstanding.
//
// The zero Discipline measured nothing: its measures are undefined and its
// MonthlyPurchases unknown.
type Discipline struct {
	AsOf     clientele.Date `json:"as_of"`
	Currency string         `json:"currency,omitempty"`
	// Invoices is the number of invoices issued by the as-of date;
	// Evaluated, of those, settled or past due.
	Invoices  int `json:"invoices"`
	Evaluated int `json:"evaluated"`
	// OnTime counts evaluated invoices paid on or before their due date.
	OnTime int `json:"on_time"`
	// OnTimeShare = OnTime / Evaluated; OnTimeShareByAmount weighs each
	// invoice by its amount.
	OnTimeShare         Measure `json:"on_time_share"`
	OnTimeShareByAmount Measure `json:"on_time_share_by_amount"`
	// Days late of an evaluated invoice: paid - due for a paid one
	// (0 if on time), written off - due for a written-off one, as-of - due
	// for an overdue one. AvgDaysLate is their mean over the evaluated
	// invoices (on-time ones count as 0); AvgDaysLateWeighted weighs each
	// by its amount, like the "days beyond terms" of trade-credit bureaus.
	AvgDaysLate         Measure `json:"avg_days_late"`
	AvgDaysLateWeighted Measure `json:"avg_days_late_weighted"`
	// MaxDaysLate is the worst lateness; MaxDaysLateAmount the amount of
	// that invoice (the first such, in history order), MaxDaysLateInvoice
	// its ID. With no invoice evaluated there is no worst one: the amount
	// is zero and left out of JSON rather than reported as an amount of 0.
	MaxDaysLate        Measure         `json:"max_days_late"`
	MaxDaysLateAmount  decimal.Decimal `json:"max_days_late_amount,omitzero"`
	MaxDaysLateInvoice string          `json:"max_days_late_invoice,omitempty"`
	// Outstanding is what the client owes: open invoices, due or not.
	Outstanding decimal.Decimal `json:"outstanding"`
	// Overdue is the part of Outstanding past due, over OverdueCount
	// invoices, the oldest OldestOverdueDays past due (0 if none).
	Overdue           decimal.Decimal `json:"overdue"`
	OverdueCount      int             `json:"overdue_count"`
	OldestOverdueDays int             `json:"oldest_overdue_days"`
	// OverdueShare = Overdue / Outstanding; undefined (zero) when nothing
	// is outstanding.
	OverdueShare Measure `json:"overdue_share"`
	// WrittenOff counts the invoices written off, for WrittenOffAmount.
	WrittenOff       int             `json:"written_off"`
	WrittenOffAmount decimal.Decimal `json:"written_off_amount"`
	// Trend compares the amount-weighted average days late of recent
	// invoices (RecentDaysLate) with earlier ones (EarlierDaysLate): a
	// drop by more than the band is improving, a rise deteriorating.
	// Unset when either side has too few invoices.
	Trend           Trend   `json:"trend,omitzero"`
	RecentInvoices  int     `json:"recent_invoices"`
	EarlierInvoices int     `json:"earlier_invoices"`
	RecentDaysLate  Measure `json:"recent_days_late"`
	EarlierDaysLate Measure `json:"earlier_days_late"`
	// MonthlyPurchases is the average amount invoiced per month over the
	// purchase window, or since the first invoice if that is shorter, but
	// over 30 days at least: total × 365 / (12 × days covered). Unknown
	// with no invoice at all.
	MonthlyPurchases decimal.NullDecimal `json:"monthly_purchases"`
	// Scoring is the 0-100 payment discipline score with its parts.
	Scoring DisciplineScore `json:"scoring"`
}

// DisciplineScore is the payment discipline score and the points each
// part of the formula (see [DisciplineScoring]) gave.
//
// The zero DisciplineScore is undefined (its Score is the zero Measure).
type DisciplineScore struct {
	// Score is 0 to 100, undefined when no invoice is evaluated yet.
	Score     Measure `json:"score"`
	OnTime    float64 `json:"on_time"`
	Lateness  float64 `json:"lateness"`
	Overdue   float64 `json:"overdue"`
	WriteOffs float64 `json:"write_offs"`
}

// Score returns the 0-100 payment discipline score: the figure the client
// rating takes as its payment-discipline input. It is undefined (with the
// reason) when no invoice has fallen due or been settled yet.
func (d Discipline) Score() Measure { return d.Scoring.Score }

// PaymentDiscipline validates the history and measures it as of asOf.
func PaymentDiscipline(invoices []ledger.Invoice, asOf clientele.Date, cfg DisciplineConfig) (Discipline, error) {
	var p validate.Problems
	p.Date("as_of", asOf, true)
	p.Merge("", ledger.ValidateInvoices(invoices))
	cfg.check(&p, "config")
	if err := p.Err(ErrInvalid); err != nil {
		return Discipline{}, err
	}
	return measureDiscipline(invoices, asOf, &cfg), nil
}

// measureDiscipline does the work on valid input in one pass.
func measureDiscipline(invoices []ledger.Invoice, asOf clientele.Date, cfg *DisciplineConfig) Discipline {
	d := Discipline{AsOf: asOf}
	// Amount-weighted figures are exact sums, so that a share or an
	// average on a bin edge (0.95, 5 days) is decided exactly.
	var (
		sumAmount, onTimeAmount, lateWeighted       exactsum.Running
		recentW, recentWD, earlierW, earlierWD      exactsum.Running
		lateDays                                    int64
		recentN, earlierN                           int
		maxLate                                     = -1
		firstIssued                                 clientele.Date
		outstanding, overdue, writtenOff, purchases exactsum.Running
	)
	for i := range invoices {
		in := &invoices[i]
		st := in.StateOn(asOf)
		if st.State == ledger.StateNotIssued {
			continue
		}
		d.Invoices++
		d.Currency = in.Currency
		if firstIssued.IsZero() || in.Issued.Before(firstIssued) {
			firstIssued = in.Issued
		}
		amt := termOf(in.Amount)
		if asOf.Sub(in.Issued) < cfg.PurchaseWindowDays {
			amt.addTo(&purchases)
		}
		late := st.DaysLate
		onTime := false
		switch st.State {
		case ledger.StatePaid:
			onTime = late == 0
		case ledger.StateWrittenOff:
			// Never on time, even when written off before the due date.
			d.WrittenOff++
			amt.addTo(&writtenOff)
		case ledger.StateOpen:
			amt.addTo(&outstanding)
			continue // not yet due: not evaluated
		case ledger.StateOverdue:
			amt.addTo(&outstanding)
			d.OverdueCount++
			amt.addTo(&overdue)
			d.OldestOverdueDays = max(d.OldestOverdueDays, late)
		}
		d.Evaluated++
		amt.addTo(&sumAmount)
		if onTime {
			d.OnTime++
			amt.addTo(&onTimeAmount)
		}
		lateDays += int64(late)
		amt.addTimesTo(&lateWeighted, late)
		if late > maxLate {
			maxLate = late
			d.MaxDaysLateAmount = in.Amount
			d.MaxDaysLateInvoice = in.ID
		}
		if asOf.Sub(in.Due) < cfg.RecentDays {
			recentN++
			amt.addTo(&recentW)
			amt.addTimesTo(&recentWD, late)
		} else {
			earlierN++
			amt.addTo(&earlierW)
			amt.addTimesTo(&earlierWD, late)
		}
	}
	d.Outstanding = outstanding.Decimal()
	d.Overdue = overdue.Decimal()
	d.WrittenOffAmount = writtenOff.Decimal()
	if d.Outstanding.Sign() > 0 {
		d.OverdueShare = quotient(d.Overdue, d.Outstanding)
	} else {
		d.OverdueShare = undefined(CauseZero, "outstanding")
	}
	if d.Invoices > 0 {
		span := int64(min(cfg.PurchaseWindowDays, max(asOf.Sub(firstIssued)+1, minPurchaseSpanDays)))
		d.MonthlyPurchases = decimal.NewNullDecimal(mulDivRound(&purchases, daysPerYear, 12*span, 8))
	}
	if d.Evaluated == 0 {
		none := undefined(CauseUnknown, "invoices")
		d.OnTimeShare, d.OnTimeShareByAmount, d.AvgDaysLate, d.AvgDaysLateWeighted, d.MaxDaysLate = none, none, none, none, none
		d.RecentDaysLate, d.EarlierDaysLate = none, none
		d.Scoring.Score = none
		return d
	}
	n := int64(d.Evaluated)
	d.OnTimeShare = intQuotient(int64(d.OnTime), n)
	d.AvgDaysLate = intQuotient(lateDays, n)
	d.MaxDaysLate = measureOf(float64(maxLate))
	// Amounts are positive, so sumAmount > 0.
	d.OnTimeShareByAmount = weighted(&onTimeAmount, &sumAmount)
	d.AvgDaysLateWeighted = weighted(&lateWeighted, &sumAmount)
	d.RecentInvoices, d.EarlierInvoices = recentN, earlierN
	d.RecentDaysLate = sideAverage(recentN, &recentWD, &recentW)
	d.EarlierDaysLate = sideAverage(earlierN, &earlierWD, &earlierW)
	if recentN >= cfg.TrendMinInvoices && earlierN >= cfg.TrendMinInvoices && d.RecentDaysLate.Defined && d.EarlierDaysLate.Defined {
		// Fewer days late recently is an improvement.
		e, r := d.EarlierDaysLate.Value, d.RecentDaysLate.Value
		d.Trend = trendOf(e-r, cfg.TrendBandDays)
		if tol := zTol * (e + r + cfg.TrendBandDays); math.Abs(e-r-cfg.TrendBandDays) <= tol || math.Abs(e-r+cfg.TrendBandDays) <= tol {
			d.Trend = exactTrend(&earlierWD, &earlierW, &recentWD, &recentW, cfg.TrendBandDays)
		}
	}
	d.Scoring = scoreDiscipline(&d, &cfg.Score, &disciplineExact{onTime: &onTimeAmount, late: &lateWeighted, sum: &sumAmount, cfg: &cfg.Score})
	return d
}

// weighted is num / den, exactly decided (see snap); den is a sum of
// positive amounts.
func weighted(num, den *exactsum.Running) Measure {
	q := fraction{n: *num, d: *den, mul: 1, div: 1}
	return q.measure()
}

// intQuotient is a / n for counts (n > 0), exactly decided.
func intQuotient(a, n int64) Measure {
	q := fraction{mul: 1, div: 1}
	q.n.AddCoef(a, 0)
	q.d.AddCoef(n, 0)
	return q.measure()
}

func sideAverage(n int, wd, w *exactsum.Running) Measure {
	if n == 0 {
		return undefined(CauseUnknown, "invoices")
	}
	return weighted(wd, w)
}

// exactTrend is trendOf(E − R, band) for the averages E = ewd / ew and
// R = rwd / rw (ew, rw > 0), decided exactly: multiplied through by
// ew · rw, E − R against ±band is ewd·rw − rwd·ew against ±band·ew·rw.
func exactTrend(ewd, ew, rwd, rw *exactsum.Running, band float64) Trend {
	diff := ewd.Decimal().Mul(rw.Decimal()).Sub(rwd.Decimal().Mul(ew.Decimal()))
	b := decimal.NewFromFloat(band).Mul(ew.Decimal()).Mul(rw.Decimal())
	switch {
	case diff.GreaterThan(b):
		return TrendImproving
	case diff.LessThan(b.Neg()):
		return TrendDeteriorating
	}
	return TrendStable
}

// disciplineExact is what the discipline score is computed from,
// exactly: the on-time share onTime / sum and the weighted days late
// late / sum (sums of amounts), with the configured weights and scales
// read as the decimals they are written as (60, 0.5).
type disciplineExact struct {
	onTime, late, sum *exactsum.Running
	oldest, writeOffs int
	cfg               *DisciplineScoring
}

// cmp returns the sign of D − c for the score D and the decimal c = ±u ×
// 10^−s, exactly, for snap. With S the sum, B the weighted days late, L
// and O the scales, and D₀ the score before its floor at 0,
//
//	D₀ · S·L·O = on_time_weight · onTime · L·O
//	           + lateness_weight · max(0, S·L − B) · O
//	           + overdue_weight · max(0, O − oldest) · S·L
//	           − write_off_penalty · write-offs · S·L·O,
//
// since 1 − (B/S)/L = (S·L − B)/(S·L) and 1 − oldest/O = (O − oldest)/O;
// S·L·O is positive, so D₀ − c has the sign of the right side less
// c·S·L·O. It builds decimals: snap calls it only next to a decimal.
func (x *disciplineExact) cmp(neg bool, u uint64, s int) int {
	if d, ok := x.perfect(); ok {
		// d is a whole number below 10^6, which a decimal of 12 digits
		// equals exactly when its float does.
		return cmpFloat(d, decimalFloat(u, s)*float64(sign(neg)))
	}
	c := decimalOf(neg, u, s)
	w := func(f float64) decimal.Decimal { return decimal.NewFromFloat(f) }
	sum, lScale, oScale := x.sum.Decimal(), w(x.cfg.LatenessScaleDays), w(x.cfg.OverdueScaleDays)
	sl := sum.Mul(lScale)
	num := w(x.cfg.OnTimeWeight).Mul(x.onTime.Decimal()).Mul(lScale).Mul(oScale)
	if late := sl.Sub(x.late.Decimal()); late.Sign() > 0 {
		num = num.Add(w(x.cfg.LatenessWeight).Mul(late).Mul(oScale))
	}
	if over := oScale.Sub(decimal.NewFromInt(int64(x.oldest))); over.Sign() > 0 {
		num = num.Add(w(x.cfg.OverdueWeight).Mul(over).Mul(sl))
	}
	num = num.Sub(w(x.cfg.WriteOffPenalty).Mul(decimal.NewFromInt(int64(x.writeOffs))).Mul(sl).Mul(oScale))
	if num.Sign() <= 0 {
		return -c.Sign() // D is 0
	}
	return num.Cmp(c.Mul(sl).Mul(oScale))
}

// perfect returns the score of a client that paid every evaluated
// invoice on time and has nothing overdue nor written off, the common
// case, without building decimals: the sum of the three weights, exact
// when they are whole numbers.
func (x *disciplineExact) perfect() (float64, bool) {
	on, onExp, ok1 := x.onTime.Int64()
	all, allExp, ok2 := x.sum.Int64()
	late, _, ok3 := x.late.Int64()
	if !ok1 || !ok2 || !ok3 || on != all || onExp != allExp || late != 0 || x.oldest != 0 || x.writeOffs != 0 {
		return 0, false
	}
	c := x.cfg
	for _, w := range [...]float64{c.OnTimeWeight, c.LatenessWeight, c.OverdueWeight} {
		if w != math.Trunc(w) {
			return 0, false
		}
	}
	return c.OnTimeWeight + c.LatenessWeight + c.OverdueWeight, true // each within 0..100
}

func sign(neg bool) int {
	if neg {
		return -1
	}
	return 1
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func scoreDiscipline(d *Discipline, s *DisciplineScoring, x *disciplineExact) DisciplineScore {
	var r DisciplineScore
	if !d.OnTimeShareByAmount.Defined || !d.AvgDaysLateWeighted.Defined {
		r.Score = undefined(CauseUnknown, "invoices")
		return r
	}
	r.OnTime = s.OnTimeWeight * d.OnTimeShareByAmount.Value
	r.Lateness = s.LatenessWeight * math.Max(0, 1-d.AvgDaysLateWeighted.Value/s.LatenessScaleDays)
	r.Overdue = s.OverdueWeight * math.Max(0, 1-float64(d.OldestOverdueDays)/s.OverdueScaleDays)
	r.WriteOffs = -s.WriteOffPenalty * float64(d.WrittenOff)
	// The float is within a few ulps of the exact score; snapped, a
	// score on a bin edge (80 exactly) falls in the edge's bin whatever
	// the amounts' scale.
	x.oldest, x.writeOffs = d.OldestOverdueDays, d.WrittenOff
	r.Score = measureOf(snap(math.Max(0, r.OnTime+r.Lateness+r.Overdue+r.WriteOffs), x.cmp))
	return r
}

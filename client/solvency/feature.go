package solvency

import (
	"math"
	"slices"

	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// Feature is one input a scorecard can read: a financial ratio, the
// Altman zone, or a payment-discipline figure. The zero Feature is unset.
type Feature uint8

// Features read from the financial statements.
const (
	FeatureCurrentRatio     Feature = iota + 1 // Ratios.CurrentRatio
	FeatureQuickExInventory                    // Ratios.QuickExInventory
	FeatureQuickLiquid                         // Ratios.QuickLiquid
	FeatureCashRatio                           // Ratios.CashRatio
	FeatureDebtToEquity                        // Ratios.DebtToEquity
	FeatureEquityToAssets                      // Ratios.EquityToAssets
	FeatureInterestCoverage                    // Ratios.InterestCoverage
	FeatureDSO                                 // Ratios.DSO
	FeatureAltmanZone                          // Altman.Zone: categories distress, grey, safe
)

// Features read from the payment history.
const (
	FeatureOnTimeShare         Feature = iota + FeatureAltmanZone + 1 // Discipline.OnTimeShare
	FeatureOnTimeShareByAmount                                        // Discipline.OnTimeShareByAmount
	FeatureAvgDaysLate                                                // Discipline.AvgDaysLate
	FeatureAvgDaysLateWeighted                                        // Discipline.AvgDaysLateWeighted
	FeatureMaxDaysLate                                                // Discipline.MaxDaysLate
	FeatureOldestOverdueDays                                          // Discipline.OldestOverdueDays
	FeatureOverdueShare                                               // Discipline.OverdueShare
	FeatureWrittenOff                                                 // Discipline.WrittenOff (a count)
	FeatureDisciplineScore                                            // Discipline.Score()
	FeaturePaymentTrend                                               // Discipline.Trend: categories improving, stable, deteriorating

	numFeatures = iota + FeatureAltmanZone + 1
)

var featureNames = enum.Names{"",
	"current_ratio", "quick_ex_inventory", "quick_liquid", "cash_ratio", "debt_to_equity",
	"equity_to_assets", "interest_coverage", "dso", "altman_zone",
	"on_time_share", "on_time_share_by_amount", "avg_days_late", "avg_days_late_weighted",
	"max_days_late", "oldest_overdue_days", "overdue_share", "written_off", "discipline_score",
	"payment_trend",
}

// ParseFeature returns the feature named s, e.g. "current_ratio".
func ParseFeature(s string) (Feature, error) { return enum.Parse[Feature](featureNames, "feature", s) }

func (f Feature) String() string { return enum.String(featureNames, "Feature", f) }

// IsValid reports whether f is one of the named features.
func (f Feature) IsValid() bool { return enum.Valid(featureNames, f) }

// FromPayments reports whether f comes from the payment history (and so
// is available for an individual, who has no statements).
func (f Feature) FromPayments() bool { return f >= FeatureOnTimeShare && f < numFeatures }

// Categories returns the category names of a categorical feature
// (altman_zone, payment_trend), nil for a numeric one.
func (f Feature) Categories() []string { return slices.Clone(f.categories()) }

// categories is Categories without the copy, for the package's own reads.
func (f Feature) categories() []string {
	switch f {
	case FeatureAltmanZone:
		return zoneNames[1:]
	case FeaturePaymentTrend:
		return trendNames[1:]
	}
	return nil
}

// MarshalText implements encoding.TextMarshaler; an unset feature is an error.
func (f Feature) MarshalText() ([]byte, error) { return enum.Marshal(featureNames, "Feature", f) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (f *Feature) UnmarshalText(b []byte) error { return enum.Unmarshal(featureNames, "feature", f, b) }

// Features holds the value of every feature for one client: the compact,
// allocation-free input of [Scorecard.Score]. A feature never set is
// missing. Build it with [NewFeatures], or set values one by one.
//
// The zero Features has every feature missing: a scorecard gives each
// factor its missing points.
type Features struct {
	value [numFeatures]float64
	// state: 0 never set, stateDefined, or stateDefined+cause.
	state [numFeatures]uint8
}

const stateDefined = 1

// NewFeatures gathers the features from the ratios, the Z-score and the
// payment discipline. Pass zero values for the parts a client does not
// have (an individual has no ratios and no Z-score): their features are
// missing.
func NewFeatures(r Ratios, z Altman, d Discipline) Features {
	var f Features
	for ft := FeatureCurrentRatio; ft <= FeatureDSO; ft++ { // the ratios
		m, _ := r.ofFeature(ft)
		f.put(ft, m)
	}
	switch {
	case z.Zone.IsValid():
		f.put(FeatureAltmanZone, measureOf(float64(z.Zone)))
	default:
		f.put(FeatureAltmanZone, z.Score)
	}
	f.put(FeatureOnTimeShare, d.OnTimeShare)
	f.put(FeatureOnTimeShareByAmount, d.OnTimeShareByAmount)
	f.put(FeatureAvgDaysLate, d.AvgDaysLate)
	f.put(FeatureAvgDaysLateWeighted, d.AvgDaysLateWeighted)
	f.put(FeatureMaxDaysLate, d.MaxDaysLate)
	f.put(FeatureOverdueShare, d.OverdueShare)
	f.put(FeatureDisciplineScore, d.Scoring.Score)
	// Counts are defined once any invoice is evaluated.
	if d.Evaluated > 0 {
		f.put(FeatureOldestOverdueDays, measureOf(float64(d.OldestOverdueDays)))
		f.put(FeatureWrittenOff, measureOf(float64(d.WrittenOff)))
		if d.Trend.IsValid() {
			f.put(FeaturePaymentTrend, measureOf(float64(d.Trend)))
		} else {
			f.put(FeaturePaymentTrend, undefined(CauseUnknown, "invoices"))
		}
	}
	return f
}

// put records m. A Measure built by hand may claim to be defined and
// hold NaN or an infinity; it is recorded as out of range, so that no NaN
// reaches a score, a bin or a JSON result.
func (f *Features) put(ft Feature, m Measure) {
	if m.Defined {
		if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
			m = undefined(CauseOutOfRange, "")
		} else {
			f.value[ft], f.state[ft] = m.Value, stateDefined
			return
		}
	}
	c := m.Cause
	if c == 0 {
		c = CauseUnknown
	}
	f.value[ft], f.state[ft] = 0, stateDefined+uint8(c)
}

// Set records the value of a numeric feature. An unknown feature, a
// categorical one (use SetZone, SetTrend) or a defined value that is NaN
// or infinite is an error.
func (f *Features) Set(ft Feature, m Measure) error {
	var p validate.Problems
	switch {
	case !ft.IsValid():
		p.Add("feature", ft, "unknown feature")
	case ft.categories() != nil:
		p.Add("feature", ft, "is categorical: set it with SetZone or SetTrend")
	case m.Defined && (math.IsNaN(m.Value) || math.IsInf(m.Value, 0)):
		p.Add(ft.String(), m.Value, "must be a finite number")
	}
	if err := p.Err(ErrInvalid); err != nil {
		return err
	}
	f.put(ft, m)
	return nil
}

// SetZone records the Altman zone; the unset zone makes it missing.
func (f *Features) SetZone(z Zone) {
	if z.IsValid() {
		f.put(FeatureAltmanZone, measureOf(float64(z)))
		return
	}
	f.put(FeatureAltmanZone, undefined(CauseUnknown, "altman_zone"))
}

// SetTrend records the payment trend; the unset trend makes it missing.
func (f *Features) SetTrend(t Trend) {
	if t.IsValid() {
		f.put(FeaturePaymentTrend, measureOf(float64(t)))
		return
	}
	f.put(FeaturePaymentTrend, undefined(CauseUnknown, "payment_trend"))
}

// Get returns the feature's value as a Measure; a categorical feature's
// value is the category's number (Zone or Trend).
func (f *Features) Get(ft Feature) Measure {
	if !ft.IsValid() {
		return Measure{}
	}
	switch st := f.state[ft]; st {
	case 0:
		return undefined(CauseUnknown, ft.String())
	case stateDefined:
		return Measure{Value: f.value[ft], Defined: true}
	default:
		return undefined(Cause(st-stateDefined), ft.String())
	}
}

package onboarding

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// SupervisionPolicy is how supervised work (stage 4) is judged: periodic
// reviews against targets, readiness after enough consecutive periods on
// target, and the time by which a new hire should be fully productive.
//
// The zero SupervisionPolicy has no period: Validate names the period,
// the streak and the months as required.
type SupervisionPolicy struct {
	// PeriodDays is the length of one review period in calendar days;
	// every review covers exactly one period.
	PeriodDays int `json:"period_days"`
	// Targets are the results a period must reach; a zero target does not
	// count, and at least one must be set.
	Targets Results `json:"targets"`
	// ConsecutivePeriods is how many back-to-back periods on target show
	// readiness to work independently.
	ConsecutivePeriods int `json:"consecutive_periods"`
	// FullProductivityMonths is the expected time from the start of
	// onboarding to full productivity.
	FullProductivityMonths int `json:"full_productivity_months"`
}

// Bounds of the supervision policy.
const (
	// MaxPeriodDays bounds a review period: a quarter.
	MaxPeriodDays = 92
	// MaxConsecutivePeriods bounds the streak that shows readiness.
	MaxConsecutivePeriods = 52
	// MaxProductivityMonths bounds the expected time to full
	// productivity: five years.
	MaxProductivityMonths = 60
)

// DefaultSupervisionPolicy: the article says a new hire becomes useful
// after about six months, and that the manager's own performance is the
// indicator of readiness, without a figure. The defaults take the
// article's own effectiveness figures for B2B services, 1 to 2 meetings a
// day: weekly reviews (7 days) with a target of 5 meetings (1 a day over
// a 5-day week, the lower end), and readiness after 4 consecutive weeks
// on target, a month of steady work.
func DefaultSupervisionPolicy() SupervisionPolicy {
	return SupervisionPolicy{
		PeriodDays:             7,
		Targets:                Results{Meetings: 5},
		ConsecutivePeriods:     4,
		FullProductivityMonths: 6,
	}
}

// Validate reports every problem of the policy.
func (sp SupervisionPolicy) Validate() error {
	var p validate.Problems
	if sp.PeriodDays < 1 || sp.PeriodDays > MaxPeriodDays {
		p.Addf("period_days", sp.PeriodDays, "must be within 1..%d days", MaxPeriodDays)
	}
	sp.Targets.check(&p, "targets")
	if sp.Targets == (Results{}) {
		p.Add("targets", nil, "is required: at least one result a period must reach")
	}
	if sp.ConsecutivePeriods < 1 || sp.ConsecutivePeriods > MaxConsecutivePeriods {
		p.Addf("consecutive_periods", sp.ConsecutivePeriods, "must be within 1..%d", MaxConsecutivePeriods)
	}
	if sp.FullProductivityMonths < 1 || sp.FullProductivityMonths > MaxProductivityMonths {
		p.Addf("full_productivity_months", sp.FullProductivityMonths, "must be within 1..%d", MaxProductivityMonths)
	}
	return p.Err(ErrInvalid)
}

// Review is one period of supervised work and its results.
//
// The zero Review has no period: Apply names from and to as required.
type Review struct {
	// From and To are the period, both included.
	From    clientele.Date `json:"from"`
	To      clientele.Date `json:"to"`
	Results Results        `json:"results"`
}

func (r *Review) check(p *validate.Problems, at string) {
	okFrom := p.Date(validate.Path(at, "from"), r.From, true)
	okTo := p.Date(validate.Path(at, "to"), r.To, true)
	if okFrom && okTo && r.To.Before(r.From) {
		p.Addf(validate.Path(at, "to"), r.To, "is before from (%s): dates must not go backwards", r.From)
	}
	r.Results.check(p, validate.Path(at, "results"))
}

// ReviewRecord is a review as recorded, judged against the targets of the
// day: a later change of targets does not rewrite history.
//
// The zero ReviewRecord is none; Apply makes them.
type ReviewRecord struct {
	Review
	On         clientele.Date  `json:"on"`
	By         authority.Actor `json:"by"`
	Targets    Results         `json:"targets"`
	OnTarget   bool            `json:"on_target"`
	Shortfalls []string        `json:"shortfalls,omitempty"`
}

// Readiness says whether supervised work shows readiness to work alone.
//
// The zero Readiness is none; StatusOn makes it.
type Readiness struct {
	// Streak is the number of back-to-back periods on target ending with
	// the last review; a gap between periods or a period off target
	// restarts it.
	Streak int `json:"streak"`
	// Needed is the plan's ConsecutivePeriods.
	Needed int  `json:"needed"`
	Ready  bool `json:"ready"`
	// Since is the last day of the period that completed the streak, when
	// Ready.
	Since   clientele.Date `json:"since,omitzero"`
	Message string         `json:"message"`
}

// readiness judges the record's reviews.
func (o *Onboarding) readiness(sp *SupervisionPolicy) Readiness {
	r := Readiness{Needed: sp.ConsecutivePeriods}
	// broke is the review that last broke the streak, if it is the last
	// review; gap says it broke it by not following the one before.
	broke, gap := -1, false
	for i, rv := range o.Reviews {
		broke, gap = -1, false
		contiguous := i > 0 && rv.From == o.Reviews[i-1].To.AddDays(1)
		switch {
		case !rv.OnTarget:
			r.Streak, broke = 0, i
		case contiguous:
			r.Streak++
		default:
			if i > 0 && r.Streak > 0 {
				broke, gap = i, true
			}
			r.Streak = 1
		}
		if r.Streak == r.Needed {
			r.Since = rv.To
		}
	}
	var why string // formatted once, for the one review that needs it
	if broke >= 0 {
		rv := o.Reviews[broke]
		if gap {
			why = fmt.Sprintf("the period %s..%s does not follow the one before it, which ended on %s: the streak restarted", rv.From, rv.To, o.Reviews[broke-1].To)
		} else {
			why = fmt.Sprintf("the period %s..%s was short of %s", rv.From, rv.To, strings.Join(rv.Shortfalls, ", "))
		}
	}
	r.Ready = r.Streak >= r.Needed
	if !r.Ready {
		r.Since = clientele.Date{}
	}
	switch {
	case r.Ready:
		r.Message = fmt.Sprintf("ready to work independently: %s on target (%d needed), since %s", count(r.Streak, "period", "consecutive periods"), r.Needed, r.Since)
	case len(o.Reviews) == 0:
		r.Message = fmt.Sprintf("not ready yet: no period reviewed (%s on target needed)", count(r.Needed, "period", "consecutive periods"))
	default:
		r.Message = fmt.Sprintf("not ready yet: %s on target of %d needed", count(r.Streak, "period", "consecutive periods"), r.Needed)
		if why != "" {
			r.Message += "; " + why
		}
	}
	return r
}

// Pace says whether a trainee is ahead of, on or behind the expected time
// to full productivity. The zero value is unset.
type Pace uint8

const (
	// PaceAhead: completed (ready) before the expected day.
	PaceAhead Pace = iota + 1
	// PaceOnTrack: not completed, and the expected day has not passed.
	PaceOnTrack
	// PaceBehind: the expected day passed before completion.
	PaceBehind
)

var paceNames = enum.Names{"", "ahead", "on_track", "behind"}

// ParsePace returns the pace named s.
func ParsePace(s string) (Pace, error) { return enum.Parse[Pace](paceNames, "pace", s) }

func (p Pace) String() string { return enum.String(paceNames, "Pace", p) }

// IsValid reports whether p is one of the named paces.
func (p Pace) IsValid() bool { return enum.Valid(paceNames, p) }

// MarshalText implements encoding.TextMarshaler; an unset pace is an error.
func (p Pace) MarshalText() ([]byte, error) { return enum.Marshal(paceNames, "Pace", p) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (p *Pace) UnmarshalText(b []byte) error { return enum.Unmarshal(paceNames, "pace", p, b) }

// Productivity compares the time to full productivity with the plan's
// expectation (six months by default).
//
// The zero Productivity is none (its Pace unset); StatusOn makes it.
type Productivity struct {
	// Expected is the start of onboarding plus FullProductivityMonths.
	Expected clientele.Date `json:"expected"`
	// Reached is the day the trainee was judged ready (readiness, or the
	// completion of onboarding); unset while not.
	Reached clientele.Date `json:"reached,omitzero"`
	Pace    Pace           `json:"pace"`
	// Days is how many days ahead (Pace ahead), left (on track) or behind.
	Days    int    `json:"days"`
	Message string `json:"message"`
}

func productivity(started, reached, asOf clientele.Date, months int) Productivity {
	pr := Productivity{Expected: started.AddMonths(months), Reached: reached}
	span := count(months, "month", "months")
	days := func() string { return count(pr.Days, "day", "days") }
	switch {
	case reached.IsValid() && !reached.After(pr.Expected):
		pr.Pace, pr.Days = PaceAhead, pr.Expected.Sub(reached)
		pr.Message = fmt.Sprintf("ready on %s, %s ahead of the expected %s (%s from the start)", reached, days(), pr.Expected, span)
	case reached.IsValid():
		pr.Pace, pr.Days = PaceBehind, reached.Sub(pr.Expected)
		pr.Message = fmt.Sprintf("ready on %s, %s behind the expected %s (%s from the start)", reached, days(), pr.Expected, span)
	case asOf.After(pr.Expected):
		pr.Pace, pr.Days = PaceBehind, asOf.Sub(pr.Expected)
		pr.Message = fmt.Sprintf("not ready %s after the expected %s (%s from the start)", days(), pr.Expected, span)
	default:
		pr.Pace, pr.Days = PaceOnTrack, pr.Expected.Sub(asOf)
		pr.Message = fmt.Sprintf("on track: %s left to the expected full productivity on %s (%s from the start)", days(), pr.Expected, span)
	}
	return pr
}

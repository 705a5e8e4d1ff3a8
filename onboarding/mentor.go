package onboarding

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/validate"
)

// MentorPolicy is who may mentor (curate) a trainee, and when the mentor
// earns a bonus.
//
// The zero MentorPolicy needs no experience and gives no bonus period:
// Validate refuses the period as required.
type MentorPolicy struct {
	// MinExperienceMonths is the sales experience a mentor must have on
	// the day of assignment, in whole months.
	MinExperienceMonths int `json:"min_experience_months"`
	// BonusPeriodDays is the set period, in calendar days from the
	// mentor's assignment, within which the trainee must reach
	// BonusTargets for the mentor to earn the bonus.
	BonusPeriodDays int `json:"bonus_period_days"`
	// BonusTargets are the results the trainee must reach in the period;
	// a zero target does not count.
	BonusTargets Results `json:"bonus_targets"`
}

// Bounds of the mentor policy and of recorded results.
const (
	// MaxExperienceMonths bounds MinExperienceMonths: fifty years.
	MaxExperienceMonths = 600
	// MaxBonusPeriodDays bounds the bonus period: a year.
	MaxBonusPeriodDays = 366
	// MaxCount bounds one recorded count (calls, applications, meetings,
	// contracts): far above what anyone makes in a period, small enough
	// that no sum of a record's entries overflows.
	MaxCount = 1_000_000
)

// DefaultMentorPolicy: the article wants the most experienced
// salesperson as mentor but gives no number; 12 months is the article's
// own threshold for its second career level ("1+ year"), the first level
// being "no experience". The bonus is earned when the trainee reaches
// "positive results within the set period": the period is the 28 days of
// sales training (4 weeks), and the positive result is at least one
// application received, the result the article records beside calls.
func DefaultMentorPolicy() MentorPolicy {
	return MentorPolicy{
		MinExperienceMonths: 12,
		BonusPeriodDays:     28,
		BonusTargets:        Results{Applications: 1},
	}
}

// Validate reports every problem of the policy.
func (mp MentorPolicy) Validate() error {
	var p validate.Problems
	if mp.MinExperienceMonths < 0 || mp.MinExperienceMonths > MaxExperienceMonths {
		p.Addf("min_experience_months", mp.MinExperienceMonths, "must be within 0..%d", MaxExperienceMonths)
	}
	if mp.BonusPeriodDays < 1 || mp.BonusPeriodDays > MaxBonusPeriodDays {
		p.Addf("bonus_period_days", mp.BonusPeriodDays, "must be within 1..%d days", MaxBonusPeriodDays)
	}
	mp.BonusTargets.check(&p, "bonus_targets")
	return p.Err(ErrInvalid)
}

// Mentor is a mentor being assigned: who, and since when they sell (the
// start of their sales experience).
//
// The zero Mentor is nobody: Apply names the actor and the start of experience as required.
type Mentor struct {
	Actor authority.Actor `json:"actor"`
	// SellingSince is the day the mentor's sales experience began.
	SellingSince clientele.Date `json:"selling_since"`
}

func (m *Mentor) check(p *validate.Problems, at string) {
	p.Merge(validate.Path(at, "actor"), m.Actor.Validate())
	p.Date(validate.Path(at, "selling_since"), m.SellingSince, true)
}

// ExperienceMonths returns the whole months of sales experience the
// mentor has on day on: 11 from 2025-03-10 to 2026-03-09, 12 from
// 2025-03-10 to 2026-03-10. It is 0 when on is before SellingSince or
// either is not a valid day.
func (m Mentor) ExperienceMonths(on clientele.Date) int {
	if !m.SellingSince.IsValid() || !on.IsValid() || on.Before(m.SellingSince) {
		return 0
	}
	sy, sm, _ := m.SellingSince.Date()
	oy, om, _ := on.Date()
	months := (oy-sy)*12 + int(om-sm)
	if m.SellingSince.AddMonths(months).After(on) {
		months--
	}
	return months
}

// Mentorship is a mentor's assignment as recorded.
//
// The zero Mentorship is none; Apply makes them.
type Mentorship struct {
	Mentor     Mentor          `json:"mentor"`
	AssignedOn clientele.Date  `json:"assigned_on"`
	AssignedBy authority.Actor `json:"assigned_by"`
}

// Results are the trainee's countable results: what the article records
// during mentoring (calls made, applications received) and what
// supervised work is reviewed on (meetings, contracts).
//
// The zero Results count nothing; as a target they ask for nothing.
type Results struct {
	Calls        int `json:"calls,omitempty"`
	Applications int `json:"applications,omitempty"`
	Meetings     int `json:"meetings,omitempty"`
	Contracts    int `json:"contracts,omitempty"`
}

func (r *Results) check(p *validate.Problems, at string) {
	for _, f := range r.fields() {
		if f.n < 0 || f.n > MaxCount {
			p.Addf(validate.Path(at, f.name), f.n, "must be within 0..%d", MaxCount)
		}
	}
}

type resultField struct {
	name string
	n    int
}

func (r Results) fields() [4]resultField {
	return [4]resultField{{"calls", r.Calls}, {"applications", r.Applications}, {"meetings", r.Meetings}, {"contracts", r.Contracts}}
}

// add returns the sum of r and s; each is at most MaxCount per entry and
// a record holds at most MaxLogEntries entries, so no sum overflows.
func (r Results) add(s Results) Results {
	return Results{r.Calls + s.Calls, r.Applications + s.Applications, r.Meetings + s.Meetings, r.Contracts + s.Contracts}
}

// Meets reports whether r reaches every non-zero target.
func (r Results) Meets(target Results) bool { return len(r.shortOf(target)) == 0 }

// shortOf lists, in words, each target r does not reach.
func (r Results) shortOf(target Results) []string {
	var out []string
	got, want := r.fields(), target.fields()
	for i := range want {
		if want[i].n > 0 && got[i].n < want[i].n {
			out = append(out, fmt.Sprintf("%s %d of %d", want[i].name, got[i].n, want[i].n))
		}
	}
	return out
}

// String lists the non-zero counts ("calls 40, applications 2"), "none"
// when all are zero.
func (r Results) String() string {
	var parts []string
	for _, f := range r.fields() {
		if f.n != 0 {
			parts = append(parts, fmt.Sprintf("%s %d", f.name, f.n))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// ResultsEntry is one record of the trainee's results.
//
// The zero ResultsEntry is none; Apply makes them.
type ResultsEntry struct {
	On      clientele.Date  `json:"on"`
	By      authority.Actor `json:"by"`
	Results Results         `json:"results"`
}

// BonusCheck says whether the current mentor has earned the bonus: the
// trainee reached the targets within the set period from the mentor's
// assignment.
//
// The zero BonusCheck is "no mentor assigned".
type BonusCheck struct {
	MentorID string `json:"mentor_id,omitempty"`
	// From and To are the set period, both included.
	From clientele.Date `json:"from,omitzero"`
	To   clientele.Date `json:"to,omitzero"`
	// Reached is the trainee's results recorded in the period up to the
	// day asked about.
	Reached Results `json:"reached"`
	Targets Results `json:"targets"`
	// Eligible: the targets were reached within the period.
	Eligible bool `json:"eligible"`
	// Open: the period has not ended and the targets are not reached yet.
	Open bool `json:"open"`
	// Message says it in words.
	Message string `json:"message"`
}

// bonusCheck judges the current mentor's bonus on day asOf.
func (o *Onboarding) bonusCheck(mp *MentorPolicy, asOf clientele.Date) BonusCheck {
	if len(o.Mentors) == 0 {
		return BonusCheck{Message: "no mentor assigned: no mentor bonus to judge"}
	}
	m := o.Mentors[len(o.Mentors)-1]
	b := BonusCheck{MentorID: m.Mentor.Actor.ID, From: m.AssignedOn, To: m.AssignedOn.AddDays(mp.BonusPeriodDays - 1), Targets: mp.BonusTargets}
	for _, e := range o.Results {
		if !e.On.Before(b.From) && !e.On.After(b.To) && !e.On.After(asOf) {
			b.Reached = b.Reached.add(e.Results)
		}
	}
	short := b.Reached.shortOf(b.Targets)
	switch {
	case len(short) == 0:
		b.Eligible = true
		b.Message = fmt.Sprintf("mentor %s earns the bonus: the trainee reached %s within %s..%s (targets: %s)", b.MentorID, b.Reached, b.From, b.To, b.Targets)
	case asOf.After(b.To):
		b.Message = fmt.Sprintf("mentor %s earns no bonus: by the end of %s..%s the trainee was short of %s", b.MentorID, b.From, b.To, strings.Join(short, ", "))
	default:
		b.Open = true
		b.Message = fmt.Sprintf("mentor %s: the bonus period runs to %s; so far short of %s", b.MentorID, b.To, strings.Join(short, ", "))
	}
	return b
}

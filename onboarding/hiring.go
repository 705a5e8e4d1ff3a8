package onboarding

import (
	"fmt"

	"github.com/clientele-go/clientele/internal/validate"
)

// Share is a rate written as the article writes it, "1 of 5": Part of
// Whole. It is exact (no rounding of 1/3) and refuses a rate of 0 (Part
// 0) or above 1 (Part above Whole).
//
// The zero Share is no rate: a function that needs one refuses it.
type Share struct {
	Part  int `json:"part"`
	Whole int `json:"whole"`
}

// MaxShareWhole bounds a Share's Whole: a million.
const MaxShareWhole = 1_000_000

func (s Share) check(p *validate.Problems, field string) {
	switch {
	case s.Whole < 1 || s.Whole > MaxShareWhole:
		p.Addf(validate.Path(field, "whole"), s.Whole, "must be within 1..%d", MaxShareWhole)
	case s.Part < 1:
		p.Addf(validate.Path(field, "part"), s.Part, "must be at least 1: a rate of 0 (%d of %d) leaves nobody to plan for", s.Part, s.Whole)
	case s.Part > s.Whole:
		p.Addf(validate.Path(field, "part"), s.Part, "must not exceed whole (%d): a rate above 1 is not a share", s.Whole)
	}
}

func (s Share) String() string { return fmt.Sprintf("%d of %d", s.Part, s.Whole) }

// HiringInput is what the hiring planner needs.
//
// The zero HiringInput has no target and no rates: PlanHiring names each
// as required.
type HiringInput struct {
	// InterviewsPerDay is how many candidates should actually come to
	// interview each day, 1..MaxInterviewsPerDay.
	InterviewsPerDay int `json:"interviews_per_day"`
	// ShowUp is the share of invited candidates who come.
	ShowUp Share `json:"show_up"`
	// MarginPercent is a safety margin added to the invitations, in whole
	// percent points 0..100, for a day when fewer come than usual.
	MarginPercent int `json:"margin_percent"`
	// Invited is the share of reviewed résumés that earn an invitation.
	Invited Share `json:"invited"`
}

// MaxInterviewsPerDay bounds HiringInput.InterviewsPerDay.
const MaxInterviewsPerDay = 1000

// ArticleHiring is the article's Moscow figures: 5 real interviews a day,
// 1 of 5 invited candidates comes, and about 100 résumés reviewed to
// invite 20 (the top of its 15-20), so 20 of 100 earn an invitation; no
// safety margin.
func ArticleHiring() HiringInput {
	return HiringInput{InterviewsPerDay: 5, ShowUp: Share{Part: 1, Whole: 5}, Invited: Share{Part: 20, Whole: 100}}
}

// HiringPlan is how many candidates to invite and how many résumés to
// review for one day of interviews.
//
// The zero HiringPlan is the empty result returned with an error.
type HiringPlan struct {
	Input HiringInput `json:"input"`
	// Invitations is InterviewsPerDay ÷ show-up rate, rounded up: a
	// fraction of a candidate cannot be invited, and rounding down would
	// fall short of the target.
	Invitations int `json:"invitations"`
	// WithMargin is Invitations' quotient times (1 + margin), rounded up
	// once (not the rounded Invitations times the margin).
	WithMargin int `json:"with_margin"`
	// Resumes is WithMargin ÷ invitation rate, rounded up.
	Resumes int    `json:"resumes"`
	Message string `json:"message"`
}

// PlanHiring works out the day's invitations and résumés, in exact
// integer arithmetic:
//
//	invitations = ⌈interviews × whole ÷ part⌉                         (show-up)
//	with margin = ⌈interviews × whole × (100 + margin) ÷ (part × 100)⌉
//	résumés     = ⌈with margin × whole ÷ part⌉                         (invited)
//
// The article's own figures do not agree: 5 interviews at 1 of 5 need 25
// invitations, while it plans 15-20, which is a show-up of 1 of 4 (20)
// to 1 of 3 (15). The planner does the arithmetic and shows it; pass the
// show-up rate your own invitations achieve. ErrInvalid: a target outside
// 1..MaxInterviewsPerDay, a rate of 0 or above 1, a margin outside
// 0..100.
func PlanHiring(in HiringInput) (HiringPlan, error) {
	var p validate.Problems
	if in.InterviewsPerDay < 1 || in.InterviewsPerDay > MaxInterviewsPerDay {
		p.Addf("interviews_per_day", in.InterviewsPerDay, "must be within 1..%d", MaxInterviewsPerDay)
	}
	in.ShowUp.check(&p, "show_up")
	if in.MarginPercent < 0 || in.MarginPercent > 100 {
		p.Add("margin_percent", in.MarginPercent, "must be a percentage within 0..100")
	}
	in.Invited.check(&p, "invited")
	if err := p.Err(ErrInvalid); err != nil {
		return HiringPlan{}, err
	}
	// Every product below is at most 1000 × 10^6 × 200 × 10^6 = 2×10^17,
	// inside int64.
	n, su, inv := int64(in.InterviewsPerDay), in.ShowUp, in.Invited
	h := HiringPlan{Input: in}
	h.Invitations = int(ceilDiv(n*int64(su.Whole), int64(su.Part)))
	h.WithMargin = int(ceilDiv(n*int64(su.Whole)*int64(100+in.MarginPercent), int64(su.Part)*100))
	h.Resumes = int(ceilDiv(int64(h.WithMargin)*int64(inv.Whole), int64(inv.Part)))
	h.Message = fmt.Sprintf("for %d interviews a day when %s invited come, invite %d", n, su, h.Invitations)
	if in.MarginPercent > 0 {
		h.Message += fmt.Sprintf(", %d with a %d %% safety margin", h.WithMargin, in.MarginPercent)
	}
	h.Message += fmt.Sprintf(" (rounded up: nobody is invited in part); when %s reviewed résumés earn an invitation, review %d résumés", inv, h.Resumes)
	return h, nil
}

// ceilDiv returns ⌈a ÷ b⌉ for a ≥ 0, b > 0.
func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

package onboarding

import (
	"testing"

	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The article: 5 interviews a day, 1 of 5 invited comes; it plans 15-20
// invitations and about 100 résumés.
func TestPlanHiring(t *testing.T) {
	cases := []struct {
		name                 string
		in                   HiringInput
		invite, margin, resu int
	}{
		// 5 × 5 ÷ 1 = 25; 25 × 100 ÷ 20 = 125
		{"the article's show-up, 1 of 5", ArticleHiring(), 25, 25, 125},
		// 5 × 4 ÷ 1 = 20: the top of the article's 15-20; 20 × 100 ÷ 20 = 100, its 100 résumés
		{"1 of 4", HiringInput{5, Share{1, 4}, 0, Share{20, 100}}, 20, 20, 100},
		// 5 × 3 ÷ 1 = 15: the bottom of 15-20; 15 × 100 ÷ 20 = 75
		{"1 of 3", HiringInput{5, Share{1, 3}, 0, Share{20, 100}}, 15, 15, 75},
		// 5 × 5 × 110 ÷ 100 = 27.5 → 28; 28 × 100 ÷ 20 = 140
		{"a 10 % margin, rounded up once", HiringInput{5, Share{1, 5}, 10, Share{20, 100}}, 25, 28, 140},
		// 7 × 10 ÷ 3 = 23.33 → 24; 24 × 7 ÷ 2 = 84
		{"rounded up", HiringInput{7, Share{3, 10}, 0, Share{2, 7}}, 24, 24, 84},
		// everyone comes, every résumé is invited
		{"rates of 1", HiringInput{5, Share{4, 4}, 0, Share{1, 1}}, 5, 5, 5},
	}
	for _, tc := range cases {
		h, err := PlanHiring(tc.in)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.invite, h.Invitations, tc.name)
		assert.Equal(t, tc.margin, h.WithMargin, tc.name)
		assert.Equal(t, tc.resu, h.Resumes, tc.name)
	}
	h, err := PlanHiring(HiringInput{5, Share{1, 5}, 10, Share{20, 100}})
	require.NoError(t, err)
	assert.Equal(t, "for 5 interviews a day when 1 of 5 invited come, invite 25, 28 with a 10 % safety margin (rounded up: nobody is invited in part); when 20 of 100 reviewed résumés earn an invitation, review 140 résumés", h.Message)

	big, err := PlanHiring(HiringInput{MaxInterviewsPerDay, Share{1, MaxShareWhole}, 100, Share{1, MaxShareWhole}})
	require.NoError(t, err, "the largest inputs stay inside int64")
	assert.Equal(t, 2_000_000_000, big.WithMargin)
	assert.Equal(t, 2_000_000_000_000_000, big.Resumes)
}

// A rate of 0 or above 1 is an error, as is a target or margin out of
// range.
func TestPlanHiringRefusesBadInput(t *testing.T) {
	problemtest.Require(t, func() error { _, err := PlanHiring(HiringInput{}); return err }(), ErrInvalid, []string{
		"interviews_per_day = 0: must be within 1..1000",
		"show_up.whole = 0: must be within 1..1000000",
		"invited.whole = 0: must be within 1..1000000",
	})
	problemtest.Require(t, func() error {
		_, err := PlanHiring(HiringInput{5, Share{0, 5}, 101, Share{6, 5}})
		return err
	}(), ErrInvalid, []string{
		"show_up.part = 0: must be at least 1: a rate of 0 (0 of 5) leaves nobody to plan for",
		"margin_percent = 101: must be a percentage within 0..100",
		"invited.part = 6: must not exceed whole (5): a rate above 1 is not a share",
	})
}

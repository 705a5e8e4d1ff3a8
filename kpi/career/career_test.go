package career_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/clientele-go/clientele/kpi/career"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day = clientele.MustParseDate

// The article's four levels, by hand.
func TestClassifyTheArticlesLevels(t *testing.T) {
	l2 := []string{career.SkillComputer, career.SkillAccountingSoftware, career.SkillConsulting, career.SkillPhoneEtiquette, career.SkillConflictResolution}
	l3 := append(append([]string{}, l2...), career.SkillNewClients, career.SkillNegotiation, career.SkillOwnClientBase)
	l4 := append(append([]string{}, l3...), career.SkillHigherEducation, career.SkillEnglish, career.SkillSeniorClients)
	asOf := day("2026-03-31")
	cases := []struct {
		name    string
		started string
		skills  []string
		level   int
		years   int
		next    career.Next
	}{
		{"new hire without computer skills", "2026-03-01", nil, 0, 0,
			career.Next{Level: 1, Title: "account manager", YearsOn: day("2026-03-01"), Missing: []string{career.SkillComputer}}},
		{"new hire", "2026-03-01", []string{career.SkillComputer}, 1, 0,
			career.Next{Level: 2, Title: "experienced account manager", MinYears: 1, YearsOn: day("2027-03-01"),
				Missing: []string{career.SkillAccountingSoftware, career.SkillConsulting, career.SkillPhoneEtiquette, career.SkillConflictResolution}}},
		// 2025-04-01 to 2026-03-31 is one day short of a year.
		{"skills of level 2, a day short of a year", "2025-04-01", l2, 1, 0,
			career.Next{Level: 2, Title: "experienced account manager", MinYears: 1, YearsOn: day("2026-04-01")}},
		{"a year to the day", "2025-03-31", l2, 2, 1,
			career.Next{Level: 3, Title: "senior account manager", MinYears: 2, YearsOn: day("2027-03-31"),
				Missing: []string{career.SkillNewClients, career.SkillNegotiation, career.SkillOwnClientBase}}},
		// Ten years without the level 2 skills stay at level 1.
		{"years without skills", "2016-01-01", []string{career.SkillComputer, career.SkillEnglish}, 1, 10,
			career.Next{Level: 2, Title: "experienced account manager", MinYears: 1, YearsOn: day("2017-01-01"),
				Missing: []string{career.SkillAccountingSoftware, career.SkillConsulting, career.SkillPhoneEtiquette, career.SkillConflictResolution}}},
		{"2 years", "2024-01-15", l3, 3, 2,
			career.Next{Level: 4, Title: "lead account manager", MinYears: 3, YearsOn: day("2027-01-15"),
				Missing: []string{career.SkillHigherEducation, career.SkillEnglish, career.SkillSeniorClients}}},
		{"lead", "2020-06-01", l4, 4, 5, career.Next{}},
	}
	for _, c := range cases {
		a, err := career.Classify(career.DefaultConfig(), career.Manager{ID: "m-1", Started: day(c.started), Skills: c.skills}, asOf)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.level, a.Level, c.name)
		assert.Equal(t, c.years, a.Years, c.name)
		assert.Equal(t, c.next, a.Next, c.name)
		assert.Equal(t, c.level < 4, a.HasNext, c.name)
	}
}

func TestClassifyFindings(t *testing.T) {
	a, err := career.Classify(career.DefaultConfig(), career.Manager{ID: "m-1", Started: day("2025-04-01"),
		Skills: []string{career.SkillComputer, career.SkillConsulting}}, day("2026-03-31"))
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Manager m-1 is at level 1, account manager, with 0 years of experience.",
		"Level 2 (experienced account manager) needs the experience, from 2026-04-01 and the skills accounting_software, phone_etiquette, conflict_resolution.",
	}, a.Findings)
}

func TestBadInput(t *testing.T) {
	_, err := career.Classify(career.Config{}, career.Manager{Started: day("2027-01-01"), Skills: []string{"a", "a", ""}}, day("2026-01-01"))
	problemtest.Require(t, err, career.ErrInvalid, []string{
		"config.levels: is required",
		"id: is required",
		"started = 2027-01-01: is after the day of the assessment (2026-01-01)",
		"skills[1] = a: is repeated",
		"skills[2]: must not be empty",
	})
	c := career.DefaultConfig()
	c.Levels[2].MinYears = 0
	c.Levels[3].Title = ""
	c.Levels[3].Skills = append(c.Levels[3].Skills, career.SkillEnglish)
	problemtest.Require(t, c.Validate(), career.ErrInvalid, []string{
		"levels[2].min_years = 0: is below the level beneath (1)",
		"levels[3].title: is required",
		"levels[3].skills[3] = english: is repeated",
	})
}

func TestConfigLoads(t *testing.T) {
	b, err := json.Marshal(career.DefaultConfig())
	require.NoError(t, err)
	got, err := clientele.LoadConfig[career.Config](strings.NewReader(string(b)))
	require.NoError(t, err)
	assert.Equal(t, career.DefaultConfig(), got)
}

// The article's table, pinned: Moscow level 1 is 25-30, Nizhny Novgorod
// level 3 up to 28, St Petersburg level 4 95 (thousand roubles a month).
func TestArticleIncomes(t *testing.T) {
	rows := career.ArticleIncomes2010s()
	require.Len(t, rows, 16)
	assert.Equal(t, "25", rows[0].Min.Decimal.String())
	assert.Equal(t, "30", rows[0].Max.String())
	assert.Equal(t, career.Income{Level: 3, City: "Nizhny Novgorod", Max: rows[11].Max}, rows[11])
	assert.Equal(t, "28", rows[11].Max.String())
	assert.Equal(t, "95", rows[13].Max.String())
	assert.Equal(t, "95", rows[13].Min.Decimal.String())
}

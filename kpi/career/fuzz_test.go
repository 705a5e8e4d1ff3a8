package career

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzClassify: any config text either fails to load with ErrInvalid, or
// places a manager (start day and skills from the fuzzer) on the ladder
// as the rule says, recomputed here level by level: whole years counted
// with AddMonths, the highest level whose years and cumulative skills
// are met, and for the next level its years' day and the missing skills
// in the config's order. The same input gives the same assessment.
func FuzzClassify(f *testing.F) {
	good, _ := json.Marshal(DefaultConfig())
	f.Add(good, uint16(800), uint64(0b1111), uint16(0))
	f.Add(good, uint16(365*3+1), uint64(1<<62-1), uint16(59)) // started on 29 February 2020
	f.Add([]byte(`{"levels":[{"title":"a","min_years":0,"skills":[]},{"title":"b","min_years":0,"skills":["x"]}]}`), uint16(0), uint64(0), uint16(0))
	f.Add([]byte(`{"levels":[{"title":"a","min_years":2,"skills":["x","x"]}]}`), uint16(1), uint64(1), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, days uint16, held uint64, startShift uint16) {
		cfg, err := clientele.LoadConfig[Config](bytes.NewReader(data))
		if err != nil {
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		asOf := clientele.MustParseDate("2026-12-05")
		started := clientele.MustParseDate("2020-01-01").AddDays(int(startShift % 366))
		if days%2 == 1 {
			started = asOf.AddDays(-int(days))
		}
		m := Manager{ID: "m-1", Started: started}
		bit := 0
		for _, l := range cfg.Levels {
			for _, s := range l.Skills {
				if held>>(bit%64)&1 == 1 && !slices.Contains(m.Skills, s) {
					m.Skills = append(m.Skills, s)
				}
				bit++
			}
		}
		a, err := Classify(cfg, m, asOf)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			return
		}
		again, err := Classify(cfg, m, asOf)
		require.NoError(t, err)
		assert.Equal(t, a, again)

		years := 0
		for !started.AddMonths(12 * (years + 1)).After(asOf) {
			years++
		}
		assert.Equal(t, years, a.Years, "whole years from %s to %s", started, asOf)
		level := 0
		var missing []string
		for i, l := range cfg.Levels {
			for _, s := range l.Skills {
				if !slices.Contains(m.Skills, s) {
					missing = append(missing, s)
				}
			}
			if len(missing) > 0 || l.MinYears > years {
				break
			}
			level = i + 1
		}
		require.Equal(t, level, a.Level, "skills %v, %d years", m.Skills, years)
		require.NotEmpty(t, a.Findings)
		if level > 0 {
			assert.Equal(t, cfg.Levels[level-1].Title, a.Title)
		}
		if level == len(cfg.Levels) {
			assert.False(t, a.HasNext)
			return
		}
		require.True(t, a.HasNext)
		nl := cfg.Levels[level]
		assert.Equal(t, level+1, a.Next.Level)
		assert.Equal(t, nl.Title, a.Next.Title)
		assert.Equal(t, nl.MinYears, a.Next.MinYears)
		assert.Equal(t, started.AddMonths(12*nl.MinYears), a.Next.YearsOn)
		var want []string
		for _, l := range cfg.Levels[:level+1] {
			for _, s := range l.Skills {
				if !slices.Contains(m.Skills, s) {
					want = append(want, s)
				}
			}
		}
		assert.Equal(t, want, a.Next.Missing)
	})
}

package kpi

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// stageNames finds what Config.stageIndex finds, for the default
// stages (each name a different length) and for stages sharing lengths,
// whatever the name looked up: a stage's own, one a byte off, a prefix,
// empty, at and past the 64-byte limit.
func TestStageNamesAgreeWithStageIndex(t *testing.T) {
	long := strings.Repeat("n", 64)
	custom := []Stage{{Name: "aa"}, {Name: "bb"}, {Name: "lead"}, {Name: "cc"}, {Name: "deal"}, {Name: long},
		{Name: "Продажа"}}
	configs := []Config{DefaultConfig(ModelB2BServices), {Stages: custom}, {}}
	for _, cfg := range configs {
		s := newStageNames(cfg.Stages)
		names := []string{"", " ", "a", "aaa", "dd", "lea", "leads", long + "n", long[:63] + "m", strings.Repeat("x", 200),
			"contract_sent\x00", "Contract_sent", "Продаж", "Продажи"}
		for _, st := range append(cfg.Stages, custom...) {
			names = append(names, st.Name, st.Name[:len(st.Name)-1]+"?", st.Name+st.Name)
		}
		for _, name := range names {
			assert.Equal(t, cfg.stageIndex(name), s.index(name), "%q in %d stages", name, len(cfg.Stages))
		}
	}
	// Worked by hand: "cc" is the fourth stage; "lead" and "deal" share
	// a length, "deal" is the fifth.
	s := newStageNames(custom)
	assert.Equal(t, 3, s.index("cc"))
	assert.Equal(t, 4, s.index("deal"))
	assert.Equal(t, -1, s.index("dael"))
	assert.Equal(t, -1, (&stageNames{}).index("aa"), "the zero stageNames finds nothing")
}

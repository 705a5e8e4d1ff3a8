package kpi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/kpi"
)

// Any config text either fails to load or loads into a config that
// evaluates the worked March without panicking, every criterion with a
// status and the overall score within 0..ScoreCap.
func FuzzConfig(f *testing.F) {
	for _, m := range []kpi.BusinessModel{kpi.ModelConsumerGoods, kpi.ModelB2BServices, kpi.ModelConsulting} {
		b, _ := json.Marshal(kpi.DefaultConfig(m))
		f.Add(string(b))
	}
	f.Add(`{"profile":"p","clean_day_share":"50.0000001","score_cap":"100","stages":[{"name":"a","probability":"1e-30"}],"ready_stage":"a"}`)
	in, march := march()
	f.Fuzz(func(t *testing.T, text string) {
		cfg, err := clientele.LoadConfig[kpi.Config](strings.NewReader(text))
		if err != nil {
			return
		}
		s, err := kpi.Evaluate(cfg, in, march)
		if err != nil {
			// The worked March names stages of the default pipeline; a
			// config without them refuses its deals, nothing else.
			if !strings.Contains(err.Error(), "is not one of the config's stages") {
				t.Fatalf("config loaded but Evaluate refused: %v", err)
			}
			return
		}
		for _, r := range s.Criteria {
			if !r.Status.IsValid() {
				t.Fatalf("%s has no status", r.Criterion)
			}
		}
		if s.Overall.Valid && (s.Overall.Decimal.Sign() < 0 || s.Overall.Decimal.GreaterThan(cfg.ScoreCap)) {
			t.Fatalf("overall %s outside 0..%s", s.Overall.Decimal, cfg.ScoreCap)
		}
	})
}

package contract

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultConfigLoadsBack(t *testing.T) {
	cfg := DefaultConfig()
	require.NoError(t, cfg.Validate())
	data, err := json.Marshal(cfg)
	require.NoError(t, err)
	back, err := clientele.LoadConfig[Config](bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, cfg, back)
	assert.Contains(t, string(data), `"required_documents":["contract","specification","price_agreement","power_of_attorney"]`)
}

func TestLoadConfigRefusesUnknownDocuments(t *testing.T) {
	_, err := clientele.LoadConfig[Config](strings.NewReader(`{"due_soon_days": 7, "types": [{"name": "supply", "currency": "RUB",
		"required_documents": ["contract", "passport"], "signing": [{"holder": "manager", "max": "1000"}]}]}`))
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.ErrorContains(t, err, `unknown document kind "passport"`)
}

func TestConfigValidateReportsEveryProblem(t *testing.T) {
	problemtest.Require(t, Config{}.Validate(), ErrInvalid, []string{"types: is required"})
	cfg := Config{DueSoonDays: 400, Types: []TypeConfig{
		{Name: "supply", Currency: "XXX", RequiredDocuments: []DocumentKind{DocContract, DocContract, 0}},
		{Name: "supply", Currency: "RUB", Signing: authority.Limits{{Holder: "manager", Max: dec("-1")}}},
	}}
	problemtest.Require(t, cfg.Validate(), ErrInvalid, []string{
		"due_soon_days = 400: must be within 0..366",
		"types[0].currency = XXX: is not an active ISO 4217 code",
		"types[0].required_documents[1] = contract: is repeated",
		"types[0].required_documents[2]: is required",
		"types[0].signing: is required: without a limit nobody may sign this type",
		"types[1].signing[0].max = -1: must not be negative",
		"types[1].name = supply: repeats types[0]",
	})
	_, err := Compile(cfg)
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestCompiledPolicyIsItsOwnCopy(t *testing.T) {
	cfg := DefaultConfig()
	p, err := Compile(cfg)
	require.NoError(t, err)
	cfg.Types[0].RequiredDocuments[0] = DocInvoice
	cfg.Types[0].Signing[0].Max = dec("1")
	got, ok := p.Type("supply")
	require.True(t, ok)
	assert.Equal(t, DocContract, got.RequiredDocuments[0])
	assert.Equal(t, dec("1000000"), got.Signing[0].Max)
	got.RequiredDocuments[0] = DocInvoice
	again, _ := p.Type("supply")
	assert.Equal(t, DocContract, again.RequiredDocuments[0], "Type returns a copy")
	assert.Equal(t, 7, p.DueSoonDays())
	_, ok = (*Policy)(nil).Type("supply")
	assert.False(t, ok)
	assert.Zero(t, (*Policy)(nil).DueSoonDays())
}

// FuzzLoadConfig: no input panics the loader, and a config it accepts
// compiles and survives a JSON round trip.
func FuzzLoadConfig(f *testing.F) {
	data, err := json.Marshal(DefaultConfig())
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"due_soon_days": 3, "types": [{"name": "x", "currency": "EUR", "required_documents": [], "signing": [{"holder": "a", "max": "1e30"}]}]}`))
	f.Add([]byte(`{"types": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := clientele.LoadConfig[Config](bytes.NewReader(data))
		if err != nil {
			return
		}
		_, err = Compile(cfg)
		require.NoError(t, err)
		again, err := json.Marshal(cfg)
		require.NoError(t, err)
		back, err := clientele.LoadConfig[Config](bytes.NewReader(again))
		require.NoError(t, err)
		assert.Equal(t, len(cfg.Types), len(back.Types))
	})
}

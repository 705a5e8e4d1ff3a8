package clientele

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type testConfig struct {
	Name   string `json:"name"`
	Weight int    `json:"weight"`
	When   Date   `json:"when,omitzero"`
}

func (c testConfig) Validate() error {
	if c.Weight < 0 {
		return &ValidationError{Kind: errPkgInvalid, Fields: []*FieldError{{Field: "weight", Value: c.Weight, Reason: "must not be negative"}}}
	}
	return nil
}

func TestLoadConfigReadsAndValidates(t *testing.T) {
	cfg, err := LoadConfig[testConfig](strings.NewReader(` {"name": "a", "weight": 3, "when": "2026-12-05"} ` + "\n"))
	require.NoError(t, err)
	assert.Equal(t, testConfig{Name: "a", Weight: 3, When: MustParseDate("2026-12-05")}, cfg)

	cfg, err = LoadConfig[testConfig](strings.NewReader(`{"weight": -1}`))
	assert.EqualError(t, err, "pkg: invalid input: weight = -1: must not be negative")
	assert.Zero(t, cfg, "a config that fails validation is not returned half-loaded")
}

func TestLoadConfigRefusesWhatIsNotOneKnownDocument(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"empty":         {"", "invalid input: is empty: want a JSON object"},
		"blank":         {" \n\t", "invalid input: is empty: want a JSON object"},
		"unknown field": {`{"name": "a", "colour": "red"}`, `invalid input: json: unknown field "colour"`},
		"wrong type":    {`{"weight": "3"}`, "invalid input: weight: is a JSON string, want int"},
		"trailing data": {`{"name": "a"} {"name": "b"}`, "invalid input: has data after the JSON document, which ends at byte 13"},
		"trailing junk": {`{"name": "a"}x`, "invalid input: has data after the JSON document, which ends at byte 13"},
		"cut short":     {`{"name": "a"`, "invalid input: ends in the middle of the JSON document"},
		"not json":      {`name = a`, "invalid input: is not valid JSON at byte 2: invalid character 'a' in literal null (expecting 'u')"},
		"a bad date":    {`{"when": "2026-02-30"}`, `invalid input: "2026-02-30": is not a calendar date written YYYY-MM-DD`},
	}
	for name, c := range cases {
		cfg, err := LoadConfig[testConfig](strings.NewReader(c.in))
		assert.ErrorIs(t, err, ErrInvalid, name)
		assert.EqualError(t, err, c.want, name)
		assert.Zero(t, cfg, name)
	}
}

func TestLoadConfigRefusesOversizedInput(t *testing.T) {
	big := `{"name": "` + strings.Repeat("a", MaxConfigBytes) + `"}`
	_, err := LoadConfig[testConfig](strings.NewReader(big))
	assert.EqualError(t, err, "invalid input: is over 4194304 bytes, the limit for a config")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestLoadConfigPassesReadErrorsOn(t *testing.T) {
	_, err := LoadConfig[testConfig](failingReader{})
	assert.True(t, errors.Is(err, io.ErrClosedPipe))
	assert.False(t, errors.Is(err, ErrInvalid), "a failed read is not bad input")
}

type nestedConfig struct {
	Limits []struct {
		Holder string `json:"holder"`
		Max    string `json:"max"`
	} `json:"limits"`
	Name string `json:"name"`
}

func (nestedConfig) Validate() error { return nil }

// Issue 8: `"max_discount":"25","max_discount":"90"` loaded as 90.
func TestLoadConfigRefusesRepeatedKeys(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"top level": {`{"name": "a", "name": "b"}`, "invalid input: name: appears twice in one object: JSON keeps the last silently, so a config may not repeat a key"},
		"nested":    {`{"limits": [{"holder": "m", "max": "5"}, {"holder": "d", "max": "25", "max": "90"}]}`, "invalid input: limits[1].max: appears twice in one object: JSON keeps the last silently, so a config may not repeat a key"},
	}
	for name, c := range cases {
		_, err := LoadConfig[nestedConfig](strings.NewReader(c.in))
		assert.EqualError(t, err, c.want, name)
	}
	// The same key in two objects, and keys equal to values, are fine.
	cfg, err := LoadConfig[nestedConfig](strings.NewReader(`{"limits": [{"holder": "max", "max": "5"}, {"holder": "holder", "max": "7"}], "name": "limits"}`))
	require.NoError(t, err)
	assert.Len(t, cfg.Limits, 2)
}

// Issue 8: a "max_discount" of a million digits took 7 s and 2.1 GB to
// parse. Over-long values are refused before parsing, naming the field.
func TestLoadConfigRefusesOverlongValuesBeforeParsing(t *testing.T) {
	digits := strings.Repeat("9", 1_000_000)
	_, err := LoadConfig[nestedConfig](strings.NewReader(`{"limits": [{"holder": "m", "max": "` + digits + `"}]}`))
	assert.EqualError(t, err, "invalid input: limits[0].max = "+strings.Repeat("9", 32)+"...(1000000 bytes): is 1000000 bytes long, the limit for one value of a config is 4096")

	_, err = LoadConfig[numbersConfig](strings.NewReader(`{"rates": [1, 2, ` + strings.Repeat("7", 81) + `]}`))
	assert.EqualError(t, err, "invalid input: rates[2] = 77777777777777777777...: is a number of 81 characters, the limit is 80")
	cfg, err := LoadConfig[numbersConfig](strings.NewReader(`{"rates": [` + strings.Repeat("7", 80) + `]}`))
	require.NoError(t, err, "80 characters is the limit, allowed")
	assert.Len(t, cfg.Rates, 1)
}

type numbersConfig struct {
	Rates []json.Number `json:"rates"`
}

func (numbersConfig) Validate() error { return nil }

type decimalConfig struct {
	Limits []struct {
		Max decimal.Decimal `json:"max"`
	} `json:"limits"`
	Rate float64 `json:"rate"`
}

func (decimalConfig) Validate() error { return nil }

// Issue 8: "1e9999999999" was reported as shopspring's "can't convert
// 1e9999999999 to decimal: fractional part too long", without a field;
// a float64 field read 1e-9999999999 as 0 with nothing said.
func TestLoadConfigRefusesExponentsBeyondTheBound(t *testing.T) {
	const reason = ": is out of range: more than 30 decimal places or a scale above 10^30"
	cases := map[string]struct{ in, want string }{
		"huge":                 {`{"limits": [{"max": 1e9999999999}]}`, "invalid input: limits[0].max = 1e9999999999" + reason},
		"huge negative, E, +":  {`{"limits": [{"max": 5}, {"max": -1E+9999999999}]}`, "invalid input: limits[1].max = -1E+9999999999" + reason},
		"tiny":                 {`{"limits": [{"max": 1e-9999999999}]}`, "invalid input: limits[0].max = 1e-9999999999" + reason},
		"quoted":               {`{"limits": [{"max": "1e9999999999"}]}`, "invalid input: limits[0].max = 1e9999999999" + reason},
		"float field, tiny":    {`{"rate": 1e-9999999999}`, "invalid input: rate = 1e-9999999999" + reason},
		"past int32 by digits": {`{"rate": 1.5e2147483648}`, "invalid input: rate = 1.5e2147483648" + reason},
		// 1e31 is 1 × 10^31; 0.5e-30 is 5 × 10^-31: one past the bound.
		"just above":   {`{"limits": [{"max": 1e31}]}`, "invalid input: limits[0].max = 1e31" + reason},
		"just below":   {`{"limits": [{"max": "0.5e-30"}]}`, "invalid input: limits[0].max = 0.5e-30" + reason},
		"31 places":    {`{"limits": [{"max": "0.` + strings.Repeat("0", 30) + `1"}]}`, "invalid input: limits[0].max = 0." + strings.Repeat("0", 30) + "1" + reason},
		"exponent cut": {`{"limits": [{"max": "1e` + strings.Repeat("9", 70) + `"}]}`, "invalid input: limits[0].max = 1e" + strings.Repeat("9", 30) + "...(72 bytes)" + reason},
	}
	for name, c := range cases {
		cfg, err := LoadConfig[decimalConfig](strings.NewReader(c.in))
		assert.ErrorIs(t, err, ErrInvalid, name)
		assert.EqualError(t, err, c.want, name)
		assert.Zero(t, cfg, name)
	}

	// Within the bound: 1e3 is 1 × 10^3; 1.25e31 is 125 × 10^29;
	// 0.5e-29 is 5 × 10^-30; 1e30 and 1e-30 are the bound itself.
	cfg, err := LoadConfig[decimalConfig](strings.NewReader(`{"limits": [{"max": 1e3}, {"max": "1.25e31"}, {"max": "0.5e-29"}, {"max": 1e30}, {"max": "-1E-30"}], "rate": 2.5e-3}`))
	require.NoError(t, err)
	want := []string{"1000", "12500000000000000000000000000000", "0.000000000000000000000000000005", "1000000000000000000000000000000", "-0.000000000000000000000000000001"}
	for i, w := range want {
		assert.Equal(t, w, cfg.Limits[i].Max.String(), i)
	}
	assert.Equal(t, 0.0025, cfg.Rate)
}

// Strings that only look like numbers in part are text, not decimals,
// and pass whatever their digits.
func TestDecimalExponentReadsOnlyDecimals(t *testing.T) {
	cases := map[string]struct {
		exp int64
		ok  bool
	}{
		"1e3": {3, true}, "-1E+9999999999": {9999999999, true}, "1.25e3": {1, true}, ".5": {-1, true},
		"5.": {0, true}, "+7": {0, true}, "1e-5": {-5, true}, "1e" + strings.Repeat("9", 40): {1e12, true},
		"": {0, false}, "-": {0, false}, "e5": {0, false}, "1e": {0, false}, "1e+": {0, false}, "1.2.3": {0, false},
		"2026-12-05": {0, false}, "1e5x": {0, false}, "abc": {0, false}, ".": {0, false}, "1 e5": {0, false},
	}
	for in, c := range cases {
		exp, ok := decimalExponent(in)
		assert.Equal(t, c.ok, ok, in)
		assert.Equal(t, c.exp, exp, in)
	}
}

package clientele_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type boundConfig struct {
	Max decimal.Decimal `json:"max"`
}

func (boundConfig) Validate() error { return nil }

// The loader's exponent bound is the library's: validate.MaxExponent,
// with validate.RangeReason as its words (the root cannot import
// validate, so this test holds the two copies equal).
func TestLoaderBoundIsValidatesBound(t *testing.T) {
	for _, exp := range []int{validate.MaxExponent, -validate.MaxExponent} {
		cfg, err := clientele.LoadConfig[boundConfig](strings.NewReader(`{"max": 1e` + strconv.Itoa(exp) + `}`))
		require.NoError(t, err, exp)
		assert.True(t, validate.InRange(cfg.Max), exp)
	}
	for _, exp := range []int{validate.MaxExponent + 1, -validate.MaxExponent - 1} {
		lit := "1e" + strconv.Itoa(exp)
		_, err := clientele.LoadConfig[boundConfig](strings.NewReader(`{"max": "` + lit + `"}`))
		assert.EqualError(t, err, "invalid input: max = "+lit+": "+validate.RangeReason, exp)
	}
}

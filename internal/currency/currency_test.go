package currency

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Values from the ISO 4217 list one: the euro and the rouble have cents and
// kopecks, the yen has no minor unit, the Kuwaiti dinar has 1000 fils.
func TestMinorUnits(t *testing.T) {
	for code, want := range map[string]int32{"EUR": 2, "RUB": 2, "INR": 2, "JPY": 0, "KWD": 3, "CLP": 0} {
		got, ok := MinorUnits(code)
		assert.True(t, ok, code)
		assert.Equal(t, want, got, code)
	}
	for _, code := range []string{"", "usd", "XXX", "EURO", "RUR"} {
		_, ok := MinorUnits(code)
		assert.False(t, ok, code)
		assert.False(t, Known(code), code)
	}
}

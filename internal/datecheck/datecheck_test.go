package datecheck

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/stretchr/testify/assert"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		d        clientele.Date
		required bool
		ok       bool
		want     string
	}{
		{clientele.NewDate(2026, time.November, 26), true, true, ""},
		{clientele.Date{}, false, true, ""},
		{clientele.Date{}, true, false, "invalid input: d: is required"},
		{clientele.NewDate(2026, time.February, 29), false, false, "invalid input: d: is not a calendar date in years 1-9999"},
		{clientele.NewDate(9999, time.December, 31).AddDays(1), true, false, "invalid input: d: is not a calendar date in years 1-9999"},
	} {
		var p validate.Problems
		assert.Equal(t, c.ok, Check(&p, "d", c.d, c.required), "%v", c.d)
		if err := p.Err(clientele.ErrInvalid); c.want == "" {
			assert.NoError(t, err)
		} else {
			assert.EqualError(t, err, c.want)
		}
	}
}

package authority

import (
	"bytes"
	"errors"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzLimits: any bytes either fail to load as a limit chain with
// ErrInvalid, or give Limits on which Check answers every holder and
// amount by the rule: nil exactly when the amount is within the
// holder's own Max, else a *LimitError (ErrLimitExceeded) naming that
// limit and, when there is one, an approver up the chain whose Max
// covers the amount and who outranks the holder.
func FuzzLimits(f *testing.F) {
	f.Add([]byte(`[{"holder":"manager","max":"5","approved_by":"head"},{"holder":"head","max":"10","approved_by":"director"},{"holder":"director","max":"20"}]`), "7")
	f.Add([]byte(`[{"holder":"a","max":"5","approved_by":"b"},{"holder":"b","max":"5","approved_by":"a"}]`), "5")
	f.Add([]byte(`[{"holder":"a","max":"-1"}]`), "0")
	f.Add([]byte(`[{"holder":"a","max":"1e31"}]`), "1")
	f.Add([]byte(`[]`), "0.01")
	f.Fuzz(func(t *testing.T, data []byte, amountText string) {
		l, err := clientele.LoadConfig[Limits](bytes.NewReader(data))
		if err != nil {
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		amount, err := decimal.NewFromString(amountText)
		if err != nil || amount.Exponent() > 30 || amount.Exponent() < -30 || len(amountText) > 40 {
			return // Check assumes a bounded amount
		}
		for _, lim := range append(l, Limit{Holder: "nobody-holds-this"}) {
			a := Actor{ID: "u-1", Role: lim.Holder}
			err := l.Check(a, amount)
			own, ok := l.Of(a)
			if ok && amount.LessThanOrEqual(own.Max) {
				assert.NoError(t, err, "%s is within %s's %s", amount, lim.Holder, own.Max)
				continue
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrLimitExceeded)
			assert.ErrorIs(t, err, clientele.ErrForbidden)
			var le *LimitError
			require.True(t, errors.As(err, &le))
			assert.Equal(t, a, le.Actor)
			assert.True(t, le.Amount.Equal(amount))
			if !ok {
				assert.Empty(t, le.Holder, "no limit, no holder")
				continue
			}
			assert.Equal(t, own.Holder, le.Holder)
			assert.True(t, le.Max.Equal(own.Max))
			if le.Approver != "" {
				up, found := l.Approver(own.Holder, amount)
				require.True(t, found)
				assert.Equal(t, up.Holder, le.Approver)
				assert.True(t, amount.LessThanOrEqual(up.Max), "the approver's limit covers the amount")
				assert.True(t, l.Outranks(le.Approver, own.Holder), "the approver is up the chain")
				assert.NotEqual(t, own.Holder, le.Approver)
			} else {
				_, found := l.Approver(own.Holder, amount)
				assert.False(t, found, "no approver named only when none covers the amount")
			}
			assert.NotEmpty(t, err.Error())
		}
	})
}

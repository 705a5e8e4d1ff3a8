package contract

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/internal/problemtest"
)

func TestPaymentTermsValidate(t *testing.T) {
	twoTenNet30 := discount.EarlyPaymentTerms{DiscountRate: decimal.NewFromInt(2), DiscountDays: 10, NetDays: 30}
	tests := []struct {
		name   string
		terms  PaymentTerms
		fields []string
	}{
		{"zero: due on the invoice date", PaymentTerms{}, nil},
		{"net 30", PaymentTerms{NetDays: 30}, nil},
		{"2/10 net 30", PaymentTerms{NetDays: 30, Early: &twoTenNet30}, nil},
		{"negative", PaymentTerms{NetDays: -1}, []string{"net_days"}},
		{"over the bound", PaymentTerms{NetDays: MaxNetDays + 1}, []string{"net_days"}},
		{"early disagrees", PaymentTerms{NetDays: 45, Early: &twoTenNet30}, []string{"early.net_days"}},
		{"early invalid", PaymentTerms{NetDays: 30, Early: &discount.EarlyPaymentTerms{NetDays: 30}}, []string{"early.discount_rate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.terms.Validate()
			if tt.fields == nil {
				require.NoError(t, err)
				return
			}
			problemtest.Require(t, err, ErrInvalid, tt.fields)
			assert.True(t, errors.Is(err, clientele.ErrInvalid))
		})
	}
}

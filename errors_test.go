package clientele

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFieldErrorPrintsHugeDecimalsCompactly(t *testing.T) {
	cases := []struct {
		v    decimal.Decimal
		want string
	}{
		{decimal.RequireFromString("12.50"), "12.5"},
		{decimal.New(5, 2), "500"},
		{decimal.New(1, 999999999), "1e999999999"},
		{decimal.New(-7, -999999999), "-7e-999999999"},
		{decimal.New(1, 41), "1e41"},
		{decimal.RequireFromString(strings.Repeat("9", 50)), "99999999999999999999...(50 digits)e0"},
	}
	for _, c := range cases {
		start := time.Now()
		msg := (&FieldError{Field: "lines[0].quantity", Value: c.v, Reason: "is out of range"}).Error()
		assert.Less(t, time.Since(start), time.Second, "printing must not write out the digits")
		assert.Equal(t, "lines[0].quantity = "+c.want+": is out of range", msg)
	}
}

func TestFieldErrorShortensLongStrings(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	msg := (&FieldError{Field: "id", Value: long, Reason: "is too long"}).Error()
	assert.Equal(t, "id = "+strings.Repeat("x", 32)+"...(10000 bytes): is too long", msg)
	assert.Equal(t, "name: is required", (&FieldError{Field: "name", Reason: "is required"}).Error())
	assert.Equal(t, "5: is odd", (&FieldError{Value: 5, Reason: "is odd"}).Error())
}

// redacted stands for a personal-data type: FormatValue must print it
// through its own formatter.
type redacted string

func (redacted) String() string { return "[redacted]" }

func TestFieldErrorKeepsRedaction(t *testing.T) {
	msg := (&FieldError{Field: "contacts.email", Value: redacted("a@b.example"), Reason: "is not an e-mail"}).Error()
	assert.Equal(t, "contacts.email = [redacted]: is not an e-mail", msg)
}

// pkgKind is a package sentinel as internal/validate.Kind builds them:
// its own message, matching the shared one.
type pkgKind struct{}

func (pkgKind) Error() string { return "pkg: invalid input" }
func (pkgKind) Unwrap() error { return ErrInvalid }

var errPkgInvalid error = pkgKind{}

func TestValidationErrorHasOnePrefixAndMatchesEveryKind(t *testing.T) {
	errSKU := errors.New("pkg: unknown SKU")
	err := error(&ValidationError{Kind: errPkgInvalid, Also: []error{errSKU}, Fields: []*FieldError{
		{Field: "lines[0].sku", Value: "X-1", Reason: "is not in the price list"},
		{Field: "currency", Value: "USD", Reason: "differs from the price list's EUR"},
	}})
	assert.Equal(t, "pkg: invalid input: lines[0].sku = X-1: is not in the price list; currency = USD: differs from the price list's EUR", err.Error())
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, errPkgInvalid)
	assert.ErrorIs(t, err, errSKU)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "lines[0].sku", fe.Field)

	var bare ValidationError
	assert.ErrorIs(t, &bare, ErrInvalid, "the zero ValidationError is still invalid input")
	assert.Equal(t, "invalid input", bare.Error())
}

package discount

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 8's reproducers against a rule file, as the issue wrote them,
// with what each returns now. Their fuzz seeds are under
// testdata/fuzz/FuzzLoadRules/issue8-*.
func TestIssue8RuleFiles(t *testing.T) {
	const head = `{"currency":"EUR","combination":"additive",`
	cases := map[string]struct{ in, want string }{
		// Loaded as 90 before.
		"repeated key": {head + `"max_discount":"25","max_discount":"90"}`,
			"invalid input: max_discount: appears twice in one object: JSON keeps the last silently, so a config may not repeat a key"},
		// 7 s and 2.1 GB to parse before.
		"a million digits": {head + `"max_discount":"` + strings.Repeat("9", 1_000_000) + `"}`,
			"invalid input: max_discount = " + strings.Repeat("9", 32) + "...(1000000 bytes): is 1000000 bytes long, the limit for one value of a config is 4096"},
		// "rules: EOF" before.
		"empty": {``, "invalid input: is empty: want a JSON object"},
		// "fractional part too long" before.
		"exponent past int32": {head + `"max_discount":"1e9999999999"}`,
			"invalid input: max_discount = 1e9999999999: is out of range: more than 30 decimal places or a scale above 10^30"},
		// Accepted before; client IDs refused them.
		"control characters in a rule ID": {head + `"segments":[{"id":"v\u0000\u001b[31m","segment":"A","rate":"1"}]}`,
			`discount: invalid input: segments[0].id = "v\x00\x1b[31m": must be printable UTF-8`},
	}
	for name, c := range cases {
		r, err := clientele.LoadConfig[Rules](strings.NewReader(c.in))
		assert.ErrorIs(t, err, clientele.ErrInvalid, name)
		assert.EqualError(t, err, c.want, name)
		assert.Zero(t, r, name)
	}
}

// Issue 8: early-payment terms applied to an invoice of 10^±999999999
// printed the amount in full (a billion digits, or a gigabyte); the
// amount is refused by the bound, printed compactly.
func TestIssue8EarlyPaymentInvoiceOfAHugeAmount(t *testing.T) {
	for _, x := range []decimal.Decimal{decimal.New(1, 999_999_999), decimal.New(1, -999_999_999)} {
		_, err := DefaultEarlyPaymentTerms().Apply(ledger.Invoice{ID: "i", Currency: "EUR", Amount: x, Issued: testDate}, RoundHalfUp)
		require.Error(t, err)
		assert.Equal(t, fmt.Sprintf("discount: invalid input: invoice.amount = 1e%d: is out of range: more than 30 decimal places or a scale above 10^30", x.Exponent()), err.Error())
	}
}

// Issue 8: the zero Engine panicked in Quote.
func TestIssue8ZeroEngine(t *testing.T) {
	var e Engine
	_, err := e.Quote(req(line("DRILL", "1")))
	assert.EqualError(t, err, "discount: invalid input: engine: is the zero Engine; build one with Compile")
}

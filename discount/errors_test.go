package discount

import (
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneKindPrefix: an unknown SKU in a wrong currency is one
// validation error with one prefix (it used to print "discount: unknown
// SKU: discount: currency: discount: invalid input: ..."), and still
// matches every kind it is.
func TestOneKindPrefix(t *testing.T) {
	rq := req(line("NAIL", "1"))
	rq.Currency = "USD"
	_, err := NewQuote(testPriceList(), baseRules(Additive), rq)
	assert.EqualError(t, err, "discount: invalid input: currency = USD: the price list is in EUR; lines[0].sku = NAIL: not in price list pl-2026")
	for _, kind := range []error{ErrInvalid, ErrUnknownSKU, ErrCurrency, clientele.ErrInvalid} {
		assert.ErrorIs(t, err, kind)
	}
	assert.NotErrorIs(t, err, ErrConflict)
	var fe *clientele.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "currency", fe.Field)

	assert.ErrorIs(t, ErrConflict, clientele.ErrConflict)
	assert.ErrorIs(t, ErrNotAuthorized, clientele.ErrForbidden)
}

// TestHugeDecimalsPrintCompactly: a decimal with an exponent of a
// billion, written out, runs to a billion digits; every error prints it
// as 1e999999999 and returns at once.
func TestHugeDecimalsPrintCompactly(t *testing.T) {
	huge := decimal.New(1, 999_999_999)
	errorOf := func(err error) string {
		require.Error(t, err)
		done := make(chan string, 1)
		go func() { done <- err.Error() }()
		select {
		case msg := <-done:
			return msg
		case <-time.After(5 * time.Second):
			t.Fatal("Error() did not return")
			return ""
		}
	}
	rq := req(LineRequest{SKU: "DRILL", Quantity: huge})
	_, err := NewQuote(testPriceList(), baseRules(Additive), rq)
	assert.Equal(t, "discount: invalid input: lines[0].quantity = 1e999999999: is too large (more than 15 integer digits)", errorOf(err))

	r := baseRules(Additive)
	r.MaxDiscount = decimal.NewNullDecimal(huge)
	assert.Equal(t, "discount: invalid input: max_discount = 1e999999999: is too large (more than 15 integer digits)", errorOf(r.Validate()))

	r = baseRules(Additive)
	r.Authority = authority.Limits{{Holder: "manager", Max: huge}}
	assert.Contains(t, errorOf(r.Validate()), "authority[0].max = 1e999999999: is out of range")

	rq = req(line("DRILL", "1"))
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-1", Role: "manager"}, Rate: huge}
	_, err = NewQuote(testPriceList(), baseRules(Additive), rq)
	assert.Contains(t, errorOf(err), "manager.rate = 1e999999999: is too large")

	_, err = ParseEarlyPaymentTerms(strings.Repeat("9", 1_000_000))
	assert.Less(t, len(errorOf(err)), 200, "a long input is quoted by its start")

	// Every decimal field of a request, with either exponent: refused by
	// the bounds before any arithmetic, in a short message.
	cum := volumeRule("cum", 1, PerItem, AllUnits, tier("10", "5"))
	cum.Cumulative = true
	rules := volumeOnly(cum)
	for _, x := range []decimal.Decimal{huge, decimal.New(1, -999_999_999)} {
		for field, set := range map[string]func(*Request){
			"lines[0].quantity":    func(rq *Request) { rq.Lines[0].Quantity = x },
			"client.loyalty_spend": func(rq *Request) { rq.Client.LoyaltySpend = x },
			"client.prior[0].quantity": func(rq *Request) {
				rq.Client.Prior = []PriorVolume{{RuleID: "cum", Key: "DRILL", Quantity: x}}
			},
			"client.prior[0].amount": func(rq *Request) {
				rq.Client.Prior = []PriorVolume{{RuleID: "cum", Key: "DRILL", Amount: x}}
			},
			"manager.rate": func(rq *Request) {
				rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-1", Role: "manager"}, Rate: x}
			},
		} {
			rq := req(line("DRILL", "1"))
			set(&rq)
			done := make(chan error, 1)
			go func() { _, err := NewQuote(testPriceList(), rules, rq); done <- err }()
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("%s = 1e%d: the quote did not return", field, x.Exponent())
			}
			msg := errorOf(err)
			assert.Contains(t, msg, field+" = 1e", x.Exponent())
			assert.Less(t, len(msg), 200, field)
		}
		// And the decimals of a price list and a rule set, through Compile.
		for field, set := range map[string]func(*PriceList, *Rules){
			"price_list.items[0].unit_price": func(pl *PriceList, _ *Rules) { pl.Items[0].UnitPrice = x },
			"price_list.items[0].cost":       func(pl *PriceList, _ *Rules) { pl.Items[0].Cost = decimal.NewNullDecimal(x) },
			"price_list.items[0].min_price":  func(pl *PriceList, _ *Rules) { pl.Items[0].MinPrice = decimal.NewNullDecimal(x) },
			"rules.volume[0].tiers[0].min":   func(_ *PriceList, r *Rules) { r.Volume[0].Tiers[0].Min = x },
			"rules.volume[0].tiers[0].rate":  func(_ *PriceList, r *Rules) { r.Volume[0].Tiers[0].Rate = x },
			"rules.hint_within":              func(_ *PriceList, r *Rules) { r.HintWithin = decimal.NewNullDecimal(x) },
			"rules.floor.min_markup":         func(_ *PriceList, r *Rules) { r.Floor.MinMarkup = decimal.NewNullDecimal(x) },
		} {
			pl, r := testPriceList(), volumeOnly(volumeRule("v", 1, PerItem, AllUnits, tier("10", "5")))
			set(&pl, &r)
			_, err := Compile(pl, r)
			msg := errorOf(err)
			assert.Contains(t, msg, field+" = 1e", x.Exponent())
			assert.Less(t, len(msg), 300, field)
		}
	}
}

// TestControlCharactersAreRefused: every ID and text the package takes
// passes validate's one rule, which refuses control characters.
func TestControlCharactersAreRefused(t *testing.T) {
	pl := testPriceList()
	pl.ID = "pl\x00"
	pl.Items[0].Group = "tools\n"
	pl.Items[1].Name = "saw\x1b[31m"
	assert.Equal(t, []string{"id", "items[0].group", "items[1].name"}, fieldsOf(t, pl.Validate()))

	r := baseRules(Additive)
	r.Segments = []SegmentRule{{Header: Header{ID: "seg\r", Name: "A\tclients"}, Segment: "A\x7f", Rate: d("1")}}
	r.Promotions = []PromotionRule{{Header: Header{ID: "p", Scope: Scope{SKUs: []string{"DRILL\n"}}}, Rate: d("1"), Coupon: "C\x00"}}
	r.Loyalty = []LoyaltyRule{{Header: Header{ID: "l"}, Tiers: []LoyaltyTier{{Name: "Gold\n", MinSpend: d("0"), Rate: d("1")}}}}
	r.Authority = authority.Limits{{Holder: "manager\n", Max: d("5")}}
	err := r.Validate()
	assert.Equal(t, []string{"segments[0].id", "segments[0].name", "segments[0].segment",
		"loyalty[0].tiers[0].name", "promotions[0].scope.skus[0]", "promotions[0].coupon",
		"authority[0].holder"}, fieldsOf(t, err))
	assert.ErrorContains(t, err, `segments[0].id = "seg\r": must be printable UTF-8`)

	e, err := Compile(testPriceList(), DefaultRules("EUR"))
	require.NoError(t, err)
	rq := req(line("DRILL", "1"))
	rq.Client = ClientFacts{ID: "c\n", Segments: []string{"A\x00"}}
	rq.Coupons = []string{"X\t"}
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m\x00", Role: "manager"}, Rate: d("1")}
	_, err = e.Quote(rq)
	assert.Equal(t, []string{"client.id", "client.segments[0]", "coupons[0]", "coupons[0]", "manager.by.id"}, fieldsOf(t, err))

	rq.Client, rq.Coupons = ClientFacts{}, nil
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-anna", Role: "manager"}, Rate: d("10")}
	q, err := e.Quote(rq)
	require.NoError(t, err)
	_, err = e.Approve(q, authority.Signature{By: authority.Actor{ID: "h\n", Role: "head_of_sales"}, At: time.Now()})
	assert.Equal(t, []string{"signature.by.id"}, fieldsOf(t, err))
}

// TestEveryErrorIsAFieldError: errors that used to be plain wrapped
// strings are validation errors naming their field, and a blank approval
// status is named as unset rather than printed as "".
func TestEveryErrorIsAFieldError(t *testing.T) {
	field := func(err error) string {
		t.Helper()
		var ve *clientele.ValidationError
		require.ErrorAs(t, err, &ve, "%v", err)
		require.ErrorIs(t, err, ErrInvalid)
		require.NotEmpty(t, ve.Fields)
		return ve.Fields[0].Field
	}
	_, err := ParseEarlyPaymentTerms("2 percent whenever")
	assert.Equal(t, "terms", field(err))
	assert.EqualError(t, err, `discount: invalid input: terms = 2 percent whenever: want the form "2/10 net 30"`)
	_, err = DefaultEarlyPaymentTerms().AnnualCost(10)
	assert.Equal(t, "paid_on_day", field(err))
	assert.EqualError(t, err, "discount: invalid input: paid_on_day = 10: must be after the discount period (10 days) and at most 3650")

	e, err := Compile(testPriceList(), baseRules(Additive))
	require.NoError(t, err)
	_, err = e.Approve(Quote{}, authority.Signature{By: authority.Actor{ID: "h", Role: "head"}, At: time.Unix(0, 0)})
	assert.Equal(t, "approval.status", field(err))
	assert.EqualError(t, err, "discount: invalid input: approval.status: is unset, not pending: the quote was not priced by Engine.Quote, so there is nothing to approve")
}

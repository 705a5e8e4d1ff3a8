package discount

import (
	"github.com/clientele-go/clientele/ledger"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEarlyPaymentTerms(t *testing.T) {
	for _, s := range []string{"2/10 net 30", "2/10, n/30", "2/10 N30", " 2 / 10 NET 30 ", "2%/10 net 30"} {
		got, err := ParseEarlyPaymentTerms(s)
		require.NoError(t, err, s)
		assert.Equal(t, "2/10 net 30", got.String(), s)
	}
	got, err := ParseEarlyPaymentTerms("1.5/15 net 45")
	require.NoError(t, err)
	requireDec(t, "1.5", got.DiscountRate)
	assert.Equal(t, 15, got.DiscountDays)
	assert.Equal(t, 45, got.NetDays)

	for _, bad := range []string{"", "net 30", "2/10", "2/30 net 10", "0/10 net 30", "-2/10 net 30", "2/10 net 99999"} {
		_, err := ParseEarlyPaymentTerms(bad)
		assert.ErrorIs(t, err, ErrInvalid, bad)
	}
	_, err = ParseEarlyPaymentTerms("2/30 net 10")
	assert.ErrorContains(t, err, "net_days = 10: must be after the discount period (30 days)")
}

func TestAnnualCostOfForgoingTheDiscount(t *testing.T) {
	for _, tc := range []struct {
		terms            string
		dayCount, paidOn int
		simple, compound string
		source           string
	}{
		// The lead's figures for 2/10 net 30 on a 365-day year:
		// i = 2/98 = 0.020408…; simple = i × 365/20 = 37.2449 %;
		// compound = (1 + i)^18.25 − 1 = 44.5853 %.
		{"2/10 net 30", 0, 30, "37.24", "44.59", "hand-worked"},
		// On a 360-day year: 2/98 × 360/20 = 36.73 % (mathcelebrity.com
		// vendor discount calculator); compound (1 + 2/98)^18 − 1 = 43.86 %.
		{"2/10 net 30", 360, 30, "36.73", "43.86", "mathcelebrity.com"},
		// Paying on day 45 instead: 2/98 × 365/35 = 21.28 % nominal (a
		// published answer to "a business buys on terms of 2/10, net 30 …
		// typically pays 45 days after the invoice date"); compound
		// (1 + 2/98)^(365/35) − 1 = 23.45 %. Compound figures not in the
		// sources were worked to 40 digits with Python's decimal module.
		{"2/10 net 30", 0, 45, "21.28", "23.45", "published exercise"},
		// CFA mock exam question on analystforum.com: 2/20 net 40 paid on
		// day 30 costs (1 + 2/98)^(365/10) − 1 = 109.05 %; simple 2/98 ×
		// 36.5 = 74.49 %.
		{"2/20 net 40", 0, 30, "74.49", "109.05", "analystforum.com"},
	} {
		terms, err := ParseEarlyPaymentTerms(tc.terms)
		require.NoError(t, err)
		terms.DayCount = tc.dayCount
		c, err := terms.AnnualCost(tc.paidOn)
		require.NoError(t, err)
		requireDec(t, tc.simple, c.Simple.Round(2), tc.source)
		requireDec(t, tc.compound, c.Compound.Round(2), tc.source)
	}
	c, err := DefaultEarlyPaymentTerms().AnnualCost(30)
	require.NoError(t, err)
	assert.Equal(t, 20, c.Days)
	requireDec(t, "37.2448979592", c.Simple, "to 10 places: 0.37244897959183673…")

	_, err = DefaultEarlyPaymentTerms().AnnualCost(10)
	assert.ErrorContains(t, err, "paid_on_day = 10: must be after the discount period")
}

func TestEarlyPaymentInvoiceOdooExample(t *testing.T) {
	// Odoo documentation, "Cash discounts and tax reduction": a 100 €
	// invoice of 1 January, 2 % within 7 days, due in 30: 98 € until 8
	// January, else 100 € by 31 January.
	terms := EarlyPaymentTerms{DiscountRate: d("2"), DiscountDays: 7, NetDays: 30}
	in := ledger.Invoice{ID: "INV-1", Currency: "EUR", Amount: d("100"), Issued: day(2026, time.January, 1)}
	inv, err := terms.Apply(in, 0)
	require.NoError(t, err)
	assert.Equal(t, day(2026, time.January, 8), inv.DiscountDate)
	assert.Equal(t, day(2026, time.January, 31), inv.Invoice.Due, "the terms set the due date")
	assert.Equal(t, "INV-1", inv.Invoice.ID)
	requireDec(t, "2", inv.Discount)
	requireDec(t, "98", inv.AmountIfEarly)

	in.Due = day(2026, time.January, 31)
	_, err = terms.Apply(in, 0)
	require.NoError(t, err, "a due date that agrees with the terms is kept")
	in.Due = day(2026, time.February, 15)
	_, err = terms.Apply(in, 0)
	assert.EqualError(t, err, "discount: invalid input: invoice.due = 2026-02-15: differs from 2026-01-31, the issue date plus the terms' 30 net days")

	_, err = terms.Apply(ledger.Invoice{Currency: "EU", Amount: d("-1")}, RoundingMode(9))
	assert.Equal(t, []string{"invoice.currency", "invoice.amount", "invoice.issued", "invoice.due", "rounding"}, fieldsOf(t, err))
	assert.ErrorIs(t, err, ErrCurrency)

	_, err = terms.Apply(ledger.Invoice{Currency: "EUR", Amount: d("100.001"), Issued: day(2026, time.January, 1)}, 0)
	assert.EqualError(t, err, "discount: invalid input: invoice.amount = 100.001: has more than 2 decimal places")
}

func TestSettle(t *testing.T) {
	inv, err := DefaultEarlyPaymentTerms().Apply(ledger.Invoice{Currency: "EUR", Amount: d("1000"), Issued: day(2026, time.March, 2)}, RoundHalfUp)
	require.NoError(t, err) // discount date 12 March, due 1 April
	pay := func(m time.Month, dd int, amt string) ledger.Payment {
		return ledger.Payment{Date: day(2026, m, dd), Amount: d(amt)}
	}

	for _, tc := range []struct {
		name                                     string
		payments                                 []ledger.Payment
		discount, settled, outstanding, overpaid string
	}{
		{"in full by the discount date", []ledger.Payment{pay(time.March, 12, "980")}, "20", "1000", "0", "0"},
		{"a day late for the discount", []ledger.Payment{pay(time.March, 13, "980")}, "0", "980", "20", "0"},
		// Two early halves earn what one early payment would: 490 + 490
		// reach the discounted 980, so the second settles the other 510.
		{"two early halves", []ledger.Payment{pay(time.March, 5, "490"), pay(time.March, 12, "490")}, "20", "1000", "0", "0"},
		// A part payment alone earns nothing (Odoo: the invoice is no
		// longer eligible once partly paid): 300 early settles 300, the
		// 693.88 paid after the discount date its face value, 6.12 stays
		// outstanding. (Before this rule 300 / 0.98 earned 6.12 pro rata,
		// a discount the terms do not offer on an invoice never paid in
		// full within them.)
		{"early part, rest later", []ledger.Payment{pay(time.March, 31, "693.88"), pay(time.March, 3, "300")}, "0", "993.88", "6.12", "0"},
		{"early part, rest later in full", []ledger.Payment{pay(time.March, 31, "700"), pay(time.March, 3, "300")}, "0", "1000", "0", "0"},
		{"early payments short of the discounted amount", []ledger.Payment{pay(time.March, 3, "500"), pay(time.March, 12, "479.99")}, "0", "979.99", "20.01", "0"},
		{"full price paid early", []ledger.Payment{pay(time.March, 3, "1000")}, "0", "1000", "0", "0"},
		{"overpaid", []ledger.Payment{pay(time.March, 3, "980"), pay(time.March, 20, "15")}, "20", "1000", "0", "15"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := inv.Settle(tc.payments)
			require.NoError(t, err)
			requireDec(t, tc.discount, s.Discount, "discount")
			requireDec(t, tc.settled, s.Settled, "settled")
			requireDec(t, tc.outstanding, s.Outstanding, "outstanding")
			requireDec(t, tc.overpaid, s.Overpaid, "overpaid")
			requireDec(t, s.Settled.String(), s.Paid.Add(s.Discount).Sub(s.Overpaid), "settled = paid + discount - overpaid")
		})
	}

	s, err := inv.Settle([]ledger.Payment{pay(time.April, 16, "1000")})
	require.NoError(t, err)
	assert.Equal(t, 15, s.Applications[0].DaysLate, "due 1 April, paid 16 April")
	assert.False(t, s.Applications[0].Early)

	_, err = inv.Settle([]ledger.Payment{pay(time.March, 1, "10"), {Amount: d("0")}})
	assert.Equal(t, []string{"payments[0].date", "payments[1].date", "payments[1].amount"}, fieldsOf(t, err))
	assert.ErrorContains(t, err, "payments[0].date = 2026-03-01: before the invoice date 2026-03-02")

	// A hand-built invoice is checked too: a 100 % discount would divide
	// by zero.
	bad := inv
	bad.Terms.DiscountRate = d("100")
	_, err = bad.Settle([]ledger.Payment{pay(time.March, 3, "1")})
	assert.Equal(t, []string{"terms.discount_rate"}, fieldsOf(t, err))
}

func TestEarlyPartsEarnWhatOneEarlyPaymentWould(t *testing.T) {
	// 100.25 EUR under 2/10 net 30, half-up: the discount on the whole is
	// 2.005 -> 2.01, so 98.24 settles it early.
	inv, err := DefaultEarlyPaymentTerms().Apply(ledger.Invoice{Currency: "EUR", Amount: d("100.25"), Issued: day(2026, time.March, 2)}, RoundHalfUp)
	require.NoError(t, err)
	requireDec(t, "98.24", inv.AmountIfEarly)
	pay := func(dd int, amt string) ledger.Payment {
		return ledger.Payment{Date: day(2026, time.March, dd), Amount: d(amt)}
	}
	for _, tc := range []struct {
		name     string
		payments []ledger.Payment
		parts    []string // each payment's discount
	}{
		{"one payment", []ledger.Payment{pay(5, "98.24")}, []string{"2.01"}},
		// 49.12 settles its face value; 98.24 paid in all then reaches the
		// discounted total, and the second payment settles the rest,
		// 100.25 − 49.12 = 51.13, 2.01 off. No cent is left whatever the
		// split: the discount is the whole's, never a sum of rounded parts.
		{"two halves", []ledger.Payment{pay(5, "49.12"), pay(9, "49.12")}, []string{"0", "2.01"}},
		{"50.00 then 48.24", []ledger.Payment{pay(5, "50.00"), pay(9, "48.24")}, []string{"0", "2.01"}},
		{"48.24 then 50.00", []ledger.Payment{pay(5, "48.24"), pay(9, "50.00")}, []string{"0", "2.01"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := inv.Settle(tc.payments)
			require.NoError(t, err)
			requireDec(t, "2.01", s.Discount, "the discount of one early payment")
			requireDec(t, "100.25", s.Settled)
			requireDec(t, "0", s.Outstanding)
			requireDec(t, "0", s.Overpaid)
			require.Len(t, s.Applications, len(tc.parts))
			for i, want := range tc.parts {
				requireDec(t, want, s.Applications[i].Discount, i)
				requireDec(t, s.Applications[i].Settled.String(), s.Applications[i].Payment.Amount.Add(s.Applications[i].Discount), i)
			}
		})
	}
}

// A fixed-amount cash discount: 50.00 off a 1,000.00 invoice when paid
// within 10 days, net 30 (the issue's "50.00 off if paid within 10
// days"). Forgoing it borrows 950.00 for 20 days at 50 / 950: i =
// 0.0526315…, 96.05 % a year simple (i × 365 / 20) and 155.00 %
// compound ((1 + i)^(365/20) − 1), worked with Python's decimal module.
func TestFixedAmountEarlyPayment(t *testing.T) {
	terms, err := ParseEarlyPaymentTerms("50.00 off/10 net 30")
	require.NoError(t, err)
	assert.True(t, terms.DiscountAmount.Valid)
	assert.Equal(t, "50 off/10 net 30", terms.String())
	_, err = terms.AnnualCost(30)
	assert.Equal(t, []string{"discount_amount"}, fieldsOf(t, err))

	inv, err := terms.Apply(ledger.Invoice{Currency: "EUR", Amount: d("1000.00"), Issued: day(2026, time.March, 2)}, RoundHalfUp)
	require.NoError(t, err)
	requireDec(t, "50", inv.Discount)
	requireDec(t, "950", inv.AmountIfEarly)
	c, err := inv.AnnualCost(30)
	require.NoError(t, err)
	assert.Equal(t, "96.05", c.Simple.StringFixed(2))
	assert.Equal(t, "155.00", c.Compound.StringFixed(2))

	s, err := inv.Settle([]ledger.Payment{{Date: day(2026, time.March, 12), Amount: d("950")}})
	require.NoError(t, err)
	requireDec(t, "50", s.Discount)
	requireDec(t, "0", s.Outstanding)

	// The amount must be below the invoice, in the currency's cents, and
	// not given beside a rate.
	_, err = terms.Apply(ledger.Invoice{Currency: "EUR", Amount: d("50"), Issued: day(2026, time.March, 2)}, RoundHalfUp)
	assert.Equal(t, []string{"terms.discount_amount"}, fieldsOf(t, err))
	odd := EarlyPaymentTerms{DiscountAmount: nd("0.001"), DiscountDays: 10, NetDays: 30}
	_, err = odd.Apply(ledger.Invoice{Currency: "EUR", Amount: d("50"), Issued: day(2026, time.March, 2)}, RoundHalfUp)
	assert.Equal(t, []string{"terms.discount_amount"}, fieldsOf(t, err))
	both := EarlyPaymentTerms{DiscountRate: d("2"), DiscountAmount: nd("5"), DiscountDays: 10, NetDays: 30}
	assert.Equal(t, []string{"discount_rate"}, fieldsOf(t, both.Validate()))
}

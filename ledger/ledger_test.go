package ledger

import (
	"encoding/json"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

func TestStateOnCountsWholeCalendarDays(t *testing.T) {
	in := Invoice{Currency: "EUR", Amount: decimal.NewFromInt(100), Issued: day("2026-01-10"), Due: day("2026-02-09")}
	require.NoError(t, in.Validate())
	cases := []struct {
		on   string
		want Standing
	}{
		{"2026-01-09", Standing{State: StateNotIssued}},
		{"2026-01-10", Standing{State: StateOpen}},
		{"2026-02-09", Standing{State: StateOpen}}, // due today is not overdue
		{"2026-02-10", Standing{StateOverdue, 1}},  // one day past due
		{"2026-03-11", Standing{StateOverdue, 30}}, // 19 days of February left + 11 of March
		{"2027-02-09", Standing{StateOverdue, 365}},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, in.StateOn(day(c.on)), c.on)
	}

	paid := in
	paid.Paid = day("2026-02-14")
	assert.Equal(t, Standing{StateOverdue, 4}, paid.StateOn(day("2026-02-13")), "a payment dated later has not happened yet")
	assert.Equal(t, Standing{StatePaid, 5}, paid.StateOn(day("2026-02-14")))
	paid.Paid = day("2026-01-20")
	assert.Equal(t, Standing{State: StatePaid}, paid.StateOn(day("2026-12-31")), "paid early is 0 days late")

	off := in
	off.WrittenOff = day("2026-06-30")
	assert.Equal(t, Standing{StateWrittenOff, 141}, off.StateOn(day("2026-07-01")))
}

func TestValidateNamesEveryProblem(t *testing.T) {
	var zero Invoice
	assert.EqualError(t, zero.Validate(), `ledger: invalid input: currency = "": is not an ISO 4217 currency code; amount = 0: must be positive; issued: is required; due: is required`)
	assert.ErrorIs(t, zero.Validate(), clientele.ErrInvalid)

	bad := Invoice{ID: "inv\x00", Currency: "EUR", Amount: decimal.New(1, 40), Issued: day("2026-03-01"), Due: day("2026-02-01"),
		Paid: day("2026-02-15"), WrittenOff: clientele.NewDate(2026, 2, 30)}
	assert.EqualError(t, bad.Validate(), `ledger: invalid input: id = "inv\x00": must be printable UTF-8; `+
		`amount = 1e40: is out of range: more than 30 decimal places or a scale above 10^30; `+
		`due = 2026-02-01: is before the issue date 2026-03-01; paid = 2026-02-15: is before the issue date 2026-03-01; `+
		`written_off: is not a calendar date in years 1-9999; written_off = invalid date: an invoice is either paid or written off, not both`)

	history := []Invoice{
		{Currency: "EUR", Amount: decimal.NewFromInt(1), Issued: day("2026-01-01"), Due: day("2026-01-31")},
		{Currency: "USD", Amount: decimal.NewFromInt(1), Issued: day("2026-01-01"), Due: day("2026-01-31")},
	}
	assert.EqualError(t, ValidateInvoices(history), "ledger: invalid input: invoices[1].currency = USD: differs from EUR, the currency of the earlier invoices: one history is in one currency")
	assert.NoError(t, ValidateInvoices(nil))
}

func TestPayment(t *testing.T) {
	assert.NoError(t, Payment{ID: "p-1", Date: day("2026-01-05"), Amount: decimal.RequireFromString("98.00")}.Validate())
	assert.EqualError(t, Payment{}.Validate(), "ledger: invalid input: date: is required; amount = 0: must be positive")
}

func TestJSON(t *testing.T) {
	in := Invoice{ID: "INV-7", Currency: "EUR", Amount: decimal.RequireFromString("1250.50"), Issued: day("2026-01-10"), Due: day("2026-02-09")}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"INV-7","currency":"EUR","amount":"1250.5","issued":"2026-01-10","due":"2026-02-09"}`, string(b))
	var back Invoice
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Amount.Equal(in.Amount))
	assert.Equal(t, in.Due, back.Due)
	st, err := json.Marshal(StateOverdue)
	require.NoError(t, err)
	assert.Equal(t, `"overdue"`, string(st))
}

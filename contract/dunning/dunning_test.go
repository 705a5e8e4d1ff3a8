package dunning

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/internal/enumtest"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The penalty is outstanding × rate / 100 × days / 365, rounded half up
// once.
func TestPenaltyPinsCents(t *testing.T) {
	cases := []struct {
		outstanding, rate string
		days              int
		want              string
		why               string
	}{
		{"1000.00", "8", 45, "9.86", "1000.00 × 8 × 45 = 360000; / 36500 = 9.86301..."},
		{"2345.67", "9.5", 17, "10.38", "2345.67 × 9.5 × 17 = 378825.705; / 36500 = 10.37878..."},
		{"18.25", "10", 1, "0.01", "18.25 × 10 × 1 = 182.5; / 36500 = 0.005 exactly: half up gives 0.01"},
		{"100.00", "8", 0, "0.00", "no day past due, no interest"},
		{"0.01", "8", 1, "0.00", "0.01 × 8 / 36500 = 0.0000022"},
	}
	for _, c := range cases {
		got := penalty(dec(c.outstanding), dec(c.rate), c.days, 2)
		assert.Equal(t, c.want, got.StringFixed(2), c.why)
	}
	assert.Equal(t, "10", penalty(dec("45625"), dec("8"), 1, 0).String(), "JPY, no minor unit: 45625 × 8 / 36500 = 10")
}

// debtBook: INV-1 1000.00 issued 2026-01-01, due 2026-01-31 (net 30),
// nothing paid; INV-2 500.00 due 2026-04-01, not yet due on 2026-03-17.
func debtBook(t *testing.T) *receivables.Book {
	b, err := receivables.Open(receivables.Account{ContractID: "k-1", ClientID: "c-1", Currency: "EUR"})
	require.NoError(t, err)
	_, err = b.Record(
		receivables.Entry{Rendering: &receivables.Rendering{ID: "r-1", Date: day("2026-01-01"), Amount: dec("1000.00")}},
		receivables.Entry{Rendering: &receivables.Rendering{ID: "r-2", Date: day("2026-03-02"), Amount: dec("500.00")}})
	require.NoError(t, err)
	for _, inv := range [][3]string{{"INV-1", "2026-01-01", "r-1"}, {"INV-2", "2026-03-02", "r-2"}} {
		e, err := b.Issue(contract.PaymentTerms{NetDays: 30}, inv[0], day(inv[1]), inv[2])
		require.NoError(t, err)
		_, err = b.Record(e)
		require.NoError(t, err)
	}
	return b
}

func TestNextStep(t *testing.T) {
	b := debtBook(t)
	on := day("2026-03-17") // INV-1: 28 days of February + 17 of March = 45 days past due
	invs, err := b.Invoices(on)
	require.NoError(t, err)
	done := []Step{{ActionCall, day("2026-02-16")}, {ActionReminder, day("2026-02-03")}}
	d, err := Next(Debt{ClientID: "c-1", Invoices: invs, Done: done}, on, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, 45, d.DaysOverdue)
	assert.Equal(t, "1000.00", d.Overdue.StringFixed(2))
	assert.Equal(t, "9.86", d.Interest.StringFixed(2))
	assert.Equal(t, "1009.86", d.Claim.StringFixed(2), "1000.00 + 9.86 + 0 fees")
	require.NotNil(t, d.Next)
	assert.Equal(t, Planned{Level: 2, Action: ActionFormalClaim, Due: day("2026-03-02"), Now: true, Fee: dec("40.00")}, *d.Next)
	assert.Equal(t, []string{
		"Client c-1 owes 1000.00 EUR past due on 2026-03-17 over 1 invoice; the oldest, INV-1, fell due on 2026-01-31 and is 45 days past due.",
		"Taken so far: a reminder on 2026-02-03, a call on 2026-02-16.",
		"Next: a formal claim, at 30 days past due, on 2026-03-02: now (due since 2026-03-02), with a fee of 40.00 EUR.",
		"Penalty interest at 8 % a year, rounded half up to the cent per invoice: INV-1: 1000.00 × 8 % × 45 / 365 = 9.86; in total 9.86 EUR.",
		"A claim today asks 1009.86 EUR: 1000.00 past due + 9.86 interest + 0.00 fees.",
	}, d.Reasons)

	// Once the formal claim is sent its fee is owed and the legal step
	// follows at 60 days: 2026-01-31 + 60 = 2026-04-01, 15 days on.
	d, err = Next(Debt{ClientID: "c-1", Invoices: invs, Done: append(done, Step{ActionFormalClaim, day("2026-03-03")})}, on, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, "1049.86", d.Claim.StringFixed(2), "1000.00 + 9.86 + 40.00")
	assert.Equal(t, Planned{Level: 3, Action: ActionLegal, Due: day("2026-04-01"), Fee: decimal.Zero}, *d.Next)
	assert.Contains(t, d.Reasons, "Next: legal action, at 60 days past due, on 2026-04-01: in 15 days.")

	// A debt not yet past due: no step.
	early, err := b.Invoices(day("2026-01-31"))
	require.NoError(t, err)
	d, err = Next(Debt{ClientID: "c-1", Invoices: early}, day("2026-01-31"), DefaultConfig())
	require.NoError(t, err)
	assert.Nil(t, d.Next)
	assert.Equal(t, []string{"Client c-1 owes nothing past due on 2026-01-31: no dunning step."}, d.Reasons)

	// Every level taken.
	all := []Step{{ActionReminder, on}, {ActionCall, on}, {ActionFormalClaim, on}, {ActionLegal, on}}
	d, err = Next(Debt{ClientID: "c-1", Invoices: invs, Done: all}, on, DefaultConfig())
	require.NoError(t, err)
	assert.Nil(t, d.Next)
	assert.Contains(t, d.Reasons, "Every level is taken, the last legal action: no further step.")
}

func TestNextRefusesBadInput(t *testing.T) {
	invs, err := debtBook(t).Invoices(day("2026-03-17"))
	require.NoError(t, err)
	invs[0].Invoice.Currency = "USD"
	invs[1].Outstanding = dec("-1")
	_, err = Next(Debt{Invoices: invs, Done: []Step{{Action: 9}}}, clientele.Date{}, Config{})
	problemtest.Require(t, err, ErrInvalid, []string{"as_of: is required", "config.currency", "config.levels", "client_id: is required",
		"invoices[1].outstanding = -1: must not be negative", "done[0].action", "done[0].date: is required"})
	_, err = Next(Debt{ClientID: "c-1", Invoices: invs}, day("2026-03-17"), DefaultConfig())
	problemtest.Require(t, err, ErrInvalid, []string{"invoices[0].invoice.currency = USD: differs from EUR", "invoices[1].outstanding"})
	assert.ErrorIs(t, err, ErrCurrency)
}

func TestConfig(t *testing.T) {
	require.NoError(t, DefaultConfig().Validate())
	cfg, err := clientele.LoadConfig[Config](strings.NewReader(`{"currency":"RUB","annual_rate":"16","levels":[
		{"action":"reminder","after_days":1,"fee":"0"},{"action":"legal","after_days":90,"fee":"5000.00"}]}`))
	require.NoError(t, err)
	assert.Equal(t, ActionLegal, cfg.Levels[1].Action)
	bad := Config{Currency: "eur", AnnualRate: dec("101"), Levels: []Level{
		{Action: ActionCall, AfterDays: 15, Fee: dec("0.001")},
		{Action: ActionCall, AfterDays: 15, Fee: dec("-1")},
		{Action: Action(9), AfterDays: -1},
	}}
	problemtest.Require(t, bad.Validate(), ErrInvalid, []string{
		`currency = "eur": is not an ISO 4217`, "annual_rate = 101: must be a percentage within 0..100",
		"levels[1].action = call: repeats levels[0]", "levels[1].after_days = 15: must be after the level before it (15 days)", "levels[1].fee = -1: must not be negative",
		"levels[2].action = Action(9): unknown action", "levels[2].after_days = -1: must be within 0..3660",
	})
	_, err = clientele.LoadConfig[Config](strings.NewReader(`{"currency":"EUR","annual_rate":"8","levels":[{"action":"email","after_days":1,"fee":"0"}]}`))
	assert.ErrorIs(t, err, clientele.ErrInvalid)
}

func TestActionText(t *testing.T) {
	enumtest.CheckText(t, ParseAction)
}

func TestDisputePack(t *testing.T) {
	b := debtBook(t)
	_, err := b.Record(
		receivables.Entry{Payment: &receivables.Payment{Payment: ledger.Payment{ID: "p-1", Date: day("2026-03-05"), Amount: dec("300.00")}, Currency: "EUR"}},
		receivables.Entry{CreditNote: &receivables.CreditNote{ID: "cn-1", Invoice: "INV-1", Date: day("2026-03-06"), Amount: dec("100.00"), Reason: "one visit not made"}})
	require.NoError(t, err)
	log := []Correspondence{
		{Date: day("2026-03-05"), Channel: "letter", By: "m-1", Summary: client.NewPersonal("formal claim sent")},
		{Date: day("2026-02-16"), Channel: "call", By: "m-1", Summary: client.NewPersonal("client disputes one visit")},
	}
	pack, err := NewDisputePack(b, day("2026-03-17"), log, []Step{{ActionReminder, day("2026-02-03")}}, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, "2026-02-16", pack.Correspondence[0].Date.String(), "in date order")
	// INV-1: 1000.00 − 300.00 paid − 100.00 credited = 600.00 past due, 45 days:
	// 600.00 × 8 × 45 / 36500 = 5.9178... → 5.92.
	assert.Equal(t, "5.92", pack.Dunning.Interest.StringFixed(2))
	assert.Equal(t, []string{
		"Contract k-1 with client c-1, as of 2026-03-17: rendered 1500.00 EUR, invoiced 1500.00, credited 100.00, paid 300.00 (of which 0.00 held as credit); outstanding 1100.00, of which 600.00 past due.",
		"On record: 2 invoices (0 cancelled), 1 payment, 2 contacts.",
		"Last contact on 2026-03-05 by letter (its summary is personal data: see the correspondence log).",
	}, pack.Summary[:3])
	// The summaries are personal data: no printer shows them, the
	// reflection-based ones included; Reveal reads them.
	for _, out := range []string{fmt.Sprintf("%v", pack), fmt.Sprintf("%+v", pack), fmt.Sprintf("%#v", pack)} {
		assert.NotContains(t, out, "client disputes one visit")
		assert.NotContains(t, out, "formal claim sent")
	}
	assert.Equal(t, "client disputes one visit", pack.Correspondence[0].Summary.Reveal())
	assert.Equal(t, pack.Dunning.Reasons, pack.Summary[3:])
	_, err = NewDisputePack(nil, day("2026-03-17"), nil, nil, DefaultConfig())
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = NewDisputePack(b, day("2026-03-17"), []Correspondence{{Channel: ""}}, nil, DefaultConfig())
	problemtest.Require(t, err, ErrInvalid, []string{"correspondence[0].date: is required", "correspondence[0].channel: is required", "correspondence[0].summary: is required"})
	// A summary too long is refused without printing it.
	long := client.NewPersonal("Ivan Petrov said " + strings.Repeat("x", 5000))
	_, err = NewDisputePack(b, day("2026-03-17"), []Correspondence{{Date: day("2026-03-01"), Channel: "call", Summary: long}}, nil, DefaultConfig())
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "correspondence[0].summary = [redacted]: must be UTF-8 text of at most")
	assert.NotContains(t, err.Error(), "Ivan")
}

func TestWorklist(t *testing.T) {
	b := debtBook(t)
	other, err := receivables.Open(receivables.Account{ContractID: "k-2", ClientID: "c-2", Currency: "EUR"})
	require.NoError(t, err)
	_, err = other.Record(receivables.Entry{Rendering: &receivables.Rendering{ID: "r", Date: day("2026-02-01"), Amount: dec("2000")}})
	require.NoError(t, err)
	e, err := other.Issue(contract.PaymentTerms{NetDays: 10}, "INV-9", day("2026-02-01"), "r")
	require.NoError(t, err)
	_, err = other.Record(e)
	require.NoError(t, err)
	// On 2026-03-17: c-2 owes 2000.00, 34 days past due (due 2026-02-11);
	// c-1 owes 1000.00, 45 days. The larger debt comes first.
	tasks, err := Worklist(day("2026-03-17"), []*receivables.Book{b, other}, receivables.Managers{ByClient: map[string]string{"c-1": "m-1", "c-2": "m-2"}},
		map[string][]Step{"c-1": {{ActionReminder, day("2026-02-03")}}}, DefaultConfig())
	require.NoError(t, err)
	require.Len(t, tasks, 2)
	assert.Equal(t, "c-2", tasks[0].Debtor.ClientID)
	assert.Equal(t, "m-2", tasks[0].Debtor.Manager)
	assert.Equal(t, ActionReminder, tasks[0].Decision.Next.Action, "nothing taken yet: the first level")
	assert.Equal(t, day("2026-02-14"), tasks[0].Decision.Next.Due, "2026-02-11 + 3 days")
	assert.Equal(t, ActionCall, tasks[1].Decision.Next.Action, "c-1 had its reminder")
	_, err = Worklist(day("2026-03-17"), nil, receivables.Managers{}, nil, Config{})
	assert.ErrorIs(t, err, ErrInvalid)
}

package solvency

import (
	"strings"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/ledger"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func credit(limit string) Credit {
	return Credit{Grade: GradeB, DeferralDays: 45, Limit: Money{Amount: d(limit), Currency: "EUR"}}
}

func order(id, amount string) Order { return Order{ID: id, Currency: "EUR", Amount: d(amount)} }

// open is an invoice issued 2025-06-01, due 2025-07-15: owed, not overdue
// as of 2025-06-30.
func open(id, amount string) ledger.Invoice { return inv(id, amount, "2025-06-01", "2025-07-15", "") }

// overdueBy is an open invoice whose due date is n days before 2025-06-30.
func overdueBy(id, amount string, n int) ledger.Invoice {
	due := day("2025-06-30").AddDays(-n)
	return ledger.Invoice{ID: id, Currency: "EUR", Amount: d(amount), Issued: due.AddDays(-30), Due: due}
}

func check(t *testing.T, c Credit, invs []ledger.Invoice, openOrders []Order, o Order) Decision {
	t.Helper()
	dec, err := CheckOrder(OrderCheck{AsOf: day("2025-06-30"), Credit: c, Invoices: invs, OpenOrders: openOrders, Order: o}, DefaultCreditPolicy("EUR"))
	require.NoError(t, err)
	return dec
}

func codes(dec Decision) []DecisionCode {
	var out []DecisionCode
	for _, r := range dec.Reasons {
		out = append(out, r.Code)
	}
	return out
}

func TestCheckOrderAgainstTheLimit(t *testing.T) {
	paid := inv("p", "5000", "2025-01-01", "2025-01-31", "2025-01-30") // paid: not exposure
	tests := []struct {
		name     string
		invs     []ledger.Invoice
		open     []Order
		order    string
		outcome  Outcome
		codes    []DecisionCode
		exposure string
	}{
		// 500 of a 1,000 limit.
		{"allow", []ledger.Invoice{paid}, nil, "500", OutcomeAllow, nil, "500"},
		// 400 owed + 500 = 900, 90 % of the limit: warn.
		{"warn", []ledger.Invoice{open("i", "400")}, nil, "500", OutcomeWarn, []DecisionCode{CodeNearLimit}, "900"},
		// 400 + open order 300 + 400 = 1,100 > 1,000: hold.
		{"hold", []ledger.Invoice{open("i", "400")}, []Order{order("o1", "300")}, "400", OutcomeHold, []DecisionCode{CodeOverLimit}, "1100"},
		// 1,000 + 600 = 1,600 > 150 % of the limit: block.
		{"block", []ledger.Invoice{open("i", "1000")}, nil, "600", OutcomeBlock, []DecisionCode{CodeFarOverLimit}, "1600"},
	}
	for _, tt := range tests {
		dec := check(t, credit("1000"), tt.invs, tt.open, order("new", tt.order))
		assert.Equal(t, tt.outcome, dec.Outcome, tt.name)
		assert.Equal(t, tt.codes, codes(dec), tt.name)
		assert.Equal(t, tt.exposure, dec.Exposure.String(), tt.name)
		assert.Equal(t, d("1000").Sub(d(tt.exposure)).String(), dec.Headroom.String(), tt.name)
	}
	dec := check(t, credit("1000"), []ledger.Invoice{open("i", "400")}, []Order{order("o1", "300")}, order("new", "400"))
	assert.Equal(t, "400", dec.Outstanding.String())
	assert.Equal(t, "300", dec.OpenOrders.String())
	assert.Equal(t, "400", dec.Order.String())
	assert.InDelta(t, 1.1, dec.Utilisation.Value, 1e-12)
	assert.Equal(t, DecisionReason{Code: CodeOverLimit, Outcome: OutcomeHold, Amount: d("1100"), Threshold: d("1000")}, dec.Reasons[0])
}

func TestCheckOrderOverdueRules(t *testing.T) {
	// 600 overdue 40 days: the any-overdue rule warns, and more than 500
	// overdue 31+ days holds.
	dec := check(t, credit("10000"), []ledger.Invoice{overdueBy("i", "600", 40)}, nil, order("new", "100"))
	assert.Equal(t, OutcomeHold, dec.Outcome)
	assert.Equal(t, []DecisionCode{CodeOverdue, CodeOverdue}, codes(dec))
	assert.Equal(t, DecisionReason{Code: CodeOverdue, Outcome: OutcomeHold, Amount: d("600"), Threshold: d("500"), Days: 31}, dec.Reasons[1])
	assert.Equal(t, 40, dec.OldestOverdueDays)
	assert.Equal(t, "600", dec.Overdue.String())

	// 300 overdue 40 days and 50 overdue 100 days: 350 ≤ 500 holds nothing,
	// the 91-day rule blocks on any amount.
	dec = check(t, credit("10000"), []ledger.Invoice{overdueBy("i", "300", 40), overdueBy("j", "50", 100)}, nil, order("new", "100"))
	assert.Equal(t, OutcomeBlock, dec.Outcome)
	require.Len(t, dec.Reasons, 2)
	assert.Equal(t, "350", dec.Reasons[0].Amount.String(), "overdue by 1+ days")
	assert.Equal(t, "50", dec.Reasons[1].Amount.String(), "overdue by 91+ days")

	// Overdue on the due date + 0 days is not overdue yet.
	dec = check(t, credit("10000"), []ledger.Invoice{overdueBy("i", "300", 0)}, nil, order("new", "100"))
	assert.Equal(t, OutcomeAllow, dec.Outcome)
}

func TestCheckOrderWithoutCredit(t *testing.T) {
	c := credit("0")
	c.Prepayment, c.DeferralDays = true, 0
	dec := check(t, c, nil, nil, order("new", "100"))
	assert.Equal(t, OutcomeHold, dec.Outcome)
	assert.Equal(t, []DecisionCode{CodePrepaymentRequired}, codes(dec))
	assert.False(t, dec.Utilisation.Defined)

	dec = check(t, credit("0"), nil, nil, order("new", "100"))
	assert.Equal(t, OutcomeHold, dec.Outcome, "no limit holds, it does not block")
	assert.Equal(t, []DecisionCode{CodeNoCreditLimit}, codes(dec))
}

// Splitting an order gets nothing past the check: each part already
// entered is an open order when the next is checked, so the last part
// sees the same exposure as the whole order would.
func TestSplittingAnOrderDoesNotGetAroundTheCheck(t *testing.T) {
	owed := []ledger.Invoice{open("i", "600")}
	whole := check(t, credit("1000"), owed, nil, order("big", "600"))
	assert.Equal(t, OutcomeHold, whole.Outcome, "600 owed + 600 = 1,200 > 1,000")

	first := check(t, credit("1000"), owed, nil, order("big-1", "300"))
	assert.Equal(t, OutcomeWarn, first.Outcome, "600 + 300 = 900: the first half passes with a warning")
	second := check(t, credit("1000"), owed, []Order{order("big-1", "300")}, order("big-2", "300"))
	assert.Equal(t, whole.Outcome, second.Outcome)
	assert.Equal(t, whole.Exposure.String(), second.Exposure.String())

	// Ten parts of 60: the part that crosses the limit is held.
	var entered []Order
	held := -1
	for i := range 10 {
		o := order("part-"+string(rune('a'+i)), "60")
		dec := check(t, credit("1000"), owed, entered, o)
		if dec.Outcome >= OutcomeHold && held < 0 {
			held = i
		}
		entered = append(entered, o)
	}
	// 600 + 7·60 = 1,020 > 1,000: the seventh part (index 6).
	assert.Equal(t, 6, held)
}

// Entering an order twice gets nothing past the check either: the same
// document checked again is counted once (the decision does not change),
// a copy under a new ID counts again, and two open orders with one ID
// are refused rather than silently merged.
func TestDuplicatingAnOrderDoesNotGetAroundTheCheck(t *testing.T) {
	owed := []ledger.Invoice{open("i", "400")}
	first := check(t, credit("1000"), owed, nil, order("o-7", "500"))
	again := check(t, credit("1000"), owed, []Order{order("o-7", "500")}, order("o-7", "500"))
	assert.Equal(t, first.Exposure.String(), again.Exposure.String(), "re-checking the same document")
	assert.Equal(t, first.Outcome, again.Outcome)

	copied := check(t, credit("1000"), owed, []Order{order("o-7", "500")}, order("o-7-copy", "500"))
	assert.Equal(t, "1400", copied.Exposure.String())
	assert.Equal(t, OutcomeHold, copied.Outcome)

	_, err := CheckOrder(OrderCheck{AsOf: day("2025-06-30"), Credit: credit("1000"),
		OpenOrders: []Order{order("o-7", "500"), order("o-7", "500")}, Order: order("o-8", "1")}, DefaultCreditPolicy("EUR"))
	requireFields(t, err, "open_orders[1].id")
}

func TestCheckOrderBadInput(t *testing.T) {
	usd := order("x", "10")
	usd.Currency = "USD"
	c := credit("1000")
	c.Limit.Currency = "USD"
	_, err := CheckOrder(OrderCheck{Credit: c, Invoices: []ledger.Invoice{func() ledger.Invoice { i := open("i", "1"); i.Currency = "USD"; return i }()},
		OpenOrders: []Order{usd, {Currency: "EUR", Amount: d("0")}}, Order: Order{ID: "", Currency: "EUR", Amount: d("-1")}},
		DefaultCreditPolicy("EUR"))
	requireFields(t, err, "as_of", "credit.limit.currency", "invoices[0].currency",
		"order.id", "order.amount",
		"open_orders[0].currency",
		"open_orders[1].id", "open_orders[1].amount")
}

// sig is a signature at 10:00 on 2025-06-30, the day of the decisions.
func sig(id, role string) authority.Signature {
	return authority.Signature{By: authority.Actor{ID: id, Role: role}, At: day("2025-06-30").Time(nil).Add(10 * time.Hour)}
}

func TestReleaseNeedsAuthority(t *testing.T) {
	p := DefaultCreditPolicy("EUR")
	held := check(t, credit("1000"), []ledger.Invoice{open("i", "400")}, nil, order("new", "700"))
	require.Equal(t, OutcomeHold, held.Outcome)

	cc := sig("u-42", "credit_controller")
	rel, err := held.Release(cc, p)
	require.NoError(t, err, "700 is within the credit controller's 100,000")
	assert.Equal(t, OutcomeAllow, rel.Outcome)
	assert.Equal(t, Bypass{Signature: cc, Released: OutcomeHold}, rel.Bypass)
	assert.Equal(t, held.Reasons, rel.Reasons, "the reasons stay on record")
	assert.Equal(t, OutcomeHold, held.Outcome, "the original decision is unchanged")
	_, err = rel.Release(cc, p)
	assert.ErrorIs(t, err, ErrInvalid, "released already")

	// Blocked: only the block limits count, and the credit controller
	// has none.
	blocked := check(t, credit("1000"), []ledger.Invoice{open("i", "1000")}, nil, order("new", "700"))
	require.Equal(t, OutcomeBlock, blocked.Outcome)
	_, err = blocked.Release(cc, p)
	var le *authority.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, authority.LimitError{Actor: cc.By, Amount: d("700")}, *le)
	assert.EqualError(t, err, `authority: "u-42" (credit_controller) has no limit, asked 700`)
	assert.ErrorIs(t, err, authority.ErrLimitExceeded)
	assert.ErrorIs(t, err, clientele.ErrForbidden)
	rel, err = blocked.Release(sig("u-1", "finance_director"), p)
	require.NoError(t, err)
	assert.Equal(t, OutcomeBlock, rel.Bypass.Released)

	_, err = held.Release(sig("u-9", "account_manager"), p)
	assert.ErrorIs(t, err, clientele.ErrForbidden, "a role the policy does not list")
	_, err = held.Release(authority.Signature{By: authority.Actor{Role: "credit_controller"}}, p)
	requireFields(t, err, "signature.by.id", "signature.at")
	allowed := check(t, credit("1000"), nil, nil, order("new", "10"))
	_, err = allowed.Release(cc, p)
	requireFields(t, err, "outcome")
}

// A release limit covers the order's amount: a credit controller
// releases a held order of up to 100,000, above it the error names the
// finance director who can; a person's own limit wins over the role's.
func TestReleaseLimitCoversTheOrder(t *testing.T) {
	p := DefaultCreditPolicy("EUR")
	at100k := check(t, credit("100000"), nil, nil, order("new", "100000.01"))
	require.Equal(t, OutcomeHold, at100k.Outcome, "100,000.01 is above the limit of 100,000, not above 150 %")
	_, err := at100k.Release(sig("u-42", "credit_controller"), p)
	var le *authority.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "finance_director", le.Approver)
	assert.EqualError(t, err, `authority: "u-42" (credit_controller) may commit up to 100000 (limit of "credit_controller"), asked 100000.01: needs approval by "finance_director"`)
	_, err = at100k.Release(sig("u-1", "finance_director"), p)
	require.NoError(t, err)

	exactly := check(t, credit("1000"), []ledger.Invoice{open("i", "400")}, nil, order("new", "700"))
	p.Release.Hold = append(p.Release.Hold, authority.Limit{Holder: "u-42", Max: d("699.99"), ApprovedBy: "finance_director"})
	_, err = exactly.Release(sig("u-42", "credit_controller"), p)
	require.ErrorAs(t, err, &le, "u-42's own 699.99 wins over the role's 100,000")
	assert.Equal(t, "u-42", le.Holder)
	_, err = exactly.Release(sig("u-43", "credit_controller"), p)
	require.NoError(t, err, "another controller keeps the role's limit")
}

// The edges of the exposure rules with the default policy (warn from
// 90 % of the limit, hold above it, block above 150 %; overdue: any
// amount 1+ days warns, more than 500 overdue 31+ days holds, any amount
// 91+ days blocks), as of 2025-06-30.
func TestCheckOrderEdges(t *testing.T) {
	tests := []struct {
		name     string
		invs     []ledger.Invoice
		order    string
		outcome  Outcome
		codes    []DecisionCode
		overdue  string
		oldest   int
		exposure string
	}{
		// 400 + 500 = 899.99 < 900: allow; 900 is 90 %: warn.
		{"just under the warning", []ledger.Invoice{open("i", "400")}, "499.99", OutcomeAllow, nil, "0", 0, "899.99"},
		// 400 + 600 = 1,000, the limit itself: not above it, so a warning.
		{"at the limit", []ledger.Invoice{open("i", "400")}, "600", OutcomeWarn, []DecisionCode{CodeNearLimit}, "0", 0, "1000"},
		{"a cent above the limit", []ledger.Invoice{open("i", "400")}, "600.01", OutcomeHold, []DecisionCode{CodeOverLimit}, "0", 0, "1000.01"},
		// 1,000 + 500 = 1,500, 150 % exactly: above the limit, not above 150 %.
		{"at the block level", []ledger.Invoice{open("i", "1000")}, "500", OutcomeHold, []DecisionCode{CodeOverLimit}, "0", 0, "1500"},
		{"a cent above the block level", []ledger.Invoice{open("i", "1000")}, "500.01", OutcomeBlock, []DecisionCode{CodeFarOverLimit}, "0", 0, "1500.01"},
		// The most severe rule decides, whatever the order the rules fire
		// in: far over the limit (block) and overdue 5 days (warn).
		{"block before a warning", []ledger.Invoice{overdueBy("i", "1000", 5)}, "600", OutcomeBlock, []DecisionCode{CodeFarOverLimit, CodeOverdue}, "1000", 5, "1600"},
		// Due on the as-of date: owed, not overdue.
		{"due today", []ledger.Invoice{overdueBy("i", "100", 0)}, "10", OutcomeAllow, nil, "0", 0, "110"},
		// 600 overdue 30 days: only the 1-day rule; 31 days: the hold rule too.
		{"30 days overdue", []ledger.Invoice{overdueBy("i", "600", 30)}, "10", OutcomeWarn, []DecisionCode{CodeOverdue}, "600", 30, "610"},
		{"31 days overdue", []ledger.Invoice{overdueBy("i", "600", 31)}, "10", OutcomeHold, []DecisionCode{CodeOverdue, CodeOverdue}, "600", 31, "610"},
		// Exactly 500 overdue 40 days is not more than 500: no hold.
		{"500 overdue", []ledger.Invoice{overdueBy("i", "500", 40)}, "10", OutcomeWarn, []DecisionCode{CodeOverdue}, "500", 40, "510"},
		{"500.01 overdue", []ledger.Invoice{overdueBy("i", "500.01", 40)}, "10", OutcomeHold, []DecisionCode{CodeOverdue, CodeOverdue}, "500.01", 40, "510.01"},
		// 90 days overdue holds (more than 500), 91 blocks.
		{"90 days overdue", []ledger.Invoice{overdueBy("i", "600", 90)}, "10", OutcomeHold, []DecisionCode{CodeOverdue, CodeOverdue}, "600", 90, "610"},
		{"91 days overdue", []ledger.Invoice{overdueBy("i", "1", 91)}, "10", OutcomeBlock, []DecisionCode{CodeOverdue, CodeOverdue}, "1", 91, "11"},
		// A written-off invoice is a loss, not something owed.
		{"written off", []ledger.Invoice{func() ledger.Invoice {
			in := overdueBy("i", "900", 120)
			in.WrittenOff = day("2025-06-01")
			return in
		}()}, "10", OutcomeAllow, nil, "0", 0, "10"},
		// Paid after the as-of date: still owed on it (a replay of the past).
		{"paid later", []ledger.Invoice{func() ledger.Invoice {
			in := overdueBy("i", "300", 5)
			in.Paid = day("2025-07-02")
			return in
		}()}, "10", OutcomeWarn, []DecisionCode{CodeOverdue}, "300", 5, "310"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec := check(t, credit("1000"), tt.invs, nil, order("new", tt.order))
			assert.Equal(t, tt.outcome, dec.Outcome)
			assert.Equal(t, tt.codes, codes(dec))
			assert.Equal(t, tt.overdue, dec.Overdue.String())
			assert.Equal(t, tt.oldest, dec.OldestOverdueDays)
			assert.Equal(t, tt.exposure, dec.Exposure.String())
		})
	}
}

// A release is checked against the decision as CheckOrder made it: a
// block relabelled as a hold cannot be released by a role that releases
// holds only, a bypassed decision is not bypassed twice, and the record
// cannot predate the decision.
func TestReleaseRefusesAlteredDecisions(t *testing.T) {
	p := DefaultCreditPolicy("EUR")
	cc := sig("u-42", "credit_controller")

	blocked := check(t, credit("1000"), []ledger.Invoice{open("i", "1000")}, nil, order("new", "700"))
	require.Equal(t, OutcomeBlock, blocked.Outcome)
	relabelled := blocked
	relabelled.Outcome = OutcomeHold
	_, err := relabelled.Release(cc, p)
	requireFields(t, err, "outcome")
	assert.ErrorContains(t, err, "outcome = hold: differs from block, the most severe outcome of its reasons")

	held := check(t, credit("1000"), []ledger.Invoice{open("i", "400")}, nil, order("new", "700"))
	require.Equal(t, OutcomeHold, held.Outcome)
	twice := held
	twice.Bypass = Bypass{Signature: sig("u-1", "credit_controller"), Released: OutcomeHold}
	_, err = twice.Release(cc, p)
	requireFields(t, err, "bypass")

	early := cc
	early.At = day("2025-06-29").Time(nil).Add(23 * time.Hour)
	_, err = held.Release(early, p)
	list := requireFields(t, err, "signature.at")
	assert.Equal(t, day("2025-06-29"), list.Fields[0].Value)
	// The day is the one the time shows in its own zone: 01:00 on the
	// 30th in Moscow is the decision's day, though UTC is still the 29th.
	msk := cc
	msk.At = time.Date(2025, 6, 30, 1, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	_, err = held.Release(msk, p)
	require.NoError(t, err)
	_, err = held.Release(sig("u-42", strings.Repeat("r", 129)), p)
	requireFields(t, err, "signature.by.role")

	bad := p
	bad.Release.Hold = authority.Limits{{Holder: "credit_controller", Max: d("-1")}}
	_, err = held.Release(cc, bad)
	requireFields(t, err, "release.hold[0].max")
}

func TestCheckOrderLimitsOnIdentifiers(t *testing.T) {
	long := strings.Repeat("x", 129)
	c := credit("-1")
	_, err := CheckOrder(OrderCheck{AsOf: day("2025-06-30"), Credit: c,
		Invoices: []ledger.Invoice{func() ledger.Invoice { in := open(long, "1"); return in }()},
		Order:    order(long, "1")}, DefaultCreditPolicy("EUR"))
	requireFields(t, err, "credit.limit.amount", "invoices[0].id", "order.id")

	ok := strings.Repeat("x", 128)
	_, err = CheckOrder(OrderCheck{AsOf: day("2025-06-30"), Credit: credit("1000"),
		Invoices: []ledger.Invoice{open(ok, "1")}, Order: order(ok, "1")}, DefaultCreditPolicy("EUR"))
	require.NoError(t, err, "128 bytes is the limit")

	held := check(t, credit("1000"), []ledger.Invoice{open("i", "400")}, nil, order("new", "700"))
	_, err = held.Release(sig(long, "credit_controller"), DefaultCreditPolicy("EUR"))
	requireFields(t, err, "signature.by.id")
}

package discount

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func authorityEngine(t *testing.T) *Engine {
	t.Helper()
	r := DefaultRules("EUR") // manager 5 % -> head_of_sales 15 % -> director 25 %
	r.Authority = append(r.Authority, Authority{ID: "m-senior", MaxDiscount: d("10"), ApprovedBy: "director"})
	e, err := Compile(testPriceList(), r)
	require.NoError(t, err)
	return e
}

func managerQuote(t *testing.T, e *Engine, id, role, rate string) (Quote, error) {
	t.Helper()
	rq := req(line("DRILL", "10"))
	rq.Manager = ManagerDiscount{ManagerID: id, Role: role, Rate: d(rate)}
	return e.Quote(rq)
}

func TestManagerAuthority(t *testing.T) {
	e := authorityEngine(t)
	for _, tc := range []struct {
		name, id, role, rate string
		status               ApprovalStatus
		approver             string
	}{
		{"within the role's limit", "m-anna", "manager", "5", ApprovalNotRequired, ""},
		{"above it: the head of sales approves", "m-anna", "manager", "12", ApprovalPending, "head_of_sales"},
		{"the head of sales' limit exactly", "m-anna", "manager", "15", ApprovalPending, "head_of_sales"},
		{"above the head too: the director", "m-anna", "manager", "20", ApprovalPending, "director"},
		{"a manager's own entry wins over the role", "m-senior", "manager", "8", ApprovalNotRequired, ""},
		{"and escalates along its own chain", "m-senior", "manager", "12", ApprovalPending, "director"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := managerQuote(t, e, tc.id, tc.role, tc.rate)
			require.NoError(t, err)
			assert.Equal(t, tc.status, q.Approval.Status)
			assert.Equal(t, tc.approver, q.Approval.Approver)
			requireDec(t, tc.rate, q.Approval.Rate)
			if tc.status != ApprovalPending {
				require.NoError(t, q.Offerable())
				return
			}
			err = q.Offerable()
			assert.ErrorIs(t, err, ErrApprovalRequired)
			var are *ApprovalRequiredError
			require.ErrorAs(t, err, &are)
			assert.Equal(t, tc.approver, are.Approver)
			require.Len(t, q.Warnings, 1)
			assert.Equal(t, WarnApprovalRequired, q.Warnings[0].Code)
		})
	}
}

func TestOfferableRefusesAnUnpricedQuote(t *testing.T) {
	// A zero Quote (say, returned beside an error that was ignored) was
	// never checked against anyone's authority: it is not an offer.
	err := Quote{}.Offerable()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.NotErrorIs(t, err, ErrApprovalRequired)
	assert.Equal(t, []string{"approval.status"}, fieldsOf(t, err))
}

func TestManagerDiscountBeyondTheTopIsAnError(t *testing.T) {
	e := authorityEngine(t)
	_, err := managerQuote(t, e, "m-anna", "manager", "30")
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, `manager.rate = 30: above every authority in the chain of "manager" (the top allows 25 %)`)

	_, err = managerQuote(t, e, "m-intern", "intern", "1")
	assert.ErrorContains(t, err, `manager.manager_id = m-intern: no authority entry for this manager or role "intern"`)

	_, err = managerQuote(t, e, "", "manager", "1")
	assert.ErrorContains(t, err, "manager.manager_id: is required with a manager discount")

	r := baseRules(Additive)
	rq := req(line("DRILL", "1"))
	rq.Manager = ManagerDiscount{ManagerID: "m-anna", Rate: d("1")}
	_, err = NewQuote(testPriceList(), r, rq)
	assert.ErrorContains(t, err, "the rules grant them no discount", "no authority table, no manager discount")
}

func TestApprove(t *testing.T) {
	e := authorityEngine(t)
	at := time.Date(2026, time.November, 26, 15, 4, 0, 0, time.UTC)
	q, err := managerQuote(t, e, "m-anna", "manager", "12")
	require.NoError(t, err)

	_, err = e.Approve(q, Approver{ID: "m-bob", Role: "manager"}, at)
	assert.ErrorIs(t, err, ErrNotAuthorized, "a peer cannot approve")
	_, err = e.Approve(q, Approver{ID: "m-anna", Role: "head_of_sales"}, at)
	assert.ErrorIs(t, err, ErrNotAuthorized, "nobody approves their own discount")
	_, err = e.Approve(q, Approver{ID: "x", Role: "board"}, at)
	assert.ErrorIs(t, err, ErrNotAuthorized)

	ok, err := e.Approve(q, Approver{ID: "h-olga", Role: "head_of_sales"}, at)
	require.NoError(t, err)
	assert.Equal(t, ApprovalGranted, ok.Approval.Status)
	assert.Equal(t, "h-olga", ok.Approval.ApprovedBy)
	assert.Equal(t, "head_of_sales", ok.Approval.ApprovedAs)
	assert.Equal(t, at, ok.Approval.ApprovedAt)
	require.NoError(t, ok.Offerable())
	assert.Equal(t, ApprovalPending, q.Approval.Status, "the original quote value is unchanged")

	// Someone higher up the chain may approve too.
	_, err = e.Approve(q, Approver{ID: "d-ivan", Role: "director"}, at)
	require.NoError(t, err)

	_, err = e.Approve(ok, Approver{ID: "d-ivan", Role: "director"}, at)
	assert.ErrorIs(t, err, ErrInvalid, "nothing left to approve")

	// A 20 % discount needs the director: the head of sales is below.
	q20, err := managerQuote(t, e, "m-anna", "manager", "20")
	require.NoError(t, err)
	_, err = e.Approve(q20, Approver{ID: "h-olga", Role: "head_of_sales"}, at)
	assert.ErrorIs(t, err, ErrNotAuthorized)
	assert.ErrorContains(t, err, `approves as "head_of_sales", not "director" or above it`)

	// An approval names who gave it and when.
	_, err = e.Approve(q, Approver{Role: "head_of_sales"}, at)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"approver.id"}, fieldsOf(t, err))
	_, err = e.Approve(q, Approver{ID: "h-olga", Role: "head_of_sales"}, time.Time{})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"at"}, fieldsOf(t, err))

	// A quote edited after pricing (the rate raised past the named
	// approver's limit) is refused: the approver's own limit is checked.
	edited := q
	edited.Approval.Rate = d("20")
	_, err = e.Approve(edited, Approver{ID: "h-olga", Role: "head_of_sales"}, at)
	assert.ErrorIs(t, err, ErrNotAuthorized)
	assert.ErrorContains(t, err, "may approve up to 15 %")

	// A quote from another engine is refused.
	other := q
	other.PriceListID = "pl-other"
	_, err = e.Approve(other, Approver{ID: "h-olga", Role: "head_of_sales"}, at)
	assert.ErrorIs(t, err, ErrInvalid)
}

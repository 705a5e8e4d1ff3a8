package discount

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func authorityEngine(t *testing.T) *Engine {
	t.Helper()
	r := DefaultRules("EUR") // manager 5 % -> head_of_sales 15 % -> director 25 %
	r.Authority = append(r.Authority, authority.Limit{Holder: "m-senior", Max: d("10"), ApprovedBy: "director"})
	e, err := Compile(testPriceList(), r)
	require.NoError(t, err)
	return e
}

func managerQuote(t *testing.T, e *Engine, id, role, rate string) (Quote, error) {
	t.Helper()
	rq := req(line("DRILL", "10"))
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: id, Role: role}, Rate: d(rate)}
	return e.Quote(rq)
}

func TestManagerAuthority(t *testing.T) {
	e := authorityEngine(t)
	for _, tc := range []struct {
		name, id, role, rate string
		status               ApprovalStatus
		holder, limit        string
		approver             string
	}{
		{"within the role's limit", "m-anna", "manager", "5", ApprovalNotRequired, "manager", "5", ""},
		{"above it: the head of sales approves", "m-anna", "manager", "12", ApprovalPending, "manager", "5", "head_of_sales"},
		{"the head of sales' limit exactly", "m-anna", "manager", "15", ApprovalPending, "manager", "5", "head_of_sales"},
		{"above the head too: the director", "m-anna", "manager", "20", ApprovalPending, "manager", "5", "director"},
		{"a manager's own entry wins over the role", "m-senior", "manager", "8", ApprovalNotRequired, "m-senior", "10", ""},
		{"and escalates along its own chain", "m-senior", "manager", "12", ApprovalPending, "m-senior", "10", "director"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := managerQuote(t, e, tc.id, tc.role, tc.rate)
			require.NoError(t, err)
			assert.Equal(t, tc.status, q.Approval.Status)
			assert.Equal(t, tc.approver, q.Approval.Approver)
			assert.Equal(t, tc.holder, q.Approval.Holder)
			requireDec(t, tc.limit, q.Approval.Limit)
			requireDec(t, tc.rate, q.Approval.Rate)
			if tc.status != ApprovalPending {
				require.NoError(t, q.Offerable())
				return
			}
			err = q.Offerable()
			assert.ErrorIs(t, err, authority.ErrLimitExceeded)
			assert.ErrorIs(t, err, clientele.ErrForbidden)
			var le *authority.LimitError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, authority.LimitError{Actor: authority.Actor{ID: tc.id, Role: tc.role}, Holder: tc.holder,
				Max: d(tc.limit), Amount: d(tc.rate), Approver: tc.approver}, *le)
			require.Len(t, q.Warnings, 1)
			assert.Equal(t, WarnApprovalRequired, q.Warnings[0].Code)
		})
	}
	q, err := managerQuote(t, e, "m-anna", "manager", "12")
	require.NoError(t, err)
	assert.EqualError(t, q.Offerable(), `authority: "m-anna" (manager) may commit up to 5 (limit of "manager"), asked 12: needs approval by "head_of_sales"`)
}

func TestOfferableRefusesAnUnpricedQuote(t *testing.T) {
	// A zero Quote (say, returned beside an error that was ignored) was
	// never checked against anyone's authority: it is not an offer.
	err := Quote{}.Offerable()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.NotErrorIs(t, err, authority.ErrLimitExceeded)
	assert.Equal(t, []string{"approval.status"}, fieldsOf(t, err))
}

func TestManagerDiscountBeyondTheTopIsAnError(t *testing.T) {
	e := authorityEngine(t)
	_, err := managerQuote(t, e, "m-anna", "manager", "30")
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, `manager.rate = 30: above every limit of the chain from "manager": nobody may approve it`)

	_, err = managerQuote(t, e, "m-intern", "intern", "1")
	assert.ErrorContains(t, err, `manager.by = m-intern: no authority limit for this manager or their role "intern"`)

	_, err = managerQuote(t, e, "", "manager", "1")
	assert.ErrorContains(t, err, "manager.by.id: is required with a manager discount")

	r := baseRules(Additive)
	rq := req(line("DRILL", "1"))
	rq.Manager = ManagerDiscount{By: authority.Actor{ID: "m-anna"}, Rate: d("1")}
	_, err = NewQuote(testPriceList(), r, rq)
	assert.ErrorContains(t, err, "the rules grant them no discount", "no authority table, no manager discount")
}

func TestApprove(t *testing.T) {
	e := authorityEngine(t)
	at := time.Date(2026, time.November, 26, 15, 4, 0, 0, time.UTC)
	sign := func(id, role string) authority.Signature {
		return authority.Signature{By: authority.Actor{ID: id, Role: role}, At: at}
	}
	q, err := managerQuote(t, e, "m-anna", "manager", "12")
	require.NoError(t, err)

	_, err = e.Approve(q, sign("m-bob", "manager"))
	assert.ErrorIs(t, err, ErrNotAuthorized, "a peer cannot approve")
	assert.ErrorIs(t, err, clientele.ErrForbidden)
	assert.EqualError(t, err, `discount: not authorized: "m-bob" approves as "manager", not "head_of_sales" or above it`)
	_, err = e.Approve(q, sign("m-anna", "head_of_sales"))
	assert.ErrorIs(t, err, ErrNotAuthorized, "nobody approves their own discount")
	assert.EqualError(t, err, `discount: not authorized: "m-anna" cannot approve their own discount`)
	_, err = e.Approve(q, sign("x", "board"))
	assert.ErrorIs(t, err, ErrNotAuthorized)

	ok, err := e.Approve(q, sign("h-olga", "head_of_sales"))
	require.NoError(t, err)
	assert.Equal(t, ApprovalGranted, ok.Approval.Status)
	assert.Equal(t, sign("h-olga", "head_of_sales"), ok.Approval.Signature)
	assert.Equal(t, "head_of_sales", ok.Approval.ApprovedAs)
	require.NoError(t, ok.Offerable())
	assert.Equal(t, ApprovalPending, q.Approval.Status, "the original quote value is unchanged")

	// Someone higher up the chain may approve too.
	_, err = e.Approve(q, sign("d-ivan", "director"))
	require.NoError(t, err)

	_, err = e.Approve(ok, sign("d-ivan", "director"))
	assert.ErrorIs(t, err, ErrInvalid, "nothing left to approve")
	assert.EqualError(t, err, `discount: invalid input: approval.status: is "granted", not pending: nothing to approve`)

	// A 20 % discount needs the director: the head of sales is below.
	q20, err := managerQuote(t, e, "m-anna", "manager", "20")
	require.NoError(t, err)
	_, err = e.Approve(q20, sign("h-olga", "head_of_sales"))
	assert.ErrorIs(t, err, ErrNotAuthorized)
	assert.ErrorContains(t, err, `approves as "head_of_sales", not "director" or above it`)

	// An approval names who gave it and when.
	_, err = e.Approve(q, authority.Signature{By: authority.Actor{Role: "head_of_sales"}, At: at})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"signature.by.id"}, fieldsOf(t, err))
	_, err = e.Approve(q, authority.Signature{By: authority.Actor{ID: "h-olga", Role: "head_of_sales"}})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"signature.at"}, fieldsOf(t, err))

	// A quote edited after pricing (the rate raised past the named
	// approver's limit) is refused: the approver's own limit is checked,
	// and the refusal is that limit's LimitError.
	edited := q
	edited.Approval.Rate = d("20")
	_, err = e.Approve(edited, sign("h-olga", "head_of_sales"))
	var le *authority.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, authority.LimitError{Actor: authority.Actor{ID: "h-olga", Role: "head_of_sales"}, Holder: "head_of_sales",
		Max: d("15"), Amount: d("20"), Approver: "director"}, *le)
	assert.ErrorIs(t, err, clientele.ErrForbidden)
	assert.NotErrorIs(t, err, ErrNotAuthorized)

	// A quote from another engine is refused.
	other := q
	other.PriceListID = "pl-other"
	_, err = e.Approve(other, sign("h-olga", "head_of_sales"))
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"price_list_id"}, fieldsOf(t, err))
}

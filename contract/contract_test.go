package contract

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateNamesEveryFieldAndValue(t *testing.T) {
	require.NoError(t, draft().Validate())
	require.NoError(t, signed(t).Validate())

	problemtest.Require(t, Contract{}.Validate(), ErrInvalid, []string{
		"id: is required", "number: is required", "client_id: is required", "manager_id: is required", "type: is required",
		"currency: is required", "start: is required", "end: is required",
	})

	c := draft()
	c.Value = dec("-100")
	c.Currency = "rub"
	c.End = day("2026-01-31")
	c.PaymentTerms.NetDays = -1
	c.AutoRenewal = &AutoRenewal{TermMonths: 0, NoticeDays: -1}
	c.Revision = -1
	c.Predecessor = Link{Kind: LinkRenewal, ContractID: "k-1"}
	c.Documents = append(c.Documents, Document{Kind: DocumentKind(42), Status: DocRejected}, Document{Kind: DocInvoice, Status: DocVerified, Reason: "x"})
	c.Version = -1
	problemtest.Require(t, c.Validate(), ErrInvalid, []string{
		"value = -100: must not be negative",
		"currency = rub: is not an active ISO 4217 code",
		"end = 2026-01-31: is before the start 2026-02-01",
		"payment_terms.net_days = -1: must be within 0..3660",
		"auto_renewal.term_months = 0: must be within 1..120",
		"auto_renewal.notice_days = -1: must be within 0..3660",
		"revision = -1: must not be negative",
		"predecessor.contract_id = k-1: a contract cannot continue itself",
		"documents[4].kind = DocumentKind(42): unknown document kind",
		"documents[4].reason: is required",
		"documents[5].reason = x: only a rejected document has a reason",
		"version = -1: must not be negative",
	})

	huge := draft()
	huge.Value = decimal.New(1, 99)
	problemtest.Require(t, huge.Validate(), ErrInvalid, []string{"value = 1e99: is out of range"})
}

func TestEventValidate(t *testing.T) {
	c := draft()
	c.Events = []Event{
		{Kind: EventSign, On: day("2026-01-20"), Signature: &authority.Signature{By: anna, At: signature(anna, "2026-01-21").At}},
		{Kind: EventAgree, On: day("2026-01-22"), NewEnd: day("2027-01-01"), NoticeDays: 3},
		{Kind: EventExtend, On: day("2026-01-23")},
		{Kind: EventEnd, On: day("2026-01-24")},
		{Kind: EventRenew, On: day("2026-01-25"), By: authority.Actor{ID: "m-1"}},
	}
	problemtest.Require(t, c.Validate(), ErrInvalid, []string{
		"events[0].on = 2026-01-20: must be the signature's day 2026-01-21",
		"events[1].notice_days: is not used by the agree event: leave it empty",
		"events[1].new_end: is not used by the agree event",
		"events[2].new_end: is required",
		"events[3].kind = end: happens by the calendar and is never recorded",
		"events[4].by.role: is required",
		"events[4].successor_id: is required",
	})
}

func TestJSONRoundTrip(t *testing.T) {
	c := signed(t)
	c.AutoRenewal = &AutoRenewal{TermMonths: 12, NoticeDays: 30}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	assert.NotContains(t, string(data), `"state"`, "the state is never stored")
	for _, want := range []string{`"kind":"sign"`, `"party":"company"`, `"kind":"power_of_attorney","status":"verified"`} {
		assert.Contains(t, string(data), want)
	}
	var back Contract
	require.NoError(t, json.NewDecoder(strings.NewReader(string(data))).Decode(&back))
	assert.NoError(t, ValidateChange(c, back), "the history and terms survive JSON")
	assert.Equal(t, c.StatusOn(day("2026-06-01")), back.StatusOn(day("2026-06-01")))
}

func TestCloneIsDeep(t *testing.T) {
	c := signed(t)
	c.AutoRenewal = &AutoRenewal{TermMonths: 12}
	cp := c.Clone()
	cp.Events[1].Signature.By.ID = "x"
	cp.AutoRenewal.TermMonths = 1
	cp.Documents[0].Status = DocRequested
	cp.Obligations[0].ID = "y"
	assert.Equal(t, "m-anna", c.Events[1].Signature.By.ID)
	assert.Equal(t, 12, c.AutoRenewal.TermMonths)
	assert.Equal(t, DocVerified, c.Documents[0].Status)
	assert.Equal(t, "deliver-1", c.Obligations[0].ID)
}

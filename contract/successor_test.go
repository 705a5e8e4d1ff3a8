package contract

import (
	"testing"

	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenewLinksASuccessor(t *testing.T) {
	c := signed(t)
	old, next, err := c.Renew(day("2026-11-15"), "k-1-2027", day("2027-01-01"), day("2027-12-31"))
	require.NoError(t, err)
	assert.Equal(t, Event{Kind: EventRenew, On: day("2026-11-15"), SuccessorID: "k-1-2027"}, old.Events[len(old.Events)-1])
	assert.Equal(t, StateActive, old.StatusOn(day("2026-12-31")).State, "the predecessor runs on to its end")
	assert.Equal(t, Link{Kind: LinkRenewal, ContractID: "k-1"}, next.Predecessor)
	assert.Equal(t, StateDraft, next.StatusOn(day("2026-11-15")).State)
	assert.Empty(t, next.Documents, "a renewal is concluded with its own package")
	assert.Empty(t, next.Events)
	assert.Equal(t, "S-2026/001", next.Number)

	_, _, err = draft().Renew(day("2026-01-10"), "k-9", day("2027-01-01"), day("2027-12-31"))
	assert.ErrorIs(t, err, ErrInvalidTransition, "a draft has nothing to renew")
	_, _, err = c.Renew(day("2026-11-15"), "k-9", day("2027-12-31"), day("2027-01-01"))
	assert.EqualError(t, err, "contract: invalid input: end = 2027-01-01: is before the start 2027-12-31")
}

func TestReregistrationAndAmendmentReplaceTheSignedContract(t *testing.T) {
	c := signed(t)
	// Delivery fulfilled on 9 March; the payment is still open on 1 April.
	c.Obligations[0].FulfilledOn = day("2026-03-09")
	re, err := c.Reregister(day("2026-04-01"), "k-1r", "S-2026/001-R")
	require.NoError(t, err)
	assert.Equal(t, Link{Kind: LinkReregistration, ContractID: "k-1"}, re.Predecessor)
	assert.Equal(t, "S-2026/001-R", re.Number)
	require.Len(t, re.Obligations, 1, "only the open obligations carry over")
	assert.Equal(t, "pay-1", re.Obligations[0].ID)

	_, err = c.SupersededBy(re, day("2026-04-02"))
	assert.EqualError(t, err, "contract: invalid input: successor = k-1r: is draft on 2026-04-02: only a signed successor replaces a contract")

	re = apply(t, re, Event{Kind: EventAgree, On: day("2026-04-02")})
	re.Documents = draft().Documents
	re, err = policy(t).Sign(re, signature(anna, "2026-04-03"))
	require.NoError(t, err)
	old, err := c.SupersededBy(re, day("2026-04-03"))
	require.NoError(t, err)
	st := old.StatusOn(day("2026-04-03"))
	assert.Equal(t, StateSuperseded, st.State)
	assert.Equal(t, `superseded on 2026-04-03 by contract "k-1r"`, st.Reason)
	chk, _ := old.ObligationOn(1, day("2026-05-01"), 7)
	assert.Equal(t, ObligationLapsed, chk.Status, "the payment moved to the re-registration")

	am, err := c.Amendment(day("2026-05-01"), "k-1a")
	require.NoError(t, err)
	assert.Equal(t, 1, am.Revision)
	assert.Equal(t, Link{Kind: LinkAmendment, ContractID: "k-1"}, am.Predecessor)
	assert.Equal(t, c.Documents, am.Documents)
	_, err = draft().Amendment(day("2026-01-10"), "k-1a")
	assert.ErrorIs(t, err, ErrInvalidTransition, "only a signed contract is amended: a draft is simply edited")

	other := am
	other.Predecessor.ContractID = "k-7"
	_, err = c.SupersededBy(other, day("2026-05-01"))
	assert.ErrorContains(t, err, `successor.predecessor.contract_id = k-7: must be "k-1"`)
}

func TestCheckChangeFreezesSignedTerms(t *testing.T) {
	d := draft()
	edited := d
	edited.Value = dec("700000")
	assert.NoError(t, ValidateChange(d, edited), "a draft's terms may change")

	s := signed(t)
	u := s.Clone()
	u.Value, u.End, u.Number = dec("700000"), day("2027-03-31"), "S-2026/002"
	u.PaymentTerms.NetDays = 45
	u.ManagerID = "m-boris"                          // reassigning the manager is not a term
	u.Documents[0].Reference = "scan-17"             // the package may change
	u.Obligations[0].FulfilledOn = day("2026-03-09") // fulfilment is recorded
	problemtest.Require(t, ValidateChange(s, u), ErrInvalid, []string{
		"number = S-2026/002: the signed contract's terms stay as signed (was S-2026/001): record an Amendment",
		"value = 700000: the signed contract's terms stay as signed (was 600000)",
		"end = 2027-03-31: the signed contract's terms stay as signed (was 2026-12-31)",
		"payment_terms = net 45: the signed contract's terms stay as signed (was net 30)",
	})

	rewritten := s.Clone()
	rewritten.Events = rewritten.Events[:1]
	problemtest.Require(t, ValidateChange(s, rewritten), ErrInvalid, []string{"events: the recorded history must stay as stored"})

	grown := apply(t, s, Event{Kind: EventExtend, On: day("2026-10-01"), NewEnd: day("2027-03-31")})
	assert.NoError(t, ValidateChange(s, grown), "new events are appended")
}

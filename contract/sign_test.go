package contract

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func agreed(t *testing.T) Contract {
	return apply(t, draft(), Event{Kind: EventAgree, On: day("2026-01-15")})
}

func TestSignRecordsTheSignerAndTheDay(t *testing.T) {
	c := agreed(t)
	sig := signature(anna, "2026-01-20")
	out, err := policy(t).Sign(c, sig)
	require.NoError(t, err)
	require.Len(t, out.Events, 2)
	last := out.Events[1]
	assert.Equal(t, EventSign, last.Kind)
	assert.Equal(t, day("2026-01-20"), last.On)
	require.NotNil(t, last.Signature)
	assert.Equal(t, sig, *last.Signature)
	assert.Len(t, c.Events, 1, "the contract signed is a copy")
	assert.Equal(t, `signed on 2026-01-20 by "m-anna", starts on 2026-02-01`, out.StatusOn(day("2026-01-20")).Reason)
}

func TestSignAboveTheLimitReturnsTheLimitError(t *testing.T) {
	c := agreed(t)
	c.Value = dec("1500000") // above the manager's 1,000,000, within the lead manager's 5,000,000
	_, err := policy(t).Sign(c, signature(anna, "2026-01-20"))
	var le *authority.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, authority.LimitError{Actor: anna, Holder: "manager", Max: dec("1000000"), Amount: dec("1500000"), Approver: "lead_manager"}, *le)
	assert.ErrorIs(t, err, authority.ErrLimitExceeded)
	assert.ErrorIs(t, err, clientele.ErrForbidden)
	assert.NotErrorIs(t, err, ErrIncompletePackage)
	assert.EqualError(t, err, `contract "k-1": "m-anna" may not sign: authority: "m-anna" (manager) may commit up to 1000000 (limit of "manager"), asked 1500000: needs approval by "lead_manager"`)

	_, err = policy(t).Sign(c, signature(lead, "2026-01-20"))
	assert.NoError(t, err, "the lead manager signs up to 5,000,000")
}

func TestSignRefusedWhileThePackageIsIncomplete(t *testing.T) {
	c := agreed(t)
	c.Documents = []Document{
		{Kind: DocContract, Status: DocVerified},
		{Kind: DocSpecification, Status: DocRequested},
		{Kind: DocSpecification, Status: DocReceived},
		{Kind: DocPowerOfAttorney, Status: DocRejected, Reason: "expired on 2025-12-31"},
	}
	err := policy(t).CheckSigning(c, anna, day("2026-01-20"))
	var se *SigningError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, []MissingDocument{
		{Kind: DocSpecification, Status: DocReceived},
		{Kind: DocPriceAgreement},
		{Kind: DocPowerOfAttorney, Status: DocRejected, Reason: "expired on 2025-12-31"},
	}, se.Missing, "every missing document, in the order the type requires them")
	assert.ErrorIs(t, err, ErrIncompletePackage)
	assert.EqualError(t, err, `contract "k-1": "m-anna" may not sign: the document package is incomplete: `+
		`specification (received, not verified), price_agreement (none), power_of_attorney (rejected: expired on 2025-12-31)`)
	_, err = policy(t).Sign(c, signature(anna, "2026-01-20"))
	assert.ErrorIs(t, err, ErrIncompletePackage)
}

func TestSignGivesEveryReasonAtOnce(t *testing.T) {
	c := draft() // not agreed
	c.Value = dec("30000000")
	c.Documents = c.Documents[:3]
	err := policy(t).CheckSigning(c, anna, day("2026-01-20"))
	var se *SigningError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, []string{
		"the contract is draft on 2026-01-20, and only an agreed contract is signed",
		"the document package is incomplete: power_of_attorney (none)",
		`authority: "m-anna" (manager) may commit up to 1000000 (limit of "manager"), asked 30000000: above every limit of the chain`,
	}, se.Reasons())
	assert.ErrorIs(t, err, ErrInvalidTransition)
	assert.ErrorIs(t, err, ErrIncompletePackage)
	assert.ErrorIs(t, err, authority.ErrLimitExceeded)
}

func TestSignRefusesBadInput(t *testing.T) {
	c := agreed(t)
	_, err := policy(t).Sign(c, authority.Signature{})
	assert.ErrorIs(t, err, authority.ErrInvalid)

	c.Type = "leasing"
	err = policy(t).CheckSigning(c, anna, day("2026-01-20"))
	assert.ErrorIs(t, err, ErrUnknownType)
	assert.EqualError(t, err, "contract: invalid input: type = leasing: is not a configured contract type")

	c.Type, c.Currency = "supply", "USD"
	assert.EqualError(t, policy(t).CheckSigning(c, anna, day("2026-01-20")), `contract: invalid input: currency = USD: contract type "supply" signs in RUB`)

	var zero *Policy
	_, err = zero.Sign(agreed(t), signature(anna, "2026-01-20"))
	assert.EqualError(t, err, "contract: invalid input: type = supply: the zero Policy knows no type: build one with Compile")
	_, err = (&Policy{}).Sign(agreed(t), signature(anna, "2026-01-20"))
	assert.ErrorIs(t, err, ErrUnknownType)

	assert.ErrorIs(t, policy(t).CheckSigning(agreed(t), anna, clientele.Date{}), ErrInvalid)
}

package contract

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

var (
	anna = authority.Actor{ID: "m-anna", Role: authority.RoleManager}
	lead = authority.Actor{ID: "m-lev", Role: authority.RoleLeadManager}
)

// signature at noon UTC of day s.
func signature(by authority.Actor, s string) authority.Signature {
	y, m, dd := day(s).Date()
	return authority.Signature{By: by, At: time.Date(y, m, dd, 12, 0, 0, 0, time.UTC)}
}

// draft is a 2026 supply contract worth 600,000 RUB with its package
// complete and two obligations.
func draft() Contract {
	return Contract{
		ID: "k-1", Number: "S-2026/001", ClientID: "c-1", ManagerID: "m-anna", Type: "supply",
		Value: dec("600000"), Currency: "RUB",
		Start: day("2026-02-01"), End: day("2026-12-31"),
		PaymentTerms: PaymentTerms{NetDays: 30},
		Documents: []Document{
			{Kind: DocContract, Status: DocVerified},
			{Kind: DocSpecification, Status: DocVerified},
			{Kind: DocPriceAgreement, Status: DocVerified},
			{Kind: DocPowerOfAttorney, Status: DocVerified},
		},
		Obligations: []Obligation{
			{ID: "deliver-1", Party: PartyCompany, Kind: ObligeDeliver, Due: day("2026-03-10"), Amount: decimal.NewNullDecimal(dec("300000"))},
			{ID: "pay-1", Party: PartyClient, Kind: ObligePay, Due: day("2026-04-09"), Amount: decimal.NewNullDecimal(dec("300000"))},
		},
	}
}

func policy(t testing.TB) *Policy {
	t.Helper()
	p, err := Compile(DefaultConfig())
	require.NoError(t, err)
	return p
}

// signed is draft agreed on 15 January and signed by anna on 20
// January 2026.
func signed(t testing.TB) Contract {
	t.Helper()
	c, err := draft().Apply(Event{Kind: EventAgree, On: day("2026-01-15")})
	require.NoError(t, err)
	c, err = policy(t).Sign(c, signature(anna, "2026-01-20"))
	require.NoError(t, err)
	return c
}

func apply(t testing.TB, c Contract, events ...Event) Contract {
	t.Helper()
	for _, e := range events {
		var err error
		c, err = c.Apply(e)
		require.NoError(t, err, "%s on %s", e.Kind, e.On)
	}
	return c
}

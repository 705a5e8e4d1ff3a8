package contract_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/contract"
	"github.com/shopspring/decimal"
)

func day(s string) clientele.Date { return clientele.MustParseDate(s) }

func at(s string) time.Time {
	y, m, d := day(s).Date()
	return time.Date(y, m, d, 11, 0, 0, 0, time.UTC)
}

// supply is a draft supply contract for 2026 with an incomplete
// document package.
func supply() contract.Contract {
	return contract.Contract{
		ID: "k-1", Number: "S-2026/001", ClientID: "c-vostok", ManagerID: "m-anna", Type: "supply",
		Value: decimal.NewFromInt(1_500_000), Currency: "RUB",
		Start: day("2026-02-01"), End: day("2026-12-31"),
		PaymentTerms: contract.PaymentTerms{NetDays: 30},
		Documents: []contract.Document{
			{Kind: contract.DocContract, Status: contract.DocVerified},
			{Kind: contract.DocSpecification, Status: contract.DocReceived},
			{Kind: contract.DocPowerOfAttorney, Status: contract.DocRejected, Reason: "expired"},
		},
		Obligations: []contract.Obligation{
			{ID: "deliver", Party: contract.PartyCompany, Kind: contract.ObligeDeliver, Due: day("2026-03-10")},
			{ID: "pay", Party: contract.PartyClient, Kind: contract.ObligePay, Due: day("2026-04-09"),
				Amount: decimal.NewNullDecimal(decimal.NewFromInt(1_500_000))},
		},
	}
}

// Signing is refused with every reason at once: the missing documents
// and the limit the value exceeds.
func ExamplePolicy_Sign() {
	policy, err := contract.Compile(contract.DefaultConfig())
	if err != nil {
		panic(err)
	}
	anna := authority.Actor{ID: "m-anna", Role: authority.RoleManager}
	k, _ := supply().Apply(contract.Event{Kind: contract.EventAgree, On: day("2026-01-15")})

	_, err = policy.Sign(k, authority.Signature{By: anna, At: at("2026-01-20")})
	var refused *contract.SigningError
	if errors.As(err, &refused) {
		for _, r := range refused.Reasons() {
			fmt.Println("-", r)
		}
	}
	var limit *authority.LimitError
	if errors.As(err, &limit) {
		fmt.Println("approver:", limit.Approver)
	}

	// The package completed, the lead manager signs.
	for i := range k.Documents {
		k.Documents[i] = contract.Document{Kind: k.Documents[i].Kind, Status: contract.DocVerified}
	}
	k.Documents = append(k.Documents, contract.Document{Kind: contract.DocPriceAgreement, Status: contract.DocVerified})
	lev := authority.Actor{ID: "m-lev", Role: authority.RoleLeadManager}
	k, err = policy.Sign(k, authority.Signature{By: lev, At: at("2026-01-21")})
	fmt.Println(err, "|", k.StatusOn(day("2026-01-21")).Reason)
	// Output:
	// - the document package is incomplete: specification (received, not verified), price_agreement (none), power_of_attorney (rejected: expired)
	// - authority: "m-anna" (manager) may commit up to 1000000 (limit of "manager"), asked 1500000: needs approval by "lead_manager"
	// approver: lead_manager
	// <nil> | signed on 2026-01-21 by "m-lev", starts on 2026-02-01
}

// The state on a day follows from the dates and the recorded events.
func ExampleContract_StatusOn() {
	k := supply()
	k.Documents = nil
	k, _ = k.Apply(contract.Event{Kind: contract.EventAgree, On: day("2026-01-15")})
	policy, _ := contract.Compile(contract.Config{DueSoonDays: 7, Types: []contract.TypeConfig{{
		Name: "supply", Currency: "RUB",
		Signing: authority.Limits{{Holder: authority.RoleHeadOfDepartment, Max: decimal.NewFromInt(20_000_000)}},
	}}})
	k, _ = policy.Sign(k, authority.Signature{By: authority.Actor{ID: "h-1", Role: authority.RoleHeadOfDepartment}, At: at("2026-01-20")})
	k, _ = k.Apply(contract.Event{Kind: contract.EventExtend, On: day("2026-11-01"), NewEnd: day("2027-03-31")})
	fmt.Println("may record on 2026-12-01:", k.EventsOn(day("2026-12-01")))
	k, _ = k.Apply(contract.Event{Kind: contract.EventTerminate, On: day("2027-01-10"), Reason: "client closes the branch", NoticeDays: 30})

	for _, d := range []string{"2026-01-25", "2026-06-01", "2027-01-20", "2027-02-09"} {
		st := k.StatusOn(day(d))
		fmt.Printf("%s %-10s %s\n", d, st.State, st.Reason)
	}
	// Output:
	// may record on 2026-12-01: [complete terminate extend renew supersede]
	// 2026-01-25 signed     signed on 2026-01-20 by "h-1", starts on 2026-02-01
	// 2026-06-01 active     signed on 2026-01-20, active from 2026-02-01, ends 2026-12-31
	// 2027-01-20 active     signed on 2026-01-20, active from 2026-02-01, ends 2026-12-31; extended on 2026-11-01 from 2026-12-31 to 2027-03-31; termination notice given, effective 2027-02-09
	// 2027-02-09 terminated terminated on notice given 2027-01-10 (30 days): client closes the branch
}

// What is overdue and what falls due next, per manager.
func ExamplePolicy_Obligations() {
	policy, _ := contract.Compile(contract.DefaultConfig())
	k := supply()
	k.Obligations[0].FulfilledOn = day("2026-03-12") // two days late
	rep, err := policy.Obligations([]contract.Contract{k}, day("2026-04-14"), 14)
	if err != nil {
		panic(err)
	}
	for _, it := range rep.Overdue {
		fmt.Println("overdue:", it.ContractID, it.Obligation.ID, it.Check.Reason)
	}
	for _, m := range rep.ByManager {
		fmt.Printf("%s: %d overdue, %d due in 14 days\n", m.ManagerID, m.Overdue, m.DueNext)
	}
	chk, _ := k.ObligationOn(0, day("2026-04-14"), policy.DueSoonDays())
	fmt.Println("deliver:", chk.Status, chk.Days)
	// Output:
	// overdue: k-1 pay due 2026-04-09, 5 days overdue
	// m-anna: 1 overdue, 0 due in 14 days
	// deliver: fulfilled_late 2
}

// A read-modify-write that loses no update, and a signed contract's
// terms that change only by an amendment.
func ExampleMemStore() {
	ctx := context.Background()
	store := contract.NewMemStore()
	k := supply()
	k.Documents = nil
	k, _ = k.Apply(contract.Event{Kind: contract.EventAgree, On: day("2026-01-15")})
	saved, err := store.Create(ctx, k)
	fmt.Println(saved.Version, err)

	stale := saved
	saved.ManagerID = "m-boris"
	saved, _ = store.Update(ctx, saved)
	_, err = store.Update(ctx, stale)
	fmt.Println(errors.Is(err, contract.ErrConflict), saved.Version)
	// Output:
	// 1 <nil>
	// true 2
}

// An amendment is a new revision; once signed it replaces the signed
// contract, which stays as it was signed.
func ExampleContract_Amendment() {
	policy, _ := contract.Compile(contract.DefaultConfig())
	lev := authority.Actor{ID: "m-lev", Role: authority.RoleLeadManager}
	k := supply()
	for i := range k.Documents {
		k.Documents[i] = contract.Document{Kind: k.Documents[i].Kind, Status: contract.DocVerified}
	}
	k.Documents = append(k.Documents, contract.Document{Kind: contract.DocPriceAgreement, Status: contract.DocVerified})
	k, _ = k.Apply(contract.Event{Kind: contract.EventAgree, On: day("2026-01-15")})
	k, _ = policy.Sign(k, authority.Signature{By: lev, At: at("2026-01-20")})

	amended, _ := k.Amendment(day("2026-05-04"), "k-1.1")
	amended.Value = decimal.NewFromInt(1_800_000)
	amended, _ = amended.Apply(contract.Event{Kind: contract.EventAgree, On: day("2026-05-04")})
	amended, err := policy.Sign(amended, authority.Signature{By: lev, At: at("2026-05-05")})
	fmt.Println("amendment signed:", err == nil, "revision", amended.Revision)

	k, _ = k.SupersededBy(amended, day("2026-05-05"))
	fmt.Println(k.StatusOn(day("2026-05-05")).Reason, "| value as signed:", k.Value)
	fmt.Println(amended.StatusOn(day("2026-05-05")).State, amended.Value)

	// A renewal follows the end instead: a draft successor for 2027.
	_, next, _ := amended.Renew(day("2026-11-20"), "k-2", day("2027-01-01"), day("2027-12-31"))
	fmt.Println(next.Predecessor.Kind, next.Predecessor.ContractID, next.StatusOn(day("2026-11-20")).State)
	// Output:
	// amendment signed: true revision 1
	// superseded on 2026-05-05 by contract "k-1.1" | value as signed: 1500000
	// active 1800000
	// renewal k-1.1 draft
}

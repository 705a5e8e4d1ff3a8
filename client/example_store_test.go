package client_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
)

// A read-modify-write that loses no update: on ErrConflict, re-read and
// re-apply the change.
func ExampleStore_optimisticUpdate() {
	ctx := context.Background()
	store := client.NewMemStore()
	_, _ = store.Create(ctx, client.Client{ID: "c-1", Kind: client.KindCompany, DisplayName: "Vostok", Status: client.StatusActive})

	stale, _ := store.Get(ctx, "c-1")
	fresh, _ := store.Get(ctx, "c-1")
	fresh.Region = "north"
	_, _ = store.Update(ctx, fresh) // someone else wins the race

	stale.VIP = true
	_, err := store.Update(ctx, stale)
	fmt.Println(errors.Is(err, client.ErrConflict))

	current, _ := store.Get(ctx, "c-1") // re-read, re-apply
	current.VIP = true
	saved, _ := store.Update(ctx, current)
	fmt.Println(saved.Region, saved.VIP, saved.Version)
	// Output:
	// true
	// north true 3
}

// Ranging over every client of a manager, page by page.
func ExampleAll() {
	ctx := context.Background()
	store := client.NewMemStore()
	for _, id := range []string{"c-3", "c-1", "c-2"} {
		_, _ = store.Create(ctx, client.Client{ID: id, Kind: client.KindCompany, DisplayName: "Co " + id, ManagerID: "m-anna", Status: client.StatusActive})
	}
	for c, err := range client.All(ctx, store, client.Filter{ManagerID: "m-anna"}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(c.ID, c.DisplayName)
	}
	// Output:
	// c-1 Co c-1
	// c-2 Co c-2
	// c-3 Co c-3
}

// The default policy: a manager reaches their own clients, a lead
// manager also the key accounts, the head of department everyone.
func ExampleAccessPolicy_Check() {
	policy := client.DefaultAccessPolicy()
	key := client.Client{ID: "c-9", ManagerID: "m-boris", KeyAccount: true}

	fmt.Println(policy.Check(authority.Actor{ID: "m-anna", Role: authority.RoleManager}, key, client.ActionRead))
	fmt.Println(policy.Check(authority.Actor{ID: "l-olga", Role: authority.RoleLeadManager}, key, client.ActionChange))
	// Output:
	// client: manager "m-anna" may not read client "c-9"
	// <nil>
}

// Personal data prints redacted; Reveal is the one explicit way to read it.
func ExamplePersonal() {
	c := client.Client{ID: "i-1", Kind: client.KindIndividual, PersonName: client.NewPersonal("Anna Petrova"), Status: client.StatusActive}
	fmt.Printf("%v\n", c.PersonName)
	fmt.Println(c)
	fmt.Println(c.PersonName.Reveal())
	// Output:
	// [redacted]
	// client i-1 "i-1" (individual, active)
	// Anna Petrova
}

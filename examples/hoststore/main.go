// Command hoststore plugs a host's own storage into the client package:
// FileStore keeps clients as JSON files, passes the clienttest
// conformance suite (see filestore_test.go), and is used here exactly as
// the in-memory store is.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/clientele-go/clientele/client"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "hoststore:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, err := os.MkdirTemp("", "clientele-hoststore-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	fileStore, err := NewFileStore(dir)
	if err != nil {
		return err
	}
	defer fileStore.Close()
	var store client.Store = fileStore

	created, err := store.Create(ctx, client.Client{
		ID: "c-100", Kind: client.KindEntrepreneur, DisplayName: "Sidorov workshop",
		PersonName: client.NewPersonal("Ivan Sidorov"),
		Contacts:   client.Contacts{Phone: client.NewPersonal("+7 912 000-11-22")},
		ManagerID:  "m-anna", Status: client.StatusProspect,
	})
	if err != nil {
		return err
	}
	fmt.Println("created:", created)

	stale := created
	created.Region = "Ural"
	if _, err := store.Update(ctx, created); err != nil {
		return err
	}
	stale.VIP = true
	_, err = store.Update(ctx, stale)
	fmt.Println("stale write refused:", errors.Is(err, client.ErrConflict))

	got, err := store.Get(ctx, "c-100")
	if err != nil {
		return err
	}
	fmt.Printf("stored: %v, region %s, version %d, phone %v (revealed on purpose: %s)\n",
		got, got.Region, got.Version, got.Contacts.Phone, got.Contacts.Phone.Reveal())
	return nil
}

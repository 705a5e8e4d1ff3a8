// Command hoststore plugs a host's own storage into the library: one
// JSON file per record, a directory per package's Store (clients,
// contracts, receivables accounts, onboardings). Each store passes its
// package's conformance suite (conformance_test.go); the first three are
// used here exactly as the in-memory stores are. The rules every store owes (the
// version check and the write under one lock, durable writes) are
// written once, in dir.go and records.go; each package's file says what
// is particular to it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/ledger"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "hoststore:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := os.MkdirTemp("", "clientele-hoststore-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(root)
	ctx := context.Background()
	if err := clients(ctx, filepath.Join(root, "clients")); err != nil {
		return err
	}
	if err := contracts(ctx, filepath.Join(root, "contracts")); err != nil {
		return err
	}
	return accounts(ctx, filepath.Join(root, "accounts"))
}

// clients: a stale write is refused; personal data is stored, and
// printed only when revealed on purpose.
func clients(ctx context.Context, dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	s, err := NewClientStore(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	var store client.Store = s

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
	fmt.Println("stale client write refused:", errors.Is(err, client.ErrConflict))

	got, err := store.Get(ctx, "c-100")
	if err != nil {
		return err
	}
	fmt.Printf("stored: %v, region %s, version %d, phone %v (revealed on purpose: %s)\n",
		got, got.Region, got.Version, got.Contacts.Phone, got.Contacts.Phone.Reveal())
	return nil
}

// contracts: a signed contract's history only grows, checked against the
// stored record.
func contracts(ctx context.Context, dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	s, err := NewContractStore(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	var store contract.Store = s

	k, err := store.Create(ctx, contract.Contract{
		ID: "K-100", Number: "S-2026/7", ClientID: "c-100", ManagerID: "m-anna", Type: "supply",
		Value: decimal.NewFromInt(12000), Currency: "EUR",
		Start: clientele.NewDate(2026, time.December, 1), End: clientele.NewDate(2027, time.November, 30),
		PaymentTerms: contract.PaymentTerms{NetDays: 30},
	})
	if err != nil {
		return err
	}
	stale := k
	k.Documents = append(k.Documents, contract.Document{Kind: contract.DocContract, Status: contract.DocReceived})
	if k, err = store.Update(ctx, k); err != nil {
		return err
	}
	_, err = store.Update(ctx, stale)
	fmt.Printf("contract %s stored at version %d with %d document; stale write refused: %v\n",
		k.Number, k.Version, len(k.Documents), errors.Is(err, contract.ErrConflict))
	return nil
}

// accounts: an invoice and a payment recorded in one write, the payment
// retried after a lost acknowledgement without being counted twice.
func accounts(ctx context.Context, dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		return err
	}
	s, err := NewAccountStore(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	var store receivables.Store = s

	acct, err := store.Create(ctx, receivables.Account{ContractID: "K-100", ClientID: "c-100", Currency: "EUR"})
	if err != nil {
		return err
	}
	delivered := clientele.NewDate(2026, time.December, 3)
	rendering := receivables.Entry{Rendering: &receivables.Rendering{ID: "delivery-1", Date: delivered, Amount: decimal.NewFromInt(12000)}}
	if acct, err = store.Record(ctx, acct.ContractID, acct.Version, rendering); err != nil {
		return err
	}
	book, err := receivables.Open(acct)
	if err != nil {
		return err
	}
	invoice, err := book.Issue(contract.PaymentTerms{NetDays: 30}, "INV-1", delivered, "delivery-1")
	if err != nil {
		return err
	}
	payment := receivables.Entry{Payment: &receivables.Payment{Currency: "EUR",
		Payment: ledger.Payment{ID: "bank-1", Date: clientele.NewDate(2026, time.December, 20), Amount: decimal.NewFromInt(4000)}}}
	if acct, err = store.Record(ctx, acct.ContractID, acct.Version, invoice, payment); err != nil {
		return err
	}
	again, err := store.Record(ctx, acct.ContractID, acct.Version-1, payment) // the retry carries the old version
	if err != nil {
		return err
	}
	book, err = receivables.Open(again)
	if err != nil {
		return err
	}
	t, err := book.Totals(clientele.NewDate(2026, time.December, 31))
	if err != nil {
		return err
	}
	fmt.Printf("account %s: version %d after the retried payment (was %d), %d entries, outstanding %s %s\n",
		again.ContractID, again.Version, acct.Version, len(again.Entries), t.Outstanding.StringFixed(2), again.Currency)
	return nil
}

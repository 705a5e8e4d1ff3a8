package main

import (
	"context"
	"encoding/json"

	"github.com/clientele-go/clientele/client"
)

// ClientStore is a host's own client.Store: one JSON file per client in
// a directory. Beside the version rules every store shares (records.go),
// it shows the one thing a client store owes that others do not:
// personal data is persisted explicitly. client.Personal never marshals
// its value, so the store reveals it into its own part of the record,
// where a real host would encrypt it or keep it in another table.
type ClientStore struct {
	records[client.Client, clientKind]
}

// NewClientStore stores clients under dir, which must exist. Close
// releases the directory's lock file.
func NewClientStore(dir string) (*ClientStore, error) {
	d, err := openDir(dir)
	if err != nil {
		return nil, err
	}
	return &ClientStore{records[client.Client, clientKind]{d}}, nil
}

var _ client.Store = (*ClientStore)(nil)

// Get implements client.Store.
func (s *ClientStore) Get(ctx context.Context, id string) (client.Client, error) {
	return s.get(ctx, id)
}

// Create implements client.Store.
func (s *ClientStore) Create(ctx context.Context, c client.Client) (client.Client, error) {
	return s.create(ctx, c, client.ValidateNew)
}

// Update implements client.Store.
func (s *ClientStore) Update(ctx context.Context, c client.Client) (client.Client, error) {
	return s.update(ctx, c, client.Client.Validate, nil)
}

// Delete implements client.Store.
func (s *ClientStore) Delete(ctx context.Context, id string, version int64) error {
	return s.delete(ctx, id, version)
}

// List implements client.Store.
func (s *ClientStore) List(ctx context.Context, filter client.Filter, page client.Page) (client.ListPage, error) {
	valid := func() error { return client.ValidateListArgs(filter, page) }
	clients, next, err := s.list(ctx, valid, page.After, page.Limit, filter.Matches)
	return client.ListPage{Clients: clients, Next: next}, err
}

// clientRecord is the on-disk shape: the client's business fields as
// the client package marshals them (personal data cleared), and the
// personal data beside them from explicit Reveal calls.
type clientRecord struct {
	Client   client.Client  `json:"client"`
	Personal personalRecord `json:"personal"`
}

type personalRecord struct {
	Name      string `json:"name,omitempty"`
	TaxNumber string `json:"tax_number,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Email     string `json:"email,omitempty"`
	Messenger string `json:"messenger,omitempty"`
}

// clientKind tells records how to keep a client.Client.
type clientKind struct{}

func (clientKind) ID(c client.Client) string                          { return c.ID }
func (clientKind) Version(c client.Client) int64                      { return c.Version }
func (clientKind) WithVersion(c client.Client, v int64) client.Client { c.Version = v; return c }

func (clientKind) Encode(c client.Client) ([]byte, error) {
	r := clientRecord{Client: c, Personal: personalRecord{
		Name:      c.PersonName.Reveal(),
		TaxNumber: c.PersonTaxNumber.Reveal(),
		Phone:     c.Contacts.Phone.Reveal(),
		Email:     c.Contacts.Email.Reveal(),
		Messenger: c.Contacts.Messenger.Reveal(),
	}}
	r.Client.PersonName, r.Client.PersonTaxNumber, r.Client.Contacts = client.Personal{}, client.Personal{}, client.Contacts{}
	return json.Marshal(r)
}

func (clientKind) Decode(b []byte) (client.Client, error) {
	var r clientRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return client.Client{}, err
	}
	c := r.Client
	c.PersonName = client.NewPersonal(r.Personal.Name)
	c.PersonTaxNumber = client.NewPersonal(r.Personal.TaxNumber)
	c.Contacts = client.Contacts{
		Phone:     client.NewPersonal(r.Personal.Phone),
		Email:     client.NewPersonal(r.Personal.Email),
		Messenger: client.NewPersonal(r.Personal.Messenger),
	}
	return c, nil
}

func (clientKind) NotFound(op, id string) error {
	return &client.StoreError{Op: op, ClientID: id, Err: client.ErrNotFound}
}

func (clientKind) Conflict(op, id string, given, stored int64) error {
	return &client.StoreError{Op: op, ClientID: id, Given: given, Stored: stored, Err: client.ErrConflict}
}

func (clientKind) Taken(id string) error {
	return &client.StoreError{Op: "create", ClientID: id, Err: client.ErrAlreadyExists}
}

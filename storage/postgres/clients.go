package postgres

import (
	"context"
	"errors"

	"github.com/clientele-go/clientele/client"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// ClientStore is a client.Store over the clients table. Every field of
// client.Client is a column; the personal ones are listed by
// PersonalColumns. The zero ClientStore has no DB: its methods return
// ErrUnavailable errors.
type ClientStore struct{ db *DB }

// Clients returns the client store of db.
func (db *DB) Clients() *ClientStore { return &ClientStore{db: db} }

var _ client.Store = (*ClientStore)(nil)

const clientColumns = `id, kind, display_name, person_name, legal_name, tax_number, person_tax_number,
	phone, email, messenger, manager_id, vip, key_account, industry, region, tags, segments,
	status, status_since, since, version`

// clientArgs lists c's columns in clientColumns order.
func clientArgs(c client.Client) []any {
	return []any{c.ID, int16(c.Kind), c.DisplayName, c.PersonName.Reveal(), c.Legal.LegalName, c.Legal.TaxNumber,
		c.PersonTaxNumber.Reveal(), c.Contacts.Phone.Reveal(), c.Contacts.Email.Reveal(), c.Contacts.Messenger.Reveal(),
		c.ManagerID, c.VIP, c.KeyAccount, c.Industry, c.Region, notNil(c.Tags), notNil(c.Segments),
		int16(c.Status), sqlDate(c.StatusSince), sqlDate(c.Since), c.Version}
}

// scanClient reads one row of clientColumns.
func scanClient(row pgx.Row) (client.Client, error) {
	var (
		c                                        client.Client
		kind, status                             int16
		person, personTax, phone, email, messngr string
		statusSince, since                       pgtype.Date
	)
	err := row.Scan(&c.ID, &kind, &c.DisplayName, &person, &c.Legal.LegalName, &c.Legal.TaxNumber, &personTax,
		&phone, &email, &messngr, &c.ManagerID, &c.VIP, &c.KeyAccount, &c.Industry, &c.Region, &c.Tags, &c.Segments,
		&status, &statusSince, &since, &c.Version)
	if err != nil {
		return client.Client{}, err
	}
	c.Kind, c.Status = client.Kind(kind), client.Status(status)
	c.PersonName, c.PersonTaxNumber = client.NewPersonal(person), client.NewPersonal(personTax)
	c.Contacts = client.Contacts{Phone: client.NewPersonal(phone), Email: client.NewPersonal(email), Messenger: client.NewPersonal(messngr)}
	c.Tags, c.Segments = nilIfEmpty(c.Tags), nilIfEmpty(c.Segments)
	c.StatusSince, c.Since = fromSQLDate(statusSince), fromSQLDate(since)
	return c, nil
}

// Get implements client.Store.
func (s *ClientStore) Get(ctx context.Context, id string) (client.Client, error) {
	if err := start(ctx, s.db, "get client"); err != nil {
		return client.Client{}, err
	}
	c, err := scanClient(s.db.pool.QueryRow(ctx, `SELECT `+clientColumns+` FROM clients WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return client.Client{}, &client.StoreError{Op: "get", ClientID: id, Err: client.ErrNotFound}
	}
	if err != nil {
		return client.Client{}, failed(ctx, "get client", err)
	}
	return c, nil
}

// Create implements client.Store.
func (s *ClientStore) Create(ctx context.Context, c client.Client) (client.Client, error) {
	if err := start(ctx, s.db, "create client"); err != nil {
		return client.Client{}, err
	}
	if err := client.ValidateNew(c); err != nil {
		return client.Client{}, err
	}
	c = c.Clone()
	c.Version = 1
	_, err := s.db.pool.Exec(ctx, `INSERT INTO clients (`+clientColumns+`) VALUES
		($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`, clientArgs(c)...)
	if uniqueViolation(err) {
		return client.Client{}, &client.StoreError{Op: "create", ClientID: c.ID, Err: client.ErrAlreadyExists}
	}
	if err != nil {
		return client.Client{}, failed(ctx, "create client", err)
	}
	return c.Clone(), nil
}

// Update implements client.Store: one conditional UPDATE; when it
// changes no row, the stored version (if any) tells ErrNotFound from
// ErrConflict.
func (s *ClientStore) Update(ctx context.Context, c client.Client) (client.Client, error) {
	if err := start(ctx, s.db, "update client"); err != nil {
		return client.Client{}, err
	}
	if err := c.Validate(); err != nil {
		return client.Client{}, err
	}
	given := c.Version
	c = c.Clone()
	c.Version = given + 1
	tag, err := s.db.pool.Exec(ctx, `UPDATE clients SET kind = $2, display_name = $3, person_name = $4, legal_name = $5,
		tax_number = $6, person_tax_number = $7, phone = $8, email = $9, messenger = $10, manager_id = $11, vip = $12,
		key_account = $13, industry = $14, region = $15, tags = $16, segments = $17, status = $18, status_since = $19,
		since = $20, version = $21
		WHERE id = $1 AND version = $22`, append(clientArgs(c), given)...)
	if err != nil {
		return client.Client{}, failed(ctx, "update client", err)
	}
	if tag.RowsAffected() == 0 {
		return client.Client{}, s.missed(ctx, "update", c.ID, given)
	}
	return c.Clone(), nil
}

// Delete implements client.Store.
func (s *ClientStore) Delete(ctx context.Context, id string, version int64) error {
	if err := start(ctx, s.db, "delete client"); err != nil {
		return err
	}
	tag, err := s.db.pool.Exec(ctx, `DELETE FROM clients WHERE id = $1 AND version = $2`, id, version)
	if err != nil {
		return failed(ctx, "delete client", err)
	}
	if tag.RowsAffected() == 0 {
		return s.missed(ctx, "delete", id, version)
	}
	return nil
}

// missed explains a conditional write that changed nothing: the client
// is gone (ErrNotFound) or at another version (ErrConflict).
func (s *ClientStore) missed(ctx context.Context, op, id string, given int64) error {
	stored, found, err := storedVersion(ctx, s.db.pool, `SELECT version FROM clients WHERE id = $1`, id)
	switch {
	case err != nil:
		return failed(ctx, op+" client", err)
	case !found:
		return &client.StoreError{Op: op, ClientID: id, Err: client.ErrNotFound}
	}
	return &client.StoreError{Op: op, ClientID: id, Given: given, Stored: stored, Err: client.ErrConflict}
}

// List implements client.Store. The segment filter reads the segments
// array (GIN-indexed); the manager filter is indexed on (manager_id, id).
func (s *ClientStore) List(ctx context.Context, filter client.Filter, page client.Page) (client.ListPage, error) {
	if err := start(ctx, s.db, "list clients"); err != nil {
		return client.ListPage{}, err
	}
	if err := client.ValidateListArgs(filter, page); err != nil {
		return client.ListPage{}, err
	}
	var w where
	if filter.ManagerID != "" {
		w.add("manager_id = ?", filter.ManagerID)
	}
	if filter.Status != 0 {
		w.add("status = ?", int16(filter.Status))
	}
	if filter.Segment != "" {
		w.add("segments @> ARRAY[?::text]", filter.Segment)
	}
	q := `SELECT ` + clientColumns + ` FROM clients` + w.keyset("id", page.After, page.Limit)
	rows, err := s.db.pool.Query(ctx, q, w.args...)
	if err != nil {
		return client.ListPage{}, failed(ctx, "list clients", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (client.Client, error) { return scanClient(r) })
	if err != nil {
		return client.ListPage{}, failed(ctx, "list clients", err)
	}
	list, next := nextPage(list, page.Limit, func(c client.Client) string { return c.ID })
	return client.ListPage{Clients: list, Next: next}, nil
}

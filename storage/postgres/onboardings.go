package postgres

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/clientele-go/clientele/onboarding"
	"github.com/jackc/pgx/v5"
)

// OnboardingStore is an onboarding.Store over the onboardings table:
// the fields List filters on (trainee, current mentor, state) and the
// start and end days are columns; the record itself, a history of
// stages, tasks, mentors, results, attempts and reviews read and
// written whole, is jsonb. The zero OnboardingStore has no DB: its
// methods return ErrUnavailable errors.
type OnboardingStore struct{ db *DB }

// Onboardings returns the onboarding store of db.
func (db *DB) Onboardings() *OnboardingStore { return &OnboardingStore{db: db} }

var _ onboarding.Store = (*OnboardingStore)(nil)

// onboardingArgs lists o's columns: id, trainee_id, mentor_id, state,
// started, ended, record, version.
func onboardingArgs(o onboarding.Onboarding) ([]any, error) {
	record, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	return []any{o.ID, o.Trainee.ID, o.MentorID(), int16(o.State), sqlDate(o.Started), sqlDate(o.Ended), record, o.Version}, nil
}

// scanOnboarding reads a record and its version.
func scanOnboarding(row pgx.Row) (onboarding.Onboarding, error) {
	var (
		record  []byte
		version int64
	)
	if err := row.Scan(&record, &version); err != nil {
		return onboarding.Onboarding{}, err
	}
	var o onboarding.Onboarding
	if err := json.Unmarshal(record, &o); err != nil {
		return onboarding.Onboarding{}, err
	}
	o.Version = version
	return o, nil
}

// Get implements onboarding.Store.
func (s *OnboardingStore) Get(ctx context.Context, id string) (onboarding.Onboarding, error) {
	if err := start(ctx, s.db, "get onboarding"); err != nil {
		return onboarding.Onboarding{}, err
	}
	o, err := scanOnboarding(s.db.pool.QueryRow(ctx, `SELECT record, version FROM onboardings WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return onboarding.Onboarding{}, &onboarding.StoreError{Op: "get", OnboardingID: id, Err: onboarding.ErrNotFound}
	}
	if err != nil {
		return onboarding.Onboarding{}, failed(ctx, "get onboarding", err)
	}
	return o, nil
}

// Create implements onboarding.Store.
func (s *OnboardingStore) Create(ctx context.Context, o onboarding.Onboarding) (onboarding.Onboarding, error) {
	if err := start(ctx, s.db, "create onboarding"); err != nil {
		return onboarding.Onboarding{}, err
	}
	if err := onboarding.ValidateNew(o); err != nil {
		return onboarding.Onboarding{}, err
	}
	o = o.Clone()
	o.Version = 1
	args, err := onboardingArgs(o)
	if err != nil {
		return onboarding.Onboarding{}, err
	}
	_, err = s.db.pool.Exec(ctx, `INSERT INTO onboardings (id, trainee_id, mentor_id, state, started, ended, record, version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, args...)
	if uniqueViolation(err) {
		return onboarding.Onboarding{}, &onboarding.StoreError{Op: "create", OnboardingID: o.ID, Err: onboarding.ErrAlreadyExists}
	}
	if err != nil {
		return onboarding.Onboarding{}, failed(ctx, "create onboarding", err)
	}
	return o.Clone(), nil
}

// Update implements onboarding.Store with one conditional UPDATE.
func (s *OnboardingStore) Update(ctx context.Context, o onboarding.Onboarding) (onboarding.Onboarding, error) {
	if err := start(ctx, s.db, "update onboarding"); err != nil {
		return onboarding.Onboarding{}, err
	}
	if err := o.Validate(); err != nil {
		return onboarding.Onboarding{}, err
	}
	given := o.Version
	o = o.Clone()
	o.Version = given + 1
	args, err := onboardingArgs(o)
	if err != nil {
		return onboarding.Onboarding{}, err
	}
	tag, err := s.db.pool.Exec(ctx, `UPDATE onboardings SET trainee_id = $2, mentor_id = $3, state = $4, started = $5,
		ended = $6, record = $7, version = $8 WHERE id = $1 AND version = $9`, append(args, given)...)
	if err != nil {
		return onboarding.Onboarding{}, failed(ctx, "update onboarding", err)
	}
	if tag.RowsAffected() == 0 {
		return onboarding.Onboarding{}, s.missed(ctx, "update", o.ID, given)
	}
	return o.Clone(), nil
}

// Delete implements onboarding.Store.
func (s *OnboardingStore) Delete(ctx context.Context, id string, version int64) error {
	if err := start(ctx, s.db, "delete onboarding"); err != nil {
		return err
	}
	tag, err := s.db.pool.Exec(ctx, `DELETE FROM onboardings WHERE id = $1 AND version = $2`, id, version)
	if err != nil {
		return failed(ctx, "delete onboarding", err)
	}
	if tag.RowsAffected() == 0 {
		return s.missed(ctx, "delete", id, version)
	}
	return nil
}

// missed explains a conditional write that changed nothing.
func (s *OnboardingStore) missed(ctx context.Context, op, id string, given int64) error {
	stored, found, err := storedVersion(ctx, s.db.pool, `SELECT version FROM onboardings WHERE id = $1`, id)
	switch {
	case err != nil:
		return failed(ctx, op+" onboarding", err)
	case !found:
		return &onboarding.StoreError{Op: op, OnboardingID: id, Err: onboarding.ErrNotFound}
	}
	return &onboarding.StoreError{Op: op, OnboardingID: id, Given: given, Stored: stored, Err: onboarding.ErrConflict}
}

// List implements onboarding.Store.
func (s *OnboardingStore) List(ctx context.Context, filter onboarding.Filter, page onboarding.Page) (onboarding.ListPage, error) {
	if err := start(ctx, s.db, "list onboardings"); err != nil {
		return onboarding.ListPage{}, err
	}
	if err := onboarding.ValidateListArgs(filter, page); err != nil {
		return onboarding.ListPage{}, err
	}
	var w where
	if filter.TraineeID != "" {
		w.add("trainee_id = ?", filter.TraineeID)
	}
	if filter.MentorID != "" {
		w.add("mentor_id = ?", filter.MentorID)
	}
	if filter.State != 0 {
		w.add("state = ?", int16(filter.State))
	}
	rows, err := s.db.pool.Query(ctx, `SELECT record, version FROM onboardings`+w.keyset("id", page.After, page.Limit), w.args...)
	if err != nil {
		return onboarding.ListPage{}, failed(ctx, "list onboardings", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (onboarding.Onboarding, error) { return scanOnboarding(r) })
	if err != nil {
		return onboarding.ListPage{}, failed(ctx, "list onboardings", err)
	}
	list, next := nextPage(list, page.Limit, func(o onboarding.Onboarding) string { return o.ID })
	return onboarding.ListPage{Onboardings: list, Next: next}, nil
}

package main

import (
	"context"
	"fmt"
)

// kind tells a records store how to keep one package's record: its ID
// and version, its bytes on disk, and the package's own store errors,
// so each store returns exactly what its package's Store documents.
// Like the library's in-memory core, a kind is an empty struct: the
// rules of versions and locking are written once, in records.
type kind[R any] interface {
	ID(r R) string
	Version(r R) int64
	WithVersion(r R, v int64) R
	Encode(r R) ([]byte, error)
	Decode(b []byte) (R, error)
	NotFound(op, id string) error
	Conflict(op, id string, given, stored int64) error
	Taken(id string) error
}

// records keeps versioned records of type R in a dir: the optimistic
// concurrency every Store promises (Create stores version 1, a write
// carrying another version than the stored one is refused), checked
// under the directory lock.
type records[R any, K kind[R]] struct{ *dir }

// load reads id's record. The caller holds the dir's mutex, shared or
// exclusive.
func (s records[R, K]) load(op, id string) (R, error) {
	var k K
	var zero R
	b, err := s.read(id)
	if isMissing(err) {
		return zero, k.NotFound(op, id)
	}
	if err != nil {
		return zero, err
	}
	r, err := k.Decode(b)
	if err != nil {
		return zero, fmt.Errorf("record %q: corrupt: %w", id, err)
	}
	return r, nil
}

func (s records[R, K]) save(r R) error {
	var k K
	b, err := k.Encode(r)
	if err != nil {
		return err
	}
	return s.write(k.ID(r), b)
}

func (s records[R, K]) get(ctx context.Context, id string) (R, error) {
	if err := ctx.Err(); err != nil {
		var zero R
		return zero, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.load("get", id)
}

// create stores r at version 1 after valid accepts it.
func (s records[R, K]) create(ctx context.Context, r R, valid func(R) error) (R, error) {
	var k K
	var zero R
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	if err := valid(r); err != nil {
		return zero, err
	}
	r = k.WithVersion(r, 1)
	err := s.exclusive(func() error {
		_, err := s.read(k.ID(r))
		switch {
		case err == nil:
			return k.Taken(k.ID(r))
		case !isMissing(err):
			return err
		}
		return s.save(r)
	})
	if err != nil {
		return zero, err
	}
	return r, nil
}

// update replaces the stored record if r carries its version. valid
// checks r alone; check, if not nil, checks r against the stored record
// under the lock, once the version matches.
func (s records[R, K]) update(ctx context.Context, r R, valid func(R) error, check func(stored, updated R) error) (R, error) {
	var k K
	var zero R
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	if valid != nil {
		if err := valid(r); err != nil {
			return zero, err
		}
	}
	err := s.exclusive(func() error {
		stored, err := s.load("update", k.ID(r))
		if err != nil {
			return err
		}
		if k.Version(stored) != k.Version(r) {
			return k.Conflict("update", k.ID(r), k.Version(r), k.Version(stored))
		}
		if check != nil {
			if err := check(stored, r); err != nil {
				return err
			}
		}
		r = k.WithVersion(r, k.Version(r)+1)
		return s.save(r)
	})
	if err != nil {
		return zero, err
	}
	return r, nil
}

// replace hands the stored record to change, under the lock, and
// stores what it returns when it says written; for writes the plain
// version rule does not fit (a retried payment is no conflict).
func (s records[R, K]) replace(ctx context.Context, op, id string, change func(stored R) (next R, write bool, err error)) (R, error) {
	var zero R
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	var out R
	err := s.exclusive(func() error {
		stored, err := s.load(op, id)
		if err != nil {
			return err
		}
		next, write, err := change(stored)
		if err != nil {
			return err
		}
		out = next
		if !write {
			return nil
		}
		return s.save(next)
	})
	if err != nil {
		return zero, err
	}
	return out, nil
}

func (s records[R, K]) delete(ctx context.Context, id string, version int64) error {
	var k K
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.exclusive(func() error {
		stored, err := s.load("delete", id)
		if err != nil {
			return err
		}
		if k.Version(stored) != version {
			return k.Conflict("delete", id, version, k.Version(stored))
		}
		return s.remove(id)
	})
}

// list returns up to limit records after the ID after that matches
// accepts, and the ID to continue after when more may match. valid
// checks the caller's filter and page first.
func (s records[R, K]) list(ctx context.Context, valid func() error, after string, limit int, matches func(R) bool) ([]R, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if err := valid(); err != nil {
		return nil, "", err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids, err := s.idsAfter(after)
	if err != nil {
		return nil, "", err
	}
	var k K
	var page []R
	for _, id := range ids {
		r, err := s.load("list", id)
		if err != nil {
			return nil, "", err
		}
		if !matches(r) {
			continue
		}
		if len(page) == limit {
			return page, k.ID(page[len(page)-1]), nil
		}
		page = append(page, r)
	}
	return page, "", nil
}

package main

import (
	"context"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/clientele-go/clientele/client"
)

// FileStore is a host's own client.Store: one JSON file per client in a
// directory. It stands for whatever database a host really uses and shows
// the things every implementation owes the library: validate before
// writing, check the version under the same lock as the write, make an
// acknowledged write durable, and persist personal data explicitly
// (client.Personal never marshals its value, so the store reveals it
// into its own record).
//
// Any number of FileStores, in one process or several, may share a
// directory: every write holds an exclusive lock on the directory's lock
// file from reading the stored version to renaming the new record into
// place, as a database holds a transaction (or runs a conditional
// UPDATE ... WHERE version = $n). Reads take no lock: a rename replaces a
// record whole.
type FileStore struct {
	dir  string
	lock *os.File // dir/.lock, locked around every write
	mu   sync.RWMutex
	// sync is (*os.File).Sync; a test records the calls.
	sync func(*os.File) error
}

// lockName is the lock file; record names never start with a dot.
const lockName = ".lock"

// NewFileStore stores clients under dir, which must exist, and fails
// when the directory cannot be locked. Close releases the lock file.
func NewFileStore(dir string) (*FileStore, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	// Lock once now, so a system without file locks fails here rather
	// than on the first write.
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("hoststore: cannot lock %s: %w", dir, err)
	}
	if err := unlockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &FileStore{dir: dir, lock: f, sync: (*os.File).Sync}, nil
}

// Close releases the lock file. The store must not be used after.
func (s *FileStore) Close() error { return s.lock.Close() }

// exclusive runs fn holding this store's mutex and the directory lock,
// so no other goroutine or FileStore writes between fn's read and write.
func (s *FileStore) exclusive(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := lockFile(s.lock); err != nil {
		return err
	}
	err := fn()
	if uerr := unlockFile(s.lock); err == nil {
		err = uerr
	}
	return err
}

var _ client.Store = (*FileStore)(nil)

// record is the on-disk shape: the client's business fields as the
// client package marshals them, personal data cleared, and the personal
// data stored beside them from explicit Reveal calls.
type record struct {
	Client   client.Client `json:"client"`
	Personal personal      `json:"personal"`
}

type personal struct {
	Name      string `json:"name,omitempty"`
	TaxNumber string `json:"tax_number,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Email     string `json:"email,omitempty"`
	Messenger string `json:"messenger,omitempty"`
}

func toRecord(c client.Client) record {
	r := record{Client: c, Personal: personal{
		Name:      c.PersonName.Reveal(),
		TaxNumber: c.PersonTaxNumber.Reveal(),
		Phone:     c.Contacts.Phone.Reveal(),
		Email:     c.Contacts.Email.Reveal(),
		Messenger: c.Contacts.Messenger.Reveal(),
	}}
	r.Client.PersonName, r.Client.PersonTaxNumber, r.Client.Contacts = client.Personal{}, client.Personal{}, client.Contacts{}
	return r
}

func (r record) toClient() client.Client {
	c := r.Client
	c.PersonName = client.NewPersonal(r.Personal.Name)
	c.PersonTaxNumber = client.NewPersonal(r.Personal.TaxNumber)
	c.Contacts = client.Contacts{
		Phone:     client.NewPersonal(r.Personal.Phone),
		Email:     client.NewPersonal(r.Personal.Email),
		Messenger: client.NewPersonal(r.Personal.Messenger),
	}
	return c
}

// names encodes an ID as a file name: base32hex uses only digits and
// upper-case letters, so no ID makes a hidden file, a path or a name that
// a case-insensitive file system (macOS, Windows) confuses with another,
// and the longest ID (128 bytes) makes 205 characters, within the usual
// 255-byte limit on a file name.
var names = base32.HexEncoding.WithPadding(base32.NoPadding)

func (s *FileStore) path(id string) string {
	return filepath.Join(s.dir, names.EncodeToString([]byte(id))+".json")
}

func (s *FileStore) read(id string) (client.Client, error) {
	b, err := os.ReadFile(s.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return client.Client{}, fmt.Errorf("client %q: %w", id, client.ErrNotFound)
	}
	if err != nil {
		return client.Client{}, err
	}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return client.Client{}, fmt.Errorf("client %q: corrupt record: %w", id, err)
	}
	return r.toClient(), nil
}

// write replaces the file atomically and durably: a crash leaves the old
// or the new record, never half of one, and once write returns the new
// record survives a power cut. The data is synced before the rename (or
// the rename could reach the disk before the data), the directory after
// it (or the rename itself could be lost).
func (s *FileStore) write(c client.Client) error {
	b, err := json.Marshal(toRecord(c))
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(s.dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := s.sync(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), s.path(c.ID)); err != nil {
		return err
	}
	return s.syncDir()
}

// syncDir makes the directory's entries (a rename, a removal) durable.
func (s *FileStore) syncDir() error {
	d, err := os.Open(s.dir)
	if err != nil {
		return err
	}
	err = s.sync(d)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// Get implements client.Store.
func (s *FileStore) Get(ctx context.Context, id string) (client.Client, error) {
	if err := ctx.Err(); err != nil {
		return client.Client{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.read(id)
}

// Create implements client.Store.
func (s *FileStore) Create(ctx context.Context, c client.Client) (client.Client, error) {
	if err := ctx.Err(); err != nil {
		return client.Client{}, err
	}
	if err := client.ValidateNew(c); err != nil {
		return client.Client{}, err
	}
	err := s.exclusive(func() error {
		if _, err := s.read(c.ID); !errors.Is(err, client.ErrNotFound) {
			if err == nil {
				err = fmt.Errorf("client %q: %w", c.ID, client.ErrAlreadyExists)
			}
			return err
		}
		c.Version = 1
		return s.write(c)
	})
	if err != nil {
		return client.Client{}, err
	}
	return c, nil
}

// Update implements client.Store.
func (s *FileStore) Update(ctx context.Context, c client.Client) (client.Client, error) {
	if err := ctx.Err(); err != nil {
		return client.Client{}, err
	}
	if err := c.Validate(); err != nil {
		return client.Client{}, err
	}
	err := s.exclusive(func() error {
		stored, err := s.read(c.ID)
		if err != nil {
			return err
		}
		if stored.Version != c.Version {
			return fmt.Errorf("client %q: given version %d, stored %d: %w", c.ID, c.Version, stored.Version, client.ErrConflict)
		}
		c.Version++
		return s.write(c)
	})
	if err != nil {
		return client.Client{}, err
	}
	return c, nil
}

// Delete implements client.Store.
func (s *FileStore) Delete(ctx context.Context, id string, version int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.exclusive(func() error {
		stored, err := s.read(id)
		if err != nil {
			return err
		}
		if stored.Version != version {
			return fmt.Errorf("client %q: given version %d, stored %d: %w", id, version, stored.Version, client.ErrConflict)
		}
		if err := os.Remove(s.path(id)); err != nil {
			return err
		}
		return s.syncDir()
	})
}

// List implements client.Store by reading the directory: fine for an
// example, a database would use an index on the ID.
func (s *FileStore) List(ctx context.Context, filter client.Filter, page client.Page) (client.ListPage, error) {
	if err := ctx.Err(); err != nil {
		return client.ListPage{}, err
	}
	if err := client.ValidateListArgs(filter, page); err != nil {
		return client.ListPage{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return client.ListPage{}, err
	}
	var ids []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue // the lock file, a temporary file a crash left
		}
		id, err := names.DecodeString(name)
		if err != nil {
			return client.ListPage{}, fmt.Errorf("file %q is not a client record: %w", e.Name(), err)
		}
		if string(id) > page.After {
			ids = append(ids, string(id))
		}
	}
	slices.Sort(ids)
	var res client.ListPage
	for _, id := range ids {
		c, err := s.read(id)
		if err != nil {
			return client.ListPage{}, err
		}
		if !filter.Matches(c) {
			continue
		}
		if len(res.Clients) == page.Limit {
			res.Next = res.Clients[len(res.Clients)-1].ID
			break
		}
		res.Clients = append(res.Clients, c)
	}
	return res, nil
}

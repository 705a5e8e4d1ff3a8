package main

import (
	"encoding/base32"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// dir is a directory of records, one file per ID: the storage every
// store of this example shares. It shows what any implementation owes
// the library, whatever its database: check the version under the same
// lock as the write, and make an acknowledged write durable.
//
// Any number of dirs, in one process or several, may share a directory:
// every write holds an exclusive lock on the directory's lock file from
// reading the stored version to renaming the new record into place, as a
// database holds a transaction (or runs a conditional UPDATE ... WHERE
// version = $n). Reads take no lock: a rename replaces a record whole.
type dir struct {
	path string
	lock *os.File // path/.lock, locked around every write
	mu   sync.RWMutex
	// sync is (*os.File).Sync; a test records the calls.
	sync func(*os.File) error
}

// lockName is the lock file; record names never start with a dot.
const lockName = ".lock"

// openDir keeps records under path, which must exist, and fails when the
// directory cannot be locked. Close releases the lock file.
func openDir(path string) (*dir, error) {
	f, err := os.OpenFile(filepath.Join(path, lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	// Lock once now, so a system without file locks fails here rather
	// than on the first write.
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("hoststore: cannot lock %s: %w", path, err)
	}
	if err := unlockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &dir{path: path, lock: f, sync: (*os.File).Sync}, nil
}

// Close releases the lock file. The dir must not be used after.
func (d *dir) Close() error { return d.lock.Close() }

// exclusive runs fn holding this dir's mutex and the directory lock, so
// no other goroutine or process writes between fn's read and write.
func (d *dir) exclusive(fn func() error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := lockFile(d.lock); err != nil {
		return err
	}
	err := fn()
	if uerr := unlockFile(d.lock); err == nil {
		err = uerr
	}
	return err
}

// names encodes an ID as a file name: base32hex uses only digits and
// upper-case letters, so no ID makes a hidden file, a path or a name that
// a case-insensitive file system (macOS, Windows) confuses with another,
// and the longest ID (128 bytes) makes 205 characters, within the usual
// 255-byte limit on a file name.
var names = base32.HexEncoding.WithPadding(base32.NoPadding)

func (d *dir) file(id string) string {
	return filepath.Join(d.path, names.EncodeToString([]byte(id))+".json")
}

// read returns the stored bytes of id; fs.ErrNotExist when none are.
func (d *dir) read(id string) ([]byte, error) { return os.ReadFile(d.file(id)) }

// write replaces the record atomically and durably: a crash leaves the
// old or the new record, never half of one, and once write returns the
// new record survives a power cut. The data is synced before the rename
// (or the rename could reach the disk before the data), the directory
// after it (or the rename itself could be lost).
func (d *dir) write(id string, b []byte) error {
	tmp, err := os.CreateTemp(d.path, ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := d.sync(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), d.file(id)); err != nil {
		return err
	}
	return d.syncDir()
}

// remove deletes the record durably.
func (d *dir) remove(id string) error {
	if err := os.Remove(d.file(id)); err != nil {
		return err
	}
	return d.syncDir()
}

// syncDir makes the directory's entries (a rename, a removal) durable.
func (d *dir) syncDir() error {
	f, err := os.Open(d.path)
	if err != nil {
		return err
	}
	err = d.sync(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// idsAfter returns the stored IDs that sort after after, in ascending
// byte order: the keyset order every Store pages in. It reads the whole
// directory: fine for an example, a database would use an index.
func (d *dir) idsAfter(after string) ([]string, error) {
	entries, err := os.ReadDir(d.path)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok {
			continue // the lock file, a temporary file a crash left
		}
		id, err := names.DecodeString(name)
		if err != nil {
			return nil, fmt.Errorf("file %q is not a record: %w", e.Name(), err)
		}
		if string(id) > after {
			ids = append(ids, string(id))
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// isMissing reports whether err says a record file does not exist.
func isMissing(err error) bool { return errors.Is(err, fs.ErrNotExist) }

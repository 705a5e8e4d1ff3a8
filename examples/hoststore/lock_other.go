//go:build !(darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd)

package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
)

// Without flock a second store could overwrite the first's writes,
// so openDir refuses to open a directory here.
func lockFile(*os.File) error {
	return fmt.Errorf("no directory lock on %s: %w", runtime.GOOS, errors.ErrUnsupported)
}

func unlockFile(*os.File) error { return nil }

// Package enum implements the text form shared by the library's typed
// enumerations: each enum is a small unsigned integer whose zero value
// means "not set", with a fixed table of names. The public enum types
// keep their own methods (String, MarshalText, UnmarshalText, Parse...) and
// delegate here, each in one line, so every enum behaves the same way:
//
//	func (k *Kind) UnmarshalText(b []byte) error { return enum.Unmarshal(kindNames, "client kind", k, b) }
package enum

import (
	"fmt"

	"github.com/clientele-go/clientele"
)

// Names maps an enum value (its index) to its name; index 0 is the
// unset value and its name is ignored.
type Names []string

// String returns the name of v, or "<type>(n)" for a value outside the
// table, so a corrupted value is visible rather than printed as a valid one.
func String[T ~uint8](names Names, typeName string, v T) string {
	if v > 0 && int(v) < len(names) {
		return names[v]
	}
	if v == 0 {
		return ""
	}
	return fmt.Sprintf("%s(%d)", typeName, uint8(v))
}

// Valid reports whether v is a named, non-zero value.
func Valid[T ~uint8](names Names, v T) bool {
	return v > 0 && int(v) < len(names)
}

// Parse returns the value named s. An unknown name is an error that
// quotes it and lists the accepted names.
func Parse[T ~uint8](names Names, typeName, s string) (T, error) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return T(i), nil
		}
	}
	return 0, &unknownError{fmt.Sprintf("unknown %s %q (want one of %v)", typeName, clientele.FormatValue(s), []string(names[1:]))}
}

// unknownError is an unknown name: bad input, so it matches
// clientele.ErrInvalid.
type unknownError struct{ msg string }

func (e *unknownError) Error() string { return e.msg }
func (e *unknownError) Unwrap() error { return clientele.ErrInvalid }

// Unmarshal sets *v to the value named by the text b, as an enum's
// UnmarshalText does; an unknown name is Parse's error and leaves *v
// unchanged.
func Unmarshal[T ~uint8](names Names, typeName string, v *T, b []byte) error {
	x, err := Parse[T](names, typeName, string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// Marshal returns the text form of v, refusing values that have no name
// so that an unset or corrupted value is never written out as if valid.
func Marshal[T ~uint8](names Names, typeName string, v T) ([]byte, error) {
	if !Valid(names, v) {
		return nil, fmt.Errorf("cannot marshal %s(%d): not a valid value", typeName, uint8(v))
	}
	return []byte(names[v]), nil
}

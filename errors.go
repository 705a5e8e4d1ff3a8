package clientele

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The shared sentinels. Every package's sentinel of the same kind wraps
// one of these, so errors.Is(err, clientele.ErrInvalid) catches bad input
// from any package.
var (
	// ErrInvalid marks bad input: a record, a config, a rule file or a
	// calculation's input that fails validation.
	ErrInvalid = errors.New("invalid input")
	// ErrNotFound marks a lookup of an ID that a store does not hold.
	ErrNotFound = errors.New("not found")
	// ErrConflict marks a write that lost a race (a stale version) or
	// input that contradicts itself (two rules that cannot be ordered).
	ErrConflict = errors.New("conflict")
	// ErrForbidden marks an act the actor may not perform: no access to
	// a record, or an amount beyond their authority.
	ErrForbidden = errors.New("forbidden")
)

// FieldError is one problem with one input field.
type FieldError struct {
	// Field is the path of the offending field as the caller spells it in
	// JSON, e.g. "thresholds.a" or "lines[3].quantity"; "" for the input
	// as a whole.
	Field string
	// Value is the offending value, nil when there is none (a missing
	// field). Personal data is only ever passed in a type that redacts
	// itself when printed.
	Value any
	// Reason says what is wrong, in words a developer can act on.
	Reason string
}

// Error returns "field = value: reason", printing the value compactly:
// a decimal with a huge exponent as "1e999999999" (written out, it would
// run to a billion digits) and a long string by its start and length.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Field)
	if e.Value != nil {
		if e.Field != "" {
			b.WriteString(" = ")
		}
		b.WriteString(FormatValue(e.Value))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Bounds of FormatValue: longer values are shortened so that an error
// message stays readable whatever the input was.
const (
	maxPrintedDigits = 40
	maxPrintedBytes  = 64
)

// FormatValue prints a value for an error message in bounded space: a
// decimal.Decimal in plain form when that is short, else as coefficient
// "e" exponent ("1e999999999", "123...(5000 digits)e-2"); a string longer
// than 64 bytes as its start, "...", and its length. Anything else is
// printed with %v, so a type that redacts itself stays redacted.
func FormatValue(v any) string {
	switch x := v.(type) {
	case decimal.Decimal:
		return formatDecimal(x)
	case decimal.NullDecimal:
		if !x.Valid {
			return "null"
		}
		return formatDecimal(x.Decimal)
	case string:
		if len(x) <= maxPrintedBytes {
			return x
		}
		n := maxPrintedBytes / 2
		for n > 0 && !utf8.RuneStart(x[n]) {
			n--
		}
		return x[:n] + "...(" + strconv.Itoa(len(x)) + " bytes)"
	default:
		return fmt.Sprintf("%v", v)
	}
}

func formatDecimal(d decimal.Decimal) string {
	exp := d.Exponent()
	if exp >= -maxPrintedDigits && exp <= maxPrintedDigits && d.NumDigits()+int(max(exp, 0)) <= maxPrintedDigits {
		return d.String()
	}
	coef := d.Coefficient().String()
	if len(coef) > maxPrintedDigits {
		digits := len(coef)
		if coef[0] == '-' {
			digits--
		}
		coef = coef[:maxPrintedDigits/2] + "...(" + strconv.Itoa(digits) + " digits)"
	}
	return coef + "e" + strconv.Itoa(int(exp))
}

// ValidationError lists every problem found in one input. It matches
// Kind (the package's sentinel, which matches ErrInvalid) and every
// sentinel in Also with errors.Is, and each field problem with
// errors.As(err, &fieldErr).
type ValidationError struct {
	// Kind is the sentinel of the package that validated the input, such
	// as client.ErrInvalid; its message is the error's one prefix.
	Kind error
	// Also holds further sentinels the problems match, such as
	// discount.ErrUnknownSKU, without adding to the message.
	Also []error
	// Fields are the problems, in the order found.
	Fields []*FieldError
}

// Error returns "kind: problem; problem; ...".
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.Kind != nil {
		b.WriteString(e.Kind.Error())
	} else {
		b.WriteString(ErrInvalid.Error())
	}
	for i, f := range e.Fields {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Error())
	}
	return b.String()
}

// Unwrap exposes the kind, the other sentinels and every field problem to
// errors.Is and errors.As. A ValidationError without a kind still
// matches ErrInvalid.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, 0, len(e.Fields)+len(e.Also)+1)
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	} else {
		errs = append(errs, ErrInvalid)
	}
	errs = append(errs, e.Also...)
	for _, f := range e.Fields {
		errs = append(errs, f)
	}
	return errs
}

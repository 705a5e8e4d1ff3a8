package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"unique"
	"unsafe"
)

// Redacted is what every implicit rendering of personal data prints
// instead of the data.
const Redacted = "[redacted]"

// Personal holds one item of personal data: an individual's name, a
// phone number, an e-mail address, a messenger handle. Whoever uses it
// without authority answers for it (the article lists "no unauthorised
// use of personal data" among a manager's responsibilities), so the value
// never leaks by accident: String, every fmt verb, slog and JSON print
// [Redacted], or nothing when the value is empty. Printers that walk
// values by reflection without calling methods (fmt's bad-verb path for
// %p and %w, fmt and slog on a host's unexported fields, testify's diffs)
// find only an address: the text sits behind an unsafe.Pointer, which no
// printer dereferences. Reading it is one explicit call,
// [Personal.Reveal], easy to find in a code review.
//
// The zero value is empty. Personal values are comparable, and equal
// exactly when their texts are (== and reflect.DeepEqual alike).
type Personal struct {
	// text points to the canonical copy of the text (a *string interned
	// by package unique, so equal texts share one pointer), nil for "".
	// An unsafe.Pointer rather than a *string, because printers such as
	// spew follow a *string and print the text.
	text unsafe.Pointer
}

// The pointer is taken out of a unique.Handle, a struct holding one *T;
// this fails to compile if the Handle's size ever changes, and
// TestPersonalEqualityIsByValue checks the pointer leads to the text.
var _ = [1]struct{}{}[unsafe.Sizeof(unique.Handle[string]{})-unsafe.Sizeof(unsafe.Pointer(nil))]

// NewPersonal wraps s as personal data.
func NewPersonal(s string) Personal {
	if s == "" {
		return Personal{}
	}
	h := unique.Make(s)
	// The garbage collector keeps the canonical string alive through
	// text, and unique keeps handing out the same pointer while it lives.
	return Personal{text: *(*unsafe.Pointer)(unsafe.Pointer(&h))}
}

// Reveal returns the personal data itself. Call it only where the data
// is needed (to dial, to write the e-mail, to persist the record), after
// the AccessPolicy allowed the reader.
func (p Personal) Reveal() string {
	if p.text == nil {
		return ""
	}
	return *(*string)(p.text)
}

// IsZero reports whether p holds nothing.
func (p Personal) IsZero() bool { return p.text == nil }

func (p Personal) redacted() string {
	if p.IsZero() {
		return ""
	}
	return Redacted
}

// String returns [Redacted], or "" for an empty value.
func (p Personal) String() string { return p.redacted() }

// GoString keeps %#v from printing the value.
func (p Personal) GoString() string { return fmt.Sprintf("client.Personal(%q)", p.redacted()) }

// Format handles every verb fmt calls it for, so no verb or flag prints
// the value. For %p and %w fmt prints the struct itself instead, which
// shows only the address of the text.
func (p Personal) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprint(f, p.GoString())
	case verb == 'q':
		fmt.Fprintf(f, "%q", p.redacted())
	default:
		fmt.Fprint(f, p.redacted())
	}
}

// LogValue implements slog.LogValuer.
func (p Personal) LogValue() slog.Value { return slog.StringValue(p.redacted()) }

// MarshalJSON writes [Redacted] (or ""), so a client marshalled into a
// log line or an API response carries no personal data. A host that
// persists clients as JSON writes the personal fields itself, from
// Reveal, into its own storage record.
func (p Personal) MarshalJSON() ([]byte, error) { return json.Marshal(p.redacted()) }

// errRedactedInput refuses to load a redacted marker as if it were data:
// round-tripping a redacted JSON document would otherwise replace a real
// phone number with the text "[redacted]" and lose it.
var errRedactedInput = errors.New("client: refusing to load redacted personal data as a value")

// UnmarshalJSON reads a JSON string. The [Redacted] marker is refused so a
// redacted document cannot overwrite real data.
func (p *Personal) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("client: personal data must be a JSON string: %w", err)
	}
	if s == Redacted {
		return errRedactedInput
	}
	*p = NewPersonal(s)
	return nil
}

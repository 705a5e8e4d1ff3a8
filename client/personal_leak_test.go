package client

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostRecord is a host's own struct holding personal data in unexported
// fields: fmt and slog print those by reflection, without calling
// Personal's methods, so only the representation can keep them safe.
type hostRecord struct {
	note     string
	email    Personal
	contacts Contacts
	client   Client
	list     []Personal
}

func newHostRecord() hostRecord {
	c := individual()
	return hostRecord{note: "visible", email: c.Contacts.Email, contacts: c.Contacts, client: c, list: []Personal{c.PersonName}}
}

// leakChecks are the secrets as printed raw, in hex (%x, %X) and quoted.
func leakChecks() []string {
	var out []string
	for _, s := range secrets {
		out = append(out, s, hex.EncodeToString([]byte(s)), strings.ToUpper(hex.EncodeToString([]byte(s))))
	}
	return out
}

func assertNoLeak(t *testing.T, path, out string) {
	t.Helper()
	for _, s := range leakChecks() {
		if strings.Contains(out, s) {
			t.Errorf("%s leaks %q: %s", path, s, out)
		}
	}
}

// TestPersonalUnreachableByReflection prints personal data every way a
// host can by accident: each fmt verb (the bad-verb path of %p and %w
// skips Format), fmt.Errorf's %w, unexported fields of a host's struct
// (where fmt calls no method), slog's handlers and encoding/json.
func TestPersonalUnreachableByReflection(t *testing.T) {
	c := individual()
	rec := newHostRecord()
	values := map[string]any{
		"Personal":          c.Contacts.Email,
		"*Personal":         &c.Contacts.Email,
		"Client":            c,
		"*Client":           &c,
		"Contacts":          c.Contacts,
		"host struct":       rec,
		"*host struct":      &rec,
		"[]host struct":     []hostRecord{rec},
		"map of host":       map[string]hostRecord{"k": rec},
		"anonymous wrapper": struct{ r hostRecord }{rec},
	}
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%p", "%w", "%T", "%d"}
	for name, v := range values {
		for _, verb := range verbs {
			assertNoLeak(t, verb+" of "+name, fmt.Sprintf(verb, v))
		}
		assertNoLeak(t, "fmt.Errorf %w of "+name, fmt.Errorf(wrapFormat, v).Error())
		assertNoLeak(t, "fmt.Sprint of "+name, fmt.Sprint(v))
		assertNoLeak(t, "fmt.Sprintln of "+name, fmt.Sprintln(v))

		var text, jsonLog bytes.Buffer
		slog.New(slog.NewTextHandler(&text, nil)).Info("saved", "value", v)
		slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("saved", "value", v)
		assertNoLeak(t, "slog text of "+name, text.String())
		assertNoLeak(t, "slog json of "+name, jsonLog.String())

		js, err := json.Marshal(v)
		require.NoError(t, err, name)
		assertNoLeak(t, "json.Marshal of "+name, string(js))
	}
	assert.Contains(t, fmt.Sprintf("%+v", rec), "note:visible", "the host's other fields still print")
	assert.Equal(t, "client.Personal", fmt.Sprintf("%T", c.Contacts.Email))
}

// wrapFormat is a variable so that vet, which would refuse %w of a
// non-error, lets the test make the mistake a host's code can make.
var wrapFormat = "saving: %w"

// fakeT captures the messages of a failing testify assertion, which a
// host's CI would write to its logs.
type fakeT struct{ messages []string }

func (f *fakeT) Errorf(format string, args ...any) {
	f.messages = append(f.messages, fmt.Sprintf(format, args...))
}

// TestFailingAssertionsPrintNoPersonalData: testify's diff dumps values
// with spew, methods disabled, so a failing assert.Equal on two clients
// that differ in their e-mails used to print both e-mails.
func TestFailingAssertionsPrintNoPersonalData(t *testing.T) {
	a, b := individual(), individual()
	b.Contacts.Email = NewPersonal("petrova.anna@mail.example")
	ra, rb := newHostRecord(), newHostRecord()
	rb.email = b.Contacts.Email

	var ft fakeT
	assert.Equal(&ft, a, b)
	assert.Equal(&ft, a.Contacts, b.Contacts)
	assert.Equal(&ft, ra, rb)
	assert.ElementsMatch(&ft, []Client{a}, []Client{b})
	assert.ElementsMatch(&ft, []hostRecord{ra}, []hostRecord{rb})
	assert.Contains(&ft, []Client{a}, b)
	require.Len(t, ft.messages, 6, "every assertion above fails")
	for i, msg := range ft.messages {
		assertNoLeak(t, fmt.Sprintf("failing assertion %d", i), msg)
		assertNoLeak(t, fmt.Sprintf("failing assertion %d", i), strings.ReplaceAll(msg, "petrova.anna", "anna.petrova"))
	}
}

// TestPersonalEqualityIsByValue: two Personals of the same text are ==
// and reflect.DeepEqual-equal (so testify's ObjectsAreEqual passes),
// also after a garbage collection and when the texts were built apart.
func TestPersonalEqualityIsByValue(t *testing.T) {
	held := NewPersonal("anna.petrova@mail.example")
	runtime.GC()
	runtime.GC()
	built := NewPersonal(strings.Join([]string{"anna.petrova", "mail.example"}, "@"))
	assert.True(t, held == built)
	assert.True(t, reflect.DeepEqual(held, built))
	assert.Equal(t, individual(), individual())
	assert.NotEqual(t, held, NewPersonal("someone.else@mail.example"))
	assert.True(t, NewPersonal("") == Personal{}, "an empty text is the zero value")
	assert.True(t, NewPersonal("").IsZero())
	assert.Equal(t, "anna.petrova@mail.example", built.Reveal())
	assert.Equal(t, "", Personal{}.Reveal())
}

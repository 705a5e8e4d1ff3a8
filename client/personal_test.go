package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// individual returns a client whose every personal field is set to a
// distinctive value, so a leak anywhere shows up as a substring.
func individual() Client {
	return Client{
		ID:         "i-42",
		Kind:       KindIndividual,
		PersonName: NewPersonal("Anna Petrova"),
		Contacts: Contacts{
			Phone:     NewPersonal("+7 916 555-01-02"),
			Email:     NewPersonal("anna.petrova@mail.example"),
			Messenger: NewPersonal("@annapetrova"),
		},
		ManagerID: "m-7",
		Status:    StatusActive,
	}
}

var secrets = []string{"Anna", "Petrova", "555-01-02", "anna.petrova@mail.example", "@annapetrova"}

func assertNoPersonalData(t *testing.T, path, out string) {
	t.Helper()
	for _, s := range secrets {
		assert.NotContains(t, out, s, "%s leaks %q: %s", path, s, out)
	}
}

func TestPersonalDataNeverPrints(t *testing.T) {
	c := individual()
	ptr := &c
	outputs := map[string]string{
		"String()": c.String(),
		"%v":       fmt.Sprintf("%v", c),
		"%+v":      fmt.Sprintf("%+v", c),
		"%#v":      fmt.Sprintf("%#v", c),
		//lint:ignore S1025 the %s verb itself is under test, not String
		"%s":              fmt.Sprintf("%s", c),
		"%v of pointer":   fmt.Sprintf("%v", ptr),
		"%+v of contacts": fmt.Sprintf("%+v", c.Contacts),
		"%#v of contacts": fmt.Sprintf("%#v", c.Contacts),
		"%q of phone":     fmt.Sprintf("%q", c.Contacts.Phone),
		"%x of phone":     fmt.Sprintf("%x", c.Contacts.Phone),
		"%v of a slice":   fmt.Sprintf("%v", []Client{c}),
		"%+v of a map":    fmt.Sprintf("%+v", map[string]Contacts{"k": c.Contacts}),
	}
	js, err := json.Marshal(c)
	require.NoError(t, err)
	outputs["json.Marshal"] = string(js)

	var text, jsonLog bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("saved", "client", c, "contacts", c.Contacts, "phone", c.Contacts.Phone)
	slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("saved", "client", c, "contacts", c.Contacts, "email", c.Contacts.Email)
	outputs["slog text"] = text.String()
	outputs["slog json"] = jsonLog.String()

	for path, out := range outputs {
		assertNoPersonalData(t, path, out)
	}
	assert.Equal(t, "phone, e-mail, messenger", outputs["%+v of contacts"], "contacts say which are on file")
	assert.Contains(t, outputs["%#v of contacts"], Redacted, "a set value shows that it is set")
	assert.Contains(t, outputs["slog json"], `"id":"i-42"`, "business fields still reach the log")
	assert.Contains(t, outputs["json.Marshal"], `"person_name":"[redacted]"`)
}

func TestRevealIsTheWayIn(t *testing.T) {
	c := individual()
	assert.Equal(t, "Anna Petrova", c.PersonName.Reveal())
	assert.Equal(t, "", Personal{}.String(), "an empty value prints as empty, not as redacted")
	assert.True(t, Personal{}.IsZero())
}

func TestPersonalJSONRoundTripRefusesRedactedMarker(t *testing.T) {
	var c Client
	require.NoError(t, json.Unmarshal([]byte(`{"id":"i-1","kind":"individual","person_name":"Anna Petrova","status":"active"}`), &c))
	assert.Equal(t, "Anna Petrova", c.PersonName.Reveal())

	redacted, err := json.Marshal(c)
	require.NoError(t, err)
	var back Client
	err = json.Unmarshal(redacted, &back)
	assert.ErrorContains(t, err, "refusing to load redacted personal data", "loading a redacted document would replace the real name by the marker")
}

// BenchmarkNewPersonalReveal measures wrapping a contact and reading it
// back, the cost a store pays per personal field when it loads a record.
func BenchmarkNewPersonalReveal(b *testing.B) {
	texts := make([]string, 1024)
	for i := range texts {
		texts[i] = fmt.Sprintf("buyer-%d@client.example", i)
	}
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(NewPersonal(texts[i%len(texts)]).Reveal())
	}
	if n == 0 {
		b.Fatal("nothing revealed")
	}
}

package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func validCompany() Client {
	return Client{
		ID:          "c-1",
		Kind:        KindCompany,
		DisplayName: "Vostok Trading",
		Legal:       Legal{LegalName: "Vostok Trading LLC", TaxNumber: "7701234567"},
		Contacts:    Contacts{Email: NewPersonal("buyer@vostok.example"), Phone: NewPersonal("+7 (495) 123-45-67")},
		ManagerID:   "m-1",
		Status:      StatusActive,
	}
}

func TestValidateAcceptsEveryKind(t *testing.T) {
	require.NoError(t, validCompany().Validate())
	require.NoError(t, Client{ID: "i-1", Kind: KindIndividual, PersonName: NewPersonal("Anna Petrova"), Status: StatusProspect}.Validate())
	require.NoError(t, Client{ID: "e-1", Kind: KindEntrepreneur, PersonName: NewPersonal("Ivan Sidorov"),
		PersonTaxNumber: NewPersonal("500100732259"), Status: StatusActive}.Validate())
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	c := Client{
		ID:       " ",
		Kind:     Kind(9),
		Contacts: Contacts{Email: NewPersonal("anna@"), Phone: NewPersonal("12-ab")},
		Tags:     []string{"wholesale", "", "wholesale"},
		Version:  -1,
	}
	err := c.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)

	assert.Equal(t, []string{"id", "kind", "contacts.email", "contacts.phone", "tags[1]", "tags[2]", "status", "version"}, problemFields(t, err))
	assert.Contains(t, err.Error(), "kind = Kind(9): unknown kind")
	assert.NotContains(t, err.Error(), "anna@", "the bad e-mail is personal data and stays redacted in the error")
	assert.NotContains(t, err.Error(), "12-ab")
}

func TestValidateNamesByKind(t *testing.T) {
	err := Client{ID: "c", Kind: KindCompany, Status: StatusActive}.Validate()
	assert.ErrorContains(t, err, "display_name: is required for a company")

	err = Client{ID: "i", Kind: KindIndividual, DisplayName: "Retail 1", Status: StatusActive,
		Legal: Legal{TaxNumber: "12345"}}.Validate()
	assert.ErrorContains(t, err, "person_name: is required for an individual")
	assert.ErrorContains(t, err, "legal: only a company has legal details; an individual's tax number goes in person_tax_number")

	err = Client{ID: "c", Kind: KindCompany, DisplayName: "X", PersonName: NewPersonal("Boss"), Status: StatusActive}.Validate()
	assert.ErrorContains(t, err, "person_name = [redacted]: a company has no person name")
}

func TestContactFormats(t *testing.T) {
	for _, ok := range []string{"a@b.co", "first.last+tag@mail.example.org"} {
		assert.True(t, validEmail(ok), ok)
	}
	for _, bad := range []string{"a@b", "Anna <a@b.co>", "a@.co", "a@b.", "@b.co", "a b@c.co"} {
		assert.False(t, validEmail(bad), bad)
	}
	for _, ok := range []string{"+7 (495) 123-45-67", "1234567", "+442071234567"} {
		assert.True(t, validPhone(ok), ok)
	}
	for _, bad := range []string{"123456", "+1234567890123456", "12+34567", "phone 1234567"} {
		assert.False(t, validPhone(bad), bad)
	}
}

// An entrepreneur registers under their own taxpayer number: it
// identifies a person, so it is personal data, held apart from a
// company's legal details and never printed.
func TestPersonTaxNumberIsPersonalData(t *testing.T) {
	e := Client{ID: "e-1", Kind: KindEntrepreneur, PersonName: NewPersonal("Ivan Sidorov"),
		PersonTaxNumber: NewPersonal("5001007322"), Status: StatusActive}
	js, err := json.Marshal(e)
	require.NoError(t, err)
	assert.NotContains(t, string(js), "5001007322")
	assert.NotContains(t, fmt.Sprintf("%+v %#v", e, e), "5001007322")

	e.PersonTaxNumber = NewPersonal("50 01")
	err = e.Validate()
	assert.ErrorContains(t, err, "person_tax_number = [redacted]: must be 5 to 20 letters")
	assert.NotContains(t, err.Error(), "50 01")

	e.PersonTaxNumber = Personal{}
	e.Legal = Legal{TaxNumber: "5001007322"}
	assert.ErrorContains(t, e.Validate(), "legal: only a company has legal details; an entrepreneur's tax number goes in person_tax_number")

	c := validCompany()
	c.PersonTaxNumber = NewPersonal("5001007322")
	assert.ErrorContains(t, c.Validate(), "person_tax_number = [redacted]: a company's tax number goes in legal.tax_number")
}

func TestClientDates(t *testing.T) {
	c := validCompany()
	c.Since = clientele.MustParseDate("2024-06-01")
	c.StatusSince = clientele.MustParseDate("2025-01-15")
	require.NoError(t, c.Validate())
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"status_since":"2025-01-15","since":"2024-06-01"`)

	c.Since, c.StatusSince = clientele.NewDate(2026, time.February, 30), clientele.NewDate(2026, time.April, 31)
	requireProblems(t, c.Validate(), []string{
		"status_since: is not a calendar date in years 1-9999",
		"since: is not a calendar date in years 1-9999",
	})
}

func TestTaxNumber(t *testing.T) {
	c := validCompany()
	c.Legal.TaxNumber = "77 01"
	assert.ErrorContains(t, c.Validate(), `legal.tax_number = 77 01: must be 5 to 20 letters`)
}

func TestLifecycle(t *testing.T) {
	at := clientele.NewDate(2026, time.March, 1)
	allowed := map[[2]Status]bool{
		{StatusProspect, StatusActive}: true, {StatusProspect, StatusLost}: true,
		{StatusActive, StatusDormant}: true, {StatusActive, StatusLost}: true,
		{StatusDormant, StatusActive}: true, {StatusDormant, StatusLost}: true,
		{StatusLost, StatusActive}: true,
	}
	all := []Status{StatusProspect, StatusActive, StatusDormant, StatusLost}
	for _, from := range all {
		for _, to := range all {
			c := Client{ID: "c-1", Status: from}
			err := c.MoveTo(to, at)
			if allowed[[2]Status{from, to}] {
				require.NoError(t, err, "%s -> %s", from, to)
				assert.Equal(t, to, c.Status)
				assert.Equal(t, at, c.StatusSince)
				continue
			}
			var te *TransitionError
			require.ErrorAs(t, err, &te, "%s -> %s", from, to)
			assert.Equal(t, TransitionError{ClientID: "c-1", From: from, To: to}, *te)
			assert.ErrorIs(t, err, ErrInvalidTransition)
			assert.Equal(t, from, c.Status, "a refused transition leaves the client unchanged")
		}
	}
	assert.Equal(t, []Status{StatusActive}, StatusLost.Next())
	c := Client{ID: "c-9", Status: StatusLost}
	assert.EqualError(t, c.MoveTo(StatusProspect, at), `client "c-9": cannot move from lost to prospect`)
}

func TestEnumsText(t *testing.T) {
	var s Status
	require.NoError(t, json.Unmarshal([]byte(`"dormant"`), &s))
	assert.Equal(t, StatusDormant, s)
	assert.ErrorContains(t, json.Unmarshal([]byte(`"sleeping"`), &s), `unknown client status "sleeping"`)
	_, err := json.Marshal(Status(0))
	assert.Error(t, err, "an unset status is not written out")

	k, err := ParseKind("entrepreneur")
	require.NoError(t, err)
	assert.True(t, k.IsBusiness())
	assert.False(t, KindIndividual.IsBusiness())
	assert.Equal(t, "Kind(4)", Kind(4).String())
}

func TestCloneIsDeep(t *testing.T) {
	c := validCompany()
	c.Tags = []string{"a"}
	d := c.Clone()
	d.Tags[0] = "b"
	assert.Equal(t, "a", c.Tags[0])
}

func TestErrorsMatchSentinels(t *testing.T) {
	err := error(&TransitionError{From: StatusActive, To: StatusProspect})
	assert.True(t, errors.Is(err, ErrInvalidTransition))
	assert.False(t, errors.Is(err, ErrInvalid))
}

func TestContactsStringSaysWhichAreOnFile(t *testing.T) {
	assert.Equal(t, "none", Contacts{}.String())
	assert.Equal(t, "e-mail", Contacts{Email: NewPersonal("a@b.co")}.String())
	assert.Equal(t, "phone, messenger", fmt.Sprint(Contacts{Phone: NewPersonal("1234567"), Messenger: NewPersonal("@a")}))
}

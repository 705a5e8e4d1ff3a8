package client

import (
	"fmt"
	"log/slog"
	"net/mail"
	"slices"
	"strings"
	"unicode"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
)

// Client is the record of one client: who it is, who serves it, where it
// stands. Personal data (an individual's name and all contacts) is held in
// [Personal] fields, which never print; everything else is business data.
//
// A Client is a value: the Store copies it in and out, so changing a
// record you hold changes nothing until you Update it.
type Client struct {
	// ID is chosen by the host (its own primary key); it never changes.
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// DisplayName is how the client is shown: the company name, or a
	// non-personal label for an individual ("Retail client 0042").
	// Required for companies.
	DisplayName string `json:"display_name,omitempty"`
	// PersonName is the full name of an individual or entrepreneur.
	// Required for those kinds, and personal data.
	PersonName Personal `json:"person_name,omitzero"`
	// Legal holds a company's registration details.
	Legal Legal `json:"legal,omitzero"`
	// PersonTaxNumber is the taxpayer number of an individual or
	// entrepreneur (a sole proprietor registers under their own number,
	// so it identifies a person and is personal data).
	PersonTaxNumber Personal `json:"person_tax_number,omitzero"`
	Contacts        Contacts `json:"contacts,omitzero"`
	// ManagerID is the account manager the client is assigned to; the
	// AccessPolicy lets that manager read and change the record.
	ManagerID string `json:"manager_id,omitempty"`
	// VIP clients get an individual approach and VIP discounts.
	VIP bool `json:"vip,omitempty"`
	// KeyAccount marks a key client (see KeyClients); lead account
	// managers serve key accounts.
	KeyAccount bool     `json:"key_account,omitempty"`
	Industry   string   `json:"industry,omitempty"`
	Region     string   `json:"region,omitempty"`
	Tags       []string `json:"tags,omitempty"`
	// Segments holds the names of the segments the host last assigned
	// (an ABC class, an RFM segment...), so a Store can filter on them.
	Segments []string `json:"segments,omitempty"`
	Status   Status   `json:"status"`
	// StatusSince is the day the client entered its current status: the
	// lifecycle, like the dormancy it records, is counted in days.
	StatusSince clientele.Date `json:"status_since,omitzero"`
	// Since is the day the relationship started (first contact), the
	// start of the client's tenure.
	Since clientele.Date `json:"since,omitzero"`
	// Version is the optimistic-concurrency version the Store assigns: 0
	// before Create, then 1, 2, ... on every Update.
	Version int64 `json:"version"`
}

// Legal holds a company's registration details. They identify a legal
// entity and are not personal data; a person's are (see
// Client.PersonTaxNumber).
type Legal struct {
	// LegalName is the registered name, which may differ from the
	// display name.
	LegalName string `json:"legal_name,omitempty"`
	// TaxNumber is the taxpayer identification number (INN, VAT number).
	TaxNumber string `json:"tax_number,omitempty"`
}

// IsZero reports whether no legal detail is set.
func (l Legal) IsZero() bool { return l == Legal{} }

// Contacts are the ways to reach a client. All of them are personal data.
type Contacts struct {
	Phone     Personal `json:"phone,omitzero"`
	Email     Personal `json:"email,omitzero"`
	Messenger Personal `json:"messenger,omitzero"`
}

// IsZero reports whether no contact is set.
func (c Contacts) IsZero() bool { return c == Contacts{} }

// String says which contacts are on file, never what they are:
// "phone, e-mail" or "none".
func (c Contacts) String() string {
	var on []string
	if !c.Phone.IsZero() {
		on = append(on, "phone")
	}
	if !c.Email.IsZero() {
		on = append(on, "e-mail")
	}
	if !c.Messenger.IsZero() {
		on = append(on, "messenger")
	}
	if len(on) == 0 {
		return "none"
	}
	return strings.Join(on, ", ")
}

// Validate reports every problem with the record at once, each naming the
// field. It checks shape, not business state: a record can be valid and
// still be refused by the lifecycle or the access policy.
func (c Client) Validate() error {
	var p validate.Problems
	p.ID("id", c.ID)
	switch {
	case c.Kind == 0:
		p.Add("kind", nil, "is required (individual, entrepreneur or company)")
	case !c.Kind.IsValid():
		p.Add("kind", c.Kind, "unknown kind (want individual, entrepreneur or company)")
	}
	p.Text("display_name", c.DisplayName, validate.MaxTextLen)
	switch c.Kind {
	case KindCompany:
		if strings.TrimSpace(c.DisplayName) == "" {
			p.Add("display_name", nil, "is required for a company")
		}
		if !c.PersonName.IsZero() {
			p.Add("person_name", c.PersonName, "a company has no person name; use display_name or legal.legal_name")
		}
	case KindIndividual, KindEntrepreneur:
		if strings.TrimSpace(c.PersonName.Reveal()) == "" {
			p.Addf("person_name", nil, "is required for an %s", c.Kind)
		}
	}
	if c.Kind != KindCompany && !c.Legal.IsZero() {
		p.Addf("legal", nil, "only a company has legal details; an %s's tax number goes in person_tax_number", c.Kind)
	}
	if c.Kind == KindCompany && !c.PersonTaxNumber.IsZero() {
		p.Add("person_tax_number", c.PersonTaxNumber, "a company's tax number goes in legal.tax_number")
	}
	p.Text("legal.legal_name", c.Legal.LegalName, validate.MaxTextLen)
	if tax := c.Legal.TaxNumber; tax != "" && !validTaxNumber(tax) {
		p.Add("legal.tax_number", tax, taxNumberShape)
	}
	if tax := c.PersonTaxNumber; !tax.IsZero() && !validTaxNumber(tax.Reveal()) {
		p.Add("person_tax_number", tax, taxNumberShape)
	}
	checkContacts(&p, c.Contacts)
	p.Text("manager_id", c.ManagerID, validate.MaxTextLen)
	p.Text("industry", c.Industry, validate.MaxTextLen)
	p.Text("region", c.Region, validate.MaxTextLen)
	p.Labels("tags", c.Tags)
	p.Labels("segments", c.Segments)
	switch {
	case c.Status == 0:
		p.Add("status", nil, "is required (prospect, active, dormant or lost)")
	case !c.Status.IsValid():
		p.Add("status", c.Status, "unknown status (want prospect, active, dormant or lost)")
	}
	p.Date("status_since", c.StatusSince, false)
	p.Date("since", c.Since, false)
	if c.Version < 0 {
		p.Add("version", c.Version, "must not be negative")
	}
	return p.Err(ErrInvalid)
}

const taxNumberShape = "must be 5 to 20 letters, digits or dashes"

// validTaxNumber accepts the shape every national taxpayer number takes
// (INN, VAT number, EIN...) without checking one country's rules.
func validTaxNumber(tax string) bool {
	if len(tax) < 5 || len(tax) > 20 {
		return false
	}
	for _, r := range tax {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

func checkContacts(p *validate.Problems, c Contacts) {
	if email := c.Email.Reveal(); email != "" && !validEmail(email) {
		p.Add("contacts.email", c.Email, "is not an e-mail address like name@example.com")
	}
	if phone := c.Phone.Reveal(); phone != "" && !validPhone(phone) {
		p.Add("contacts.phone", c.Phone, "must be 7 to 15 digits, optionally with a leading +, spaces, dashes or parentheses")
	}
	if m := c.Messenger.Reveal(); len(m) > validate.MaxTextLen || strings.ContainsFunc(m, unicode.IsControl) {
		p.Add("contacts.messenger", c.Messenger, "must be printable and at most 256 bytes")
	}
}

// validEmail accepts a bare address (no display name) whose domain has a
// dot, the shape every mail system delivers to.
func validEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// validPhone accepts the E.164 digit count (at most 15, at least 7 for a
// local number) written with the usual separators.
func validPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

// Label is a non-personal name for the client, safe for logs and
// reports: the display name, else the ID.
func (c Client) Label() string {
	if c.DisplayName != "" {
		return c.DisplayName
	}
	return c.ID
}

// HasTag reports whether the client carries tag.
func (c Client) HasTag(tag string) bool { return slices.Contains(c.Tags, tag) }

// InSegment reports whether the client was assigned segment.
func (c Client) InSegment(segment string) bool { return slices.Contains(c.Segments, segment) }

// MoveTo changes the client's status to `to` on day at, if the lifecycle
// allows it (see [Status]); otherwise it returns a *TransitionError and
// leaves the client unchanged.
func (c *Client) MoveTo(to Status, at clientele.Date) error {
	if !c.Status.CanMoveTo(to) {
		return &TransitionError{ClientID: c.ID, From: c.Status, To: to}
	}
	c.Status = to
	c.StatusSince = at
	return nil
}

// Clone returns a deep copy, so the copy's slices can be changed without
// touching the original.
func (c Client) Clone() Client {
	c.Tags = slices.Clone(c.Tags)
	c.Segments = slices.Clone(c.Segments)
	return c
}

// String describes the client without personal data.
func (c Client) String() string {
	return fmt.Sprintf("client %s %q (%s, %s)", c.ID, c.Label(), c.Kind, c.Status)
}

// LogValue implements slog.LogValuer: the business fields only, never
// the personal ones.
func (c Client) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", c.ID),
		slog.String("label", c.Label()),
		slog.String("kind", c.Kind.String()),
		slog.String("status", c.Status.String()),
		slog.String("manager_id", c.ManagerID),
		slog.Bool("vip", c.VIP),
		slog.Bool("key_account", c.KeyAccount),
		slog.Int64("version", c.Version),
	)
}

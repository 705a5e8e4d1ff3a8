package contract

import (
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/validate"
)

// DocumentKind is a document of the contract's package. Each contract
// type declares the kinds it requires (TypeConfig.RequiredDocuments).
// The zero DocumentKind is unset.
type DocumentKind uint8

const (
	// DocContract is the contract text itself.
	DocContract DocumentKind = iota + 1
	// DocSpecification is the application or specification: what is
	// supplied or rendered, in what quantity, when.
	DocSpecification
	// DocPriceAgreement is the agreed price list or price protocol.
	DocPriceAgreement
	// DocPowerOfAttorney is the authority of the client's signatory
	// when they sign on someone else's behalf.
	DocPowerOfAttorney
	// DocInvoice is an invoice issued under the contract (a prepayment
	// invoice, for instance).
	DocInvoice
	// DocActOfAcceptance is the act of acceptance of goods or services.
	DocActOfAcceptance
)

var documentKindNames = enum.Names{"", "contract", "specification", "price_agreement", "power_of_attorney", "invoice", "act_of_acceptance"}

// ParseDocumentKind returns the kind named s ("contract", ...).
func ParseDocumentKind(s string) (DocumentKind, error) {
	return enum.Parse[DocumentKind](documentKindNames, "document kind", s)
}

func (k DocumentKind) String() string { return enum.String(documentKindNames, "DocumentKind", k) }

// IsValid reports whether k is one of the named kinds.
func (k DocumentKind) IsValid() bool { return enum.Valid(documentKindNames, k) }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k DocumentKind) MarshalText() ([]byte, error) {
	return enum.Marshal(documentKindNames, "DocumentKind", k)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *DocumentKind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(documentKindNames, "document kind", k, b)
}

// DocumentStatus is how far a document has got. Only a verified
// document counts towards a complete package: a received one has not
// been checked yet. The zero DocumentStatus is unset.
type DocumentStatus uint8

const (
	// DocRequested is asked for and not yet received.
	DocRequested DocumentStatus = iota + 1
	// DocReceived is in hand, not yet checked.
	DocReceived
	// DocVerified is checked and in order.
	DocVerified
	// DocRejected is checked and refused; Document.Reason says why.
	DocRejected
)

var documentStatusNames = enum.Names{"", "requested", "received", "verified", "rejected"}

// ParseDocumentStatus returns the status named s ("requested", ...).
func ParseDocumentStatus(s string) (DocumentStatus, error) {
	return enum.Parse[DocumentStatus](documentStatusNames, "document status", s)
}

func (s DocumentStatus) String() string {
	return enum.String(documentStatusNames, "DocumentStatus", s)
}

// IsValid reports whether s is one of the named statuses.
func (s DocumentStatus) IsValid() bool { return enum.Valid(documentStatusNames, s) }

// MarshalText implements encoding.TextMarshaler; an unset status is an error.
func (s DocumentStatus) MarshalText() ([]byte, error) {
	return enum.Marshal(documentStatusNames, "DocumentStatus", s)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (s *DocumentStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(documentStatusNames, "document status", s, b)
}

// Document is one document of the package. The host keeps the file;
// the contract keeps what it is and where it stands. The zero Document
// is invalid: it has no kind and no status.
type Document struct {
	Kind   DocumentKind   `json:"kind"`
	Status DocumentStatus `json:"status"`
	// Reference is the host's ID of the file or the paper original;
	// optional.
	Reference string `json:"reference,omitempty"`
	// Reason says why a rejected document was refused; required for
	// DocRejected, refused for the others.
	Reason string `json:"reason,omitempty"`
}

func (d Document) check(p *validate.Problems) {
	checkEnum(p, "kind", d.Kind, "document kind")
	checkEnum(p, "status", d.Status, "document status")
	p.OptionalID("reference", d.Reference)
	switch {
	case d.Status == DocRejected:
		p.Required("reason", d.Reason, validate.MaxTextLen)
	case d.Reason != "":
		p.Add("reason", d.Reason, "only a rejected document has a reason")
	}
}

// MissingDocument is a required document that keeps a package
// incomplete: absent (Status 0), requested, received but not verified,
// or rejected (Reason says why).
type MissingDocument struct {
	Kind   DocumentKind   `json:"kind"`
	Status DocumentStatus `json:"status,omitzero"`
	Reason string         `json:"reason,omitempty"`
}

func (m MissingDocument) String() string {
	switch m.Status {
	case 0:
		return m.Kind.String() + " (none)"
	case DocRejected:
		return m.Kind.String() + " (rejected: " + m.Reason + ")"
	default:
		return m.Kind.String() + " (" + m.Status.String() + ", not verified)"
	}
}

// MissingDocuments returns every kind of required that docs do not hold
// verified, in the order of required. For each, it reports the
// furthest status any document of that kind reached (a received copy
// beats a requested one; a rejected one beats both, as its reason is
// what the manager must act on).
func MissingDocuments(docs []Document, required []DocumentKind) []MissingDocument {
	var out []MissingDocument
	for _, kind := range required {
		best := MissingDocument{Kind: kind}
		verified := false
		for _, d := range docs {
			if d.Kind != kind {
				continue
			}
			if d.Status == DocVerified {
				verified = true
				break
			}
			if d.Status > best.Status && d.Status.IsValid() {
				best.Status, best.Reason = d.Status, d.Reason
			}
		}
		if !verified {
			out = append(out, best)
		}
	}
	return out
}

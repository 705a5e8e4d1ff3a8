package client

import "github.com/clientele-go/clientele/internal/enum"

// Kind is the legal form of a client. The zero value is unset and fails
// validation.
type Kind uint8

const (
	// KindIndividual is a private person buying for themselves (B2C).
	KindIndividual Kind = iota + 1
	// KindEntrepreneur is a private person registered to do business (a
	// sole proprietor). It buys as a business (B2B), but its name is a
	// person's name and so personal data.
	KindEntrepreneur
	// KindCompany is a legal entity, a corporate client (B2B).
	KindCompany
)

var kindNames = enum.Names{"", "individual", "entrepreneur", "company"}

// ParseKind returns the kind named s ("individual", "entrepreneur",
// "company").
func ParseKind(s string) (Kind, error) { return enum.Parse[Kind](kindNames, "client kind", s) }

func (k Kind) String() string { return enum.String(kindNames, "Kind", k) }

// IsValid reports whether k is one of the named kinds.
func (k Kind) IsValid() bool { return enum.Valid(kindNames, k) }

// IsBusiness reports whether the client buys as a business (B2B):
// entrepreneurs and companies. Individuals are B2C.
func (k Kind) IsBusiness() bool { return k == KindEntrepreneur || k == KindCompany }

// MarshalText implements encoding.TextMarshaler; an unset kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return enum.Marshal(kindNames, "Kind", k) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (k *Kind) UnmarshalText(b []byte) error { return enum.Unmarshal(kindNames, "client kind", k, b) }

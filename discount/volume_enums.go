package discount

import "github.com/clientele-go/clientele/internal/enum"

// Per says over which lines a volume rule adds up the quantity or amount
// that selects its tier.
// The zero Per is unset, which Rules.Validate refuses.
type Per uint8

const (
	// PerItem adds up the lines of the same SKU.
	PerItem Per = iota + 1
	// PerGroup adds up the lines of the same item group, across SKUs: a
	// "20 % off when you buy 10 shirts" rule counts shirt A and shirt B
	// together (the case Odoo pricelists leave to promotions, odoo/odoo
	// issue 30036).
	PerGroup
	// PerOrder adds up every line in the rule's scope, as one pool.
	PerOrder
)

var perNames = enum.Names{"", "item", "group", "order"}

// ParsePer returns the volume aggregation named s ("item", "group", "order").
func ParsePer(s string) (Per, error) { return enum.Parse[Per](perNames, "volume aggregation", s) }

func (v Per) String() string { return enum.String(perNames, "Per", v) }

// IsValid reports whether v is one of the named values.
func (v Per) IsValid() bool { return enum.Valid(perNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v Per) MarshalText() ([]byte, error) { return enum.Marshal(perNames, "Per", v) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *Per) UnmarshalText(b []byte) error {
	return enum.Unmarshal(perNames, "volume aggregation", v, b)
}

// Basis says what a volume tier counts.
// The zero Basis is unset, which Rules.Validate refuses.
type Basis uint8

const (
	// BasisQuantity counts units ordered.
	BasisQuantity Basis = iota + 1
	// BasisAmount counts the gross amount at list prices (unit price ×
	// quantity, before any discount).
	BasisAmount
)

var basisNames = enum.Names{"", "quantity", "amount"}

// ParseBasis returns the volume basis named s ("quantity", "amount").
func ParseBasis(s string) (Basis, error) { return enum.Parse[Basis](basisNames, "volume basis", s) }

func (v Basis) String() string { return enum.String(basisNames, "Basis", v) }

// IsValid reports whether v is one of the named values.
func (v Basis) IsValid() bool { return enum.Valid(basisNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v Basis) MarshalText() ([]byte, error) { return enum.Marshal(basisNames, "Basis", v) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *Basis) UnmarshalText(b []byte) error {
	return enum.Unmarshal(basisNames, "volume basis", v, b)
}

// TierMode says how a reached tier prices the volume.
// The zero TierMode is unset, which Rules.Validate refuses.
type TierMode uint8

const (
	// AllUnits prices every unit at the rate of the highest tier reached:
	// 100 units at "from 100: 5 %" all get 5 %.
	AllUnits TierMode = iota + 1
	// Graduated prices each band at its own rate, like income tax: with
	// "from 0: 0 %, from 100: 5 %", 150 units get 0 % on the first 100 and
	// 5 % on the last 50, a blended 1.67 % on the line.
	Graduated
)

var tierModeNames = enum.Names{"", "all_units", "graduated"}

// ParseTierMode returns the tier mode named s ("all_units", "graduated").
func ParseTierMode(s string) (TierMode, error) {
	return enum.Parse[TierMode](tierModeNames, "tier mode", s)
}

func (v TierMode) String() string { return enum.String(tierModeNames, "TierMode", v) }

// IsValid reports whether v is one of the named values.
func (v TierMode) IsValid() bool { return enum.Valid(tierModeNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v TierMode) MarshalText() ([]byte, error) { return enum.Marshal(tierModeNames, "TierMode", v) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *TierMode) UnmarshalText(b []byte) error {
	return enum.Unmarshal(tierModeNames, "tier mode", v, b)
}

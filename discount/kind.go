package discount

import "github.com/clientele-go/clientele/internal/enum"

// Kind is what made an adjustment to a price: a kind of rule, the
// manager, or one of the guards (cap, floor) and the final rounding.
// The zero Kind is unset: no adjustment carries it, and it does not
// marshal.
type Kind uint8

const (
	// KindVolume is a volume discount (a [VolumeRule] tier).
	KindVolume Kind = iota + 1
	// KindSegment is a discount for a client segment ([SegmentRule]).
	KindSegment
	// KindVIP is a discount for VIP clients ([VIPRule]).
	KindVIP
	// KindLoyalty is a loyalty-tier discount ([LoyaltyRule]).
	KindLoyalty
	// KindPromotion is a promotion or coupon discount ([PromotionRule]).
	KindPromotion
	// KindManager is the manager's discretionary discount.
	KindManager
	// KindCap gives back the part of the discounts above the rule set's
	// maximum discount.
	KindCap
	// KindFloor gives back the part of the discounts that would take the
	// price below the item's floor.
	KindFloor
	// KindPayment is the prepayment discount or deferred-payment
	// surcharge.
	KindPayment
	// KindRounding is the difference rounding the unit price to the
	// currency makes to the line total.
	KindRounding
	// KindPrice is a fixed price a [PriceRule] sets for the item ("this
	// client pays 42.00").
	KindPrice
	// KindMargin is a price a [PriceRule] builds from the list price or
	// the cost plus a markup (ERPNext's margin on the price-list rate).
	KindMargin
	// KindManual is a unit price the request sets by hand
	// ([LineRequest.ManualPrice]): the rules are off for that line.
	KindManual
	// KindFree is a free item a [FreeItemRule] gives: its whole price
	// taken off its own line.
	KindFree
)

var kindNames = enum.Names{"", "volume", "segment", "vip", "loyalty", "promotion", "manager", "cap", "floor", "payment", "rounding", "price", "margin", "manual", "free"}

// ParseKind returns the adjustment kind named s ("volume", "segment", "vip", "loyalty", "promotion", "manager", "cap", "floor", "payment", "rounding", "price", "margin", "manual", "free").
func ParseKind(s string) (Kind, error) { return enum.Parse[Kind](kindNames, "adjustment kind", s) }

func (v Kind) String() string { return enum.String(kindNames, "Kind", v) }

// IsValid reports whether v is one of the named values.
func (v Kind) IsValid() bool { return enum.Valid(kindNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v Kind) MarshalText() ([]byte, error) { return enum.Marshal(kindNames, "Kind", v) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *Kind) UnmarshalText(b []byte) error {
	return enum.Unmarshal(kindNames, "adjustment kind", v, b)
}

package discount

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// SegmentRule discounts clients of one segment. Segments come from the
// host's segmentation (the client package's ABC, XYZ, RFM and key-client
// segments) as plain strings in [ClientFacts.Segments]: "A", "AX",
// "champions", "key". Matching is exact and case-sensitive.
// The zero SegmentRule is not valid: Rules.Validate asks for its ID
// and segment.
type SegmentRule struct {
	Header
	Segment string          `json:"segment"`
	Rate    decimal.Decimal `json:"rate"`
	// AmountOff, when set, gives an amount instead of the rate.
	AmountOff AmountOff `json:"amount_off,omitzero"`
}

func (s SegmentRule) check(p *problems, f string, ids map[string]string) {
	s.Header.check(p, f, ids)
	p.ID(f+".segment", s.Segment)
	checkRate(p, f+".rate", s.Rate)
	s.AmountOff.check(p, f+".amount_off", s.Rate)
}

// VIPRule discounts VIP clients ([ClientFacts.VIP]).
// The zero VIPRule is not valid: Rules.Validate asks for its ID.
type VIPRule struct {
	Header
	Rate decimal.Decimal `json:"rate"`
	// AmountOff, when set, gives an amount instead of the rate.
	AmountOff AmountOff `json:"amount_off,omitzero"`
}

func (v VIPRule) check(p *problems, f string, ids map[string]string) {
	v.Header.check(p, f, ids)
	checkRate(p, f+".rate", v.Rate)
	v.AmountOff.check(p, f+".amount_off", v.Rate)
}

// LoyaltyRule is a loyalty programme: the client's spend in the
// programme's period ([ClientFacts.LoyaltySpend], supplied by the host)
// selects a tier. The lowest tier starts at zero spend, so every client
// is in some tier (its rate may be 0).
// The zero LoyaltyRule is not valid: Rules.Validate asks for its ID
// and a tier.
type LoyaltyRule struct {
	Header
	Tiers []LoyaltyTier `json:"tiers"`
}

// LoyaltyTier is one loyalty level: from MinSpend (included) up, Rate
// percent off.
// The zero LoyaltyTier is a base tier: from no spend, 0 % off.
type LoyaltyTier struct {
	// Name is the level's label ("Silver").
	Name     string          `json:"name,omitempty"`
	MinSpend decimal.Decimal `json:"min_spend"`
	Rate     decimal.Decimal `json:"rate"`
}

func (l LoyaltyRule) check(p *problems, f string, ids map[string]string) {
	l.Header.check(p, f, ids)
	if len(l.Tiers) == 0 {
		p.Add(f+".tiers", nil, "at least one tier is required")
		return
	}
	tiers := make([]Tier, len(l.Tiers))
	for i, t := range l.Tiers {
		p.Text(f+".tiers["+strconv.Itoa(i)+"].name", t.Name, validate.MaxNameLen)
		tiers[i] = Tier{Min: t.MinSpend, Rate: t.Rate}
	}
	before := p.Len()
	checkTiers(p, f+".tiers", tiers, false, "min_spend")
	if p.Len() == before && l.Tiers[0].MinSpend.Sign() != 0 {
		p.Add(f+".tiers[0].min_spend", l.Tiers[0].MinSpend, "the lowest loyalty tier must start at 0")
	}
}

// PromotionRule is a promotion: a rate over a date window ([Header]
// ValidFrom and ValidTo) on the items in scope, optionally unlocked by a
// coupon code the client quotes.
// The zero PromotionRule is not valid: Rules.Validate asks for its ID.
type PromotionRule struct {
	Header
	Rate decimal.Decimal `json:"rate"`
	// AmountOff, when set, gives an amount instead of the rate.
	AmountOff AmountOff `json:"amount_off,omitzero"`
	// Coupon, when set, is the code the request must carry
	// ([Request.Coupons]) for the promotion to apply.
	Coupon string `json:"coupon,omitempty"`
}

func (pr PromotionRule) check(p *problems, f string, ids map[string]string) {
	pr.Header.check(p, f, ids)
	checkRate(p, f+".rate", pr.Rate)
	pr.AmountOff.check(p, f+".amount_off", pr.Rate)
	p.OptionalID(f+".coupon", pr.Coupon)
}

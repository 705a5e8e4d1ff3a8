package discount

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// VolumeRule discounts by the quantity or amount ordered. Tiers are given
// by their lower bounds; each runs up to the next tier's bound and the
// last is open-ended, so gaps and overlaps cannot be written and a tier
// table is valid when its bounds strictly increase.
//
// Rates must not decrease from one tier to the next: a higher tier never
// gives less. With that, ordering more never raises the unit price, in
// either mode (see [TierMode]).
// The zero VolumeRule is not valid: Rules.Validate asks for its ID,
// per, basis, mode and tiers.
type VolumeRule struct {
	Header
	// Per says which lines add up to the volume: the same SKU, the same
	// group, or every line in scope.
	Per Per `json:"per"`
	// Basis says whether tiers count units or the gross amount.
	Basis Basis `json:"basis"`
	// Mode says whether the tier reached prices every unit or each band
	// is priced at its own rate.
	Mode TierMode `json:"mode"`
	// Cumulative counts the volume the client already bought in the
	// rule's period (the host supplies it in [ClientFacts.Prior]) toward
	// the tier, as ERPNext's "is cumulative" pricing rules do.
	Cumulative bool   `json:"cumulative,omitempty"`
	Tiers      []Tier `json:"tiers"`
}

// Tier is one volume tier: from Min (included) up, Rate percent off.
// The zero Tier is from 0, 0 % off.
type Tier struct {
	Min  decimal.Decimal `json:"min"`
	Rate decimal.Decimal `json:"rate"`
}

// maxTiers bounds a tier table.
const maxTiers = 100

func (v VolumeRule) check(p *problems, f string, ids map[string]string) {
	v.Header.check(p, f, ids)
	if !v.Per.IsValid() {
		p.Add(f+".per", v.Per, "is required: item, group or order")
	}
	if !v.Basis.IsValid() {
		p.Add(f+".basis", v.Basis, "is required: quantity or amount")
	}
	if !v.Mode.IsValid() {
		p.Add(f+".mode", v.Mode, "is required: all_units or graduated")
	}
	if v.Per == PerGroup && len(v.Scope.SKUs) > 0 {
		p.Add(f+".scope.skus", v.Scope.SKUs, "a rule per group adds up whole groups: scope it by groups")
	}
	checkTiers(p, f+".tiers", v.Tiers, v.Basis == BasisQuantity, "min")
}

// checkTiers checks a tier table: bounds well formed, non-negative and
// strictly increasing, rates in 0..100 % and never decreasing.
func checkTiers(p *problems, f string, tiers []Tier, quantity bool, minName string) {
	if len(tiers) == 0 {
		p.Add(f, nil, "at least one tier is required")
		return
	}
	if len(tiers) > maxTiers {
		p.Addf(f, len(tiers), "more than %d tiers", maxTiers)
		return
	}
	decimals := int32(percentDecimals)
	if quantity {
		decimals = quantityDecimals
	}
	var prev *Tier
	for i := range tiers {
		t := &tiers[i]
		fi := f + "[" + strconv.Itoa(i) + "]"
		okMin := checkShape(p, fi+"."+minName, t.Min, decimals)
		if okMin && t.Min.Sign() < 0 {
			p.Add(fi+"."+minName, t.Min, "must not be negative")
			okMin = false
		}
		okRate := checkRate(p, fi+".rate", t.Rate)
		if prev != nil && okMin && !t.Min.GreaterThan(prev.Min) {
			p.Addf(fi+"."+minName, t.Min, "tiers out of order: must be above the previous tier's %s", prev.Min)
		}
		if prev != nil && okRate && t.Rate.LessThan(prev.Rate) {
			p.Addf(fi+".rate", t.Rate, "a higher tier must not give less than the previous tier's %s %%", prev.Rate)
		}
		if okMin && okRate {
			prev = t
		} else {
			prev = nil
		}
	}
}

// rateDivPrecision is the number of decimal places of a blended
// graduated rate (a fraction): far below a cent on any real price.
const rateDivPrecision = 16

// graduatedFraction returns the blended discount, as a fraction, of the
// volume from prior (excluded) to prior+x (included): each band's rate
// weighted by the part of the volume that falls in it, divided by x.
// Tiers must be valid; x > 0.
func graduatedFraction(tiers []Tier, prior, x decimal.Decimal) decimal.Decimal {
	end := prior.Add(x)
	weighted := decimal.Zero
	for i := range tiers {
		lo := tiers[i].Min
		if lo.GreaterThanOrEqual(end) {
			break
		}
		hi := end
		if i+1 < len(tiers) && tiers[i+1].Min.LessThan(end) {
			hi = tiers[i+1].Min
		}
		if hi.LessThanOrEqual(prior) || tiers[i].Rate.Sign() == 0 {
			continue
		}
		if lo.LessThan(prior) {
			lo = prior
		}
		weighted = weighted.Add(hi.Sub(lo).Mul(tiers[i].Rate))
	}
	if weighted.Sign() == 0 {
		return decimal.Zero
	}
	return weighted.DivRound(x, rateDivPrecision+2).Shift(-2)
}

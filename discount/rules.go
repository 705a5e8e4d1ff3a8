package discount

import (
	"slices"
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Rules is a complete rule set: every discount rule, how they combine,
// the guards (cap, floor), payment pricing, managers' authority, and the
// rounding. It is plain data, loaded from JSON with
// clientele.LoadConfig[discount.Rules] and validated as a whole
// ([Rules.Validate]); [Compile] turns it, with a price list, into an
// [Engine]. The zero Rules is not valid: Validate names the missing
// currency and combination policy.
type Rules struct {
	// Currency is the ISO 4217 code of every amount in the rules (amount
	// tiers, loyalty spend); it must be the price list's.
	Currency string `json:"currency"`
	// Rounding is the rounding mode; unset rounds half up.
	Rounding RoundingMode `json:"rounding,omitzero"`
	// ExtraUnitDecimals is how many decimals finer than the currency's
	// minor unit a net unit price keeps (0 to 6). Line totals are always
	// rounded to the minor unit.
	ExtraUnitDecimals int32 `json:"extra_unit_decimals,omitempty"`
	// Combination is how matching rule discounts combine on a line.
	// Required.
	Combination Policy `json:"combination"`
	// MaxDiscount caps the total commercial discount on a line (rules and
	// manager together), in percent of the list price; unset, no cap. The
	// lowest price it allows is rounded up to the unit-price precision,
	// so rounding never takes a discount past it.
	MaxDiscount decimal.NullDecimal `json:"max_discount,omitzero"`
	// Floor keeps discounts from taking a price below a minimum.
	Floor Floor `json:"floor,omitzero"`
	// HintWithin, in percent, turns on "order N more to get X %" hints:
	// a hint is given when the missing quantity or amount is at most this
	// share of the next tier's threshold. Unset, no hints.
	HintWithin decimal.NullDecimal `json:"hint_within,omitzero"`

	Volume     []VolumeRule    `json:"volume,omitempty"`
	Segments   []SegmentRule   `json:"segments,omitempty"`
	VIP        []VIPRule       `json:"vip,omitempty"`
	Loyalty    []LoyaltyRule   `json:"loyalty,omitempty"`
	Promotions []PromotionRule `json:"promotions,omitempty"`
	// Prices set the price a line starts from (a fixed price, a margin)
	// before the discount rules; see [PriceRule].
	Prices []PriceRule `json:"prices,omitempty"`
	// FreeItems give items for free; see [FreeItemRule].
	FreeItems []FreeItemRule `json:"free_items,omitempty"`

	// Taxes are added to, or found inside, the prices; see [Taxes].
	Taxes Taxes `json:"taxes,omitzero"`

	// Payment prices payment terms (prepayment, deferral).
	Payment PaymentPricing `json:"payment,omitzero"`
	// Authority lists the managers' and roles' limits on the manager
	// discount, in percent points, and who approves beyond each.
	Authority authority.Limits `json:"authority,omitempty"`
}

// Header holds what every discount rule has.
// The zero Header is not valid: its ID is required.
type Header struct {
	// ID identifies the rule in explanations; unique within a rule set.
	ID string `json:"id"`
	// Name is the client-facing label ("Autumn promotion"); it defaults
	// to the ID.
	Name string `json:"name,omitempty"`
	// Priority orders rules: lower first. Under FirstMatch the first
	// matching rule wins; under Compounding rules apply in this order;
	// otherwise it orders the explanation and breaks ties.
	Priority int `json:"priority"`
	// Scope limits the rule to some items; empty, it covers every item.
	Scope Scope `json:"scope,omitzero"`
	// ValidFrom and ValidTo bound the calendar days the rule applies on,
	// both included; an unset date leaves that end open.
	ValidFrom clientele.Date `json:"valid_from,omitzero"`
	ValidTo   clientele.Date `json:"valid_to,omitzero"`
	// When makes the rule depend on other lines of the order (ERPNext's
	// "apply rule on other"): it applies only if the order holds the
	// items named, in the quantity or amount given. The zero When is no
	// condition.
	When Condition `json:"when,omitzero"`
}

// Condition is what a rule needs from the whole order: the lines of the
// SKUs or groups named (any line when both are empty) must add up to at
// least MinQuantity units and MinAmount at list prices; with neither
// set, the order must hold at least one such line. A line whose rules
// are switched off still counts: it is in the order.
// The zero Condition is none.
type Condition struct {
	SKUs        []string            `json:"skus,omitempty"`
	Groups      []string            `json:"groups,omitempty"`
	MinQuantity decimal.NullDecimal `json:"min_quantity,omitzero"`
	MinAmount   decimal.NullDecimal `json:"min_amount,omitzero"`
}

// IsZero reports whether there is no condition.
func (c Condition) IsZero() bool {
	return len(c.SKUs) == 0 && len(c.Groups) == 0 && !c.MinQuantity.Valid && !c.MinAmount.Valid
}

func (c Condition) check(p *problems, f string) {
	checkNames(p, f+".skus", c.SKUs)
	checkNames(p, f+".groups", c.Groups)
	if c.MinQuantity.Valid {
		checkShape(p, f+".min_quantity", c.MinQuantity.Decimal, quantityDecimals)
		if c.MinQuantity.Decimal.Sign() < 0 {
			p.Add(f+".min_quantity", c.MinQuantity.Decimal, "must not be negative")
		}
	}
	if c.MinAmount.Valid {
		checkMoney(p, f+".min_amount", c.MinAmount.Decimal, maxMinorUnits+maxExtraDecimals)
	}
}

// Scope names the items a rule covers: an item is in scope when its SKU
// is listed or its group is. Both empty: every item.
// The zero Scope covers every item.
type Scope struct {
	SKUs   []string `json:"skus,omitempty"`
	Groups []string `json:"groups,omitempty"`
}

// IsZero reports whether the scope covers every item.
func (s Scope) IsZero() bool { return len(s.SKUs) == 0 && len(s.Groups) == 0 }

// Floor keeps discounts from taking a price below a minimum. Each item's
// floor is the higher of its cost plus MinMarkup, rounded up to the
// unit-price precision, and its own MinPrice; a floor never raises a
// price above the list price.
// The zero Floor sets no markup: only the items' own MinPrice floors
// apply.
type Floor struct {
	// MinMarkup is the lowest markup over cost, in percent: 10 means a
	// price of at least cost × 1.10. Every item then needs a cost.
	MinMarkup decimal.NullDecimal `json:"min_markup,omitzero"`
}

// Limits on rule data, wide enough for any real rule set.
const (
	maxPriority   = 1_000_000
	maxMarkup     = 1000
	maxDelayDays  = 3650
	maxRulesTotal = 10_000
)

// Validate reports every problem with the rule set at once, each naming
// the field (as spelt in JSON) and the value. Checks that need the price
// list (SKUs and groups that exist, costs for a floor, rule conflicts on
// the same item) are made by [Compile].
func (r Rules) Validate() error {
	var p problems
	r.check(&p)
	return p.err()
}

func (r Rules) check(p *problems) {
	if _, ok := currency.MinorUnits(r.Currency); !ok {
		p.addCurrency("currency", r.Currency, "unknown ISO 4217 currency code")
	}
	if r.Rounding != 0 && !r.Rounding.IsValid() {
		p.Add("rounding", r.Rounding, "unknown rounding mode (want half_up or half_even)")
	}
	if r.ExtraUnitDecimals < 0 || r.ExtraUnitDecimals > maxExtraDecimals {
		p.Addf("extra_unit_decimals", r.ExtraUnitDecimals, "must be within 0..%d", maxExtraDecimals)
	}
	if !r.Combination.IsValid() {
		p.Add("combination", r.Combination, "is required: first_match, best_for_client, additive or compounding")
	}
	if r.MaxDiscount.Valid {
		checkPercent(p, "max_discount", r.MaxDiscount.Decimal, 0, 100)
	}
	if r.Floor.MinMarkup.Valid {
		checkPercent(p, "floor.min_markup", r.Floor.MinMarkup.Decimal, 0, maxMarkup)
	}
	if r.HintWithin.Valid && checkPercent(p, "hint_within", r.HintWithin.Decimal, 0, 100) && r.HintWithin.Decimal.Sign() == 0 {
		p.Add("hint_within", r.HintWithin.Decimal, "must be above 0 (leave it out for no hints)")
	}
	if n := len(r.Volume) + len(r.Segments) + len(r.VIP) + len(r.Loyalty) + len(r.Promotions) + len(r.Prices) + len(r.FreeItems); n > maxRulesTotal {
		p.Addf("rules", n, "more than %d rules", maxRulesTotal)
		return
	}
	ids := map[string]string{}
	for i, v := range r.Volume {
		v.check(p, "volume["+strconv.Itoa(i)+"]", ids)
	}
	for i, s := range r.Segments {
		s.check(p, "segments["+strconv.Itoa(i)+"]", ids)
	}
	for i, s := range r.VIP {
		s.check(p, "vip["+strconv.Itoa(i)+"]", ids)
	}
	for i, l := range r.Loyalty {
		l.check(p, "loyalty["+strconv.Itoa(i)+"]", ids)
	}
	for i, pr := range r.Promotions {
		pr.check(p, "promotions["+strconv.Itoa(i)+"]", ids)
	}
	for i, pr := range r.Prices {
		pr.check(p, "prices["+strconv.Itoa(i)+"]", ids)
	}
	for i, fr := range r.FreeItems {
		fr.check(p, "free_items["+strconv.Itoa(i)+"]", ids)
	}
	r.Taxes.check(p, "taxes")
	r.Payment.check(p, "payment")
	checkAuthority(p, r.Authority)
}

// check validates the common part of a rule and records its ID in ids
// (ID -> field) to catch duplicates across every kind of rule.
func (h Header) check(p *problems, f string, ids map[string]string) {
	checkKey(p, f, ".id", h.ID, "rule ID", ids)
	p.Text(f+".name", h.Name, validate.MaxTextLen)
	if h.Priority < 0 || h.Priority > maxPriority {
		p.Addf(f+".priority", h.Priority, "must be within 0..%d", maxPriority)
	}
	checkNames(p, f+".scope.skus", h.Scope.SKUs)
	checkNames(p, f+".scope.groups", h.Scope.Groups)
	checkPeriod(p, f+".", h.ValidFrom, h.ValidTo)
	h.When.check(p, f+".when")
}

func (h Header) label() string {
	if h.Name != "" {
		return h.Name
	}
	return h.ID
}

// checkNames checks a list of identifiers: each well formed, no repeats.
// It is linear: a scope may list tens of thousands of SKUs, a client as
// many segments, and comparing every pair took seconds.
func checkNames(p *problems, f string, names []string) {
	for i, n := range names {
		var probe problems // the field is named only for a problem
		if !probe.ID("", n) {
			p.ID(f+"["+strconv.Itoa(i)+"]", n)
		}
	}
	if len(names) <= shortNames { // comparing a few pairs allocates nothing
		for i, n := range names {
			if n != "" && slices.Contains(names[:i], n) { // a blank is p.ID's to report, as repeats.Find leaves it
				p.Add(f+"["+strconv.Itoa(i)+"]", n, "listed twice")
			}
		}
		return
	}
	for _, r := range repeats.Find(len(names), func(i int) string { return names[i] }) {
		p.Add(f+"["+strconv.Itoa(r.At)+"]", names[r.At], "listed twice")
	}
}

// shortNames is the longest list checkNames checks pair by pair.
const shortNames = 16

// checkRate records a problem unless v is a discount rate in 0..100 %.
func checkRate(p *problems, f string, v decimal.Decimal) bool {
	return checkPercent(p, f, v, 0, 100)
}

// DefaultRules returns a conservative starting rule set in currency:
// no automatic discounts yet, best-for-client combination (no stacking
// surprises), a 25 % cap on the total discount, and a three-level
// authority ladder, manager 5 % -> head of sales 15 % -> director 25 %,
// the usual shape of a B2B discount-authority matrix (the article asks
// managers to sign "within one's authority" but gives no figures; these
// are a starting point to replace with the company's own).
func DefaultRules(currencyCode string) Rules {
	return Rules{
		Currency:    currencyCode,
		Rounding:    RoundHalfUp,
		Combination: BestForClient,
		MaxDiscount: decimal.NewNullDecimal(decimal.NewFromInt(25)),
		HintWithin:  decimal.NewNullDecimal(decimal.NewFromInt(20)),
		Authority: authority.Limits{
			{Holder: authority.RoleManager, Max: decimal.NewFromInt(5), ApprovedBy: "head_of_sales"},
			{Holder: "head_of_sales", Max: decimal.NewFromInt(15), ApprovedBy: "director"},
			{Holder: "director", Max: decimal.NewFromInt(25)},
		},
	}
}

package discount

import (
	"fmt"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/shopspring/decimal"
)

// Request is what a quote is asked for: the client's facts, the lines,
// the payment terms, the date, and the manager's discount if any.
// The zero Request is not valid: Engine.Quote names the missing date,
// currency and lines.
type Request struct {
	// Date is the day the quote prices on: it selects the price list's
	// and the rules' validity windows.
	Date clientele.Date `json:"date"`
	// Currency must be the price list's (a guard against quoting EUR
	// prices to a client expecting RUB).
	Currency string          `json:"currency"`
	Client   ClientFacts     `json:"client"`
	Lines    []LineRequest   `json:"lines"`
	Payment  PaymentTiming   `json:"payment,omitzero"`
	Coupons  []string        `json:"coupons,omitempty"`
	Manager  ManagerDiscount `json:"manager,omitzero"`
	// IgnoreRules switches every price and discount rule off for the
	// whole request (ERPNext's ignore_pricing_rule): the lines start from
	// the list price or their manual price; the manager discount, the
	// cap, the floor and the payment terms still apply. Each line says so
	// (Line.RulesOff).
	IgnoreRules bool `json:"ignore_rules,omitempty"`
	// EarlyPayment, when set, are the invoice's early-payment terms: the
	// quote then says what the discount is worth, split by tax
	// ([Quote].EarlyPayment), and under the mixed mode computes the taxes
	// on the discounted base. Under taxes, only the excluded mode takes a
	// fixed DiscountAmount; the other modes need a rate.
	EarlyPayment EarlyPaymentTerms `json:"early_payment,omitzero"`
}

// ClientFacts are the client's facts the rules need, as plain values:
// the host takes them from its client records and segmentations (the
// client package), so this package does not depend on them.
// The zero ClientFacts is an anonymous client in no segment, with no
// spend and no prior purchases.
type ClientFacts struct {
	// ID is the host's client ID, copied to the quote.
	ID string `json:"id,omitempty"`
	// Segments the client is in: "A", "AX", "champions", "key"...
	Segments []string `json:"segments,omitempty"`
	VIP      bool     `json:"vip,omitempty"`
	// LoyaltySpend is what the client spent in the loyalty programme's
	// period, in the price list's currency.
	LoyaltySpend decimal.Decimal `json:"loyalty_spend,omitzero"`
	// Prior is what the client already bought toward cumulative volume
	// rules.
	Prior []PriorVolume `json:"prior,omitempty"`
}

// PriorVolume is what a client already bought in a cumulative volume
// rule's period, supplied by the host from its sales records.
// The zero PriorVolume names no rule, which Engine.Quote refuses.
type PriorVolume struct {
	RuleID string `json:"rule_id"`
	// Key is the SKU for a per-item rule, the group for a per-group rule,
	// and empty for a per-order rule.
	Key      string          `json:"key,omitempty"`
	Quantity decimal.Decimal `json:"quantity,omitzero"`
	Amount   decimal.Decimal `json:"amount,omitzero"`
}

// LineRequest is one line to price.
// The zero LineRequest is not valid: Engine.Quote asks for a SKU and a
// quantity above 0.
type LineRequest struct {
	SKU      string          `json:"sku"`
	Quantity decimal.Decimal `json:"quantity"`
	// ManualPrice, when set, is a unit price agreed elsewhere: it
	// replaces the list price, the rules are off for the line, and the
	// quote shows it as a manual step. The floor still holds below it.
	ManualPrice decimal.NullDecimal `json:"manual_price,omitzero"`
	// IgnoreRules switches the rules off for this line only.
	IgnoreRules bool `json:"ignore_rules,omitempty"`
	// Unit is the unit the quantity is in, one of the item's [Unit]s;
	// empty, the item's own unit. Prices, the quantity and hints are
	// then given per that unit.
	Unit string `json:"unit,omitempty"`
}

// ManagerDiscount is the discretionary discount a manager types in, on
// every line, on top of the rule discounts. Above the limit the rules'
// authority gives the manager (By: their own entry, else their role's)
// the quote needs approval ([Engine.Approve]). The zero ManagerDiscount
// is none.
type ManagerDiscount struct {
	By   authority.Actor `json:"by,omitzero"`
	Rate decimal.Decimal `json:"rate,omitzero"`
}

// Quote is a priced, explained commercial offer. A quote is a value:
// the same engine and request always give an equal quote.
// The zero Quote was never priced: Offerable and Engine.Approve refuse
// it.
type Quote struct {
	PriceListID string         `json:"price_list_id"`
	Currency    string         `json:"currency"`
	Date        clientele.Date `json:"date"`
	ClientID    string         `json:"client_id,omitempty"`
	Payment     PaymentTiming  `json:"payment"`
	Lines       []Line         `json:"lines"`
	Totals      Totals         `json:"totals"`
	// Summary is the client-facing list of the discounts (and payment
	// surcharge) granted, one entry per rule, adding up to Net − Gross.
	Summary []SummaryLine `json:"summary"`
	// Hints say where ordering a little more reaches a better tier.
	Hints []Hint `json:"hints,omitempty"`
	// Warnings concern the whole quote (approval, coupons); line
	// warnings are on the lines.
	Warnings []Warning `json:"warnings,omitempty"`
	Approval Approval  `json:"approval"`
	// Taxes are the quote's taxes, one per tax, when the rules have taxes.
	Taxes []TaxAmount `json:"taxes,omitempty"`
	// EarlyPayment is what the request's early-payment terms are worth.
	EarlyPayment EarlyPaymentQuote `json:"early_payment,omitzero"`
}

// Line is one priced line. Gross plus the adjustments' amounts is Net
// exactly, and Net is NetUnitPrice × Quantity rounded to the currency,
// except on a line priced by graduated bands, whose Net is its exact
// total rounded (a larger order then never costs less).
// The zero Line is no result: Engine.Quote fills every line it
// returns.
type Line struct {
	SKU      string          `json:"sku"`
	Name     string          `json:"name,omitempty"`
	Group    string          `json:"group,omitempty"`
	Quantity decimal.Decimal `json:"quantity"`
	// Unit is the unit the line was ordered in, when not the item's own.
	Unit string `json:"unit,omitempty"`
	// ListPrice is the price list's unit price.
	ListPrice decimal.Decimal `json:"list_price"`
	// Gross is ListPrice × Quantity, rounded to the currency.
	Gross decimal.Decimal `json:"gross"`
	// Adjustments are every change to the price, in the order applied.
	Adjustments []Adjustment `json:"adjustments,omitempty"`
	// NetUnitPrice is the unit price after every adjustment, rounded once
	// to the unit-price precision.
	NetUnitPrice decimal.Decimal `json:"net_unit_price"`
	// Net is the line total.
	Net decimal.Decimal `json:"net"`
	// RulesOff says the request switched the rules off for this line
	// (a manual price, or IgnoreRules on the line or the request).
	RulesOff bool `json:"rules_off,omitempty"`
	// Free marks a line of free units a [FreeItemRule] gave: its one
	// adjustment, of kind free, takes the whole gross off.
	Free     bool      `json:"free,omitempty"`
	Warnings []Warning `json:"warnings,omitempty"`
	// With taxes: Untaxed is Net without the taxes included in it (Net
	// itself with tax-excluded prices), Taxes each tax on the line after
	// every discount, Tax their sum, Total = Untaxed + Tax. Under global
	// tax rounding they are exact, rounded only in the quote's totals.
	Untaxed decimal.Decimal `json:"untaxed,omitzero"`
	Taxes   []TaxAmount     `json:"taxes,omitempty"`
	Tax     decimal.Decimal `json:"tax,omitzero"`
	Total   decimal.Decimal `json:"total,omitzero"`
}

// Adjustment is one change to a line's price and where it came from.
// The zero Adjustment is no result: every adjustment a quote carries
// has a Kind.
type Adjustment struct {
	Kind Kind `json:"kind"`
	// RuleID and Name identify the rule (empty for the manager, cap,
	// floor, payment and rounding steps, which name themselves by Kind).
	RuleID string `json:"rule_id,omitempty"`
	Name   string `json:"name,omitempty"`
	// Rate is the change in percent of the price the step applied to
	// (negative: a reduction). Rule rates apply to the list price under
	// additive combination and to the running price under compounding;
	// the manager's to the price after the rules; cap and floor are given
	// in percent of the list price; payment of the price after the floor.
	// Rounding has no rate.
	Rate decimal.Decimal `json:"rate,omitzero"`
	// Amount is the change to the line total, rounded to the currency
	// (negative: a reduction).
	Amount decimal.Decimal `json:"amount"`
	// Tier is the 1-based volume or loyalty tier reached, and Basis the
	// quantity or amount (prior purchases included) that reached it; zero
	// for other kinds.
	Tier  int             `json:"tier,omitempty"`
	Basis decimal.Decimal `json:"basis,omitzero"`
	// AmountOff is what a rule written as an amount takes off (negative),
	// per unit or per line as AmountPer says; zero for a rule of a rate.
	AmountOff decimal.Decimal `json:"amount_off,omitzero"`
	AmountPer AmountPer       `json:"amount_per,omitzero"`
	// UnitPrice is the unit price a price rule, a margin or a manual
	// price set; zero for other kinds.
	UnitPrice decimal.Decimal `json:"unit_price,omitzero"`
}

// Totals of a quote, each the sum of the rounded lines: Net = Gross −
// Discount + Surcharge, exactly.
// The zero Totals are no result: Engine.Quote sets every total.
type Totals struct {
	Gross decimal.Decimal `json:"gross"`
	// Discount is everything that took the price down, net of what the
	// cap and floor gave back (and of rounding).
	Discount decimal.Decimal `json:"discount"`
	// Surcharge is the deferred-payment surcharge.
	Surcharge decimal.Decimal `json:"surcharge"`
	Net       decimal.Decimal `json:"net"`
	// With taxes or early-payment terms: Untaxed is Net without the
	// taxes included in it, Tax the sum of the quote's taxes, Total =
	// Untaxed + Tax, what the invoice asks.
	Untaxed decimal.Decimal `json:"untaxed,omitzero"`
	Tax     decimal.Decimal `json:"tax,omitzero"`
	Total   decimal.Decimal `json:"total,omitzero"`
}

// SummaryLine is one entry of the client-facing summary.
// The zero SummaryLine has no kind, and its Label is empty.
type SummaryLine struct {
	Kind   Kind   `json:"kind"`
	RuleID string `json:"rule_id,omitempty"`
	Name   string `json:"name,omitempty"`
	// Amount is the total change over the quote (negative: a discount).
	Amount decimal.Decimal `json:"amount"`
}

// Label is the entry's client-facing name: the rule's name, or the
// step's.
func (s SummaryLine) Label() string {
	if s.Name != "" {
		return s.Name
	}
	switch s.Kind {
	case KindManager:
		return "Additional discount"
	case KindCap:
		return "Maximum discount limit"
	case KindFloor:
		return "Minimum price limit"
	case KindPayment:
		if s.Amount.Sign() < 0 {
			return "Prepayment discount"
		}
		return "Deferred payment surcharge"
	case KindRounding:
		return "Unit price rounding"
	case KindManual:
		return "Agreed price"
	case KindFree:
		return "Free items"
	}
	return s.Kind.String()
}

// Hint says how much more to order to reach a better volume tier.
// The zero Hint is no result; Text still renders it without failing.
type Hint struct {
	RuleID string `json:"rule_id"`
	Name   string `json:"name,omitempty"`
	Per    Per    `json:"per"`
	// Key is the SKU (per item) or group (per group) the volume adds up
	// over; empty per order.
	Key   string   `json:"key,omitempty"`
	Basis Basis    `json:"basis"`
	Mode  TierMode `json:"mode"`
	// Missing is the quantity, or amount at list prices, still to order;
	// in Unit when set (the unit the line was ordered in, rounded up to
	// whole units of it), else in the item's own units.
	Missing decimal.Decimal `json:"missing"`
	Unit    string          `json:"unit,omitempty"`
	// Rate is the next tier's rate; under graduated tiers it applies to
	// the volume beyond the tier's threshold only.
	Rate decimal.Decimal `json:"rate"`
}

// Text renders the hint for a manager or a client, e.g. "Order 10 more
// units of SKU-1 to get 7 % (Bulk discount)." Amounts are in currency.
func (h Hint) Text(currency string) string {
	var b strings.Builder
	b.WriteString("Order ")
	if h.Basis == BasisAmount {
		fmt.Fprintf(&b, "%s %s more", h.Missing.String(), currency)
	} else if h.Unit != "" {
		fmt.Fprintf(&b, "%s more (%s)", h.Missing.String(), h.Unit)
	} else {
		fmt.Fprintf(&b, "%s more units", h.Missing.String())
	}
	switch h.Per {
	case PerItem:
		fmt.Fprintf(&b, " of %s", h.Key)
	case PerGroup:
		fmt.Fprintf(&b, " of group %s", h.Key)
	}
	fmt.Fprintf(&b, " to get %s %%", h.Rate.String())
	if h.Mode == Graduated {
		b.WriteString(" on what you order beyond the threshold")
	}
	name := h.Name
	if name == "" {
		name = h.RuleID
	}
	fmt.Fprintf(&b, " (%s).", name)
	return b.String()
}

// WarningCode classifies a warning.
// The zero WarningCode is unset: no warning carries it, and it does
// not marshal.
type WarningCode uint8

const (
	// WarnFloorReached: the floor stopped the discounts on a line.
	WarnFloorReached WarningCode = iota + 1
	// WarnListBelowFloor: the list price itself is below the item's
	// floor, so no discount can apply and the price list needs a look.
	WarnListBelowFloor
	// WarnCapReached: the maximum discount stopped the discounts on a
	// line (or additive discounts summed past 100 %).
	WarnCapReached
	// WarnApprovalRequired: the manager discount needs approval before
	// the quote is an offer.
	WarnApprovalRequired
	// WarnCouponNotApplied: a coupon the client quoted gave nothing.
	WarnCouponNotApplied
)

var warningNames = enum.Names{"", "floor_reached", "list_below_floor", "cap_reached", "approval_required", "coupon_not_applied"}

// ParseWarningCode returns the code named s.
func ParseWarningCode(s string) (WarningCode, error) {
	return enum.Parse[WarningCode](warningNames, "warning code", s)
}

func (v WarningCode) String() string { return enum.String(warningNames, "WarningCode", v) }

// IsValid reports whether v is one of the named codes.
func (v WarningCode) IsValid() bool { return enum.Valid(warningNames, v) }

// MarshalText implements encoding.TextMarshaler; an unset value is an error.
func (v WarningCode) MarshalText() ([]byte, error) {
	return enum.Marshal(warningNames, "WarningCode", v)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (v *WarningCode) UnmarshalText(b []byte) error {
	return enum.Unmarshal(warningNames, "warning code", v, b)
}

// Warning is something a manager must see before sending the quote.
// The zero Warning is no result: every warning a quote carries has a
// Code.
type Warning struct {
	Code    WarningCode `json:"code"`
	Message string      `json:"message"`
}

// Offerable returns nil when the quote may be sent to the client as an
// offer; while its manager discount waits for approval, the
// *authority.LimitError of the manager's limit, naming the approver (it
// matches authority.ErrLimitExceeded and clientele.ErrForbidden); and an
// error matching ErrInvalid for a quote without an approval status (a
// zero Quote, or one not priced by [Engine.Quote]): what was never
// checked is not an offer.
func (q Quote) Offerable() error {
	switch a := q.Approval; a.Status {
	case ApprovalNotRequired, ApprovalGranted:
		return nil
	case ApprovalPending:
		return &authority.LimitError{Actor: a.Manager, Holder: a.Holder, Max: a.Limit, Amount: a.Rate, Approver: a.Approver}
	}
	var p problems
	p.Add("approval.status", q.Approval.Status, "not a status Engine.Quote sets: the quote was not priced")
	return p.err()
}

// ready reports the zero Engine, which has nothing compiled to price
// with, as an error rather than a panic.
func (e *Engine) ready() error {
	if e == nil || e.bySKU == nil {
		var p problems
		p.Add("engine", nil, "is the zero Engine; build one with Compile")
		return p.err()
	}
	return nil
}

// NewQuote prices req against a price list and a rule set: the simple
// entry point. (Go allows no function named like the Quote type, hence
// the name.) It compiles the rules on every call; a host quoting many
// times compiles once with [Compile] and calls [Engine.Quote].
func NewQuote(pl PriceList, rules Rules, req Request) (Quote, error) {
	e, err := Compile(pl, rules)
	if err != nil {
		return Quote{}, err
	}
	return e.Quote(req)
}

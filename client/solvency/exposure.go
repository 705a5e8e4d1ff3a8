package solvency

import (
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/enum"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
)

// Order is a confirmed order not yet invoiced: the new order being
// checked, or one of the client's open orders. ID identifies the document
// so that an order is never counted twice.
//
// The zero Order has no ID, currency or amount: CheckOrder names each.
type Order struct {
	ID       string          `json:"id"`
	Currency string          `json:"currency"`
	Amount   decimal.Decimal `json:"amount"`
}

// OrderCheck is what the exposure check reads: the client's credit (from
// DecideCredit, or terms and a limit the host set by hand), its invoices
// (for what it owes and what is overdue), its other open orders and the
// new order.
//
// The zero OrderCheck has no as-of date and no order: CheckOrder
// names what is missing.
type OrderCheck struct {
	AsOf       clientele.Date   `json:"as_of"`
	Credit     Credit           `json:"credit"`
	Invoices   []ledger.Invoice `json:"invoices"`
	OpenOrders []Order          `json:"open_orders"`
	Order      Order            `json:"order"`
}

// Decision is the outcome of an exposure check with its reasons and
// figures. Amounts are exact, in Currency.
//
// The zero Decision is no decision: it has no outcome, and Release
// refuses it.
type Decision struct {
	AsOf     clientele.Date   `json:"as_of"`
	Outcome  Outcome          `json:"outcome"`
	Reasons  []DecisionReason `json:"reasons"`
	Currency string           `json:"currency"`
	Limit    decimal.Decimal  `json:"limit"`
	// Exposure = Outstanding + OpenOrders + Order.
	Outstanding decimal.Decimal `json:"outstanding"`
	OpenOrders  decimal.Decimal `json:"open_orders"`
	Order       decimal.Decimal `json:"order"`
	Exposure    decimal.Decimal `json:"exposure"`
	// Headroom = Limit − Exposure; negative when over the limit.
	Headroom decimal.Decimal `json:"headroom"`
	// Utilisation = Exposure / Limit, a float64 share for display;
	// undefined with no limit.
	Utilisation       Measure         `json:"utilisation"`
	Overdue           decimal.Decimal `json:"overdue"`
	OldestOverdueDays int             `json:"oldest_overdue_days"`
	// Bypass records who released a held or blocked decision, and what
	// it was; zero if nobody did.
	Bypass Bypass `json:"bypass,omitzero"`
}

// DecisionReason is one rule that fired, with its figures: Amount
// against Threshold (the warn level, the limit, the block level or the
// overdue rule's amount), and Days for an overdue rule.
//
// The zero DecisionReason names no rule (an unset Code).
type DecisionReason struct {
	Code      DecisionCode    `json:"code"`
	Outcome   Outcome         `json:"outcome"`
	Amount    decimal.Decimal `json:"amount"`
	Threshold decimal.Decimal `json:"threshold"`
	Days      int             `json:"days,omitempty"`
}

// CheckOrder checks a new order against the client's whole exposure:
// outstanding receivables + unbilled open orders + the order, against the
// credit limit, and the overdue invoices against the overdue rules. The
// outcome is the most severe of the rules that fire, allow if none.
//
// The check is on the total, never on the document alone, so splitting
// an order into parts or entering it twice gets nothing past it: each
// part already entered is an open order of the next. An order whose ID is
// among the open orders is the same document checked again and is
// counted once; two open orders with one ID are an error.
func CheckOrder(req OrderCheck, p CreditPolicy) (Decision, error) {
	var pr validate.Problems
	p.check(&pr)
	checkOrderInput(&pr, &req, p.Currency)
	if err := pr.Err(ErrInvalid); err != nil {
		return Decision{}, err
	}
	d := Decision{AsOf: req.AsOf, Currency: p.Currency, Limit: req.Credit.Limit.Amount, Order: req.Order.Amount}
	var outstanding, overdue exactsum.Running
	var onStack [4]exactsum.Running // a policy has a few overdue rules
	var byRule []exactsum.Running
	if n := len(p.Exposure.Overdue); n > len(onStack) {
		byRule = make([]exactsum.Running, n)
	} else {
		byRule = onStack[:n]
	}
	for i := range req.Invoices {
		in := &req.Invoices[i]
		st := in.StateOn(req.AsOf)
		if st.State != ledger.StateOpen && st.State != ledger.StateOverdue {
			continue
		}
		amt := termOf(in.Amount)
		amt.addTo(&outstanding)
		if st.State == ledger.StateOpen {
			continue
		}
		late := st.DaysLate
		amt.addTo(&overdue)
		d.OldestOverdueDays = max(d.OldestOverdueDays, late)
		for j, r := range p.Exposure.Overdue {
			if late >= r.MinDays {
				amt.addTo(&byRule[j])
			}
		}
	}
	var open exactsum.Running
	for _, o := range req.OpenOrders {
		if o.ID != req.Order.ID {
			open.Add(o.Amount)
		}
	}
	d.Outstanding, d.Overdue, d.OpenOrders = outstanding.Decimal(), overdue.Decimal(), open.Decimal()
	d.Exposure = d.Outstanding.Add(d.OpenOrders).Add(d.Order)
	d.Headroom = d.Limit.Sub(d.Exposure)
	fire := func(r DecisionReason) { d.Reasons = append(d.Reasons, r) }
	switch {
	case req.Credit.Prepayment:
		d.Utilisation = undefined(CauseZero, "limit")
		fire(DecisionReason{Code: CodePrepaymentRequired, Outcome: OutcomeHold, Amount: d.Order, Threshold: decimal.Zero})
	case d.Limit.Sign() == 0:
		d.Utilisation = undefined(CauseZero, "limit")
		fire(DecisionReason{Code: CodeNoCreditLimit, Outcome: OutcomeHold, Amount: d.Exposure, Threshold: decimal.Zero})
	default:
		d.Utilisation = quotient(d.Exposure, d.Limit)
		warnAt := d.Limit.Mul(p.Exposure.WarnPercent.Shift(-2))
		blockAbove := d.Limit.Mul(p.Exposure.BlockPercent.Shift(-2))
		switch {
		case d.Exposure.GreaterThan(blockAbove):
			fire(DecisionReason{Code: CodeFarOverLimit, Outcome: OutcomeBlock, Amount: d.Exposure, Threshold: blockAbove})
		case d.Exposure.GreaterThan(d.Limit):
			fire(DecisionReason{Code: CodeOverLimit, Outcome: OutcomeHold, Amount: d.Exposure, Threshold: d.Limit})
		case d.Exposure.GreaterThanOrEqual(warnAt):
			fire(DecisionReason{Code: CodeNearLimit, Outcome: OutcomeWarn, Amount: d.Exposure, Threshold: warnAt})
		}
	}
	for j, r := range p.Exposure.Overdue {
		if amt := byRule[j].Decimal(); amt.Sign() > 0 && amt.GreaterThan(r.Amount) {
			fire(DecisionReason{Code: CodeOverdue, Outcome: r.Outcome, Amount: amt, Threshold: r.Amount, Days: r.MinDays})
		}
	}
	d.Outcome = worstOutcome(d.Reasons)
	return d, nil
}

func checkOrderInput(p *validate.Problems, req *OrderCheck, cur string) {
	p.Date("as_of", req.AsOf, true)
	if c := req.Credit.Limit.Currency; c != cur {
		p.Addf("credit.limit.currency", strconv.Quote(c), "differs from the policy's currency %s", cur)
	}
	p.NonNegative("credit.limit.amount", req.Credit.Limit.Amount)
	p.Merge("", ledger.ValidateInvoices(req.Invoices))
	if len(req.Invoices) > 0 && req.Invoices[0].Currency != cur && currency.Known(req.Invoices[0].Currency) {
		p.Addf("invoices[0].currency", req.Invoices[0].Currency, "differs from the policy's currency %s", cur)
	}
	// One scratch list for the order and every open order, as
	// Problems.Each keeps, but on the stack: Each's callback would move
	// it to the heap on every check.
	var q validate.Problems
	if checkOrder(&q, req.Order, cur); q.Len() > 0 {
		p.Merge("order", q.Err(ErrInvalid))
		q = validate.Problems{}
	}
	for i := range req.OpenOrders {
		if checkOrder(&q, req.OpenOrders[i], cur); q.Len() > 0 {
			p.Merge("open_orders["+strconv.Itoa(i)+"]", q.Err(ErrInvalid))
			q = validate.Problems{}
		}
	}
	if len(req.OpenOrders) > 1 {
		// A twin would hide: one document is counted once.
		p.Repeats("open_orders", "id", len(req.OpenOrders), func(i int) string { return req.OpenOrders[i].ID })
	}
}

// checkOrder checks one order, naming its fields from the order.
func checkOrder(p *validate.Problems, o Order, cur string) {
	p.ID("id", o.ID)
	if o.Currency != cur {
		p.Addf("currency", strconv.Quote(o.Currency), "differs from the policy's currency %s", cur)
	}
	if p.CheckRange("amount", o.Amount) && o.Amount.Sign() <= 0 {
		p.Add("amount", o.Amount, "must be positive")
	}
}

// Bypass records a released decision: the signature of who released
// it, and the outcome released. The zero Bypass is none.
type Bypass struct {
	Signature authority.Signature `json:"signature"`
	Released  Outcome             `json:"released"`
}

// IsZero reports whether nobody bypassed the decision.
func (b Bypass) IsZero() bool { return b == Bypass{} }

// Release bypasses a held or blocked decision on the signature sig: the
// result is allowed and records the bypass, keeping the reasons and
// figures. The signer's release limit for the outcome (p.Release.Hold or
// p.Release.Block) must cover the order's amount; if it does not, the
// error is the *authority.LimitError of authority.Limits.Check, which
// names the limit, the amount and who can approve it, and matches
// authority.ErrLimitExceeded and clientele.ErrForbidden. ErrInvalid: a
// decision that is not held or blocked, or whose outcome is not the most
// severe of its reasons (a block relabelled as a hold, which a lesser
// limit could release); a bypassed decision; a signature without actor,
// role or time, or dated before the decision; an invalid policy.
func (d Decision) Release(sig authority.Signature, p CreditPolicy) (Decision, error) {
	var pr validate.Problems
	p.check(&pr)
	switch worst := worstOutcome(d.Reasons); {
	case d.Outcome != OutcomeHold && d.Outcome != OutcomeBlock:
		pr.Add("outcome", d.Outcome, "only a held or blocked decision is bypassed")
	case d.Outcome != worst:
		pr.Addf("outcome", d.Outcome, "differs from %s, the most severe outcome of its reasons: release a decision as CheckOrder made it", worst)
	}
	if !d.Bypass.IsZero() {
		pr.Add("bypass", d.Bypass.Signature.By.ID, "the decision was bypassed already")
	}
	pr.Merge("signature", sig.Validate())
	if on := clientele.DateOf(sig.At); !sig.At.IsZero() && on.Before(d.AsOf) {
		pr.Addf("signature.at", on, "is before the decision's date %s", d.AsOf)
	}
	pr.CheckRange("order", d.Order)
	if err := pr.Err(ErrInvalid); err != nil {
		return Decision{}, err
	}
	if err := p.Release.of(d.Outcome).Check(sig.By, d.Order); err != nil {
		return Decision{}, err
	}
	out := d
	out.Reasons = append([]DecisionReason(nil), d.Reasons...)
	out.Bypass = Bypass{Signature: sig, Released: d.Outcome}
	out.Outcome = OutcomeAllow
	return out, nil
}

// worstOutcome is the most severe outcome among the reasons, allow if
// there are none: the outcome CheckOrder gives.
func worstOutcome(rs []DecisionReason) Outcome {
	o := OutcomeAllow
	for _, r := range rs {
		o = max(o, r.Outcome)
	}
	return o
}

// Outcome is the verdict on an order, from least to most severe. The zero
// value is unset.
type Outcome uint8

const (
	// OutcomeAllow: ship on credit.
	OutcomeAllow Outcome = iota + 1
	// OutcomeWarn: ship, and tell the manager (close to the limit, or
	// something overdue).
	OutcomeWarn
	// OutcomeHold: wait until the client pays (prepayment, overdue
	// invoices) or someone with authority releases the order.
	OutcomeHold
	// OutcomeBlock: refuse; only a higher authority may release it.
	OutcomeBlock
)

var outcomeNames = enum.Names{"", "allow", "warn", "hold", "block"}

// ParseOutcome returns the outcome named s ("allow", "warn", "hold",
// "block").
func ParseOutcome(s string) (Outcome, error) { return enum.Parse[Outcome](outcomeNames, "outcome", s) }

func (o Outcome) String() string { return enum.String(outcomeNames, "Outcome", o) }

// IsValid reports whether o is one of the named outcomes.
func (o Outcome) IsValid() bool { return enum.Valid(outcomeNames, o) }

// MarshalText implements encoding.TextMarshaler; an unset outcome is an error.
func (o Outcome) MarshalText() ([]byte, error) { return enum.Marshal(outcomeNames, "Outcome", o) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (o *Outcome) UnmarshalText(b []byte) error { return enum.Unmarshal(outcomeNames, "outcome", o, b) }

// DecisionCode names the rule behind a DecisionReason. The zero value is
// unset.
type DecisionCode uint8

const (
	// CodePrepaymentRequired: the client's grade requires prepayment.
	CodePrepaymentRequired DecisionCode = iota + 1
	// CodeNoCreditLimit: the client has no credit limit (no base to
	// compute one from).
	CodeNoCreditLimit
	// CodeNearLimit: the exposure reaches the warning share of the limit.
	CodeNearLimit
	// CodeOverLimit: the exposure exceeds the limit.
	CodeOverLimit
	// CodeFarOverLimit: the exposure exceeds the block share of the
	// limit.
	CodeFarOverLimit
	// CodeOverdue: an overdue rule fired.
	CodeOverdue
)

var decisionCodeNames = enum.Names{"", "prepayment_required", "no_credit_limit", "near_limit", "over_limit", "far_over_limit", "overdue"}

// ParseDecisionCode returns the code named s.
func ParseDecisionCode(s string) (DecisionCode, error) {
	return enum.Parse[DecisionCode](decisionCodeNames, "decision code", s)
}

func (c DecisionCode) String() string { return enum.String(decisionCodeNames, "DecisionCode", c) }

// IsValid reports whether c is one of the named codes.
func (c DecisionCode) IsValid() bool { return enum.Valid(decisionCodeNames, c) }

// MarshalText implements encoding.TextMarshaler; an unset code is an error.
func (c DecisionCode) MarshalText() ([]byte, error) {
	return enum.Marshal(decisionCodeNames, "DecisionCode", c)
}

// UnmarshalText implements encoding.TextUnmarshaler; unknown names are an error.
func (c *DecisionCode) UnmarshalText(b []byte) error {
	return enum.Unmarshal(decisionCodeNames, "decision code", c, b)
}

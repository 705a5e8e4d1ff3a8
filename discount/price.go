package discount

import (
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/shopspring/decimal"
)

// maxLines bounds the lines of one request.
const maxLines = 100_000

// quoteState is the working state of one Engine.Quote call.
type quoteState struct {
	e        *Engine
	req      *Request
	lineItem []int32
	rs       []ruleState
	scr      *quoteScratch
	pools    []volumeAgg

	pay     num             // payment factor, over payDiv
	payDiv  int64           // a whole divisor of pay (1: none)
	payRate decimal.Decimal // its change in percent
	hasPay  bool
	mgr     rate
	hasMgr  bool

	adjs       []Adjustment
	sum        []slotSum // per rule, then the five step kinds
	hints      []Hint
	hintKeys   []hintKey
	exactLines int     // lines priced on machine words throughout
	freeItems  []int32 // the item of each free line, after the request's
	// freeCoupons are the coupons free-item rules used.
	freeCoupons []string
	// reuse, when not nil, is the Quoter whose buffers the quote fills.
	reuse *Quoter
}

// itemOf returns the item of the quote's line li, a free line's too.
func (st *quoteState) itemOf(li int) int32 {
	if li < len(st.lineItem) {
		return st.lineItem[li]
	}
	return st.freeItems[li-len(st.lineItem)]
}

// Quote prices req and explains the price. The steps, per line, are
// those of the package documentation: list price, rule discounts
// combined by the policy, manager discount, cap, floor, payment terms,
// rounding. Bad input is an error naming every bad field (ErrInvalid,
// with ErrUnknownSKU or ErrCurrency where they apply); the same engine
// and request always give an equal quote.
func (e *Engine) Quote(req Request) (Quote, error) {
	if err := e.ready(); err != nil {
		return Quote{}, err
	}
	q, _, err := e.quote(req)
	return q, err
}

// quote is Quote, also returning how many lines were priced on machine
// words throughout (for the tests that hold them to the decimal path).
func (e *Engine) quote(req Request) (Quote, int, error) {
	scr := e.scratch.Get().(*quoteScratch)
	defer e.scratch.Put(scr)
	return e.quoteWith(req, scr, nil)
}

// quoteWith is quote on scratch scr; reuse, when not nil, lends the
// lines and adjustments of the quote it holds to this one.
func (e *Engine) quoteWith(req Request, scr *quoteScratch, reuse *Quoter) (Quote, int, error) {
	st := quoteState{e: e, req: &req, scr: scr, reuse: reuse}
	appr, err := st.prepare()
	if err != nil {
		return Quote{}, 0, err
	}
	st.addUp()

	q := Quote{
		PriceListID: e.pl.ID, Currency: e.pl.Currency, Date: req.Date, ClientID: req.Client.ID,
		Payment: req.Payment, Approval: appr,
	}
	if reuse != nil {
		q.Lines = reuse.linesFor(len(req.Lines))
	} else {
		q.Lines = make([]Line, len(req.Lines))
	}
	n := len(e.crs)
	st.sum = st.scr.sums()
	var gross, net exactsum.Running
	for i, ln := range req.Lines {
		st.priceLine(&q.Lines[i], i, ln)
		gross.Add(q.Lines[i].Gross)
		net.Add(q.Lines[i].Net)
	}
	var free []SummaryLine
	if len(e.frees) > 0 {
		free = st.freeLines(&q)
		for _, l := range q.Lines[len(req.Lines):] {
			gross.Add(l.Gross)
		}
	}
	q.Totals = Totals{Gross: st.total(&gross), Net: st.total(&net), Surcharge: decimal.Zero}
	if pay := st.total(&st.sum[n+slotPayment].total); pay.Sign() > 0 {
		q.Totals.Surcharge = pay
	}
	if t := &q.Totals; t.Surcharge.IsZero() && t.Surcharge.Exponent() >= t.Gross.Exponent() {
		t.Discount = st.sub(t.Gross, t.Net) // adding the zero surcharge changes neither value nor exponent
	} else {
		t.Discount = t.Gross.Add(t.Surcharge).Sub(t.Net)
	}
	q.Summary = st.summary(free)
	q.Hints = st.hints
	q.Warnings = st.warnings(appr)
	if len(e.taxes) > 0 || !req.EarlyPayment.isZero() {
		st.applyTaxes(&q)
		if ep := q.EarlyPayment; !ep.Terms.isZero() && !ep.Discount.LessThan(q.Totals.Total) {
			var p problems
			p.Addf("early_payment.discount_amount", ep.Discount, "must be below the quote's total %s", q.Totals.Total)
			return Quote{}, 0, p.err()
		}
	}
	if reuse != nil {
		reuse.lines = q.Lines // free lines may have grown it
	}
	return q, st.exactLines, nil
}

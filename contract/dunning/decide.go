package dunning

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Step is a dunning action already taken on a debt, from the host's log.
type Step struct {
	Action Action         `json:"action"`
	Date   clientele.Date `json:"date"`
}

// Debt is what a client owes past due, as the dunning process reads it:
// the invoices (receivables.Book.Invoices gives them; settled, cancelled
// and not yet due ones are passed over) and the steps taken so far.
// The zero Debt names no client and is refused.
type Debt struct {
	ClientID string                      `json:"client_id"`
	Invoices []receivables.InvoiceStatus `json:"invoices"`
	Done     []Step                      `json:"done,omitempty"`
}

// Interest is the penalty interest of one overdue invoice:
// Outstanding × AnnualRate / 100 / 365 × Days, rounded half up to the
// currency's minor unit once, at the end.
type Interest struct {
	Invoice     string          `json:"invoice"`
	Outstanding decimal.Decimal `json:"outstanding"`
	Days        int             `json:"days"`
	Amount      decimal.Decimal `json:"amount"`
}

// Planned is the next dunning step: its level, the day it falls due
// (the oldest overdue invoice's due date plus the level's days) and its
// fee.
type Planned struct {
	Level  int            `json:"level"`
	Action Action         `json:"action"`
	Due    clientele.Date `json:"due"`
	// Now: the step is due on or before the as-of day.
	Now bool            `json:"now"`
	Fee decimal.Decimal `json:"fee"`
}

// Decision is what the dunning process says about a debt on a day, with
// the reasons in words.
// The zero Decision is no decision: Next returns it only with an error.
type Decision struct {
	ClientID string         `json:"client_id"`
	AsOf     clientele.Date `json:"as_of"`
	Currency string         `json:"currency"`
	// Overdue is what is past due over OverdueInvoices invoices; the
	// oldest fell due on OldestDue and is DaysOverdue days past due.
	Overdue         decimal.Decimal `json:"overdue"`
	OverdueInvoices int             `json:"overdue_invoices"`
	OldestDue       clientele.Date  `json:"oldest_due,omitzero"`
	DaysOverdue     int             `json:"days_overdue"`
	// Interest is the penalty interest to the as-of day, per invoice in
	// Lines; Fees are the fees of the steps taken; Claim = Overdue +
	// Interest + Fees, what a claim letter asks.
	Interest decimal.Decimal `json:"interest"`
	Lines    []Interest      `json:"lines,omitempty"`
	Fees     decimal.Decimal `json:"fees"`
	Claim    decimal.Decimal `json:"claim"`
	// Next is the next step, nil when nothing is past due or every level
	// is taken.
	Next    *Planned `json:"next,omitempty"`
	Reasons []string `json:"reasons"`
}

// Next decides the next dunning step for a debt on day: the level after
// the last one taken (the first if none), due when the oldest overdue
// invoice is that level's days past due; with the penalty interest to
// the day and the fees of the steps taken.
func Next(debt Debt, day clientele.Date, cfg Config) (Decision, error) {
	var p validate.Problems
	p.Date("as_of", day, true)
	p.Merge("config", cfg.Validate())
	checkDebt(&p, &debt, cfg)
	if err := p.Err(ErrInvalid); err != nil {
		return Decision{}, err
	}
	minor, _ := currency.MinorUnits(cfg.Currency)
	d := Decision{ClientID: debt.ClientID, AsOf: day, Currency: cfg.Currency, Overdue: decimal.Zero, Interest: decimal.Zero, Fees: decimal.Zero}
	var oldest string
	for _, in := range debt.Invoices {
		if in.Status != receivables.StatusOpen || !in.Invoice.Due.Before(day) || !in.Outstanding.IsPositive() {
			continue
		}
		days := day.Sub(in.Invoice.Due)
		d.Overdue = d.Overdue.Add(in.Outstanding)
		d.OverdueInvoices++
		if days > d.DaysOverdue {
			d.DaysOverdue, d.OldestDue, oldest = days, in.Invoice.Due, in.Invoice.ID
		}
		amt := penalty(in.Outstanding, cfg.AnnualRate, days, minor)
		d.Interest = d.Interest.Add(amt)
		d.Lines = append(d.Lines, Interest{Invoice: in.Invoice.ID, Outstanding: in.Outstanding, Days: days, Amount: amt})
	}
	last := -1 // the highest level taken
	for _, s := range debt.Done {
		for i, l := range cfg.Levels {
			if l.Action == s.Action {
				last = max(last, i)
				d.Fees = d.Fees.Add(l.Fee)
			}
		}
	}
	d.Claim = d.Overdue.Add(d.Interest).Add(d.Fees)
	cur := " " + cfg.Currency
	if d.OverdueInvoices == 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("Client %s owes nothing past due on %s: no dunning step.", debt.ClientID, day))
		return d, nil
	}
	d.Reasons = append(d.Reasons, fmt.Sprintf("Client %s owes %s%s past due on %s over %s; the oldest, %s, fell due on %s and is %s past due.",
		debt.ClientID, d.Overdue.StringFixed(minor), cur, day, plural(d.OverdueInvoices, "invoice"), oldest, d.OldestDue, plural(d.DaysOverdue, "day")))
	if len(debt.Done) > 0 {
		var done []string
		for _, s := range sortedSteps(debt.Done) {
			done = append(done, fmt.Sprintf("%s on %s", s.Action.words(), s.Date))
		}
		d.Reasons = append(d.Reasons, "Taken so far: "+strings.Join(done, ", ")+".")
	}
	if last+1 < len(cfg.Levels) {
		l := cfg.Levels[last+1]
		due := d.OldestDue.AddDays(l.AfterDays)
		d.Next = &Planned{Level: last + 1, Action: l.Action, Due: due, Now: !due.After(day), Fee: l.Fee}
		when := fmt.Sprintf("in %s", plural(due.Sub(day), "day"))
		if d.Next.Now {
			when = "now"
			if due.Before(day) {
				when = fmt.Sprintf("now (due since %s)", due)
			}
		}
		fee := ""
		if l.Fee.IsPositive() {
			fee = fmt.Sprintf(", with a fee of %s%s", l.Fee.StringFixed(minor), cur)
		}
		d.Reasons = append(d.Reasons, fmt.Sprintf("Next: %s, at %s past due, on %s: %s%s.", l.Action.words(), plural(l.AfterDays, "day"), due, when, fee))
	} else {
		d.Reasons = append(d.Reasons, fmt.Sprintf("Every level is taken, the last %s: no further step.", cfg.Levels[last].Action.words()))
	}
	if d.Interest.IsPositive() {
		var parts []string
		for _, l := range d.Lines {
			parts = append(parts, fmt.Sprintf("%s: %s × %s %% × %d / %d = %s", l.Invoice, l.Outstanding.StringFixed(minor), cfg.AnnualRate, l.Days, DaysInYear, l.Amount.StringFixed(minor)))
		}
		d.Reasons = append(d.Reasons, fmt.Sprintf("Penalty interest at %s %% a year, rounded half up to the cent per invoice: %s; in total %s%s.",
			cfg.AnnualRate, strings.Join(parts, "; "), d.Interest.StringFixed(minor), cur))
	}
	if d.Fees.IsPositive() {
		d.Reasons = append(d.Reasons, fmt.Sprintf("Fees of the steps taken: %s%s.", d.Fees.StringFixed(minor), cur))
	}
	d.Reasons = append(d.Reasons, fmt.Sprintf("A claim today asks %s%s: %s past due + %s interest + %s fees.",
		d.Claim.StringFixed(minor), cur, d.Overdue.StringFixed(minor), d.Interest.StringFixed(minor), d.Fees.StringFixed(minor)))
	return d, nil
}

// penalty is outstanding × rate / 100 × days / 365, rounded half up to
// minor decimal places. The product is exact; DivRound rounds the exact
// quotient, so the one rounding is the last step.
func penalty(outstanding, rate decimal.Decimal, days int, minor int32) decimal.Decimal {
	num := outstanding.Mul(rate).Mul(decimal.NewFromInt(int64(days)))
	return num.DivRound(decimal.NewFromInt(100*DaysInYear), minor)
}

// checkDebt records the problems of a debt: a client, invoices in the
// config's currency with bounded non-negative amounts, known actions
// dated on valid days.
func checkDebt(p *validate.Problems, debt *Debt, cfg Config) {
	p.ID("client_id", debt.ClientID)
	p.Each("invoices", len(debt.Invoices), func(q *validate.Problems, i int) {
		in := &debt.Invoices[i]
		q.Merge("invoice", in.Invoice.Invoice.Validate())
		if in.Invoice.Currency != cfg.Currency && q.Len() == 0 && currency.Known(cfg.Currency) {
			q.Addf("invoice.currency", in.Invoice.Currency, "differs from %s, the currency of the dunning config", cfg.Currency)
			q.Also(ErrCurrency)
		}
		q.NonNegative("outstanding", in.Outstanding)
		if !in.Status.IsValid() {
			q.Add("status", in.Status, "unknown status")
		}
	})
	actions := map[Action]bool{}
	for _, l := range cfg.Levels {
		actions[l.Action] = true
	}
	p.Each("done", len(debt.Done), func(q *validate.Problems, i int) {
		s := debt.Done[i]
		if !actions[s.Action] {
			q.Add("action", s.Action, "is not a level of the config")
		}
		q.Date("date", s.Date, true)
	})
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// sortedSteps returns the steps by date.
func sortedSteps(s []Step) []Step {
	out := slices.Clone(s)
	slices.SortStableFunc(out, func(a, b Step) int { return a.Date.Compare(b.Date) })
	return out
}

package solvency

import (
	"strconv"
	"time"

	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Invoice is one invoice of the client's payment history. Dates are
// calendar dates, read in their own location; the time of day is ignored.
//
// An invoice is paid in full on Paid, or written off as bad debt on
// WrittenOff, or still open. A partly paid invoice is open for its full
// amount until paid; a host that tracks part payments splits the invoice
// into its paid and open parts.
type Invoice struct {
	// ID is the host's invoice number, reported back where an invoice is
	// singled out (the latest payment). Optional.
	ID       string          `json:"id,omitempty"`
	Currency string          `json:"currency"`
	Amount   decimal.Decimal `json:"amount"`
	Issued   time.Time       `json:"issued"`
	Due      time.Time       `json:"due"`
	// Paid is the day the invoice was paid in full; zero while unpaid.
	Paid time.Time `json:"paid,omitzero"`
	// WrittenOff is the day the invoice was written off as uncollectable;
	// zero if it was not.
	WrittenOff time.Time `json:"written_off,omitzero"`
}

const maxIDLen = 128

// validateInvoices checks each invoice and that the history is in one
// currency, recording problems under prefix ("invoices").
func validateInvoices(p *validate.Problems, prefix string, invs []Invoice) {
	cur := ""
	for i := range invs {
		in := &invs[i]
		f := func(name string) string { return prefix + "[" + strconv.Itoa(i) + "]." + name }
		if len(in.ID) > maxIDLen {
			p.Addf(f("id"), in.ID[:16]+"...", "is %d bytes long, the limit is %d", len(in.ID), maxIDLen)
		}
		switch {
		case in.Currency == cur && cur != "": // the usual case, known already
		case !currency.Known(in.Currency):
			p.Add(f("currency"), strconv.Quote(in.Currency), "is not an ISO 4217 currency code")
		case cur == "":
			cur = in.Currency
		default:
			p.Addf(f("currency"), in.Currency, "differs from %s, the currency of the earlier invoices: one history is in one currency", cur)
		}
		if in.Amount.Sign() <= 0 {
			p.Add(f("amount"), in.Amount, "must be positive")
		}
		if in.Issued.IsZero() {
			p.Add(f("issued"), nil, "is required")
		}
		if in.Due.IsZero() {
			p.Add(f("due"), nil, "is required")
		}
		if in.Issued.IsZero() {
			continue
		}
		issued := dayNumber(in.Issued)
		if !in.Due.IsZero() && dayNumber(in.Due) < issued {
			p.Addf(f("due"), date(in.Due), "is before the issue date %s", date(in.Issued))
		}
		if !in.Paid.IsZero() && dayNumber(in.Paid) < issued {
			p.Addf(f("paid"), date(in.Paid), "is before the issue date %s", date(in.Issued))
		}
		if !in.WrittenOff.IsZero() && dayNumber(in.WrittenOff) < issued {
			p.Addf(f("written_off"), date(in.WrittenOff), "is before the issue date %s", date(in.Issued))
		}
		if !in.Paid.IsZero() && !in.WrittenOff.IsZero() {
			p.Add(f("written_off"), date(in.WrittenOff), "an invoice is either paid or written off, not both")
		}
	}
}

// invoiceState is where an invoice stands on a day.
type invoiceState uint8

const (
	invoiceNotIssued  invoiceState = iota // issued later: not part of the history yet
	invoicePaid                           // paid in full by the day
	invoiceWrittenOff                     // written off by the day
	invoiceOpen                           // owed, not yet past due
	invoiceOverdue                        // owed and past due
)

// invoiceStatus is where an invoice stands on a day, how many days late
// it is, and its issue and due dates as day numbers (computed once).
type invoiceStatus struct {
	state       invoiceState
	late        int64
	issued, due int64
}

// statusOn says where the invoice stands on day today (a dayNumber). It
// is late by the days from the due date to the payment or the write-off
// (0 if before), or to today for an overdue one. A payment or a write-off
// dated after today has not happened yet. Payment discipline and the
// exposure check both read invoices through it, so they agree on what is
// owed and overdue.
func (in *Invoice) statusOn(today int64) invoiceStatus {
	st := invoiceStatus{issued: dayNumber(in.Issued)}
	if st.issued > today {
		return st // invoiceNotIssued
	}
	st.due = dayNumber(in.Due)
	switch {
	case !in.Paid.IsZero() && dayNumber(in.Paid) <= today:
		st.state, st.late = invoicePaid, max(0, dayNumber(in.Paid)-st.due)
	case !in.WrittenOff.IsZero() && dayNumber(in.WrittenOff) <= today:
		st.state, st.late = invoiceWrittenOff, max(0, dayNumber(in.WrittenOff)-st.due)
	case st.due >= today:
		st.state = invoiceOpen
	default:
		st.state, st.late = invoiceOverdue, today-st.due
	}
	return st
}

// date formats a calendar date for messages.
func date(t time.Time) string { return t.Format(time.DateOnly) }

// dayNumber is the number of days from 1970-01-01 to t's calendar date
// in t's location, so that differences are whole days whatever the time
// of day or daylight saving. (The zone offset plus floor division is
// several times faster than t.Date and a civil-calendar formula.)
func dayNumber(t time.Time) int64 {
	s := t.Unix()
	if t.Location() != time.UTC {
		_, off := t.Zone()
		s += int64(off)
	}
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/clientele-go/clientele"

	"github.com/clientele-go/clientele/contract/dunning"
	"github.com/clientele-go/clientele/contract/receivables"
)

// collectDebts is the morning's collection work: the ageing of Anna's
// receivables today, the debtors with the next dunning step each, and
// the next step on the new contract once its invoice is overdue.
func (d *day) collectDebts() error {
	d.section("Receivables and debtors, as of " + today.String())
	ids := make([]string, 0, len(d.books))
	for id := range d.books {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	books := make([]*receivables.Book, 0, len(ids))
	for _, id := range ids {
		books = append(books, d.books[id])
	}
	ageing, err := receivables.Age(today, receivables.DefaultAgeingConfig(), books)
	if err != nil {
		return err
	}
	w := d.table()
	header := []string{"client"}
	for _, b := range ageing.Buckets() {
		header = append(header, b.Label)
	}
	fmt.Fprintln(w, strings.Join(header, "\t"))
	for line := range ageing.Clients() {
		row := []string{line.ClientID}
		for _, amt := range line.Amounts {
			row = append(row, amt.StringFixed(2))
		}
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
	total := []string{"total"}
	for _, amt := range ageing.Total.Amounts {
		total = append(total, amt.StringFixed(2))
	}
	fmt.Fprintln(w, strings.Join(total, "\t"))
	if err := w.Flush(); err != nil {
		return err
	}

	cfg := dunning.DefaultConfig()
	// Baikal had its reminder, its call and a formal claim in the spring.
	done := map[string][]dunning.Step{"baikal": {
		{Action: dunning.ActionReminder, Date: clientele.NewDate(2026, time.May, 11)},
		{Action: dunning.ActionCall, Date: clientele.NewDate(2026, time.May, 25)},
		{Action: dunning.ActionFormalClaim, Date: clientele.NewDate(2026, time.June, 8)},
	}}
	tasks, err := dunning.Worklist(today, books, receivables.Managers{ByClient: map[string]string{"baikal": "m-anna"}},
		done, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintln(d.out, "\nDebtors, with the next dunning step:")
	for _, t := range tasks {
		d.printDecision(t.Decision)
	}

	// The new contract, once its invoice is two weeks overdue and the
	// reminder went out on the third day.
	invoices, err := d.contractBook.Invoices(d.contractDue.AddDays(14))
	if err != nil {
		return err
	}
	debt := dunning.Debt{ClientID: "vostok", Invoices: invoices,
		Done: []dunning.Step{{Action: dunning.ActionReminder, Date: d.contractDue.AddDays(3)}}}
	next, err := dunning.Next(debt, d.contractDue.AddDays(14), cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.out, "\nContract %s on %s:\n", d.contractBook.ContractID(), d.contractDue.AddDays(14))
	d.printDecision(next)
	return nil
}

// printDecision prints a dunning decision's reasons as bullets.
func (d *day) printDecision(dec dunning.Decision) {
	for _, r := range dec.Reasons {
		d.bullet(r)
	}
}

// bullet prints one sentence as a bullet, wrapped under itself.
func (d *day) bullet(text string) {
	for i, line := range wrap(strings.Fields(text), 94) {
		prefix := "    "
		if i == 0 {
			prefix = "  - "
		}
		fmt.Fprintln(d.out, prefix+line)
	}
}

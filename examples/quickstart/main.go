// Command quickstart runs an account manager's working day on the
// library's in-memory stores and prints a report a person reads: Anna's
// client base is segmented, rated and checked for solvency; an offer is
// priced and approved, concluded as a contract within authority, billed
// and part-paid; the receivables are aged and the debtors get their next
// dunning step; a complaint is logged and analysed; personal data is
// shown only to whom the policy allows; a new colleague's onboarding is
// followed through its four stages.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/authority"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/abcxyz"
	"github.com/clientele-go/clientele/client/complaint"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/clientele-go/clientele/client/rating"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/segment"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/discount"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// day carries what one section of the report hands to the next.
type day struct {
	ctx      context.Context
	out      io.Writer
	store    *client.MemStore
	accounts []account
	orders   []client.Order
	totals   []abc.Totals
	segments map[string][]string // client ID -> segment names assigned today
	abc      abc.Result
	history  []client.History
	// discipline is each client's 0-100 payment-discipline score.
	discipline   map[string]float64
	creditPolicy solvency.CreditPolicy
	credit       solvency.Credit
	// books is each client's receivables ledger, by client ID.
	books map[string]*receivables.Book
	// quote is the offer approved for Vostok; contractBook and
	// contractDue the receivables of the contract concluded from it.
	quote        discount.Quote
	contractBook *receivables.Book
	contractDue  clientele.Date
}

func run(out io.Writer) error {
	d := &day{
		ctx: context.Background(), out: out, store: client.NewMemStore(), segments: map[string][]string{},
		creditPolicy: solvency.DefaultCreditPolicy("EUR"),
	}
	d.accounts = base()
	d.orders = orders(d.accounts)
	d.totals = totals(d.accounts)
	var err error
	if d.books, err = books(d.accounts); err != nil {
		return err
	}
	fmt.Fprintf(out, "Account manager Anna (m-anna), %s\n", today.Time(nil).Format("Monday 2 January 2006"))
	for _, step := range []func() error{
		d.registerClients,
		d.segmentByValue,
		d.segmentByRegularity,
		d.segmentByBehaviour,
		d.saveSegments,
		d.checkSolvency,
		d.learnScorecard,
		d.rateClients,
		d.prepareOffer,
		d.concludeContract,
		d.collectDebts,
		d.handleComplaints,
		d.checkAccess,
		d.onboardNewManager,
		d.monthScorecard,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// account returns the account of the client with id.
func (d *day) account(id string) (account, error) {
	i := slices.IndexFunc(d.accounts, func(a account) bool { return a.client.ID == id })
	if i < 0 {
		return account{}, fmt.Errorf("no client %q in the base", id)
	}
	return d.accounts[i], nil
}

func (d *day) section(title string) {
	fmt.Fprintf(d.out, "\n== %s\n", title)
}

func (d *day) table() *tabwriter.Writer {
	return tabwriter.NewWriter(d.out, 0, 0, 2, ' ', 0)
}

func (d *day) registerClients() error {
	d.section("Client base")
	for _, a := range d.accounts {
		if _, err := d.store.Create(d.ctx, a.client); err != nil {
			return err
		}
	}
	w := d.table()
	fmt.Fprintln(w, "client\tkind\tstatus\tregion\tcontacts on file")
	for c, err := range client.All(d.ctx, d.store, client.Filter{ManagerID: "m-anna"}) {
		if err != nil {
			return err
		}
		// Contacts print redacted: the report is a log, not a phone book.
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%v\n", c.Label(), c.Kind, c.Status, c.Region, c.Contacts)
	}
	return w.Flush()
}

func (d *day) assign(id string, segment string) {
	d.segments[id] = append(d.segments[id], segment)
}

// segmentByValue runs ABC on revenue and picks the key clients that bring
// more than half of the profit.
func (d *day) segmentByValue() error {
	d.section("ABC by revenue, last 12 months (A up to 80 %, B up to 95 %)")
	byValue, err := abc.Classify(d.totals, abc.DefaultConfig())
	if err != nil {
		return err
	}
	rows := slices.Clone(byValue.Rows)
	slices.SortFunc(rows, func(a, b abc.Row) int { return a.Rank - b.Rank })
	w := d.table()
	fmt.Fprintln(w, "rank\tclient\trevenue, EUR\tshare\tcumulative\tclass\twhy")
	for _, r := range rows {
		fmt.Fprintf(w, "%d\t%s\t%s\t%.1f %%\t%.1f %%\t%s\t%s\n", r.Rank, r.ClientID, r.Value.StringFixed(0), r.SharePct, r.CumulativePct, r.Class, r.Reason)
		d.assign(r.ClientID, r.Class.String())
	}
	if err := w.Flush(); err != nil {
		return err
	}

	keys, err := keyclients.Find(d.totals, keyclients.DefaultConfig())
	if err != nil {
		return err
	}
	var names []string
	for _, k := range keys.Keys {
		names = append(names, k.ClientID)
	}
	fmt.Fprintf(d.out, "Key clients (more than 50 %% of profit): %s, %.1f %% of %s EUR positive profit\n",
		strings.Join(names, ", "), keys.SharePct, keys.Total.StringFixed(0))
	for c, err := range client.All(d.ctx, d.store, client.Filter{}) {
		if err != nil {
			return err
		}
		marked := []client.Client{c}
		if keys.MarkKeyAccounts(marked) == 1 {
			if _, err := d.store.Update(d.ctx, marked[0]); err != nil {
				return err
			}
		}
	}
	d.abc = byValue
	return nil
}

// segmentByRegularity runs XYZ on monthly order values and crosses it
// with ABC into the matrix that says how to treat each client.
func (d *day) segmentByRegularity() error {
	d.section("XYZ by regularity of monthly orders, and the ABC-XYZ matrix")
	periods, err := xyz.MonthlyPeriods(firstMonth, 12)
	if err != nil {
		return err
	}
	series, err := xyz.OrderSeries(d.orders, periods, xyz.SeriesFromFirstOrder)
	if err != nil {
		return err
	}
	steadiness, err := xyz.Classify(series.Series, xyz.DefaultConfig())
	if err != nil {
		return err
	}
	matrix, err := abcxyz.Combine(d.abc, steadiness, abcxyz.DefaultConfig())
	if err != nil {
		return err
	}
	cells := map[string]abcxyz.Row{}
	for _, r := range matrix.Rows {
		cells[r.ClientID] = r
		d.assign(r.ClientID, r.Cell.String())
	}
	w := d.table()
	fmt.Fprintln(w, "client\tmonths\tCV\tXYZ\tcell\ttreatment")
	for _, r := range steadiness.Rows {
		if r.Stats == nil {
			fmt.Fprintf(w, "%s\t%d\t-\t%s\t\t\n", r.ClientID, r.Periods, r.Status)
			continue
		}
		cell := cells[r.ClientID]
		fmt.Fprintf(w, "%s\t%d\t%.1f %%\t%s\t%s\t%s\n", r.ClientID, r.Periods, r.Stats.CVPct, r.Class, cell.Cell, firstSentence(cell.Treatment))
	}
	return w.Flush()
}

// firstSentence keeps a treatment's headline for a one-line table.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, ":."); i > 0 {
		return s[:i]
	}
	return s
}

// segmentByBehaviour scores recency, frequency and monetary value, then
// applies the rule segments (B2B/B2C, VIP, key accounts, new, dormant).
func (d *day) segmentByBehaviour() error {
	d.section("RFM and rule segments, as of " + today.Time(nil).Format("2 Jan 2006"))
	var ids []string
	var clients []client.Client
	for c, err := range client.All(d.ctx, d.store, client.Filter{}) {
		if err != nil {
			return err
		}
		ids = append(ids, c.ID)
		clients = append(clients, c)
	}
	history, err := client.Histories(ids, d.orders)
	if err != nil {
		return err
	}
	d.history = history
	scores, err := rfm.Classify(history, today, rfm.DefaultConfig())
	if err != nil {
		return err
	}
	rules, err := segment.Assign(clients, history, today, segment.DefaultConfig())
	if err != nil {
		return err
	}
	ruleSegments := map[string][]string{}
	for _, r := range rules {
		ruleSegments[r.ClientID] = r.Segments
	}
	w := d.table()
	fmt.Fprintln(w, "client\tdays since order\torders\tRFM\tsegment\trule segments")
	for _, s := range scores.Scores {
		d.assign(s.ClientID, s.Segment)
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\n", s.ClientID, s.RecencyDays, s.Frequency, s.Code(), s.Segment, strings.Join(ruleSegments[s.ClientID], " "))
	}
	for _, u := range scores.Unscored {
		fmt.Fprintf(w, "%s\t-\t0\t-\tnot scored: no orders\t%s\n", u.ClientID, strings.Join(ruleSegments[u.ClientID], " "))
	}
	for id, segs := range ruleSegments {
		for _, s := range segs {
			d.assign(id, s)
		}
	}
	return w.Flush()
}

// saveSegments writes today's segments onto the records, so the store
// can list "all my dormant key accounts" tomorrow.
func (d *day) saveSegments() error {
	for c, err := range client.All(d.ctx, d.store, client.Filter{}) {
		if err != nil {
			return err
		}
		c.Segments = slices.Compact(slices.Sorted(slices.Values(d.segments[c.ID])))
		if _, err := d.store.Update(d.ctx, c); err != nil {
			return err
		}
	}
	res, err := d.store.List(d.ctx, client.Filter{ManagerID: "m-anna", Segment: "dormant"}, client.Page{Limit: 10})
	if err != nil {
		return err
	}
	var dormant []string
	for _, c := range res.Clients {
		dormant = append(dormant, c.Label())
	}
	fmt.Fprintf(d.out, "Saved segments; the store now lists Anna's dormant clients:\n  %s\n", strings.Join(dormant, ", "))
	return nil
}

// rateClients scores each client's usefulness to the company from its
// profit share, its growth over the previous half-year, its loyalty and
// its payment discipline as solvency measured it.
func (d *day) rateClients() error {
	d.section("Client rating (0-100)")
	var positive decimal.Decimal
	for _, t := range d.totals {
		if t.Profit.IsPositive() {
			positive = positive.Add(t.Profit)
		}
	}
	half := firstMonth.AddMonths(6)
	var inputs []rating.Input
	for i, a := range d.accounts {
		h := d.history[slices.IndexFunc(d.history, func(h client.History) bool { return h.ClientID == a.client.ID })]
		if !h.HasOrders() {
			continue
		}
		in := rating.Input{
			ClientID:    a.client.ID,
			ProfitShare: d.totals[i].Profit.DivRound(positive, 6).Shift(2),
			Since:       a.client.Since,
			History:     h,
		}
		if score, ok := d.discipline[a.client.ID]; ok {
			in.PaymentDiscipline = &score
		}
		for _, o := range d.orders {
			switch {
			case o.ClientID != a.client.ID:
			case o.Date.Before(half):
				in.PreviousRevenue = in.PreviousRevenue.Add(o.Amount)
			default:
				in.Revenue = in.Revenue.Add(o.Amount)
			}
		}
		inputs = append(inputs, in)
	}
	ratings, err := rating.RateAll(inputs, today, rating.DefaultConfig())
	if err != nil {
		return err
	}
	slices.SortStableFunc(ratings, func(a, b rating.Rating) int { return cmpDesc(a.Score, b.Score) })
	w := d.table()
	fmt.Fprintln(w, "client\trating\t= value\t+ growth\t+ loyalty\t+ payments (points each factor contributes)")
	for _, r := range ratings {
		fmt.Fprintf(w, "%s\t%.1f", r.ClientID, r.Score)
		for _, f := range r.Factors {
			if !f.Defined {
				fmt.Fprint(w, "\tn/a")
				continue
			}
			fmt.Fprintf(w, "\t%.1f", f.Contribution)
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// handleComplaints logs today's complaint and analyses the month's.
func (d *day) handleComplaints() error {
	d.section("Complaints, November 2026")
	at := func(day, hour int) time.Time { return time.Date(2026, time.November, day, hour, 0, 0, 0, time.UTC) }
	resolved := func(id, clientID, cause string, opened, closed time.Time) complaint.Complaint {
		return complaint.Complaint{ID: id, ClientID: clientID, ReceivedAt: opened, Cause: cause, Status: complaint.Resolved, ResolvedAt: closed}
	}
	complaints := []complaint.Complaint{
		resolved("k-101", "neva", "delivery", at(3, 10), at(4, 16)),
		resolved("k-102", "ural", "billing", at(6, 9), at(6, 15)),
		resolved("k-103", "neva", "delivery", at(12, 11), at(14, 11)),
		resolved("k-104", "vostok", "product_quality", at(17, 14), at(20, 10)),
		{ID: "k-105", ClientID: "neva", ReceivedAt: todayAt(9), Cause: "delivery", Status: complaint.Open,
			Description: client.NewPersonal("Truck arrived after the warehouse closed; call Olga on +7 812 555-00-11")},
	}
	for _, c := range complaints {
		if err := c.Validate(); err != nil {
			return err
		}
	}
	fmt.Fprintf(d.out, "Logged %s from neva: %q (the description is personal data and prints redacted)\n", complaints[4].ID, complaints[4].Description)
	november := clientele.NewDate(2026, time.November, 1)
	a, err := complaint.Analyze(complaints, november, november.AddMonths(1), complaint.DefaultConfig())
	if err != nil {
		return err
	}
	w := d.table()
	fmt.Fprintln(w, "cause\tcount\tshare\tcumulative")
	for _, c := range a.Causes {
		fmt.Fprintf(w, "%s\t%d\t%.1f %%\t%.1f %%\n", c.Cause, c.Count, c.Share, c.CumulativeShare)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(d.out, "%d open; resolution time median %.0f h, 90th percentile %.0f h\n", a.Open, a.Resolution.Median.Hours(), a.Resolution.P90.Hours())
	for _, r := range a.RepeatClients {
		fmt.Fprintf(d.out, "Repeated complaints: %s (%s): find the cause before the next order\n", r.ClientID, strings.Join(r.ComplaintIDs, ", "))
	}
	return nil
}

// checkAccess shows the personal-data rules: a colleague may not open
// Anna's client, the lead account manager may open a key account.
func (d *day) checkAccess() error {
	d.section("Personal data access")
	fmt.Fprintln(d.out, "Contacts are client.Personal: they print [redacted] everywhere, and this report shows")
	fmt.Fprintln(d.out, "an e-mail only after the access policy allowed the person asking and Reveal was called.")
	policy := client.DefaultAccessPolicy()
	vostok, err := d.store.Get(d.ctx, "vostok")
	if err != nil {
		return err
	}
	for _, actor := range []authority.Actor{
		{ID: "m-boris", Role: authority.RoleManager},
		{ID: "l-olga", Role: authority.RoleLeadManager},
		{ID: "m-anna", Role: authority.RoleManager},
	} {
		if err := policy.Check(actor, vostok, client.ActionRead); err != nil {
			fmt.Fprintf(d.out, "  %s %s: refused (%v)\n", actor.Role, actor.ID, err)
			continue
		}
		fmt.Fprintf(d.out, "  %s %s: allowed to read %s; revealed e-mail: %s\n", actor.Role, actor.ID, vostok.Label(), vostok.Contacts.Email.Reveal())
	}
	return nil
}

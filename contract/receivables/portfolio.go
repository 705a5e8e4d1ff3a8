package receivables

import (
	"slices"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/clientele-go/clientele/internal/wide"
)

// Portfolio is what many books owe on one day, laid out for reports
// over a whole client base: every open invoice as 16 bytes (client, due
// date, open amount in minor units), the clients sorted by ID, each
// client's credit. Collect builds it in one pass over the books; the
// ageing under any buckets and the debtor list then run over it without
// touching the books again.
//
// The zero Portfolio holds nothing: its ageing and debtor list are
// empty.
type Portfolio struct {
	day      clientele.Date
	currency string
	minor    int32
	clients  []string      // sorted
	credit   []wide.Int128 // per client
	items    []portfolioItem
	// overdue lists the books with money past due, in book order.
	overdue []overdueBook
}

type portfolioItem struct {
	client int32
	due    clientele.Date
	open   int64
}

type overdueBook struct {
	client   int32
	contract string
}

// Collect gathers the open invoices and the credit of the books as they
// stood at the end of day. All books must be in one currency; a book of
// a client may be one of several of its contracts.
func Collect(day clientele.Date, books []*Book) (*Portfolio, error) {
	var p validate.Problems
	p.Limit("books", validate.MaxListed)
	cur := checkBooks(&p, day, books)
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	pf := &Portfolio{day: day, currency: cur}
	var wideCredit []wide.Int128 // per client, in order of appearance
	n := 0
	for _, b := range books {
		n += len(b.items)
	}
	pf.items = make([]portfolioItem, 0, n)
	// Books listed by client ID (a host's usual query) need neither a map
	// nor a sort: a client ID above the last one is a new client. The
	// map is built the first time the order breaks.
	var index map[string]int32
	ordered := true
	for _, b := range books {
		st, err := b.at(day)
		if err != nil {
			return nil, err
		}
		pf.minor = st.minor
		id := st.acct.ClientID
		nc := int32(len(pf.clients))
		ci := nc - 1
		switch {
		case nc > 0 && id == pf.clients[ci]:
			// the same client as the book before
		case ordered && (nc == 0 || id > pf.clients[ci]):
			ci = nc
		default:
			if ordered {
				ordered = false
				index = make(map[string]int32, len(books))
				for i, c := range pf.clients {
					index[c] = int32(i)
				}
			}
			var known bool
			if ci, known = index[id]; !known {
				ci = nc
			}
		}
		if ci == nc {
			pf.clients = append(pf.clients, id)
			wideCredit = append(wideCredit, wide.Int128{})
			if index != nil {
				index[id] = ci
			}
		}
		wideCredit[ci] = wideCredit[ci].AddInt64(st.credit)
		overdue := false
		for _, it := range st.items {
			pf.items = append(pf.items, portfolioItem{client: ci, due: it.due, open: it.open})
			overdue = overdue || it.due.Before(day)
		}
		if overdue {
			pf.overdue = append(pf.overdue, overdueBook{client: ci, contract: st.acct.ContractID})
		}
	}
	pf.credit = wideCredit
	if !ordered {
		pf.sortClients()
	}
	return pf, nil
}

// sortClients renumbers the clients in ID order, so reports come sorted.
func (pf *Portfolio) sortClients() {
	order := make([]int32, len(pf.clients))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(pf.clients[x], pf.clients[y]) })
	rank := make([]int32, len(order))
	sorted := make([]string, len(order))
	credit := make([]wide.Int128, len(order))
	for r, old := range order {
		rank[old] = int32(r)
		sorted[r] = pf.clients[old]
		credit[r] = pf.credit[old]
	}
	pf.clients, pf.credit = sorted, credit
	for i := range pf.items {
		pf.items[i].client = rank[pf.items[i].client]
	}
	for i := range pf.overdue {
		pf.overdue[i].client = rank[pf.overdue[i].client]
	}
}

// checkBooks validates the day and the books: none zero, one currency.
// It returns the currency.
func checkBooks(p *validate.Problems, day clientele.Date, books []*Book) string {
	p.Date("as_of", day, true)
	cur := ""
	p.Each("books", len(books), func(q *validate.Problems, i int) {
		b := books[i]
		switch {
		case b == nil || b.byInvoice == nil:
			q.Add("", nil, "the zero Book holds no account: build one with Open")
		case cur == "":
			cur = b.acct.Currency
		case b.acct.Currency != cur:
			q.Addf("currency", b.acct.Currency, "differs from %s, the currency of the earlier books: one report is in one currency", cur)
			q.Also(ErrCurrency)
		}
	})
	return cur
}

package receivables

import (
	"github.com/clientele-go/clientele/contract"
	"slices"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func openBook(t testing.TB, contractID, clientID string) *Book {
	t.Helper()
	b, err := Open(Account{ContractID: contractID, ClientID: clientID, Currency: "EUR"})
	require.NoError(t, err)
	return b
}

// ageingBooks: two clients, three contracts, aged on 2026-04-15.
//
//	c-1 / k-1: INV-1 1000.00 due 2026-01-31, 400.10 paid → 599.90 open, 74 days past due (28 + 31 + 15)
//	           INV-2  250.55 due 2026-03-31                            15 days past due
//	           INV-3   99.99 due 2026-05-10                            not due
//	c-2 / k-2: INV-A  333.33 due 2025-12-31                           105 days past due (31 + 28 + 31 + 15)
//	c-2 / k-3: INV-B   10.00 due 2026-04-15, paid with 60.00          → 50.00 credit
func ageingBooks(t testing.TB) []*Book {
	k1 := openBook(t, "k-1", "c-1")
	record(t, k1, render("r-1", "2026-01-01", "1000.00"), render("r-2", "2026-03-01", "250.55"), render("r-3", "2026-04-10", "99.99"))
	issue(t, k1, net30, "INV-1", "2026-01-01", "r-1")
	record(t, k1, pay("p-1", "2026-02-10", "400.10"))
	issue(t, k1, net30, "INV-2", "2026-03-01", "r-2")
	issue(t, k1, net30, "INV-3", "2026-04-10", "r-3")
	k2 := openBook(t, "k-2", "c-2")
	record(t, k2, render("r-a", "2025-12-01", "333.33"))
	issue(t, k2, net30, "INV-A", "2025-12-01", "r-a")
	k3 := openBook(t, "k-3", "c-2")
	record(t, k3, render("r-b", "2026-03-16", "10.00"))
	issue(t, k3, net30, "INV-B", "2026-03-16", "r-b")
	record(t, k3, pay("p-b", "2026-04-01", "60.00"))
	return []*Book{k1, k2, k3}
}

func amounts(t testing.TB, want []string, got AgeingLine, msg string) {
	t.Helper()
	require.Len(t, got.Amounts, len(want))
	for i := range want {
		assertAmount(t, want[i], got.Amounts[i], msg)
	}
}

func TestAgeingPinsEveryCent(t *testing.T) {
	a, err := Age(day("2026-04-15"), DefaultAgeingConfig(), ageingBooks(t))
	require.NoError(t, err)
	labels := []string{}
	for _, b := range a.Buckets() {
		labels = append(labels, b.Label)
	}
	assert.Equal(t, []string{"current", "1-30", "31-60", "61-90", "over 90"}, labels)
	mine := a.Buckets()
	mine = mine[:2] // a caller's copy: the rows keep their five columns
	require.Len(t, mine, 2)
	require.Len(t, a.Buckets(), 5)
	clients := slices.Collect(a.Clients())
	require.Len(t, clients, 2)
	require.Equal(t, 2, a.Len())

	c1 := clients[0]
	assert.Equal(t, "c-1", c1.ClientID)
	amounts(t, []string{"99.99", "250.55", "0", "599.90", "0"}, c1, "c-1")
	assertAmount(t, "950.44", c1.Outstanding, "99.99 + 250.55 + 599.90")
	assertAmount(t, "850.45", c1.Overdue, "250.55 + 599.90")
	assert.Equal(t, 74, c1.DaysOverdue)

	c2 := clients[1]
	found, ok := a.Find("c-2")
	require.True(t, ok)
	assert.Equal(t, c2, found)
	_, ok = a.Find("c-404")
	assert.False(t, ok)
	amounts(t, []string{"0", "0", "0", "0", "333.33"}, c2, "c-2")
	assertAmount(t, "50.00", c2.Credit, "60.00 − 10.00")
	assert.Equal(t, 105, c2.DaysOverdue)

	amounts(t, []string{"99.99", "250.55", "0", "599.90", "333.33"}, a.Total, "total")
	assertAmount(t, "1283.77", a.Total.Outstanding, "950.44 + 333.33")
	assertAmount(t, "1183.78", a.Total.Overdue, "850.45 + 333.33")
	assertAmount(t, "50", a.Total.Credit, "c-2's credit")

	// As of 2026-02-09, before p-1: INV-1 is 9 days past due for its full 1000.00.
	early, err := Age(day("2026-02-09"), DefaultAgeingConfig(), ageingBooks(t))
	require.NoError(t, err)
	c1early, ok := early.Find("c-1")
	require.True(t, ok)
	amounts(t, []string{"0", "1000.00", "0", "0", "0"}, c1early, "c-1 before the payment and the later invoices")
}

func TestAgeingEdgesAreInclusive(t *testing.T) {
	cfg := AgeingConfig{Edges: []int{0, 30}}
	b := openBook(t, "k-1", "c-1")
	record(t, b, render("r-1", "2026-01-01", "1"), render("r-2", "2026-01-01", "2"), render("r-3", "2026-01-01", "4"))
	issue(t, b, contract.PaymentTerms{NetDays: 0}, "due-jan-1", "2026-01-01", "r-1")  // 30 days past due on Jan 31
	issue(t, b, contract.PaymentTerms{NetDays: 1}, "due-jan-2", "2026-01-01", "r-2")  // 29
	issue(t, b, contract.PaymentTerms{NetDays: 31}, "due-feb-1", "2026-01-01", "r-3") // due tomorrow
	a, err := Age(day("2026-01-31"), cfg, []*Book{b})
	require.NoError(t, err)
	amounts(t, []string{"4", "3", "0"}, a.Total, "30 days past due is in 1-30, not over 30")
	a, err = Age(day("2026-02-01"), cfg, []*Book{b})
	require.NoError(t, err)
	amounts(t, []string{"4", "2", "1"}, a.Total, "31 days past due is over 30; due today is current")
}

func TestAgeingConfigValidate(t *testing.T) {
	require.NoError(t, DefaultAgeingConfig().Validate())
	problemtest.Require(t, AgeingConfig{}.Validate(), ErrInvalid, []string{"edges = 0: must list 1 to 12 edges"})
	problemtest.Require(t, AgeingConfig{Edges: []int{-1, 30, 30, 40000}}.Validate(), ErrInvalid, []string{
		"edges[0] = -1: must be within 0..36600", "edges[2] = 30: must be above the edge before it (30)", "edges[3] = 40000: must be within 0..36600"})
	assert.Equal(t, []Bucket{{"current-7", 0, 7, false}, {"8-14", 8, 14, false}, {"over 14", 15, 0, true}}, AgeingConfig{Edges: []int{7, 14}}.Buckets())
	cfg, err := clientele.LoadConfig[AgeingConfig](strings.NewReader(`{"edges":[0,15,45]}`))
	require.NoError(t, err)
	assert.Equal(t, []int{0, 15, 45}, cfg.Edges)
	_, err = clientele.LoadConfig[AgeingConfig](strings.NewReader(`{"edges":[15,0]}`))
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestAgeingRefusesMixedCurrenciesAndZeroBooks(t *testing.T) {
	usd, err := Open(Account{ContractID: "k-9", ClientID: "c-9", Currency: "USD"})
	require.NoError(t, err)
	_, err = Age(day("2026-04-15"), DefaultAgeingConfig(), append(ageingBooks(t), usd, nil, &Book{}))
	problemtest.Require(t, err, ErrInvalid, []string{"books[3].currency = USD: differs from EUR", "books[4]: the zero Book", "books[5]: the zero Book"})
	assert.ErrorIs(t, err, ErrCurrency)
	_, err = Age(clientele.Date{}, AgeingConfig{}, nil)
	problemtest.Require(t, err, ErrInvalid, []string{"config.edges", "as_of: is required"})
}

func TestDebtorsSortedByAmountThenAge(t *testing.T) {
	books := ageingBooks(t)
	// c-3 owes as much as c-2 but for fewer days: it sorts after c-2.
	k4 := openBook(t, "k-4", "c-3")
	record(t, k4, render("r", "2026-01-01", "333.33"))
	issue(t, k4, net30, "INV-X", "2026-01-01", "r")
	books = append(books, k4)
	ds, err := Debtors(day("2026-04-15"), books, Managers{ByClient: map[string]string{"c-2": "m-2"}, ByContract: map[string]string{"k-1": "m-1", "k-2": "m-9"}})
	require.NoError(t, err)
	require.Len(t, ds, 3)
	assert.Equal(t, []string{"c-1", "c-2", "c-3"}, []string{ds[0].ClientID, ds[1].ClientID, ds[2].ClientID})
	assertAmount(t, "850.45", ds[0].Overdue, "c-1")
	assert.Equal(t, "m-1", ds[0].Manager, "from the contract")
	assert.Equal(t, "m-2", ds[1].Manager, "the client's manager wins over k-2's")
	assert.Equal(t, []string{"k-2"}, ds[1].Contracts, "k-3 has nothing past due")
	assert.Equal(t, 105, ds[1].DaysOverdue)
	assert.Equal(t, 74, ds[2].DaysOverdue, "Jan 31 → Apr 15")
	assert.Empty(t, ds[2].Manager)
}

// Books in any order, one client's contracts apart, age the same as
// books listed by client.
func TestAgeingDoesNotDependOnBookOrder(t *testing.T) {
	books := ageingBooks(t)
	want, err := Age(day("2026-04-15"), DefaultAgeingConfig(), books)
	require.NoError(t, err)
	shuffled := []*Book{books[1], books[0], books[2]} // c-2, c-1, c-2
	got, err := Age(day("2026-04-15"), DefaultAgeingConfig(), shuffled)
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(want.Clients()), slices.Collect(got.Clients()))
	assert.Equal(t, want.Total, got.Total)
	d1, err := Debtors(day("2026-04-15"), books, Managers{})
	require.NoError(t, err)
	d2, err := Debtors(day("2026-04-15"), shuffled, Managers{})
	require.NoError(t, err)
	assert.Equal(t, d1, d2)
}

package main

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
)

// today is the as-of date of the whole day: every calculation takes it
// explicitly, so the report is the same whenever it runs.
var today = clientele.NewDate(2026, time.November, 26)

// firstMonth starts the twelve months the segmentations look at.
var firstMonth = clientele.NewDate(2025, time.December, 1)

// todayAt is the moment of today at hour o'clock UTC, for the acts that
// happen at an instant (an approval, a complaint logged).
func todayAt(hour int) time.Time { return today.Time(time.UTC).Add(time.Duration(hour) * time.Hour) }

// account is one client of Anna's base with a year of monthly sales (in
// thousand euros, one order a month when non-zero) and the margin the
// company earns on them.
type account struct {
	client    client.Client
	monthly   [12]int64
	marginPct int64
	orderDay  int
	// daysLate is how late the client paid each month's invoice, due 30
	// days after the order (negative: early); unpaid marks one never paid.
	daysLate [12]int
}

const unpaid = 1 << 30

func base() []account {
	company := func(id, name, region, industry string, since clientele.Date) client.Client {
		return client.Client{
			ID: id, Kind: client.KindCompany, DisplayName: name, Region: region, Industry: industry,
			Legal:     client.Legal{LegalName: name + " LLC"},
			Contacts:  client.Contacts{Email: client.NewPersonal("purchasing@" + id + ".example")},
			ManagerID: "m-anna", Status: client.StatusActive, Since: since,
		}
	}
	year := func(y int) clientele.Date { return clientele.NewDate(y, time.March, 1) }

	vostok := company("vostok", "Vostok Trading", "Moscow", "wholesale", year(2019))
	vostok.VIP = true
	oka := client.Client{
		ID: "oka", Kind: client.KindEntrepreneur, DisplayName: "Oka hardware store", Region: "Nizhny Novgorod",
		PersonName: client.NewPersonal("Pavel Smirnov"), PersonTaxNumber: client.NewPersonal("526317984689"),
		Contacts:  client.Contacts{Phone: client.NewPersonal("+7 831 555-20-10")},
		ManagerID: "m-anna", Status: client.StatusActive, Since: year(2021),
	}
	irina := client.Client{
		ID: "retail-0042", Kind: client.KindIndividual, DisplayName: "Retail client 0042", Region: "Moscow",
		PersonName: client.NewPersonal("Irina Volkova"), Contacts: client.Contacts{Email: client.NewPersonal("irina.v@mail.example")},
		ManagerID: "m-anna", Status: client.StatusActive, Since: year(2025),
	}
	kama := company("kama", "Kama Chemicals", "Kazan", "chemicals", today.AddDays(-20))
	kama.Status = client.StatusProspect

	return []account{
		{client: vostok, monthly: [12]int64{98, 102, 100, 97, 103, 101, 99, 100, 104, 96, 100, 102}, marginPct: 12, orderDay: 5,
			daysLate: [12]int{-2, -2, -2, 9, -2, -2, -2, 9, -2, -2, -2, -2}},
		{client: company("neva", "Neva Foods", "St Petersburg", "food", year(2020)),
			monthly: [12]int64{60, 65, 70, 80, 85, 75, 70, 60, 65, 75, 80, 70}, marginPct: 15, orderDay: 12},
		{client: company("ural", "Ural Steelworks", "Yekaterinburg", "metals", year(2018)),
			monthly: [12]int64{0, 150, 0, 0, 200, 0, 0, 0, 180, 0, 0, 0}, marginPct: 9, orderDay: 20,
			daysLate: [12]int{1: 20, 4: 25, 8: 30}},
		{client: company("baikal", "Baikal Logistics", "Irkutsk", "logistics", year(2022)),
			monthly: [12]int64{30, 30, 25, 20, 15, 10, 0, 0, 0, 0, 0, 0}, marginPct: -2, orderDay: 8,
			daysLate: [12]int{35, 40, 45, 60, unpaid, unpaid}},
		{client: oka, monthly: [12]int64{10, 12, 11, 9, 10, 13, 12, 10, 11, 12, 10, 11}, marginPct: 20, orderDay: 15},
		{client: company("don", "Don Agro", "Rostov-on-Don", "agriculture", clientele.MustParseDate("2026-08-20")),
			monthly: [12]int64{0, 0, 0, 0, 0, 0, 0, 0, 0, 25, 30, 28}, marginPct: 10, orderDay: 3},
		{client: irina, monthly: [12]int64{0, 2, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0}, marginPct: 25, orderDay: 18},
		{client: kama},
	}
}

// orders turns the monthly sales into orders on each client's order day.
func orders(accounts []account) []client.Order {
	var out []client.Order
	for _, a := range accounts {
		for m, k := range a.monthly {
			if k == 0 {
				continue
			}
			out = append(out, client.Order{
				ClientID: a.client.ID,
				Date:     orderDay(a, m),
				Amount:   decimal.New(k, 3),
			})
		}
	}
	return out
}

// orderDay is the day of a's order in month m of the twelve.
func orderDay(a account, m int) clientele.Date {
	return firstMonth.AddMonths(m).AddDays(a.orderDay - 1)
}

// totals is each client's year: revenue and the profit its margin gives.
func totals(accounts []account) []abc.Totals {
	out := make([]abc.Totals, 0, len(accounts))
	for _, a := range accounts {
		var sum int64
		for _, k := range a.monthly {
			sum += k
		}
		revenue := decimal.New(sum, 3)
		out = append(out, abc.Totals{
			ClientID: a.client.ID,
			Revenue:  revenue,
			Profit:   revenue.Mul(decimal.NewFromInt(a.marginPct)).Shift(-2),
		})
	}
	return out
}

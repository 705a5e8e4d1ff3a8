package solvency

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/ledger"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func inv(id, amount, issued, due, paid string) ledger.Invoice {
	in := ledger.Invoice{ID: id, Currency: "EUR", Amount: d(amount), Issued: day(issued), Due: day(due)}
	if paid != "" {
		in.Paid = day(paid)
	}
	return in
}

// history is a hand-worked payment history as of 2025-06-30.
func history() []ledger.Invoice {
	wo := inv("INV-6", "800", "2024-10-01", "2024-10-31", "")
	wo.WrittenOff = day("2025-02-28")
	return []ledger.Invoice{
		inv("INV-1", "1000", "2025-01-01", "2025-01-31", "2025-01-25"), // on time
		inv("INV-2", "2000", "2025-02-01", "2025-03-03", "2025-03-13"), // 10 days late
		inv("INV-3", "500", "2025-03-01", "2025-03-31", "2025-03-31"),  // on the due date: on time
		inv("INV-4", "1500", "2025-04-01", "2025-05-01", ""),           // open, 60 days past due
		inv("INV-5", "1000", "2025-06-15", "2025-07-15", ""),           // open, not yet due
		wo, // written off 120 days after its due date
		inv("INV-7", "400", "2025-07-01", "2025-07-31", ""), // issued after the as-of date
	}
}

func TestPaymentDisciplineHandWorked(t *testing.T) {
	asOf := day("2025-06-30")
	dd, err := PaymentDiscipline(history(), asOf, DefaultDisciplineConfig())
	require.NoError(t, err)

	// Issued by the as-of date: INV-1..6. Evaluated (settled or past
	// due): INV-1, 2, 3, 4, 6. On time: INV-1 and INV-3.
	assert.Equal(t, 6, dd.Invoices)
	assert.Equal(t, 5, dd.Evaluated)
	assert.Equal(t, 2, dd.OnTime)
	assert.InDelta(t, 0.4, dd.OnTimeShare.Value, 1e-12)
	// By amount: (1000 + 500) / (1000 + 2000 + 500 + 1500 + 800) = 1500/5800.
	assert.InDelta(t, 1500.0/5800, dd.OnTimeShareByAmount.Value, 1e-12)
	// Days late 0, 10, 0, 60 (May 1 to June 30), 120 (Oct 31 to Feb 28).
	assert.InDelta(t, 190.0/5, dd.AvgDaysLate.Value, 1e-12)
	// Weighted: (2000·10 + 1500·60 + 800·120) / 5800 = 206000/5800 = 35.5172.
	assert.InDelta(t, 206000.0/5800, dd.AvgDaysLateWeighted.Value, 1e-12)
	assert.Equal(t, 120.0, dd.MaxDaysLate.Value)
	assert.Equal(t, "INV-6", dd.MaxDaysLateInvoice)
	assert.Equal(t, "800", dd.MaxDaysLateAmount.String())

	// Owed: INV-4 and INV-5; past due: INV-4.
	assert.Equal(t, "2500", dd.Outstanding.String())
	assert.Equal(t, "1500", dd.Overdue.String())
	assert.Equal(t, 1, dd.OverdueCount)
	assert.Equal(t, 60, dd.OldestOverdueDays)
	assert.InDelta(t, 0.6, dd.OverdueShare.Value, 1e-12)
	assert.Equal(t, 1, dd.WrittenOff)
	assert.Equal(t, "800", dd.WrittenOffAmount.String())

	// Trend: "recent" is due after June 30 - 180 days = 2025-01-01. INV-1..4 are recent, INV-6 earlier: one invoice
	// is too few (3 needed), so no trend, but both averages are shown:
	// recent (2000·10 + 1500·60)/5000 = 22, earlier 120.
	assert.Equal(t, Trend(0), dd.Trend)
	assert.Equal(t, 4, dd.RecentInvoices)
	assert.Equal(t, 1, dd.EarlierInvoices)
	assert.InDelta(t, 22, dd.RecentDaysLate.Value, 1e-12)
	assert.InDelta(t, 120, dd.EarlierDaysLate.Value, 1e-12)

	// Monthly purchases: all six invoices (6800) fall in the 365-day
	// window; the first was issued 2024-10-01, 273 days before and
	// including the as-of date, so 6800 × 365 / (12 × 273) = 757.6313.
	assert.Equal(t, "757.63125763", dd.MonthlyPurchases.Decimal.String())

	// Score: 50·(1500/5800) + 30·(1 − 35.5172/60) + 20·(1 − 60/90) − 25·1
	// = 375/29 + 355/29 + 20/3 − 25 = 12.9310 + 12.2414 + 6.6667 − 25 = 6.8391.
	sc := dd.Score()
	require.True(t, sc.Defined)
	assert.InDelta(t, 375.0/29+355.0/29+20.0/3-25, sc.Value, 1e-9)
	assert.InDelta(t, 375.0/29, dd.Scoring.OnTime, 1e-9)
	assert.InDelta(t, 355.0/29, dd.Scoring.Lateness, 1e-9)
	assert.InDelta(t, 20.0/3, dd.Scoring.Overdue, 1e-9)
	assert.Equal(t, -25.0, dd.Scoring.WriteOffs)
}

func TestPaymentDisciplineReplaysThePast(t *testing.T) {
	// As of 2025-02-20: INV-1 is paid, INV-2 open and not yet due (March
	// 3), INV-6 open and 112 days past due (30 Nov + 31 Dec + 31 Jan + 20
	// Feb), its write-off of February 28 not yet happened; INV-3..5 and 7
	// do not exist yet.
	dd, err := PaymentDiscipline(history(), day("2025-02-20"), DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.Equal(t, 3, dd.Invoices)
	assert.Equal(t, 2, dd.Evaluated, "INV-1, INV-6")
	assert.Equal(t, 0, dd.WrittenOff, "the write-off is dated later")
	assert.Equal(t, 1, dd.OverdueCount)
	assert.Equal(t, 112, dd.OldestOverdueDays)
	assert.Equal(t, "2800", dd.Outstanding.String(), "2000 + 800")
	assert.Equal(t, "800", dd.Overdue.String())
}

func TestPaymentDisciplinePerfectPayerScores100(t *testing.T) {
	invs := []ledger.Invoice{
		inv("a", "100", "2025-01-01", "2025-01-31", "2025-01-20"),
		inv("b", "300", "2025-02-01", "2025-03-03", "2025-03-03"),
	}
	dd, err := PaymentDiscipline(invs, day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.Equal(t, 100.0, dd.Score().Value)
	assert.Equal(t, 1.0, dd.OnTimeShare.Value)
	assert.Equal(t, 0.0, dd.MaxDaysLate.Value)
	assert.True(t, dd.Outstanding.IsZero())
	assert.Equal(t, "outstanding is zero", dd.OverdueShare.Reason())
}

func TestPaymentDisciplineFloorAtZero(t *testing.T) {
	// Everything written off: 50·0 + 30·max(0, 1 − 200/60) + 20·1 − 25·3 < 0: score 0.
	var invs []ledger.Invoice
	for _, id := range []string{"a", "b", "c"} {
		in := inv(id, "100", "2024-01-01", "2024-01-31", "")
		in.WrittenOff = day("2024-08-18") // 200 days after the due date
		invs = append(invs, in)
	}
	dd, err := PaymentDiscipline(invs, day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.Equal(t, 0.0, dd.Score().Value)
	assert.Equal(t, 0.0, dd.Scoring.Lateness)
	assert.Equal(t, 20.0, dd.Scoring.Overdue, "nothing is overdue: written off is not owed")
	assert.Equal(t, -75.0, dd.Scoring.WriteOffs)
}

func TestPaymentDisciplineTrend(t *testing.T) {
	asOf := day("2025-06-30")
	earlier := func(id string, late int) ledger.Invoice {
		due := day("2024-06-01")
		return ledger.Invoice{ID: id, Currency: "EUR", Amount: d("100"), Issued: due.AddDays(-30), Due: due, Paid: due.AddDays(late)}
	}
	recent := func(id string, late int) ledger.Invoice {
		due := day("2025-05-01")
		return ledger.Invoice{ID: id, Currency: "EUR", Amount: d("100"), Issued: due.AddDays(-30), Due: due, Paid: due.AddDays(late)}
	}
	tests := []struct {
		name string
		hist []ledger.Invoice
		want Trend
	}{
		// Earlier 30 days late, now on time: 30 − 0 = 30 > 5.
		{"improving", []ledger.Invoice{earlier("e1", 30), earlier("e2", 30), earlier("e3", 30), recent("r1", 0), recent("r2", 0), recent("r3", 0)}, TrendImproving},
		// 10 then 14 days late: the 4-day change is within the 5-day band.
		{"stable", []ledger.Invoice{earlier("e1", 10), earlier("e2", 10), earlier("e3", 10), recent("r1", 14), recent("r2", 14), recent("r3", 14)}, TrendStable},
		// On time, then 20 days late.
		{"deteriorating", []ledger.Invoice{earlier("e1", 0), earlier("e2", 0), earlier("e3", 0), recent("r1", 20), recent("r2", 20), recent("r3", 20)}, TrendDeteriorating},
		{"too few", []ledger.Invoice{earlier("e1", 0), earlier("e2", 0), recent("r1", 20), recent("r2", 20), recent("r3", 20)}, 0},
	}
	for _, tt := range tests {
		dd, err := PaymentDiscipline(tt.hist, asOf, DefaultDisciplineConfig())
		require.NoError(t, err)
		assert.Equal(t, tt.want, dd.Trend, tt.name)
	}
}

func TestPaymentDisciplineWithoutHistoryIsUnknown(t *testing.T) {
	dd, err := PaymentDiscipline(nil, day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.False(t, dd.Score().Defined)
	assert.Equal(t, "invoices is unknown", dd.Score().Reason())
	assert.False(t, dd.MonthlyPurchases.Valid, "no invoice: unknown, not zero")

	// One invoice, not yet due: still nothing to judge, but purchases are known.
	dd, err = PaymentDiscipline([]ledger.Invoice{inv("a", "300", "2025-06-01", "2025-07-01", "")}, day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.False(t, dd.OnTimeShare.Defined)
	assert.Equal(t, "300", dd.Outstanding.String())
	// 300 over 30 days covered: 300 × 365 / (12 × 30) = 304.1667.
	assert.Equal(t, "304.16666667", dd.MonthlyPurchases.Decimal.String())
}

func TestPaymentDisciplineBadInput(t *testing.T) {
	paidBeforeIssue := inv("a", "100", "2025-03-01", "2025-03-31", "2025-02-27")
	usd := inv("b", "100", "2025-03-01", "2025-03-31", "")
	usd.Currency = "USD"
	both := inv("c", "100", "2025-03-01", "2025-03-31", "2025-03-05")
	both.WrittenOff = day("2025-04-01")
	negative := inv("d", "-5", "2025-03-01", "2025-02-01", "")
	undated := ledger.Invoice{Currency: "EUR", Amount: d("1")}
	_, err := PaymentDiscipline([]ledger.Invoice{paidBeforeIssue, usd, both, negative, undated}, clientele.Date{}, DefaultDisciplineConfig())
	list := requireFields(t, err, "as_of",
		"invoices[0].paid",
		"invoices[1].currency",
		"invoices[2].written_off",
		"invoices[3].amount", "invoices[3].due",
		"invoices[4].issued", "invoices[4].due")
	assert.Equal(t, day("2025-02-27"), list.Fields[1].Value)
	assert.Contains(t, err.Error(), "invoices[0].paid = 2025-02-27: is before the issue date 2025-03-01")
	assert.Contains(t, err.Error(), "invoices[1].currency = USD: differs from EUR")

	noCurrency := inv("e", "100", "2025-03-01", "2025-03-31", "")
	noCurrency.Currency = ""
	_, err = PaymentDiscipline([]ledger.Invoice{noCurrency, noCurrency}, day("2025-06-30"), DefaultDisciplineConfig())
	requireFields(t, err, "invoices[0].currency", "invoices[1].currency")
}

func TestDisciplineConfigValidate(t *testing.T) {
	require.NoError(t, DefaultDisciplineConfig().Validate())
	c := DefaultDisciplineConfig()
	c.RecentDays = 0
	c.Score.OnTimeWeight = 60
	c.Score.LatenessScaleDays = 0
	requireFields(t, c.Validate(), "recent_days", "score", "score.lateness_scale_days")
}

// The edges of every discipline rule, each worked by hand as of
// 2025-06-30.
func TestPaymentDisciplineEdges(t *testing.T) {
	asOf := day("2025-06-30")
	measure := func(t *testing.T, invs ...ledger.Invoice) Discipline {
		t.Helper()
		dd, err := PaymentDiscipline(invs, asOf, DefaultDisciplineConfig())
		require.NoError(t, err)
		return dd
	}
	t.Run("paid on the due date is on time, a day later is late", func(t *testing.T) {
		dd := measure(t,
			inv("a", "100", "2025-03-01", "2025-03-31", "2025-03-31"),
			inv("b", "100", "2025-03-01", "2025-03-31", "2025-04-01"))
		assert.Equal(t, 1, dd.OnTime)
		assert.InDelta(t, 0.5, dd.AvgDaysLate.Value, 1e-12, "(0 + 1) / 2")
		assert.Equal(t, 1.0, dd.MaxDaysLate.Value)
		assert.Equal(t, "b", dd.MaxDaysLateInvoice)
	})
	t.Run("the first of equally late invoices is the worst", func(t *testing.T) {
		dd := measure(t,
			inv("a", "100", "2025-03-01", "2025-03-31", "2025-04-10"),
			inv("b", "700", "2025-04-01", "2025-04-30", "2025-05-10"))
		assert.Equal(t, 10.0, dd.MaxDaysLate.Value)
		assert.Equal(t, "a", dd.MaxDaysLateInvoice)
		assert.Equal(t, "100", dd.MaxDaysLateAmount.String())
	})
	t.Run("the oldest overdue invoice sets the age, wherever it is listed", func(t *testing.T) {
		// Due May 1: 30 + 30 = 60 days past due; due June 20: 10 days.
		dd := measure(t,
			inv("old", "100", "2025-04-01", "2025-05-01", ""),
			inv("new", "100", "2025-05-21", "2025-06-20", ""))
		assert.Equal(t, 60, dd.OldestOverdueDays)
		assert.Equal(t, 2, dd.OverdueCount)
	})
	t.Run("due on the as-of date is not overdue yet", func(t *testing.T) {
		dd := measure(t, inv("a", "100", "2025-06-01", "2025-06-30", ""))
		assert.Zero(t, dd.Evaluated)
		assert.Zero(t, dd.OverdueCount)
		assert.True(t, dd.Overdue.IsZero())
		assert.Equal(t, "100", dd.Outstanding.String())
	})
	t.Run("recent means due after as-of minus 180 days", func(t *testing.T) {
		// 2025-06-30 is day 181 of the year, so 180 days before it is
		// 2025-01-01: due that day is earlier, due the next day recent.
		dd := measure(t,
			inv("a", "100", "2024-12-01", "2025-01-01", "2025-01-01"),
			inv("b", "100", "2024-12-01", "2025-01-02", "2025-01-02"))
		assert.Equal(t, 1, dd.EarlierInvoices)
		assert.Equal(t, 1, dd.RecentInvoices)
	})
	t.Run("the purchase window is the 365 days up to and including as-of", func(t *testing.T) {
		// 365 days before 2025-06-30 is 2024-06-30: issued that day is
		// outside the window, issued the next day inside. The first
		// invoice is 366 days old, so the window covers 365 days:
		// 1200 × 365 / (12 × 365) = 100 a month.
		dd := measure(t,
			inv("a", "5000", "2024-06-30", "2024-07-30", "2024-07-30"),
			inv("b", "1200", "2024-07-01", "2024-07-31", "2024-07-31"))
		assert.Equal(t, "100", dd.MonthlyPurchases.Decimal.String())
	})
	t.Run("a new client's purchases are averaged over 30 days at least", func(t *testing.T) {
		// One invoice of 1,000 issued yesterday covers 2 days; averaged
		// over them it would read 1000 × 365 / 24 = 15,208.33 a month.
		// Over 30 days: 1000 × 365 / 360 = 1,013.89.
		dd := measure(t, inv("a", "1000", "2025-06-29", "2025-07-29", ""))
		assert.Equal(t, "1013.88888889", dd.MonthlyPurchases.Decimal.String())
	})
	t.Run("the trend band is inclusive", func(t *testing.T) {
		at := func(id, due string, late int) ledger.Invoice {
			d := day(due)
			return ledger.Invoice{ID: id, Currency: "EUR", Amount: d100, Issued: d.AddDays(-30), Due: d, Paid: d.AddDays(late)}
		}
		side := func(earlier, recent int) []ledger.Invoice {
			return []ledger.Invoice{at("e1", "2024-06-01", earlier), at("e2", "2024-07-01", earlier), at("e3", "2024-08-01", earlier),
				at("r1", "2025-03-01", recent), at("r2", "2025-04-01", recent), at("r3", "2025-05-01", recent)}
		}
		// 15 → 10 days late is 5 better: within the 5-day band, stable;
		// 10 → 15 likewise; 16 → 10 is 6 better: improving.
		assert.Equal(t, TrendStable, measure(t, side(15, 10)...).Trend)
		assert.Equal(t, TrendStable, measure(t, side(10, 15)...).Trend)
		assert.Equal(t, TrendImproving, measure(t, side(16, 10)...).Trend)
		assert.Equal(t, TrendDeteriorating, measure(t, side(10, 16)...).Trend)
	})
}

var d100 = d("100")

func TestInvoiceDateAndAmountEdges(t *testing.T) {
	asOf := day("2025-06-30")
	sameDay := inv("a", "100", "2025-03-01", "2025-03-01", "2025-03-01")
	_, err := PaymentDiscipline([]ledger.Invoice{sameDay}, asOf, DefaultDisciplineConfig())
	require.NoError(t, err, "due and paid on the issue date are valid")

	dayBefore := inv("a", "100", "2025-03-01", "2025-03-31", "2025-02-28")
	zero := inv("b", "0", "2025-03-01", "2025-03-31", "")
	wo := inv("c", "100", "2025-03-01", "2025-03-31", "")
	wo.WrittenOff = day("2025-02-28")
	_, err = PaymentDiscipline([]ledger.Invoice{dayBefore, zero, wo}, asOf, DefaultDisciplineConfig())
	list := requireFields(t, err, "invoices[0].paid", "invoices[1].amount", "invoices[2].written_off")
	assert.Equal(t, day("2025-02-28"), list.Fields[0].Value)
	assert.Contains(t, err.Error(), "invoices[1].amount = 0: must be positive")
}

func TestDisciplineConfigScalesMustBePositive(t *testing.T) {
	c := DefaultDisciplineConfig()
	c.Score.OverdueScaleDays = 0
	c.Score.WriteOffPenalty = -1
	c.PurchaseWindowDays = 27
	c.TrendBandDays = math.NaN()
	requireFields(t, c.Validate(), "trend_band_days", "purchase_window_days", "score.overdue_scale_days", "score.write_off_penalty")
}

// An invoice overdue beyond the scales loses those parts' points and no
// more: one invoice 180 days overdue has s = 0, w = 180 and o = 180, so
// 50·0 + 30·max(0, 1 − 180/60) + 20·max(0, 1 − 180/90) = 0, each part
// floored at 0 rather than going negative.
func TestDisciplineScorePartsFloorAtZero(t *testing.T) {
	dd, err := PaymentDiscipline([]ledger.Invoice{overdueBy("i", "100", 180)}, day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	assert.Equal(t, 180, dd.OldestOverdueDays)
	assert.Equal(t, 0.0, dd.Scoring.Overdue)
	assert.Equal(t, 0.0, dd.Scoring.Lateness)
	assert.Equal(t, 0.0, dd.Score().Value)
}

func TestDisciplineWithoutEvaluationHasNoWorstInvoice(t *testing.T) {
	dd, err := PaymentDiscipline([]ledger.Invoice{inv("a", "300", "2025-06-01", "2025-07-01", "")}, day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	b, err := json.Marshal(dd)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "max_days_late_amount", "no worst invoice, no amount of 0")
	assert.Contains(t, string(b), `"max_days_late":{"undefined":"unknown","field":"invoices"}`)

	dd, err = PaymentDiscipline(history(), day("2025-06-30"), DefaultDisciplineConfig())
	require.NoError(t, err)
	b, err = json.Marshal(dd)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"max_days_late_amount":"800"`)
}

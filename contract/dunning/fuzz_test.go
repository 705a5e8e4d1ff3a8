package dunning

import (
	"bytes"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/fuzztest"
	"github.com/clientele-go/clientele/ledger"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refPenalty is outstanding × rate × days / 36500 rounded half up to
// minor places, in exact rationals: the reference the fuzz targets hold
// the decimal arithmetic to.
func refPenalty(outstanding, rate decimal.Decimal, days int, minor int32) decimal.Decimal {
	x := new(big.Rat).Mul(outstanding.Rat(), rate.Rat())
	x.Mul(x, big.NewRat(int64(days), 100*DaysInYear))
	x.Mul(x, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(minor)), nil)))
	x.Add(x, big.NewRat(1, 2)) // half up (x is never negative)
	q := new(big.Int).Quo(x.Num(), x.Denom())
	return decimal.NewFromBigInt(q, -minor)
}

// checkDecision holds a decision to what Next documents: the overdue
// sum and count over the open invoices past due, the oldest one's days,
// each invoice's interest to the cent by the exact formula, the fees of
// the steps taken, claim = overdue + interest + fees, and the next level
// the one after the highest taken, due at the oldest due day plus its
// days.
func checkDecision(t *testing.T, debt Debt, day clientele.Date, cfg Config, minor int32, d Decision) {
	overdue, count, oldest := decimal.Zero, 0, 0
	var lines []Interest
	for _, in := range debt.Invoices {
		if in.Status == receivables.StatusOpen && in.Invoice.Due.Before(day) && in.Outstanding.IsPositive() {
			days := day.Sub(in.Invoice.Due)
			overdue = overdue.Add(in.Outstanding)
			count++
			oldest = max(oldest, days)
			lines = append(lines, Interest{Invoice: in.Invoice.ID, Outstanding: in.Outstanding, Days: days,
				Amount: refPenalty(in.Outstanding, cfg.AnnualRate, days, minor)})
		}
	}
	assert.True(t, overdue.Equal(d.Overdue), "overdue %s, want %s", d.Overdue, overdue)
	assert.Equal(t, count, d.OverdueInvoices)
	assert.Equal(t, oldest, d.DaysOverdue)
	require.Len(t, d.Lines, len(lines))
	interest := decimal.Zero
	for i, l := range lines {
		got := d.Lines[i]
		assert.Equal(t, l.Invoice, got.Invoice)
		assert.Equal(t, l.Days, got.Days)
		assert.True(t, l.Amount.Equal(got.Amount), "%s: interest %s, want %s", l.Invoice, got.Amount, l.Amount)
		assert.False(t, got.Amount.IsNegative())
		interest = interest.Add(got.Amount)
	}
	assert.True(t, interest.Equal(d.Interest))
	fees, last := decimal.Zero, -1
	for _, s := range debt.Done {
		for i, l := range cfg.Levels {
			if l.Action == s.Action {
				fees, last = fees.Add(l.Fee), max(last, i)
			}
		}
	}
	assert.True(t, fees.Equal(d.Fees), "fees %s, want %s", d.Fees, fees)
	assert.True(t, d.Overdue.Add(d.Interest).Add(d.Fees).Equal(d.Claim), "claim = overdue + interest + fees")
	require.NotEmpty(t, d.Reasons)
	if count == 0 || last+1 == len(cfg.Levels) {
		assert.Nil(t, d.Next)
		return
	}
	require.NotNil(t, d.Next)
	l := cfg.Levels[last+1]
	assert.Equal(t, last+1, d.Next.Level)
	assert.Equal(t, l.Action, d.Next.Action)
	assert.Equal(t, day.AddDays(-oldest).AddDays(l.AfterDays), d.Next.Due)
	assert.Equal(t, !d.Next.Due.After(day), d.Next.Now)
}

// FuzzNext: Next on a debt built from the fuzzer's bytes (invoices open,
// settled or cancelled, due before or after the day, outstanding
// amounts including negative ones, another currency now and then, steps
// taken in any order) either refuses it with ErrInvalid naming the
// field, or decides as checkDecision says; the same debt gives the same
// decision.
func FuzzNext(f *testing.F) {
	f.Add([]byte{2, 1, 30, 100, 0, 1, 10, 50, 0, 2, 0, 2}, uint16(45))
	f.Add([]byte{1, 1, 45, 255, 0, 0}, uint16(0))
	f.Add([]byte{3, 1, 200, 1, 0, 2, 1, 1, 0, 3, 0, 0, 0, 4, 1, 2, 3, 4}, uint16(365))
	f.Add([]byte{1, 4, 30, 100, 1, 0}, uint16(20))
	f.Fuzz(func(t *testing.T, data []byte, since uint16) {
		in := fuzztest.Bytes(data)
		next := in.Next
		cfg := DefaultConfig()
		day := clientele.MustParseDate("2026-03-17")
		debt := Debt{ClientID: "c-1"}
		for i := range next() % 8 {
			due := day.AddDays(-int(since%400) + next())
			in := receivables.InvoiceStatus{Status: receivables.Status(1 + next()%3),
				Invoice: receivables.Invoice{Invoice: ledger.Invoice{ID: "INV-" + string(rune('0'+i)), Currency: "EUR",
					Amount: decimal.New(int64(next())*100+1, -2), Issued: due.AddDays(-30), Due: due}}}
			in.Outstanding = decimal.New(int64(next())*37-370, -2) // a few negative: refused
			switch next() {
			case 254:
				in.Status = 0 // unknown: refused
			case 255:
				in.Invoice.Currency = "USD" // not the config's: refused
			}
			debt.Invoices = append(debt.Invoices, in)
		}
		for range next() % 5 {
			s := Step{Action: Action(1 + next()%4), Date: day.AddDays(-next())}
			if s.Date == day.AddDays(-255) {
				s.Action = 0 // unknown: refused
			}
			debt.Done = append(debt.Done, s)
		}
		d, err := Next(debt, day, cfg)
		again, err2 := Next(debt, day, cfg)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			var ve *clientele.ValidationError
			require.ErrorAs(t, err, &ve)
			for _, fe := range ve.Fields {
				assert.NotEmpty(t, fe.Field)
			}
			require.Error(t, err2)
			return
		}
		require.NoError(t, err2)
		assert.Equal(t, d, again, "the same debt gives the same decision")
		checkDecision(t, debt, day, cfg, 2, d)
	})
}

// FuzzLoadConfig: any bytes either fail to load with ErrInvalid, or give
// a config whose levels are known actions at strictly increasing days,
// on which Next decides one invoice of 1000.00 45 days past due as
// checkDecision says.
func FuzzLoadConfig(f *testing.F) {
	good, _ := json.Marshal(DefaultConfig())
	f.Add(good)
	f.Add([]byte(`{"currency":"JPY","annual_rate":"14.6","levels":[{"action":"reminder","after_days":0,"fee":"500"}]}`))
	f.Add([]byte(`{"currency":"EUR","annual_rate":"8","levels":[{"action":"call","after_days":5,"fee":"0.001"}]}`))
	f.Add([]byte(`{"currency":"KWD","annual_rate":"100","levels":[{"action":"legal","after_days":1,"fee":"1.234"},{"action":"call","after_days":1}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := clientele.LoadConfig[Config](bytes.NewReader(data))
		if err != nil {
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		require.NotEmpty(t, cfg.Levels)
		for i, l := range cfg.Levels {
			require.True(t, l.Action.IsValid())
			require.False(t, l.Fee.IsNegative())
			if i > 0 {
				require.Greater(t, l.AfterDays, cfg.Levels[i-1].AfterDays)
			}
		}
		day := clientele.MustParseDate("2026-03-17")
		due := day.AddDays(-45)
		debt := Debt{ClientID: "c-1", Invoices: []receivables.InvoiceStatus{{Status: receivables.StatusOpen,
			Invoice:     receivables.Invoice{Invoice: ledger.Invoice{ID: "INV-1", Currency: cfg.Currency, Amount: decimal.NewFromInt(1000), Issued: due.AddDays(-30), Due: due}},
			Outstanding: decimal.NewFromInt(1000)}},
			Done: []Step{{Action: cfg.Levels[0].Action, Date: due.AddDays(1)}}}
		d, err := Next(debt, day, cfg)
		require.NoError(t, err)
		minor, _ := currency.MinorUnits(cfg.Currency)
		checkDecision(t, debt, day, cfg, minor, d)
	})
}

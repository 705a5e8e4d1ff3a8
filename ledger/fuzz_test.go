package ledger

import (
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzStateOn: on a valid invoice, StateOn gives a named state on every
// day; not issued exactly before the issue day; paid or written off from
// that day on and for good (with the same days late); open up to the
// due day and overdue after it by day − due days; never negative days
// late. Days are offsets from 2026-01-01 so the fuzzer reaches the edges.
func FuzzStateOn(f *testing.F) {
	f.Add(int16(0), int16(30), int16(45), int16(-1), int16(40), int64(1000))
	f.Add(int16(0), int16(30), int16(-1), int16(90), int16(100), int64(1))
	f.Add(int16(10), int16(5), int16(-1), int16(-1), int16(7), int64(-3))
	f.Add(int16(0), int16(0), int16(0), int16(0), int16(0), int64(0))
	f.Fuzz(func(t *testing.T, issued, due, paid, writtenOff, day int16, cents int64) {
		base := clientele.MustParseDate("2026-01-01")
		at := func(n int16) clientele.Date {
			if n < 0 {
				return clientele.Date{}
			}
			return base.AddDays(int(n))
		}
		in := Invoice{ID: "i-1", Currency: "EUR", Amount: decimal.New(cents, -2),
			Issued: base.AddDays(int(issued)), Due: base.AddDays(int(due)), Paid: at(paid), WrittenOff: at(writtenOff)}
		if err := in.Validate(); err != nil {
			assert.ErrorIs(t, err, ErrInvalid)
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		d := base.AddDays(int(day))
		s := in.StateOn(d)
		require.True(t, s.State.IsValid())
		assert.GreaterOrEqual(t, s.DaysLate, 0)
		assert.Equal(t, in.StateOn(d), s, "the same day gives the same standing")
		switch {
		case d.Before(in.Issued):
			assert.Equal(t, Standing{State: StateNotIssued}, s)
		case s.State == StatePaid || s.State == StateWrittenOff:
			for _, later := range []int{1, 30, 3650} {
				assert.Equal(t, s, in.StateOn(d.AddDays(later)), "settled for good")
			}
			end := in.Paid
			if s.State == StateWrittenOff {
				end = in.WrittenOff
			}
			assert.False(t, end.After(d))
			assert.Equal(t, max(0, end.Sub(in.Due)), s.DaysLate)
		case !d.After(in.Due):
			assert.Equal(t, Standing{State: StateOpen}, s)
		default:
			assert.Equal(t, Standing{State: StateOverdue, DaysLate: d.Sub(in.Due)}, s)
		}
	})
}

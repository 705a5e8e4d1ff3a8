package clientele_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzConfig has one field of each kind a config holds: text, an
// integer, a day, an amount, an optional amount, a list and a map.
type fuzzConfig struct {
	Name     string              `json:"name"`
	Weight   int                 `json:"weight"`
	When     clientele.Date      `json:"when,omitzero"`
	Max      decimal.Decimal     `json:"max"`
	Optional decimal.NullDecimal `json:"optional"`
	Steps    []fuzzStep          `json:"steps"`
	Tags     map[string]string   `json:"tags"`
}

type fuzzStep struct {
	Days int             `json:"days"`
	Rate decimal.Decimal `json:"rate"`
}

// Validate refuses a negative weight, naming the field.
func (c fuzzConfig) Validate() error {
	if c.Weight < 0 {
		return &clientele.ValidationError{Kind: clientele.ErrInvalid,
			Fields: []*clientele.FieldError{{Field: "weight", Value: c.Weight, Reason: "must not be negative"}}}
	}
	return nil
}

// FuzzLoadConfig: any bytes either load into a config that passed its
// own Validate and survives a JSON round trip unchanged, or fail with a
// *ValidationError matching ErrInvalid and the zero config; loading the
// same bytes twice gives the same answer.
func FuzzLoadConfig(f *testing.F) {
	f.Add([]byte(`{"name":"a","weight":3,"when":"2026-12-05","max":"12.5","optional":null,"steps":[{"days":10,"rate":"0.02"}],"tags":{"k":"v"}}`))
	f.Add([]byte(`{"weight":-1}`))
	f.Add([]byte(`{"max":1e31}`))
	f.Add([]byte(`{"max":"1e-31"}`))
	f.Add([]byte(`{"name":"a","name":"b"}`))
	f.Add([]byte(`{"when":"2026-02-30"}`))
	f.Add([]byte(`{} {}`))
	f.Add([]byte(`[{"days":1}]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := clientele.LoadConfig[fuzzConfig](bytes.NewReader(data))
		again, err2 := clientele.LoadConfig[fuzzConfig](bytes.NewReader(data))
		if err != nil {
			require.ErrorIs(t, err, clientele.ErrInvalid)
			var ve *clientele.ValidationError
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Fields, "an error names at least one problem")
			assert.NotEmpty(t, err.Error())
			assert.Zero(t, cfg, "no half-loaded config")
			require.Error(t, err2)
			assert.Equal(t, err.Error(), err2.Error(), "the same bytes give the same error")
			return
		}
		require.NoError(t, err2)
		assert.Equal(t, cfg, again, "the same bytes give the same config")
		require.GreaterOrEqual(t, cfg.Weight, 0, "Validate ran")
		assert.True(t, cfg.When.IsZero() || cfg.When.IsValid(), "an invalid day never loads")
		out, err := json.Marshal(cfg)
		require.NoError(t, err)
		back, err := clientele.LoadConfig[fuzzConfig](bytes.NewReader(out))
		require.NoError(t, err, "what loaded writes back to JSON that loads: %s", out)
		assert.Equal(t, string(out), string(mustJSON(t, back)), "the round trip is stable")
	})
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// FuzzParseDate: ParseDate accepts exactly the days time.Parse accepts
// in "2006-01-02" for years 1-9999, and String writes the text back.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-05", "2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "0000-01-01",
		"2026-13-01", "2026-1-01", "+026-01-01", "2026-01-01x", "", "２026-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := clientele.ParseDate(s)
		ref, refErr := time.Parse(time.DateOnly, s)
		// time.Parse also takes year 0000, which is outside the library's
		// range; beyond that the two agree on what a day is.
		want := refErr == nil && ref.Year() >= 1 && ref.Format(time.DateOnly) == s
		if !want {
			require.Error(t, err, "%q is not a day", s)
			assert.ErrorIs(t, err, clientele.ErrInvalid)
			assert.False(t, d.IsValid())
			return
		}
		require.NoError(t, err, "%q is a day", s)
		require.True(t, d.IsValid())
		assert.Equal(t, s, d.String())
		y, m, day := d.Date()
		assert.Equal(t, [3]int{ref.Year(), int(ref.Month()), ref.Day()}, [3]int{y, int(m), day})
		assert.Equal(t, ref.Weekday(), d.Weekday())
		var back clientele.Date
		require.NoError(t, back.UnmarshalText([]byte(s)))
		assert.Equal(t, d, back)
	})
}

// FuzzDateArithmetic: AddDays, AddMonths and Sub agree with time.Time's
// calendar (AddMonths clamps to the month's last day, as Java's
// plusMonths does), results out of years 1-9999 are invalid, and
// AddDays(n) then Sub gives n back.
func FuzzDateArithmetic(f *testing.F) {
	f.Add(2026, 1, 31, 1, 0)
	f.Add(2024, 2, 29, 12, -366)
	f.Add(1, 1, 1, -1, -1)
	f.Add(9999, 12, 31, 1, 1)
	f.Add(2026, 12, 5, -24000, 3_000_000)
	f.Fuzz(func(t *testing.T, y, m, day, months, days int) {
		d := clientele.NewDate(y, time.Month(m), day)
		ref := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		exists := y >= 1 && y <= 9999 && ref.Year() == y && int(ref.Month()) == m && ref.Day() == day
		require.Equal(t, exists, d.IsValid(), "NewDate(%d, %d, %d) does not roll over", y, m, day)
		if !exists {
			assert.False(t, d.AddDays(days).IsValid())
			assert.False(t, d.AddMonths(months).IsValid())
			assert.Zero(t, d.Sub(d))
			return
		}

		// AddMonths against time.Date on the first of the month, then
		// the day clamped to that month's length.
		got := d.AddMonths(months)
		if months > 12*10000 || months < -12*10000 {
			assert.False(t, got.IsValid())
		} else {
			first := time.Date(y, time.Month(m)+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
			if first.Year() < 1 || first.Year() > 9999 {
				assert.False(t, got.IsValid(), "%s plus %d months is out of range", d, months)
			} else {
				last := first.AddDate(0, 1, -1).Day()
				want := clientele.NewDate(first.Year(), first.Month(), min(day, last))
				assert.Equal(t, want, got, "%s plus %d months", d, months)
			}
		}

		// AddDays against time.AddDate, and Sub inverts it.
		moved := d.AddDays(days)
		if days > 4_000_000 || days < -4_000_000 {
			assert.False(t, moved.IsValid())
			return
		}
		r := ref.AddDate(0, 0, days)
		if r.Year() < 1 || r.Year() > 9999 {
			assert.False(t, moved.IsValid(), "%s plus %d days is out of range", d, days)
			return
		}
		require.True(t, moved.IsValid())
		assert.Equal(t, clientele.NewDate(r.Year(), r.Month(), r.Day()), moved)
		assert.Equal(t, days, moved.Sub(d))
		assert.Equal(t, -days, d.Sub(moved))
		assert.Equal(t, cmpInt(days, 0), moved.Compare(d))
	})
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// FuzzWorkingDays: WorkingDays equals a day-by-day count over spans up
// to a few years; WorkingDay(start, n) lands on a working day, and
// counting from the first working day at or after start to it gives n.
func FuzzWorkingDays(f *testing.F) {
	f.Add(2026, 12, 5, 30, 1) // a Saturday
	f.Add(2026, 12, 7, 6, 5)  // a Monday to a Sunday: 5
	f.Add(2026, 12, 7, -1, 0)
	f.Add(9999, 12, 24, 7, 6)
	f.Fuzz(func(t *testing.T, y, m, day, span, n int) {
		from := clientele.NewDate(y, time.Month(m), day)
		if !from.IsValid() {
			assert.Zero(t, clientele.WorkingDays(from, from))
			assert.False(t, clientele.WorkingDay(from, 1).IsValid())
			return
		}
		span %= 2000
		to := from.AddDays(span)
		got := clientele.WorkingDays(from, to)
		want := 0
		if to.IsValid() {
			for i := range max(span+1, 0) {
				if wd := from.AddDays(i).Weekday(); wd != time.Saturday && wd != time.Sunday {
					want++
				}
			}
		}
		assert.Equal(t, want, got, "WorkingDays(%s, %s)", from, to)

		n %= 2000
		w := clientele.WorkingDay(from, n)
		if n < 1 {
			assert.False(t, w.IsValid(), "the %d-th working day does not exist", n)
			return
		}
		if !w.IsValid() {
			// Only past year 9999: 2,000 working days are under 8 years.
			assert.Greater(t, y, 9990)
			return
		}
		assert.NotContains(t, []time.Weekday{time.Saturday, time.Sunday}, w.Weekday())
		assert.Equal(t, n, clientele.WorkingDays(from, w), "WorkingDay(%s, %d) = %s", from, n, w)
	})
}

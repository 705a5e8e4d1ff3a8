package complaint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
)

// fuzzComplaints decodes up to 40 complaints from data (zero once it
// runs out): a few clients, causes from the default list (or, on a 255,
// one outside it), received over two months, some resolved hours later.
func fuzzComplaints(data []byte, causes []string) []Complaint {
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		c := data[0]
		data = data[1:]
		return c
	}
	start := time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)
	var out []Complaint
	for i := range int(next() % 41) {
		c := Complaint{
			ID:         fmt.Sprintf("q-%02d", i),
			ClientID:   fmt.Sprintf("c-%d", next()%5),
			ReceivedAt: start.Add(time.Duration(next())*7*time.Hour + time.Duration(next())*time.Minute),
			Cause:      causes[int(next())%len(causes)],
			Status:     Open,
		}
		switch x := next(); {
		case x == 255:
			c.Cause = "weather"
		case x%2 == 0:
			c.Status = Resolved
			c.ResolvedAt = c.ReceivedAt.Add(time.Duration(next()%100) * time.Hour)
		}
		out = append(out, c)
	}
	return out
}

// FuzzAnalyzeOrderFree analyses arbitrary complaints under an arbitrary config:
// bad input is ErrInvalid naming the field; otherwise the period's
// complaints are counted once each (open + resolved, and over the
// causes), the Pareto table is in order and ends at exactly 100 %, the
// percentiles are actual resolution times with the median at most the
// 90th, every repeat client has at least the threshold, and the order
// of the records does not matter.
func FuzzAnalyzeOrderFree(f *testing.F) {
	def, err := json.Marshal(DefaultConfig())
	require.NoError(f, err)
	f.Add(def, []byte{12, 1, 3, 0, 0, 2, 2, 5, 9, 1, 3, 1, 3, 4, 10, 30, 2, 1, 4, 4, 0, 4, 80, 1, 1}, uint8(0), uint8(31))
	f.Add([]byte(`{"repeat_threshold":3}`), []byte{6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 2, 7}, uint8(1), uint8(60))
	f.Add([]byte(`{"causes":["a","a"],"repeat_threshold":1}`), []byte{}, uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, cfgJSON, data []byte, fromOff, span uint8) {
		cfg, err := clientele.LoadConfig[Config](bytes.NewReader(cfgJSON))
		if err != nil {
			require.ErrorIs(t, err, clientele.ErrInvalid)
			return
		}
		causes := cfg.Causes
		if len(causes) == 0 {
			causes = DefaultConfig().Causes
		}
		cs := fuzzComplaints(data, causes)
		from := clientele.MustParseDate("2026-03-01").AddDays(int(fromOff % 60))
		to := from.AddDays(int(span%90) - 2)
		a, err := Analyze(cs, from, to, cfg)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			var ve *clientele.ValidationError
			require.ErrorAs(t, err, &ve)
			for _, fe := range ve.Fields {
				assert.NotEmpty(t, fe.Field, "%v", err)
			}
			return
		}
		var in []Complaint
		for _, c := range cs {
			if d := clientele.DateOf(c.ReceivedAt); !d.Before(from) && d.Before(to) {
				in = append(in, c)
			}
		}
		assert.Equal(t, len(in), a.Total)
		assert.Equal(t, a.Total, a.Open+a.Resolved)
		counted := 0
		for i, c := range a.Causes {
			counted += c.Count
			assert.Positive(t, c.Count)
			if i > 0 {
				p := a.Causes[i-1]
				assert.True(t, p.Count > c.Count || p.Count == c.Count && p.Cause < c.Cause, "Pareto order")
				assert.GreaterOrEqual(t, c.CumulativeShare, p.CumulativeShare)
			}
		}
		assert.Equal(t, a.Total, counted, "every complaint has one cause")
		if n := len(a.Causes); n > 0 {
			assert.Equal(t, 100.0, a.Causes[n-1].CumulativeShare, "the last line is exactly 100")
		}
		var times []time.Duration
		for _, c := range in {
			if c.Status == Resolved {
				times = append(times, c.ResolvedAt.Sub(c.ReceivedAt))
			}
		}
		assert.Equal(t, len(times), a.Resolution.Resolved)
		assert.Equal(t, len(times) > 0, a.Resolution.Defined)
		if a.Resolution.Defined {
			slices.Sort(times)
			rank := func(p float64) time.Duration { return times[int(math.Ceil(p/100*float64(len(times))))-1] }
			assert.Equal(t, rank(50), a.Resolution.Median, "nearest rank")
			assert.Equal(t, rank(90), a.Resolution.P90, "nearest rank")
			assert.LessOrEqual(t, a.Resolution.Median, a.Resolution.P90)
		}
		perClient := map[string]int{}
		for _, c := range in {
			perClient[c.ClientID]++
		}
		repeats := 0
		for id, n := range perClient {
			if n >= cfg.RepeatThreshold {
				repeats++
				i := slices.IndexFunc(a.RepeatClients, func(r Repeat) bool { return r.ClientID == id })
				require.GreaterOrEqual(t, i, 0, "%s complained %d times", id, n)
				assert.Equal(t, n, a.RepeatClients[i].Count)
				assert.Len(t, a.RepeatClients[i].ComplaintIDs, n)
			}
		}
		assert.Len(t, a.RepeatClients, repeats)

		rev := slices.Clone(cs)
		slices.Reverse(rev)
		back, err := Analyze(rev, from, to, cfg)
		require.NoError(t, err)
		assert.Equal(t, a, back, "the order of the records does not matter")
	})
}

// Found by FuzzAnalyzeOrderFree: complaints received at the same instant kept
// the order they were passed in, so the same records listed in another
// order gave another repeat list. Ties now go by ID: k1, k2, k3 were all
// received at 10:00 on 2 November, so c's IDs are [k1 k2 k3] whichever
// order they come in.
func TestAnalyzeOrdersSameInstantByID(t *testing.T) {
	at := time.Date(2026, time.November, 2, 10, 0, 0, 0, time.UTC)
	for _, order := range [][]string{{"k1", "k2", "k3"}, {"k3", "k2", "k1"}, {"k2", "k3", "k1"}} {
		var cs []Complaint
		for _, id := range order {
			cs = append(cs, opened(id, "c", at, "delivery"))
		}
		a, err := Analyze(cs, novDay(1), december1, DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, []Repeat{{ClientID: "c", Count: 3, ComplaintIDs: []string{"k1", "k2", "k3"}}}, a.RepeatClients, "order %v", order)
	}
}

package complaint

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/fuzztest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzAnalyze: Analyze on arbitrary complaints (received around the
// period, open or resolved after minutes to weeks, causes of the default
// list or not) either refuses them with ErrInvalid, or counts what the
// period holds: Total is the complaints received in [from, to), split
// into Open + Resolved and into the causes, listed by count descending
// then name, the last cumulative share 100; median and P90 are the
// nearest-rank resolution times recomputed here; repeat clients are
// those at or above the threshold, by count descending then ID.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{10, 1, 5, 2, 1, 30, 2, 20, 3, 1, 40, 3, 40, 4, 0, 0, 1, 50, 5, 9, 6, 1, 60, 1, 1, 7, 2, 70, 0, 5, 8, 1, 2, 3, 4, 5})
	f.Add([]byte{1, 0, 0, 0, 0, 0})
	f.Add([]byte{4, 2, 255, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0, 2, 255, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzztest.Bytes(data)
		next := in.Next
		cfg := DefaultConfig()
		from, to := clientele.MustParseDate("2026-11-01"), clientele.MustParseDate("2026-12-01")
		start := from.AddDays(-5).Time(time.UTC)
		var cs []Complaint
		for i := range next() % 40 {
			c := Complaint{ID: "q-" + strconv.Itoa(i), ClientID: "c-" + strconv.Itoa(next()%5), Status: Open,
				ReceivedAt: start.Add(time.Duration(next()*4) * time.Hour)}
			if k := next(); k == 255 {
				c.Cause = "not a cause" // refused by the default list
			} else {
				c.Cause = cfg.Causes[k%len(cfg.Causes)]
			}
			if k := next(); k%2 == 1 {
				c.Status, c.ResolvedAt = Resolved, c.ReceivedAt.Add(time.Duration(k)*time.Hour+time.Duration(next())*time.Minute)
			}
			cs = append(cs, c)
		}
		a, err := Analyze(cs, from, to, cfg)
		again, err2 := Analyze(cs, from, to, cfg)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			require.ErrorIs(t, err, clientele.ErrInvalid)
			require.Error(t, err2)
			return
		}
		require.NoError(t, err2)
		assert.Equal(t, a, again, "the same complaints give the same analysis")

		total, open := 0, 0
		causes := map[string]int{}
		perClient := map[string][]Complaint{}
		var took []time.Duration
		for _, c := range cs {
			if d := clientele.DateOf(c.ReceivedAt); d.Before(from) || !d.Before(to) {
				continue
			}
			total++
			causes[c.Cause]++
			perClient[c.ClientID] = append(perClient[c.ClientID], c)
			if c.Status == Open {
				open++
			} else {
				took = append(took, c.ResolvedAt.Sub(c.ReceivedAt))
			}
		}
		assert.Equal(t, total, a.Total)
		assert.Equal(t, open, a.Open)
		assert.Equal(t, total-open, a.Resolved)
		sum := 0
		for i, c := range a.Causes {
			assert.Equal(t, causes[c.Cause], c.Count, c.Cause)
			sum += c.Count
			if i > 0 {
				p := a.Causes[i-1]
				assert.True(t, p.Count > c.Count || p.Count == c.Count && p.Cause < c.Cause, "Pareto order: %v then %v", p, c)
			}
		}
		assert.Equal(t, total, sum, "every complaint under one cause")
		if n := len(a.Causes); n > 0 {
			assert.Equal(t, 100.0, a.Causes[n-1].CumulativeShare)
		}
		require.Equal(t, len(took), a.Resolution.Resolved)
		assert.Equal(t, len(took) > 0, a.Resolution.Defined)
		if len(took) > 0 {
			slices.Sort(took)
			rank := func(p int) time.Duration { return took[(p*len(took)+99)/100-1] } // ceil(P/100 × N)
			assert.Equal(t, rank(50), a.Resolution.Median)
			assert.Equal(t, rank(90), a.Resolution.P90)
		}
		repeats := 0
		for id, list := range perClient {
			if len(list) >= cfg.RepeatThreshold {
				repeats++
				i := slices.IndexFunc(a.RepeatClients, func(r Repeat) bool { return r.ClientID == id })
				require.GreaterOrEqual(t, i, 0, "%s complained %d times", id, len(list))
				assert.Equal(t, len(list), a.RepeatClients[i].Count)
				assert.Len(t, a.RepeatClients[i].ComplaintIDs, len(list))
			}
		}
		assert.Len(t, a.RepeatClients, repeats)
		for i := 1; i < len(a.RepeatClients); i++ {
			p, r := a.RepeatClients[i-1], a.RepeatClients[i]
			assert.True(t, p.Count > r.Count || p.Count == r.Count && p.ClientID < r.ClientID, "order: %v then %v", p, r)
		}
	})
}

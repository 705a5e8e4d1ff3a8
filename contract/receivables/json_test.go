package receivables

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An account survives JSON, the form a host's database may keep, and
// replays to the same book.
func TestAccountJSONRoundTrip(t *testing.T) {
	books := ageingBooks(t)
	a := books[0].Account()
	raw, err := json.Marshal(a)
	require.NoError(t, err)
	var back Account
	require.NoError(t, json.Unmarshal(raw, &back))
	b, err := Open(back)
	require.NoError(t, err)
	want, err := books[0].Totals(day("2026-04-15"))
	require.NoError(t, err)
	got, err := b.Totals(day("2026-04-15"))
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Contains(t, string(raw), `"payment":{"id":"p-1","date":"2026-02-10","amount":"400.1","currency":"EUR"}`)
}

func TestAgeingJSON(t *testing.T) {
	a, err := Age(day("2026-04-15"), AgeingConfig{Edges: []int{0, 60}}, ageingBooks(t))
	require.NoError(t, err)
	raw, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"as_of":"2026-04-15","currency":"EUR",
		"buckets":[{"label":"current","from":0},{"label":"1-60","from":1,"to":60},{"label":"over 60","from":61,"open_ended":true}],
		"total":{"amounts":["99.99","250.55","933.23"],"outstanding":"1283.77","overdue":"1183.78","credit":"50","days_overdue":105},
		"clients":[
			{"client_id":"c-1","amounts":["99.99","250.55","599.9"],"outstanding":"950.44","overdue":"850.45","credit":"0","days_overdue":74},
			{"client_id":"c-2","amounts":["0","0","333.33"],"outstanding":"333.33","overdue":"333.33","credit":"50","days_overdue":105}]}`, string(raw))
}

func TestZeroReportsAreEmpty(t *testing.T) {
	var a Ageing
	assert.Zero(t, a.Len())
	_, ok := a.Find("c-1")
	assert.False(t, ok)
	for range a.Clients() {
		t.Fatal("the zero Ageing has no rows")
	}
	var p *Portfolio
	assert.Empty(t, p.Debtors(Managers{}))
	ag, err := p.Age(DefaultAgeingConfig())
	require.NoError(t, err)
	assert.Zero(t, ag.Len())
	_, err = (&Portfolio{}).Age(AgeingConfig{})
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = Collect(day("2026-01-01"), []*Book{nil})
	assert.ErrorIs(t, err, ErrInvalid)
}

// Reading one Book from many goroutines is safe (run with -race).
func TestConcurrentReads(t *testing.T) {
	books := ageingBooks(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range []string{"2026-02-09", "2026-04-15"} {
				_, err := books[0].Totals(day(d))
				assert.NoError(t, err)
				_, err = Age(day(d), DefaultAgeingConfig(), books)
				assert.NoError(t, err)
				_ = books[0].History()
			}
		}()
	}
	wg.Wait()
}

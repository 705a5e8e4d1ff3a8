package complaint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func nov(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }

// novDay is a day of November 2026, a bound of an analysed period.
func novDay(d int) clientele.Date { return clientele.NewDate(2026, time.November, d) }

var december1 = clientele.NewDate(2026, time.December, 1)

func resolved(id, clientID string, at time.Time, cause string, took time.Duration) Complaint {
	return Complaint{ID: id, ClientID: clientID, ReceivedAt: at, Cause: cause, Status: Resolved, ResolvedAt: at.Add(took)}
}

func opened(id, clientID string, at time.Time, cause string) Complaint {
	return Complaint{ID: id, ClientID: clientID, ReceivedAt: at, Cause: cause, Status: Open,
		Description: client.NewPersonal("Call Anna Petrova at +7 916 555-01-02")}
}

// november is the hand-worked month of TestAnalyzeComplaints.
func november() []Complaint {
	const day = 24 * time.Hour
	return []Complaint{
		resolved("k1", "c-1", nov(2, 9), "delivery", day),
		resolved("k2", "c-1", nov(5, 9), "delivery", 2*day),
		resolved("k3", "c-2", nov(6, 9), "billing", 4*time.Hour),
		opened("k4", "c-3", nov(10, 9), "product_quality"),
		resolved("k5", "c-1", nov(12, 9), "billing", 8*day),
		resolved("k6", "c-2", nov(15, 9), "delivery", 3*day),
		resolved("k7", "c-4", nov(20, 9), "documents", day),
		opened("k8", "c-3", nov(28, 9), "delivery"),
		resolved("k9", "c-5", time.Date(2026, 10, 30, 9, 0, 0, 0, time.UTC), "delivery", 3*day), // before the period
		opened("k10", "c-5", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), "service"),           // to is excluded
	}
}

// TestAnalyzeComplaints works November 2026 out by hand. k1..k8 fall on
// the days [1 Nov, 1 Dec): 8 complaints; k9 (30 Oct) and k10 (1 Dec) do
// not.
//
// Causes: delivery k1 k2 k6 k8 = 4 (4/8 = 50 %, cumulative 50 %); billing
// k3 k5 = 2 (25 %, 75 %); documents k7 = 1 and product_quality k4 = 1
// (12.5 % each; the tie goes by name, documents first: 87.5 %, 100 %).
//
// Open: k4, k8 = 2; resolved 6, taking 24 h, 48 h, 4 h, 192 h, 72 h, 24 h;
// sorted 4 24 24 48 72 192 h. Nearest-rank median: rank ceil(0.5·6) = 3
// -> 24 h; 90th percentile: rank ceil(0.9·6) = ceil(5.4) = 6 -> 192 h.
//
// Repeats (threshold 2): c-1 k1 k2 k5 = 3; c-2 k3 k6 = 2; c-3 k4 k8 = 2;
// c-4 has one.
func TestAnalyzeComplaints(t *testing.T) {
	a, err := Analyze(november(), novDay(1), december1, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, 8, a.Total)
	assert.Equal(t, 2, a.Open)
	assert.Equal(t, 6, a.Resolved)
	assert.Equal(t, []Cause{
		{Cause: "delivery", Count: 4, Share: 50, CumulativeShare: 50},
		{Cause: "billing", Count: 2, Share: 25, CumulativeShare: 75},
		{Cause: "documents", Count: 1, Share: 12.5, CumulativeShare: 87.5},
		{Cause: "product_quality", Count: 1, Share: 12.5, CumulativeShare: 100},
	}, a.Causes)
	assert.Equal(t, Resolution{Resolved: 6, Defined: true, Median: 24 * time.Hour, P90: 192 * time.Hour}, a.Resolution)
	assert.Equal(t, []Repeat{
		{ClientID: "c-1", Count: 3, ComplaintIDs: []string{"k1", "k2", "k5"}},
		{ClientID: "c-2", Count: 2, ComplaintIDs: []string{"k3", "k6"}},
		{ClientID: "c-3", Count: 2, ComplaintIDs: []string{"k4", "k8"}},
	}, a.RepeatClients)

	cfg := DefaultConfig()
	cfg.RepeatThreshold = 3
	a, err = Analyze(november(), novDay(1), december1, cfg)
	require.NoError(t, err)
	assert.Equal(t, []Repeat{{ClientID: "c-1", Count: 3, ComplaintIDs: []string{"k1", "k2", "k5"}}}, a.RepeatClients)
}

// TestAnalyzeCountsDaysInTheirOwnZone: a period is days, and a complaint
// falls on the day its time shows where it was logged.
func TestAnalyzeCountsDaysInTheirOwnZone(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	cs := []Complaint{
		opened("k1", "c", time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC), "service"), // 30 Nov: in
		opened("k2", "c", time.Date(2026, 12, 1, 1, 0, 0, 0, msk), "service"),         // 1 Dec in Moscow (30 Nov 22:00 UTC): out
		opened("k3", "c", time.Date(2026, 11, 1, 0, 30, 0, 0, msk), "service"),        // 1 Nov in Moscow (31 Oct UTC): in
	}
	a, err := Analyze(cs, novDay(1), december1, DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, 2, a.Total)
	assert.Equal(t, []Repeat{{ClientID: "c", Count: 2, ComplaintIDs: []string{"k3", "k1"}}}, a.RepeatClients)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"from":"2026-11-01","to":"2026-12-01"`)
}

// TestComplaintPercentilesWikipedia runs the nearest-rank examples of
// Wikipedia's "Percentile" article through the resolution statistics:
// resolution times of 15, 20, 35, 40, 50 hours have median 35 h (rank
// ceil(2.5) = 3) and 90th percentile 50 h (rank ceil(4.5) = 5); for
// 3, 6, 7, 8, 8, 10, 13, 15, 16, 20 the 50th is 8 (rank 5) and the 90th
// 16 (rank 9).
func TestComplaintPercentilesWikipedia(t *testing.T) {
	for _, c := range []struct {
		hours       []int
		median, p90 int
	}{
		{[]int{50, 15, 40, 20, 35}, 35, 50},
		{[]int{3, 6, 7, 8, 8, 10, 13, 15, 16, 20}, 8, 16},
	} {
		var cs []Complaint
		for i, h := range c.hours {
			cs = append(cs, resolved(fmt.Sprintf("k%d", i), "c", nov(2, 0), "delivery", time.Duration(h)*time.Hour))
		}
		a, err := Analyze(cs, novDay(1), novDay(30), DefaultConfig())
		require.NoError(t, err)
		assert.Equal(t, time.Duration(c.median)*time.Hour, a.Resolution.Median, "%v", c.hours)
		assert.Equal(t, time.Duration(c.p90)*time.Hour, a.Resolution.P90, "%v", c.hours)
	}
}

func TestAnalyzeComplaintsEmptyAndOpen(t *testing.T) {
	a, err := Analyze(nil, novDay(1), novDay(30), DefaultConfig())
	require.NoError(t, err, "no complaint is good news, not an error")
	assert.Zero(t, a.Total)
	assert.Empty(t, a.Causes)
	assert.False(t, a.Resolution.Defined)

	a, err = Analyze([]Complaint{opened("k1", "c", nov(3, 0), "service")}, novDay(1), novDay(30), DefaultConfig())
	require.NoError(t, err)
	assert.Equal(t, Resolution{}, a.Resolution, "nothing resolved: no median, said so by Defined")
	assert.Equal(t, 1, a.Open)

	// Free labels when no cause list is configured.
	a, err = Analyze([]Complaint{opened("k1", "c", nov(3, 0), "rude driver")}, novDay(1), novDay(30), Config{RepeatThreshold: 2})
	require.NoError(t, err)
	assert.Equal(t, "rude driver", a.Causes[0].Cause)
}

func TestComplaintValidate(t *testing.T) {
	require.NoError(t, opened("k1", "c", nov(3, 0), "service").Validate())

	cases := []struct {
		c    Complaint
		want []string
	}{
		{Complaint{}, []string{"id: is required", "client_id: is required", "received_at: is required", "cause: is required", "status: is required (open or resolved)"}},
		{Complaint{ID: "k", ClientID: "c", ReceivedAt: nov(5, 0), Cause: "x", Status: Resolved},
			[]string{"resolved_at: is required for a resolved complaint"}},
		{Complaint{ID: "k", ClientID: "c", ReceivedAt: nov(5, 0), Cause: "x", Status: Resolved, ResolvedAt: nov(4, 0)},
			[]string{"resolved_at = 2026-11-04T00:00:00Z: is before the time it was received 2026-11-05T00:00:00Z"}},
		// A resolution time past time.Duration's 292 years would be
		// clamped to it by Sub, so the median would be a wrong number.
		{Complaint{ID: "k", ClientID: "c", ReceivedAt: nov(5, 0), Cause: "x", Status: Resolved, ResolvedAt: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)},
			[]string{"resolved_at = 9999-01-01T00:00:00Z: is more than 292 years after the time it was received 2026-11-05T00:00:00Z"}},
		{Complaint{ID: "k", ClientID: "c", ReceivedAt: nov(5, 0), Cause: "x", Status: Open, ResolvedAt: nov(6, 0)},
			[]string{"resolved_at = 2026-11-06T00:00:00Z: an open complaint has no resolution date"}},
		{Complaint{ID: "k", ClientID: "c", ReceivedAt: nov(5, 0), Cause: "a\tb", Status: Status(7)},
			[]string{`cause = "a\tb": must be printable UTF-8`, "status = Status(7): unknown status"}},
	}
	for _, c := range cases {
		err := c.c.Validate()
		require.ErrorIs(t, err, ErrInvalid)
		for _, w := range c.want {
			assert.Contains(t, err.Error(), w)
		}
	}
}

func TestComplaintResolve(t *testing.T) {
	c := opened("k1", "c", nov(3, 0), "service")
	err := c.Resolve(nov(2, 0))
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, `resolved_at = 2026-11-02T00:00:00Z: complaint "k1": must not be before the time it was received`)
	assert.Equal(t, Open, c.Status, "a refused resolution changes nothing")
	assert.ErrorContains(t, c.Resolve(time.Time{}), `resolved_at: complaint "k1": is required`)

	require.NoError(t, c.Resolve(nov(4, 0)))
	assert.Equal(t, Resolved, c.Status)
	assert.Equal(t, nov(4, 0), c.ResolvedAt)
	require.NoError(t, c.Validate())
	assert.ErrorIs(t, c.Resolve(nov(5, 0)), ErrInvalidTransition)
}

func TestAnalyzeComplaintsErrors(t *testing.T) {
	cs := november()
	cs[2].Cause = "weather"
	cs[5].ID = "k1"
	cs[9].ResolvedAt = nov(1, 0) // outside the period, still checked
	_, err := Analyze(cs, novDay(30), novDay(1), Config{Causes: []string{"delivery", "delivery", ""}, RepeatThreshold: 1})
	require.ErrorIs(t, err, ErrInvalid)
	for _, want := range []string{
		"config.causes[1] = delivery: is repeated",
		"config.causes[2]: is required",
		"config.repeat_threshold = 1: must be within 2..1000",
		"period = [2026-11-30, 2026-11-01): from must be before to",
		`complaints[2].cause = weather: complaint "k3": is not one of the configured causes [delivery delivery ]`,
		"complaints[9].resolved_at = 2026-11-01T00:00:00Z: an open complaint has no resolution date",
		"complaints[5].id = k1: repeats complaints[0]: each id appears once",
	} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = Analyze(nil, clientele.Date{}, novDay(1), DefaultConfig())
	assert.ErrorContains(t, err, "period: from and to are required")
	_, err = Analyze(nil, novDay(1), novDay(31), DefaultConfig())
	assert.EqualError(t, err, "complaint: invalid input: period.to: is not a calendar date in years 1-9999")
}

func TestComplaintDescriptionNeverPrints(t *testing.T) {
	c := opened("k1", "c", nov(3, 0), "service")
	js, err := json.Marshal(c)
	require.NoError(t, err)
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("complaint", "c", c)
	for _, out := range []string{fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), string(js), logs.String()} {
		assert.NotContains(t, out, "Anna")
		assert.NotContains(t, out, "555-01-02")
	}
	assert.Contains(t, string(js), `"description":"[redacted]"`)

	bad := c
	bad.Description = client.NewPersonal(string([]byte{0xff, 'A', 'n', 'n', 'a'}))
	err = bad.Validate()
	assert.ErrorContains(t, err, "description = [redacted]: must be UTF-8 text")
	assert.NotContains(t, err.Error(), "Anna")
}

func TestComplaintStatusText(t *testing.T) {
	var s Status
	require.NoError(t, json.Unmarshal([]byte(`"resolved"`), &s))
	assert.Equal(t, Resolved, s)
	assert.ErrorContains(t, json.Unmarshal([]byte(`"closed"`), &s), `unknown complaint status "closed"`)
	_, err := json.Marshal(Status(0))
	assert.Error(t, err)
}

func TestAnalyzeComplaintsCapsListedProblems(t *testing.T) {
	// 250 complaints without status, all with the same ID: 250 + 249.
	cs := make([]Complaint, 250)
	for i := range cs {
		cs[i] = Complaint{ID: "k", ClientID: "c", ReceivedAt: nov(2, 0), Cause: "delivery"}
	}
	_, err := Analyze(cs, novDay(1), novDay(30), DefaultConfig())
	requireCapped(t, err, "complaints", 499)
}

func TestComplaintConfigCapsListedProblems(t *testing.T) {
	// 250 blank causes: each is required (250) and repeats the first (249).
	cfg := Config{Causes: make([]string, 250), RepeatThreshold: 2}
	requireCapped(t, cfg.Validate(), "causes", 499)
}

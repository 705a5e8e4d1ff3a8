package segment

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/internal/synthetic"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var ruleAsOf = clientele.NewDate(2026, time.November, 26)

// ruleHist is a history with its first and last orders the given
// calendar days before ruleAsOf.
func ruleHist(id string, firstDaysAgo, lastDaysAgo, orders int) client.History {
	return client.History{ClientID: id, Orders: orders, Total: decimal.NewFromInt(100),
		FirstOrder: ruleAsOf.AddDays(-firstDaysAgo), LastOrder: ruleAsOf.AddDays(-lastDaysAgo)}
}

func ruleBase() ([]client.Client, []client.History) {
	clients := []client.Client{
		{ID: "c-vostok", Kind: client.KindCompany, DisplayName: "Vostok", VIP: true, KeyAccount: true,
			Region: "Moscow", Industry: "retail", Tags: []string{"wholesale"}, Status: client.StatusActive},
		{ID: "i-anna", Kind: client.KindIndividual, PersonName: client.NewPersonal("Anna Petrova"), Region: "Tver", Status: client.StatusActive},
		{ID: "e-ivan", Kind: client.KindEntrepreneur, PersonName: client.NewPersonal("Ivan Sidorov"), Status: client.StatusProspect},
	}
	histories := []client.History{
		{ClientID: "e-ivan"},
		ruleHist("i-anna", 30, 5, 2),
		ruleHist("c-vostok", 400, 75, 14),
	}
	return clients, histories
}

// TestDefaultRuleSegments works the default segments out by hand:
// Vostok is a VIP key-account company whose last order was 75 days ago
// (75 >= 60: dormant) and first 400 days ago (not < 90: not new); Anna is
// an individual whose first order was 30 days ago (30 < 90: new) and last
// 5 days ago (5 < 60: not dormant); Ivan is an entrepreneur (B2B) who
// never ordered: neither new nor dormant.
func TestDefaultRuleSegments(t *testing.T) {
	clients, histories := ruleBase()
	res, err := Assign(clients, histories, ruleAsOf, DefaultConfig())
	require.NoError(t, err)
	require.Len(t, res, 3)

	assert.Equal(t, "c-vostok", res[0].ClientID)
	assert.Equal(t, []string{"b2b", "vip", "key_accounts", "dormant", "key_accounts_dormant"}, res[0].Segments)
	assert.Equal(t, []string{"b2c", "new"}, res[1].Segments)
	assert.Equal(t, []string{"b2b"}, res[2].Segments)

	require.Len(t, res[0].Verdicts, 7, "every segment has a verdict, member or not")
	assert.Equal(t, Verdict{Segment: "dormant", Member: true, Checks: []Check{{
		Condition: Condition{Kind: Dormant, Days: 60}, Held: true,
		Reason: "last order 75 days before as-of, 60 or more",
	}}}, res[0].Verdicts[5])
	assert.Equal(t, "first order 400 days before as-of, not less than 90", res[0].Verdicts[4].Checks[0].Reason)
	assert.Equal(t, "has no orders: a prospect, not a new client", res[2].Verdicts[4].Checks[0].Reason)
	assert.Equal(t, "has no orders: never active, so not dormant", res[2].Verdicts[5].Checks[0].Reason)
	assert.Equal(t, "kind entrepreneur buys as a business (B2B)", res[2].Verdicts[0].Checks[0].Reason)
}

// TestRuleDayBoundaries pins the windows: new is "less than N calendar
// days since the first order", dormant "N or more calendar days since the
// last" (ERPNext's Inactive Customers report keeps a customer when
// days_since_last_order >= the filter, default 60). Days are calendar
// days: the first order on 28 August is 90 days before 26 November,
// whatever the hours of either.
func TestRuleDayBoundaries(t *testing.T) {
	cl := client.Client{ID: "c", Kind: client.KindCompany, Status: client.StatusActive}
	cfg := Config{Segments: []Rule{
		{Name: "new", Conditions: []Condition{{Kind: NewClient, Days: 90}}},
		{Name: "dormant", Conditions: []Condition{{Kind: Dormant, Days: 60}}},
	}}
	cases := []struct {
		first, last clientele.Date
		want        []string
	}{
		{clientele.MustParseDate("2026-08-28"), clientele.MustParseDate("2026-09-27"), []string{"dormant"}}, // 90 d: not new; 60 d: dormant
		{clientele.MustParseDate("2026-08-29"), clientele.MustParseDate("2026-09-28"), []string{"new"}},     // 89 d, 59 d
		{ruleAsOf, ruleAsOf, []string{"new"}}, // ordered on the as-of day: 0 days
	}
	for _, c := range cases {
		h := client.History{ClientID: "c", Orders: 2, FirstOrder: c.first, LastOrder: c.last, Total: decimal.Zero}
		res, err := cfg.Evaluate(cl, h, ruleAsOf)
		require.NoError(t, err)
		assert.Equal(t, c.want, res.Segments, "first %v, last %v", c.first, c.last)
	}
}

func TestRuleConditions(t *testing.T) {
	clients, histories := ruleBase()
	cfg := Config{Segments: []Rule{
		{Name: "b2b_not_key", Conditions: []Condition{{Kind: B2B}, {Kind: KeyAccount, Not: true}}},
		{Name: "central", Conditions: []Condition{{Kind: Region, Values: []string{"Moscow", "Tver"}}}},
		{Name: "retail_wholesale", Conditions: []Condition{
			{Kind: Industry, Values: []string{"retail"}}, {Kind: Tag, Values: []string{"wholesale", "export"}}}},
		{Name: "pipeline", Conditions: []Condition{{Kind: Status, Values: []string{"prospect", "dormant"}}}},
		{Name: "regular_not_vip", Conditions: []Condition{{Kind: VIP, Not: true}, {Kind: Dormant, Days: 30, Not: true}}},
	}}
	res, err := Assign(clients, histories, ruleAsOf, cfg)
	require.NoError(t, err)
	// Vostok: B2B but a key account; Moscow; retail with tag wholesale; active; VIP.
	assert.Equal(t, []string{"central", "retail_wholesale"}, res[0].Segments)
	// Anna: B2C; Tver; no industry, no tags; active; not VIP, last order 5 days ago (not dormant at 30).
	assert.Equal(t, []string{"central", "regular_not_vip"}, res[1].Segments)
	// Ivan: B2B, not a key account; no region; a prospect; not VIP and never ordered (so not dormant).
	assert.Equal(t, []string{"b2b_not_key", "pipeline", "regular_not_vip"}, res[2].Segments)

	key := res[0].Verdicts[0].Checks[1]
	assert.False(t, key.Held, "not key_account fails for a key account")
	assert.Equal(t, "is a key account", key.Reason, "the reason states the fact; the condition carries the negation")
	assert.Equal(t, "not key_account", key.Condition.String())
	assert.Equal(t, `region "" is not in [Moscow Tver]`, res[2].Verdicts[1].Checks[0].Reason)
	assert.Equal(t, `tag "wholesale" is in [wholesale export]`, res[0].Verdicts[2].Checks[1].Reason)
	assert.Equal(t, `tags []: none is in [wholesale export]`, res[1].Verdicts[2].Checks[1].Reason)
	assert.Equal(t, `status "prospect" is in [prospect dormant]`, res[2].Verdicts[3].Checks[0].Reason)
	assert.Equal(t, "not dormant 30 days", res[1].Verdicts[4].Checks[1].Condition.String())
}

func TestRuleSegmentConfigValidate(t *testing.T) {
	require.NoError(t, DefaultConfig().Validate())

	err := Config{}.Validate()
	assert.ErrorContains(t, err, "segments: must list at least one segment")

	err = Config{Segments: []Rule{
		{Name: "a", Conditions: []Condition{{Kind: NewClient}, {Kind: Dormant, Days: -3}, {Kind: VIP, Days: 5}}},
		{Name: "a", Conditions: []Condition{{Kind: ConditionKind(42)}, {}}},
		{Name: " "},
		{Name: "r", Conditions: []Condition{
			{Kind: Region}, {Kind: Tag, Values: []string{"x", "", "x"}},
			{Kind: Status, Values: []string{"sleeping"}}, {Kind: B2B, Values: []string{"y"}},
			{Kind: Dormant, Days: 36501},
		}},
	}}.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	for _, want := range []string{
		"segments[0].conditions[0].days: is required for new",
		"segments[0].conditions[1].days = -3: must be within 1..36500",
		"segments[0].conditions[2].days = 5: applies only to new and dormant, not to vip",
		"segments[1].name = a: repeats segments[0].name: segment names are unique",
		"segments[1].conditions[0].kind = ConditionKind(42): unknown condition kind (want one of [b2b b2c vip key_account new dormant region industry tag status])",
		"segments[1].conditions[1].kind: unknown condition kind",
		"segments[2].name: is required",
		"segments[2].conditions: must list at least one condition",
		"segments[3].conditions[0].values: must list at least one region",
		"segments[3].conditions[1].values[1]: must not be blank",
		"segments[3].conditions[1].values[2] = x: is repeated",
		`segments[3].conditions[2].values[0] = sleeping: unknown client status "sleeping"`,
		"segments[3].conditions[3].values = [y]: apply only to region, industry, tag and status, not to b2b",
		"segments[3].conditions[4].days = 36501: must be within 1..36500",
	} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestRuleSegmentInputErrors(t *testing.T) {
	clients, histories := ruleBase()
	cfg := DefaultConfig()

	_, err := Assign(nil, nil, ruleAsOf, cfg)
	assert.ErrorContains(t, err, "clients: the client base is empty")

	bad := append([]client.Client(nil), clients...)
	bad = append(bad, client.Client{ID: "i-anna", Kind: client.KindIndividual, Status: client.StatusActive}, client.Client{ID: "x"})
	late := ruleHist("c-vostok", 10, 0, 1)
	late.LastOrder = ruleAsOf.AddDays(1)
	_, err = Assign(bad, []client.History{histories[0], histories[1], late, {ClientID: "ghost"}}, clientele.Date{}, cfg)
	require.ErrorIs(t, err, ErrInvalid)
	for _, want := range []string{
		"as_of: is required",
		`clients[4].kind: client "x": is required (individual, entrepreneur or company)`,
		`clients[4].status: client "x": is required`,
		"clients[3].id = i-anna: repeats clients[1]: each id appears once",
		"clients[4] = x: has no history (pass one with orders 0 for a client that never ordered)",
		"histories[3].client_id = ghost: is not in the client base",
	} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = Assign(clients, []client.History{histories[0], histories[1], late}, ruleAsOf, cfg)
	assert.ErrorContains(t, err, `histories[2].last_order = 2026-11-27: client "c-vostok": is after the as-of date 2026-11-26`)
	_, err = cfg.Evaluate(clients[0], histories[2], clientele.NewDate(2026, time.November, 31))
	assert.ErrorContains(t, err, "as_of: is not a calendar date in years 1-9999")

	_, err = cfg.Evaluate(clients[0], histories[1], ruleAsOf)
	assert.ErrorContains(t, err, `history.client_id = i-anna: is not the client's ID "c-vostok"`)
	_, err = Config{}.Evaluate(clients[0], client.History{ClientID: "c-vostok"}, ruleAsOf)
	assert.ErrorContains(t, err, "config.segments: must list at least one segment")
}

func TestRuleSegmentConfigJSON(t *testing.T) {
	var cfg Config
	require.NoError(t, json.Unmarshal([]byte(`{"segments":[
		{"name":"quiet_vips","conditions":[{"kind":"vip"},{"kind":"dormant","days":45}]},
		{"name":"outside_moscow","conditions":[{"kind":"region","not":true,"values":["Moscow"]}]}]}`), &cfg))
	require.NoError(t, cfg.Validate())
	assert.Equal(t, Condition{Kind: Region, Not: true, Values: []string{"Moscow"}}, cfg.Segments[1].Conditions[0])

	err := json.Unmarshal([]byte(`{"segments":[{"name":"x","conditions":[{"kind":"vipp"}]}]}`), &cfg)
	assert.ErrorContains(t, err, `unknown rule condition kind "vipp"`)

	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	var back Config
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DefaultConfig(), back)
}

// FuzzRuleSegmentConfig loads arbitrary JSON; whatever validates places
// a client in a subset of its own segments, without error.
func FuzzRuleSegmentConfig(f *testing.F) {
	def, _ := json.Marshal(DefaultConfig())
	f.Add(def)
	f.Add([]byte(`{"segments":[{"name":"x","conditions":[{"kind":"status","values":["active"]}]}]}`))
	f.Add([]byte(`{"segments":[{"name":"x","conditions":[{"kind":"new","days":0}]}]}`))
	clients, histories := ruleBase()
	f.Fuzz(func(t *testing.T, data []byte) {
		var cfg Config
		if json.Unmarshal(data, &cfg) != nil || cfg.Validate() != nil {
			return
		}
		res, err := Assign(clients, histories, ruleAsOf, cfg)
		require.NoError(t, err)
		for _, r := range res {
			require.Len(t, r.Verdicts, len(cfg.Segments))
			var members []string
			for i, v := range r.Verdicts {
				require.Equal(t, cfg.Segments[i].Name, v.Segment)
				held := true
				for _, c := range v.Checks {
					held = held && c.Held
				}
				require.Equal(t, held, v.Member, "a member meets every condition")
				if v.Member {
					members = append(members, v.Segment)
				}
			}
			require.Equal(t, members, append([]string(nil), r.Segments...))
		}
	})
}

func BenchmarkRuleSegments(b *testing.B) {
	hs, asOf := synthetic.Histories(100_000)
	clients := make([]client.Client, len(hs))
	kinds := []client.Kind{client.KindIndividual, client.KindEntrepreneur, client.KindCompany}
	for i := range clients {
		clients[i] = client.Client{ID: hs[i].ClientID, Kind: kinds[i%3], VIP: i%50 == 0, KeyAccount: i%100 == 0,
			Region: []string{"Moscow", "Tver", "Kazan"}[i%3], Status: client.StatusActive}
	}
	cfg := DefaultConfig()
	b.Run("clients=100000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Assign(clients, hs, asOf, cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestRuleSegmentsCapsListedProblems(t *testing.T) {
	// 250 clients without kind or status: 2 problems each, and no history
	// for any of them: 3 × 250 = 750 problems.
	clients := make([]client.Client, 250)
	for i := range clients {
		clients[i] = client.Client{ID: fmt.Sprintf("c%d", i)}
	}
	_, err := Assign(clients, nil, ruleAsOf, DefaultConfig())
	requireCapped(t, err, "clients", 750)
}

func TestRuleSegmentConfigCapsListedProblems(t *testing.T) {
	// 250 segments without conditions, all named "x": 250 + 249 problems.
	segs := make([]Rule, 250)
	for i := range segs {
		segs[i] = Rule{Name: "x"}
	}
	requireCapped(t, Config{Segments: segs}.Validate(), "segments", 499)
}

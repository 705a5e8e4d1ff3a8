package keyclients

import (
	"github.com/shopspring/decimal"

	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/pareto"
	"github.com/clientele-go/clientele/internal/validate"
)

// Config sets the key-client rule.
type Config struct {
	// Measure is what the key clients bring. Default profit, the
	// article's measure.
	Measure abc.Measure `json:"measure"`
	// SharePct is the share, in percent points, that the key clients
	// together must bring MORE than. Default 50. It must lie in 0..100,
	// 100 excluded (no group brings more than everything).
	SharePct decimal.Decimal `json:"share_pct"`
}

// DefaultConfig encodes the article's rule: "in many companies a
// few key clients bring more than 50% of the profit".
func DefaultConfig() Config {
	return Config{Measure: abc.ByProfit, SharePct: decimal.NewFromInt(50)}
}

// Validate reports every problem with the config at once.
func (c Config) Validate() error {
	var p validate.Problems
	if !c.Measure.IsValid() {
		p.Add("measure", c.Measure, "unknown measure (want revenue or profit)")
	}
	if p.CheckRange("share_pct", c.SharePct) && (c.SharePct.Sign() < 0 || c.SharePct.GreaterThanOrEqual(decimal.NewFromInt(100))) {
		p.Add("share_pct", c.SharePct, "must be a percentage from 0 up to, not including, 100")
	}
	return p.Err(ErrInvalid)
}

// Key is one key client.
type Key struct {
	// Rank is the client's place by value, 1 for the largest; equal
	// values are ranked by ClientID.
	Rank     int             `json:"rank"`
	ClientID string          `json:"client_id"`
	Value    decimal.Decimal `json:"value"`
	// SharePct and CumulativePct are shares of Total, float64 for display
	// only; membership was decided exactly.
	SharePct      float64 `json:"share_pct"`
	CumulativePct float64 `json:"cumulative_pct"`
}

// Result lists the key clients and what they hold.
type Result struct {
	Config Config `json:"config"`
	// Keys are the key clients in rank order.
	Keys []Key `json:"keys"`
	// Clients is how many clients were considered.
	Clients int `json:"clients"`
	// KeyValue is the exact sum of the key clients' values.
	KeyValue decimal.Decimal `json:"key_value"`
	// Total is the sum of the positive values, the 100 % (see Find).
	Total decimal.Decimal `json:"total"`
	// Cut is Total × SharePct / 100: KeyValue is more than Cut, and the
	// key clients but the last are not.
	Cut decimal.Decimal `json:"cut"`
	// SharePct is KeyValue / Total × 100, for display.
	SharePct float64 `json:"share_pct"`
	// NetTotal is the sum of all values, losses included.
	NetTotal decimal.Decimal `json:"net_total"`
	// NetSharePct is KeyValue / NetTotal × 100, for display; nil (JSON
	// null) when NetTotal is not positive and the share is undefined.
	NetSharePct *float64 `json:"net_share_pct"`
	// TieAtBoundary is true when the first client left out has the same
	// value as the last key client: the set is then one of several
	// smallest sets, chosen by client ID.
	TieAtBoundary bool `json:"tie_at_boundary"`
}

// MarkKeyAccounts sets KeyAccount on each client: true for the key
// clients, false for the others. It returns how many were marked true.
// Persist the changed records through the Store.
func (r Result) MarkKeyAccounts(clients []client.Client) int {
	keys := make(map[string]struct{}, len(r.Keys))
	for _, k := range r.Keys {
		keys[k.ClientID] = struct{}{}
	}
	n := 0
	for i := range clients {
		_, key := keys[clients[i].ID]
		clients[i].KeyAccount = key
		if key {
			n++
		}
	}
	return n
}

// Find finds the key clients: the smallest set of clients whose
// combined value (profit by default) is more than cfg.SharePct of the
// total. Taking clients from the largest value down gives a smallest
// such set; among clients of equal value the lower ID goes first, and
// TieAtBoundary says when that choice mattered.
//
// "Total" is the sum of the positive values. A loss-making client never
// helps a set reach its share, so it is never a key client, and it does not
// shrink the total either: with net profit as the 100 %, a few large
// losses would make "more than 50 %" reachable by fewer clients, or
// unreachable, and a net total of zero or below would leave no rule at
// all. The net total and the key clients' share of it are reported
// beside, for the manager's information.
//
// The decision is exact, as in ABC: the cumulative total of whole units is
// compared with floor(Total × SharePct / 100).
//
// Errors (ErrInvalid, every problem listed, the config's with the
// input's): an invalid cfg; no clients; an empty or repeated client ID; a
// negative revenue; a revenue or profit out of range; no client with a
// positive value (the total is not positive, so no share exists).
func Find(totals []abc.Totals, cfg Config) (Result, error) {
	rk, err := pareto.Rank(totals, func(t *abc.Totals) pareto.Fields {
		return pareto.Fields{ID: t.ClientID, Revenue: t.Revenue, Profit: t.Profit}
	}, cfg.Measure == abc.ByProfit, cfg.Measure.String(), cfg.Validate(), ErrInvalid)
	if err != nil {
		return Result{}, err
	}
	a := &rk.Amounts
	exp := a.Exp()
	frac := cfg.SharePct.Shift(-2)
	floorCut, _ := rk.Positive.MulFloorCeil(frac)
	res := Result{
		Config:   cfg,
		Clients:  len(totals),
		Total:    rk.Positive.Decimal(exp),
		NetTotal: rk.Positive.Decimal(exp).Add(rk.Negative.Decimal(exp)),
	}
	res.Cut = res.Total.Mul(frac)
	totalF := rk.Positive.Float64()
	var cum exactsum.Acc
	for r, idx := range rk.Order {
		i := int(idx)
		cum.Add(a, i)
		res.Keys = append(res.Keys, Key{
			Rank:          r + 1,
			ClientID:      totals[i].ClientID,
			Value:         cfg.Measure.Of(&totals[i]),
			SharePct:      a.Float64(i) / totalF * 100,
			CumulativePct: cum.Float64() / totalF * 100,
		})
		if cum.Cmp(floorCut) > 0 {
			// cum > Total × SharePct/100 exactly: the loop always ends
			// here, because the positive total exceeds any share < 100 %.
			if r+1 < len(rk.Order) {
				res.TieAtBoundary = a.Cmp(i, int(rk.Order[r+1])) == 0
			}
			break
		}
	}
	res.KeyValue = cum.Decimal(exp)
	res.SharePct = cum.Float64() / totalF * 100
	if res.NetTotal.Sign() > 0 {
		net := rk.Positive
		net.AddAcc(rk.Negative)
		share := cum.Float64() / net.Float64() * 100
		res.NetSharePct = &share
	}
	return res, nil
}

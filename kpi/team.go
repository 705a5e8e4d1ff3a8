package kpi

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// Ranked is a scorecard with its place in the team: 1 is the best
// overall score; equal scores share a place (1, 2, 2, 4) and are listed
// by manager ID; scorecards with no overall score come last, unranked
// (Rank 0).
type Ranked struct {
	Rank      int       `json:"rank"`
	Scorecard Scorecard `json:"scorecard"`
}

// EvaluateTeam evaluates every manager over the same period and ranks
// them. Each worker's scratch space is reused from one manager to the
// next, so the team costs no allocation per activity. A team of more
// than teamChunk managers is shared among up to GOMAXPROCS goroutines,
// each with its own scratch; the result is the same whatever their
// number: each scorecard depends on its manager's inputs alone, and
// problems are reported in the managers' order. A manager ID given
// twice, or any manager's bad input, is an error naming "managers[i]"
// and the field.
func EvaluateTeam(cfg Config, team []Inputs, period Period) ([]Ranked, error) {
	e, err := newEvaluator(cfg, period)
	if err != nil {
		return nil, err
	}
	var p validate.Problems
	p.Limit("managers", validate.MaxListed)
	p.Repeats("managers", "manager_id", len(team), func(i int) string { return team[i].ManagerID })
	out := make([]Ranked, len(team))
	errs := make([]error, len(team))
	var next atomic.Int64 // the first manager of the next chunk to take
	work := func(e *evaluator) {
		for {
			end := int(next.Add(teamChunk))
			if end-teamChunk >= len(team) {
				return
			}
			for i := end - teamChunk; i < min(end, len(team)); i++ {
				out[i].Scorecard, errs[i] = e.evaluate(&team[i])
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(team)+teamChunk-1)/teamChunk) - 1 {
		we, _ := newEvaluator(cfg, period) // validated above
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(we)
		}()
	}
	work(e)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			p.Merge(fmt.Sprintf("managers[%d]", i), err)
		}
	}
	if err := p.Err(ErrInvalid); err != nil {
		return nil, err
	}
	rank(out)
	return out, nil
}

// teamChunk is how many managers a worker takes at a time: enough to
// make taking them cheap, few enough to share a team evenly.
const teamChunk = 16

// rank sorts by overall score, best first, and numbers the places. A
// scorecard is over a kilobyte: rank sorts their indices and then moves
// each scorecard once, along the cycles of the permutation, instead of
// swapping whole scorecards n log n times.
func rank(rs []Ranked) {
	order := make([]int32, len(rs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int { return rankOrder(&rs[i].Scorecard, &rs[j].Scorecard) })
	permute(rs, order)
	for i := range rs {
		o := rs[i].Scorecard.Overall
		switch {
		case !o.Valid:
			rs[i].Rank = 0
		case i > 0 && rs[i-1].Scorecard.Overall.Valid && rs[i-1].Scorecard.Overall.Decimal.Equal(o.Decimal):
			rs[i].Rank = rs[i-1].Rank
		default:
			rs[i].Rank = i + 1
		}
	}
}

// rankOrder puts scored cards first, the higher score first, then orders
// by manager ID (unique in a team, so the order is total).
func rankOrder(a, b *Scorecard) int {
	x, y := a.Overall, b.Overall
	switch {
	case x.Valid != y.Valid:
		if x.Valid {
			return -1
		}
		return 1
	case x.Valid:
		if c := y.Decimal.Cmp(x.Decimal); c != 0 {
			return c
		}
	}
	return strings.Compare(a.ManagerID, b.ManagerID)
}

// permute rearranges rs so that rs[k] holds what rs[order[k]] held,
// moving each element once (plus one per cycle); it consumes order.
func permute[T any](rs []T, order []int32) {
	for start := range order {
		if order[start] == int32(start) {
			continue
		}
		held := rs[start]
		j := start
		for {
			from := int(order[j])
			order[j] = int32(j) // placed
			if from == start {
				rs[j] = held
				break
			}
			rs[j] = rs[from]
			j = from
		}
	}
}

// TrendPoint is a manager's overall score in one period.
type TrendPoint struct {
	Period  Period              `json:"period"`
	Overall decimal.NullDecimal `json:"overall"`
}

// Trend is one manager's scorecards over consecutive periods, and the
// direction in words.
type Trend struct {
	ManagerID  string       `json:"manager_id"`
	Points     []TrendPoint `json:"points"`
	Scorecards []Scorecard  `json:"scorecards"`
	// Change is the last scored period's overall score minus the first
	// one's; null with fewer than two scored periods.
	Change  decimal.NullDecimal `json:"change"`
	Finding string              `json:"finding"`
}

// MaxTrendPeriods bounds the periods of a trend: ten years of months.
const MaxTrendPeriods = 120

// EvaluateTrend evaluates one manager over each period (usually
// consecutive months or quarters; each is validated, at most
// MaxTrendPeriods) and says how the overall score moved.
func EvaluateTrend(cfg Config, in Inputs, periods []Period) (Trend, error) {
	var p validate.Problems
	if len(periods) == 0 || len(periods) > MaxTrendPeriods {
		p.Addf("periods", len(periods), "must list 1..%d periods", MaxTrendPeriods)
		return Trend{}, p.Err(ErrInvalid)
	}
	tr := Trend{ManagerID: in.ManagerID}
	for i, period := range periods {
		s, err := Evaluate(cfg, in, period)
		if err != nil {
			p.Merge(fmt.Sprintf("periods[%d]", i), err)
			continue
		}
		tr.Points = append(tr.Points, TrendPoint{Period: period, Overall: s.Overall})
		tr.Scorecards = append(tr.Scorecards, s)
	}
	if err := p.Err(ErrInvalid); err != nil {
		return Trend{}, err
	}
	tr.describe()
	return tr, nil
}

func (tr *Trend) describe() {
	var first, last *TrendPoint
	for i := range tr.Points {
		if tr.Points[i].Overall.Valid {
			if first == nil {
				first = &tr.Points[i]
			}
			last = &tr.Points[i]
		}
	}
	if first == nil || first == last {
		tr.Finding = fmt.Sprintf("Manager %s: too few scored periods to show a trend.", tr.ManagerID)
		return
	}
	d := last.Overall.Decimal.Sub(first.Overall.Decimal)
	tr.Change = decimal.NewNullDecimal(d)
	move := "unchanged"
	switch d.Sign() {
	case 1:
		move = "up " + d.StringFixed(2) + " points"
	case -1:
		move = "down " + d.Neg().StringFixed(2) + " points"
	}
	tr.Finding = fmt.Sprintf("Manager %s: overall score went from %s (%s) to %s (%s), %s.",
		tr.ManagerID, first.Overall.Decimal.StringFixed(2), first.Period, last.Overall.Decimal.StringFixed(2), last.Period, move)
}

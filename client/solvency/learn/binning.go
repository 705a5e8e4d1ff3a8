package learn

import (
	"math"
	"slices"

	"github.com/clientele-go/clientele/internal/radix"
)

// bin is a run of sorted values: those from lo (included) up to the next
// bin's lo, with their goods and bads; for a categorical feature, a run
// of categories ordered by bad rate. fine counts the fine bins (or
// categories) it holds.
type bin struct {
	lo float64
	counts
	fine int
}

// observations are a feature's known training values, held as radix
// sort keys (see [sortKey]), and their outcomes (1 for a bad).
type observations struct {
	keys []uint64
	bads []int32
}

func (o *observations) add(v float64, bad bool) {
	b := int32(0)
	if bad {
		b = 1
	}
	o.keys, o.bads = append(o.keys, sortKey(v)), append(o.bads, b)
}

// sortKey maps a float64 to a uint64 in the same order: the sign bit
// set for a positive number, every bit flipped for a negative one.
func sortKey(v float64) uint64 {
	b := math.Float64bits(v + 0) // +0 folds −0 into 0
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

// keyValue inverts sortKey.
func keyValue(k uint64) float64 {
	if k>>63 == 1 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// fineClasses sorts the observations (a radix sort: linear in the rows)
// and cuts them into at most k bins of about equal count (quantile
// pre-bins). A cut never splits equal values, so a value heavy with ties
// makes fewer, larger bins. The result has one bin per distinct value
// when there are at most k.
func fineClasses(o observations, k int) []bin {
	keys, bads := radix.Sort(o.keys, make([]uint64, len(o.keys)), o.bads, make([]int32, len(o.bads)))
	n := len(keys)
	var out []bin
	start := 0
	for q := 1; q <= k && start < n; q++ {
		end := n * q / k
		if end <= start {
			continue
		}
		for end < n && keys[end] == keys[end-1] { // keep ties together
			end++
		}
		b := bin{lo: keyValue(keys[start]), fine: 1}
		for _, bad := range bads[start:end] {
			b.bads += int64(bad)
		}
		b.goods = int64(end-start) - b.bads
		out = append(out, b)
		start = end
	}
	return out
}

// merge turns fine bins into the coarse bins of one direction
// (ascending: the bad rate never falls from one bin to the next):
//
//  1. pool adjacent violators: a bin whose bad rate breaks the trend
//     joins the bin before it, repeatedly (the isotonic regression of the
//     bad rate, weighted by count);
//  2. a bin with no goods or no bads joins a neighbour, so that every
//     WoE is finite: never an epsilon in a zero count;
//  3. a bin below minCount rows joins a neighbour;
//  4. while more than maxBins remain, the adjacent pair whose union loses
//     the least information value joins.
//
// In steps 2 and 3 the neighbour is the one whose bad rate is nearer
// (the later one on a tie). Joining neighbours keeps the trend, since the
// union's rate lies between theirs. The result may be a single bin: the
// feature then shows no relation with the outcome in that direction.
func merge(fine []bin, ascending bool, minCount int64, maxBins int, total counts) []bin {
	bs := make([]bin, 0, len(fine))
	for _, b := range fine {
		bs = append(bs, b)
		for len(bs) > 1 && violates(bs[len(bs)-2].counts, bs[len(bs)-1].counts, ascending) {
			bs = join(bs, len(bs)-2)
		}
	}
	for len(bs) > 1 {
		i := slices.IndexFunc(bs, func(b bin) bool { return b.goods == 0 || b.bads == 0 })
		if i < 0 {
			break
		}
		bs = join(bs, nearer(bs, i))
	}
	for len(bs) > 1 {
		i := -1
		for j, b := range bs {
			if b.n() < minCount && (i < 0 || b.n() < bs[i].n()) {
				i = j
			}
		}
		if i < 0 {
			break
		}
		bs = join(bs, nearer(bs, i))
	}
	for len(bs) > maxBins {
		best, loss := 0, 0.0
		for j := 0; j+1 < len(bs); j++ {
			l := iv(bs[j].counts, total) + iv(bs[j+1].counts, total) - iv(bs[j].counts.add(bs[j+1].counts), total)
			if j == 0 || l < loss {
				best, loss = j, l
			}
		}
		bs = join(bs, best)
	}
	return bs
}

// violates reports whether b's bad rate breaks the trend after a: falls
// when ascending, rises when descending. Equal rates keep the trend.
func violates(a, b counts, ascending bool) bool {
	if ascending {
		return badRateLess(b, a)
	}
	return badRateLess(a, b)
}

// nearer returns the index of the left bin of the pair that bin i joins:
// i−1 or i, towards the neighbour whose bad rate is nearer i's.
func nearer(bs []bin, i int) int {
	switch {
	case i == 0:
		return 0
	case i == len(bs)-1:
		return i - 1
	}
	rate := func(c counts) float64 { return float64(c.bads) / float64(c.n()) }
	r := rate(bs[i].counts)
	if abs(rate(bs[i-1].counts)-r) < abs(rate(bs[i+1].counts)-r) {
		return i - 1
	}
	return i
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// join merges bins j and j+1.
func join(bs []bin, j int) []bin {
	bs[j].counts = bs[j].counts.add(bs[j+1].counts)
	bs[j].fine += bs[j+1].fine
	return slices.Delete(bs, j+1, j+2)
}

// totalIV is the information value of the bins.
func totalIV(bs []bin, total counts) float64 {
	s := 0.0
	for _, b := range bs {
		s += iv(b.counts, total)
	}
	return s
}

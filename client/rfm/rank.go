package rfm

import (
	"math/big"
	"slices"

	"github.com/clientele-go/clientele/internal/exactsum"
	"github.com/clientele-go/clientele/internal/radix"
	"github.com/shopspring/decimal"
)

// keyBands are the bands of one measure as ranges of its keys: the
// least and the greatest key of the clients with each score, and how
// many they are (0: an empty band).
type keyBands [5]struct {
	lo, hi  int64
	clients int
}

// add records the tie group of e clients with key v, which is greater
// than every key added before, in the band of its score.
func (b *keyBands) add(score int, v int64, e int) {
	x := &b[score-1]
	if x.clients == 0 {
		x.lo = v
	}
	x.hi = v
	x.clients += e
}

// group is a tie group of one measure: the clients worse than its
// value, the clients with its value, and their score. Counts are int32,
// as client indices are in the other segmentations: a base of 2^31
// clients would need hundreds of gigabytes of scores.
type group struct{ worse, equal, score int32 }

func (g group) rank() Rank { return Rank{Worse: int(g.worse), Equal: int(g.equal)} }

// ranked is one measure ranked: the tie group of every client, either
// looked up by its key in a table of the values (byKey, when counted) or
// held for each client without its score, recomputed when read (each,
// when sorted: 8 bytes a client).
type ranked struct {
	key   func(i int) int64
	lo    int64
	n     int
	byKey []group // the group of key lo+v at v
	each  []tie   // the tie of client i at i
}

// tie is a tie group without its score: 8 bytes a client.
type tie struct{ worse, equal int32 }

// at returns the tie group of client i.
func (x *ranked) at(i int) group {
	if x.each != nil {
		t := x.each[i]
		return group{worse: t.worse, equal: t.equal, score: int32(Rank{Worse: int(t.worse), Equal: int(t.equal)}.score(x.n))}
	}
	return x.byKey[x.key(i)-x.lo]
}

// countSlack is how far the keys of a measure may spread beyond the
// number of clients and still be ranked by counting (see rank).
const countSlack = 4096

// ranker ranks the measures one after another, sharing the scratch
// space of the radix sort, made on first use.
type ranker struct {
	sorted, buf []uint64
	order, obuf []int32
}

// rank ranks keys (one per client, larger is better) and returns each
// client's tie group and the bands. Keys that span at most
// N + countSlack values (days, order counts, and totals in a small
// range of units) are ranked by counting each value: one pass in client
// order, a table small enough to stay in cache, no sort. Wider keys
// (totals in cents, mostly) are radix-sorted. The keys are read through
// key (client i's at i, n clients), so a columnar input is ranked
// without a copy of its column.
func (r *ranker) rank(n int, key func(i int) int64) (ranked, keyBands) {
	lo, hi := key(0), key(0)
	for i := range n {
		k := key(i)
		lo, hi = min(lo, k), max(hi, k)
	}
	if span := uint64(hi) - uint64(lo); span < uint64(n)+countSlack {
		return rankCounted(n, key, lo, int(span)+1)
	}
	return r.rankSorted(n, key)
}

// sliceKey reads the keys of a slice.
func sliceKey(keys []int64) func(int) int64 { return func(i int) int64 { return keys[i] } }

// rankCounted ranks keys in lo..lo+span-1: it counts the clients of
// each value, so the clients worse than a value are the counts below it.
func rankCounted(n int, key func(int) int64, lo int64, span int) (ranked, keyBands) {
	g := make([]group, span)
	for i := range n {
		g[key(i)-lo].equal++
	}
	var b keyBands
	worse := 0
	for v := range g {
		if e := int(g[v].equal); e > 0 {
			score := Rank{Worse: worse, Equal: e}.score(n)
			g[v].worse, g[v].score = int32(worse), int32(score)
			b.add(score, lo+int64(v), e)
			worse += e
		}
	}
	return ranked{key: key, lo: lo, n: n, byKey: g}, b
}

// rankSorted radix-sorts the keys with their client indices, then ranks
// each run of equal keys.
func (r *ranker) rankSorted(n int, key func(int) int64) (ranked, keyBands) {
	if r.sorted == nil {
		r.sorted, r.buf = make([]uint64, n), make([]uint64, n)
		r.order, r.obuf = make([]int32, n), make([]int32, n)
	}
	for i := range n {
		r.sorted[i], r.order[i] = radix.FromInt64(key(i)), int32(i)
	}
	sorted, order := radix.Sort(r.sorted, r.buf, r.order, r.obuf)
	each := make([]tie, n)
	var b keyBands
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && sorted[hi] == sorted[lo] {
			hi++
		}
		score := Rank{Worse: lo, Equal: hi - lo}.score(n)
		t := tie{worse: int32(lo), equal: int32(hi - lo)}
		for _, i := range order[lo:hi] {
			each[i] = t
		}
		b.add(score, radix.ToInt64(sorted[lo]), hi-lo)
		lo = hi
	}
	return ranked{n: n, each: each}, b
}

// rankAll ranks the three measures: recency (minus the days) and
// frequency keys, and the monetary totals as exact integer units at one
// exponent (exactsum), and returns each client's tie groups and the
// bands. No decimal.Cmp: it allocates whenever two exponents differ.
// The recency and frequency keys of the n clients are read through
// their functions.
func rankAll(n int, recency, frequency func(int) int64, a *exactsum.Amounts) ([3]ranked, Bands) {
	var out [3]ranked
	var b Bands
	for k := range 5 {
		b.RecencyDays[k].Score, b.Frequency[k].Score, b.Monetary[k].Score = k+1, k+1, k+1
	}
	if n == 0 {
		return out, b
	}
	var r ranker
	var kb keyBands
	out[0], kb = r.rank(n, recency)
	for k, x := range kb {
		if x.clients > 0 {
			// The greatest key is the fewest days.
			b.RecencyDays[k] = Band{Score: k + 1, Clients: x.clients, Min: -x.hi, Max: -x.lo}
		}
	}
	out[1], kb = r.rank(n, frequency)
	for k, x := range kb {
		if x.clients > 0 {
			b.Frequency[k] = Band{Score: k + 1, Clients: x.clients, Min: x.lo, Max: x.hi}
		}
	}
	out[2], b.Monetary = r.rankMoney(a)
	return out, b
}

// rankMoney ranks the totals. Units that fit int64 (any total of up to
// 18 significant digits at the common exponent) are ranked like days and
// order counts; wider ones go through rankWide.
func (r *ranker) rankMoney(a *exactsum.Amounts) (ranked, [5]MoneyBand) {
	if a.Ints() == nil {
		return rankWide(a)
	}
	x, kb := r.rank(a.Len(), sliceKey(a.Ints()))
	var out [5]MoneyBand
	for k, y := range kb {
		out[k].Score = k + 1
		if y.clients > 0 {
			out[k].Clients = y.clients
			out[k].Min, out[k].Max = decimal.New(y.lo, a.Exp()), decimal.New(y.hi, a.Exp())
		}
	}
	return x, out
}

// rankWide is the exact path for monetary units too wide for int64:
// the same ranks, from a comparison sort of the big-integer units
// (exactsum compares them without allocating). The band values are
// built from the units at the common exponent, as the int64 path builds
// them, so both paths give equal results.
func rankWide(a *exactsum.Amounts) (ranked, [5]MoneyBand) {
	n := a.Len()
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, a.Cmp)
	each := make([]tie, n)
	var b keyBands // keys: positions in order
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && a.Cmp(order[hi], order[lo]) == 0 {
			hi++
		}
		score := Rank{Worse: lo, Equal: hi - lo}.score(n)
		t := tie{worse: int32(lo), equal: int32(hi - lo)}
		for _, i := range order[lo:hi] {
			each[i] = t
		}
		b.add(score, int64(lo), hi-lo)
		lo = hi
	}
	var out [5]MoneyBand
	for k, x := range b {
		out[k].Score = k + 1
		if x.clients > 0 {
			out[k].Clients = x.clients
			out[k].Min = decimal.NewFromBigInt(a.BigInt(order[x.lo], new(big.Int)), a.Exp())
			out[k].Max = decimal.NewFromBigInt(a.BigInt(order[x.hi], new(big.Int)), a.Exp())
		}
	}
	return ranked{n: n, each: each}, out
}

// Package join matches two lists of records on their client IDs, as the
// analyses that combine two inputs (ABC with XYZ, clients with their
// histories) need.
package join

import (
	"fmt"

	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// List is one side of a join on client IDs: the records List[0..N-1]
// whose field IDField holds the ID (List names them in problems).
type List struct {
	List, IDField string
	N             int
	ID            func(int) string
}

// IDs matches two lists on their IDs without a map: match[i] is the
// index in b of a's i-th ID (-1 when b lacks it), inA[j] whether b's j-th
// ID is in a. It records a problem for every ID repeated within a list,
// so the caller needs no checkRepeats of its own. Empty IDs match nothing.
//
// repeats.FirstOf over a's IDs followed by b's gives each later
// occurrence of an ID its first one: both in a is a repeat in a, both in
// b a repeat in b, and a record of b whose first occurrence is in a is
// the match of that record, unless an earlier record of b matched it
// already (then it repeats that record). One radix sort of both lists'
// IDs (repeats.FirstOf), no map: a map of a million IDs costs more than
// the work it serves.
func IDs(p *validate.Problems, a, b List) (match []int32, inA []bool) {
	first := repeats.FirstOf(a.N+b.N, func(k int) string {
		if k < a.N {
			return a.ID(k)
		}
		return b.ID(k - a.N)
	})
	for i, f := range first[:a.N] {
		if f >= 0 {
			p.Add(fmt.Sprintf("%s[%d].%s", a.List, i, a.IDField), a.ID(i), validate.RepeatReason(a.List, int(f), a.IDField))
		}
	}
	// The first a.N entries are spent: they hold the matches.
	match = first[:a.N:a.N]
	for i := range match {
		match[i] = -1
	}
	inA = make([]bool, b.N)
	for j, f := range first[a.N:] {
		switch {
		case f < 0:
		case int(f) >= a.N:
			p.Add(fmt.Sprintf("%s[%d].%s", b.List, j, b.IDField), b.ID(j), validate.RepeatReason(b.List, int(f)-a.N, b.IDField))
		case match[f] >= 0:
			p.Add(fmt.Sprintf("%s[%d].%s", b.List, j, b.IDField), b.ID(j), validate.RepeatReason(b.List, int(match[f]), b.IDField))
		default:
			match[f] = int32(j)
			inA[j] = true
		}
	}
	return match, inA
}

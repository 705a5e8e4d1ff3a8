package client

import (
	"fmt"

	"github.com/clientele-go/clientele/internal/repeats"
	"github.com/clientele-go/clientele/internal/validate"
)

// joinList is one side of a join on client IDs: the records list[0..n-1]
// whose field idField holds the ID.
type joinList struct {
	list, idField string
	n             int
	id            func(int) string
}

// joinIDs matches two lists on their IDs without a map: match[i] is the
// index in b of a's i-th ID (-1 when b lacks it), inA[j] whether b's j-th
// ID is in a. It records a problem for every ID repeated within a list,
// so the caller needs no checkRepeats of its own. Empty IDs match nothing.
//
// repeats.FirstOf over a's IDs followed by b's gives each later
// occurrence of an ID its first one: both in a is a repeat in a, both in
// b a repeat in b, and a record of b whose first occurrence is in a is
// the match of that record, unless an earlier record of b matched it
// already (then it repeats that record). One hash sort of both lists,
// linear: a map of a million IDs costs more than the work it serves.
func joinIDs(p *validate.Problems, a, b joinList) (match []int32, inA []bool) {
	first := repeats.FirstOf(a.n+b.n, func(k int) string {
		if k < a.n {
			return a.id(k)
		}
		return b.id(k - a.n)
	})
	for i, f := range first[:a.n] {
		if f >= 0 {
			p.Add(fmt.Sprintf("%s[%d].%s", a.list, i, a.idField), a.id(i), validate.RepeatReason(a.list, int(f), a.idField))
		}
	}
	// The first a.n entries are spent: they hold the matches.
	match = first[:a.n:a.n]
	for i := range match {
		match[i] = -1
	}
	inA = make([]bool, b.n)
	for j, f := range first[a.n:] {
		switch {
		case f < 0:
		case int(f) >= a.n:
			p.Add(fmt.Sprintf("%s[%d].%s", b.list, j, b.idField), b.id(j), validate.RepeatReason(b.list, int(f)-a.n, b.idField))
		case match[f] >= 0:
			p.Add(fmt.Sprintf("%s[%d].%s", b.list, j, b.idField), b.id(j), validate.RepeatReason(b.list, int(match[f]), b.idField))
		default:
			match[f] = int32(j)
			inA[j] = true
		}
	}
	return match, inA
}

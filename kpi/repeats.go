package kpi

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/validate"
)

// idSeen finds repeated IDs in one manager's deals or contracts with a
// map kept for the whole team: cleared between lists, it costs no
// allocation once grown, where validate.Problems.Repeats hashes, sorts
// and allocates anew for every list. It reports exactly what Repeats
// reports, in the same order: each repeat (empty IDs aside) with the
// index of the ID's first occurrence.
type idSeen struct {
	first   map[string]int32
	repeats []idRepeat
}

type idRepeat struct{ at, first int32 }

func (s *idSeen) reset() {
	clear(s.first)
	s.repeats = s.repeats[:0]
}

// note records the ID of list[i], in order of i.
func (s *idSeen) note(i int, id string) {
	if id == "" {
		return
	}
	if first, dup := s.first[id]; dup {
		s.repeats = append(s.repeats, idRepeat{at: int32(i), first: first})
		return
	}
	s.first[id] = int32(i)
}

// report adds a problem for every repeat noted, as Repeats words it.
func (s *idSeen) report(p *validate.Problems, list, idField string, id func(int) string) {
	for _, r := range s.repeats {
		p.Add(list+"["+strconv.Itoa(int(r.at))+"]."+idField, id(int(r.at)), validate.RepeatReason(list, int(r.first), idField))
	}
}

package kpi

import (
	"strconv"

	"github.com/clientele-go/clientele/internal/validate"
)

// idSeen finds repeated IDs in one manager's deals or contracts with an
// idTable kept for the whole team: cleared between lists, it costs a
// hash and a comparison per ID and no allocation once grown, where
// validate.Problems.Repeats hashes, sorts and allocates anew for every
// list. It reports exactly what Repeats
// reports, in the same order: each repeat (empty IDs aside) with the
// index of the ID's first occurrence.
// The zero idSeen is ready to use.
type idSeen struct {
	first   idTable // each ID's first index
	repeats []idRepeat
}

type idRepeat struct{ at, first int32 }

func (s *idSeen) reset() {
	s.first.reset()
	s.repeats = s.repeats[:0]
}

// note records the ID of list[i], in order of i.
func (s *idSeen) note(i int, id string) {
	if id == "" {
		return
	}
	first, slot := s.first.find(id)
	if first >= 0 {
		s.repeats = append(s.repeats, idRepeat{at: int32(i), first: first})
		return
	}
	s.first.add(slot, int32(i))
}

// report adds a problem for every repeat noted, as Repeats words it.
func (s *idSeen) report(p *validate.Problems, list, idField string, id func(int) string) {
	for _, r := range s.repeats {
		p.Add(list+"["+strconv.Itoa(int(r.at))+"]."+idField, id(int(r.at)), validate.RepeatReason(list, int(r.first), idField))
	}
}

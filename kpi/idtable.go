package kpi

import "hash/maphash"

// idTable maps an ID (a client's, a deal's, a contract's) to an index
// the caller keeps: an open-addressing table kept for the whole team,
// cleared slot by slot between managers, so that the 750,000 meetings
// and 280,000 deal and contract IDs of a team's year cost a hash and a
// comparison each instead of a general map's probe and insertion, and
// no allocation once grown. The hash is maphash's, seeded per table, so
// chosen IDs cannot be made to collide. The zero idTable is empty and
// grows on first use.
type idTable struct {
	seed  maphash.Seed
	slots []idSlot // a power of two long, at most half full
	used  []int32  // the slots filled, to clear them
}

type idSlot struct {
	id   string
	hash uint64
	at   int32 // the caller's index + 1; 0 for an empty slot
}

func (t *idTable) reset() {
	for _, i := range t.used {
		t.slots[i] = idSlot{}
	}
	t.used = t.used[:0]
}

// find returns the index stored for id, or -1 after reserving a slot for
// it: the caller then calls add with the slot and the index to store.
func (t *idTable) find(id string) (at int32, slot int32) {
	if t.slots == nil {
		t.seed, t.slots = maphash.MakeSeed(), make([]idSlot, 64)
	}
	h := maphash.String(t.seed, id)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.at == 0 {
			s.id, s.hash = id, h
			return -1, int32(i)
		}
		if s.hash == h && s.id == id {
			return s.at - 1, int32(i)
		}
	}
}

// add stores index at in the slot find reserved.
func (t *idTable) add(slot, at int32) {
	t.slots[slot].at = at + 1
	t.used = append(t.used, slot)
	if 2*len(t.used) > len(t.slots) {
		t.grow()
	}
}

func (t *idTable) grow() {
	old := t.slots
	t.slots = make([]idSlot, 2*len(old))
	t.used = t.used[:0]
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.at == 0 {
			continue
		}
		i := s.hash & mask
		for t.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
		t.used = append(t.used, int32(i))
	}
}

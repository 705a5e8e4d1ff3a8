package kpi

import "hash/maphash"

// clientTable maps a client ID to its place in the evaluator's meeting
// aggregates: an open-addressing table kept for the whole team, cleared
// slot by slot between managers, so that the 750,000 meetings of a
// team's year cost a hash and a comparison each instead of a general
// map's probe, and no allocation once grown.
type clientTable struct {
	seed  maphash.Seed
	slots []clientSlot // a power of two long, at most half full
	used  []int32      // the slots filled, to clear them
}

type clientSlot struct {
	client string
	hash   uint64
	at     int32 // the aggregate's index + 1; 0 for an empty slot
}

func newClientTable() clientTable {
	return clientTable{seed: maphash.MakeSeed(), slots: make([]clientSlot, 64)}
}

func (t *clientTable) reset() {
	for _, i := range t.used {
		t.slots[i] = clientSlot{}
	}
	t.used = t.used[:0]
}

// find returns the index of client's aggregate, or -1 after reserving a
// slot for it: the caller then appends the aggregate and calls add.
func (t *clientTable) find(client string) (at int32, slot int32) {
	h := maphash.String(t.seed, client)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.at == 0 {
			s.client, s.hash = client, h
			return -1, int32(i)
		}
		if s.hash == h && s.client == client {
			return s.at - 1, int32(i)
		}
	}
}

// add stores aggregate index at in the slot find reserved.
func (t *clientTable) add(slot, at int32) {
	t.slots[slot].at = at + 1
	t.used = append(t.used, slot)
	if 2*len(t.used) > len(t.slots) {
		t.grow()
	}
}

func (t *clientTable) grow() {
	old := t.slots
	t.slots = make([]clientSlot, 2*len(old))
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

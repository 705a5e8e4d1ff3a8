package kpi

import (
	"math/bits"
	"math/rand/v2"
)

// idTable maps an ID (a client's, a deal's, a contract's) to an index
// the caller keeps: an open-addressing table kept for the whole team,
// cleared slot by slot between managers, so that the 750,000 meetings
// and 280,000 deal and contract IDs of a team's year cost a hash and a
// comparison each instead of a general map's probe and insertion, and
// no allocation once grown. The hash is [hashID], seeded per table from
// the runtime's random source, so chosen IDs cannot be made to collide.
// The zero idTable is empty and grows on first use.
type idTable struct {
	seed  uint64
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
		t.seed, t.slots = rand.Uint64(), make([]idSlot, 64)
	}
	h := hashID(t.seed, id)
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

// hashID is wyhash, the runtime's own string hash where the CPU has no
// AES instructions, written out so that it inlines for the usual ID of 8
// to 16 bytes: two loads and two multiplications, against maphash's
// three calls (10 ns an ID, most of a meeting's cost). Seeded at random,
// it gives an attacker no collisions to choose, as maphash does not.
func hashID(seed uint64, s string) uint64 {
	const m1, m2, m3, m4, m5 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3, 0x589965cc75374cc3, 0x1d8e4e27c47d124f
	n := len(s)
	var a, b uint64
	seed ^= m1
	switch {
	case n >= 8 && n <= 16:
		a, b = word(s[:8]), word(s[n-8:])
	case n > 16:
		i := 0
		for ; n-i > 16; i += 16 {
			seed = mixWords(word(s[i:i+8])^m2, word(s[i+8:i+16])^seed)
		}
		a, b = word(s[n-16:n-8]), word(s[n-8:])
	case n >= 4:
		a, b = uint64(word4(s[:4])), uint64(word4(s[n-4:]))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	return mixWords(m5^uint64(n), mixWords(a^m2, b^seed^m3^m4))
}

// mixWords folds the 128-bit product of a and b into 64 bits.
func mixWords(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// word4 reads four bytes of s, little-endian.
func word4(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

package learn

import "math"

// counts are the goods and bads of a group of rows.
type counts struct{ goods, bads int64 }

func (c counts) n() int64 { return c.goods + c.bads }

func (c counts) add(o counts) counts { return counts{c.goods + o.goods, c.bads + o.bads} }

// badRateLess reports whether a's bad rate is below b's, exactly, by
// cross-multiplying (counts stay below 2³⁰, products below 2⁶⁰).
func badRateLess(a, b counts) bool { return a.bads*b.n() < b.bads*a.n() }

// woe is the weight of evidence of a group, ln(%goods / %bads) with the
// shares taken of the totals: positive where goods are over-represented
// (Siddiqi 2006, ch. 6; optbinning's WoE with event = bad). It is defined
// only when the group has goods and bads, which the binning guarantees
// for every bin (see [merge]).
func woe(c, total counts) float64 {
	return math.Log(float64(c.goods)/float64(total.goods)) - math.Log(float64(c.bads)/float64(total.bads))
}

// iv is the group's information value, (%goods − %bads)·WoE: never
// negative, the group's share of the feature's power to separate.
func iv(c, total counts) float64 {
	return (float64(c.goods)/float64(total.goods) - float64(c.bads)/float64(total.bads)) * woe(c, total)
}

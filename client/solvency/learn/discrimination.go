package learn

import (
	"math"
	"slices"
)

// Discrimination measures how well scores rank goods above bads.
//
// The zero Discrimination is no measurement (no rows).
type Discrimination struct {
	Rows  int `json:"rows"`
	Goods int `json:"goods"`
	Bads  int `json:"bads"`
	// AUC is the chance that a random good scores above a random bad,
	// ties counting half (the area under the ROC curve): 0.5 is chance,
	// 1 a perfect ranking.
	AUC float64 `json:"auc"`
	// Gini = 2·AUC − 1, the accuracy ratio.
	Gini float64 `json:"gini"`
	// KS is the Kolmogorov–Smirnov statistic: the largest gap between
	// the shares of bads and of goods scoring at or below a cut-off.
	KS float64 `json:"ks"`
}

// scored is a score and the goods and bads that have it.
type scored struct {
	score float64
	counts
}

// discriminate measures the rows; it needs goods and bads (Learn checks).
func discriminate(rows []scored) Discrimination {
	slices.SortFunc(rows, func(a, b scored) int {
		switch {
		case a.score < b.score:
			return -1
		case a.score > b.score:
			return 1
		}
		return 0
	})
	var goods, bads int64
	for _, r := range rows {
		goods, bads = goods+r.goods, bads+r.bads
	}
	d := Discrimination{Rows: int(goods + bads), Goods: int(goods), Bads: int(bads)}
	// Walk the scores upward a tie group at a time: each good in a group
	// outranks every bad below it and ties the group's bads.
	var pairs float64
	var goodsBelow, badsBelow int64
	for i := 0; i < len(rows); {
		j := i
		var g, b int64
		for ; j < len(rows) && rows[j].score == rows[i].score; j++ {
			g, b = g+rows[j].goods, b+rows[j].bads
		}
		pairs += float64(g)*float64(badsBelow) + 0.5*float64(g)*float64(b)
		goodsBelow, badsBelow = goodsBelow+g, badsBelow+b
		d.KS = math.Max(d.KS, math.Abs(float64(badsBelow)/float64(bads)-float64(goodsBelow)/float64(goods)))
		i = j
	}
	d.AUC = pairs / (float64(goods) * float64(bads))
	d.Gini = 2*d.AUC - 1
	return d
}

package career

import "github.com/shopspring/decimal"

// Income is a monthly income range of one level in one city, in
// thousand roubles. Min is null where the article gives only an upper
// figure ("up to 40"); Min equals Max where it gives a single figure.
type Income struct {
	Level int                 `json:"level"`
	City  string              `json:"city"`
	Min   decimal.NullDecimal `json:"min"`
	Max   decimal.Decimal     `json:"max"`
}

// ArticleIncomes2010s returns the article's monthly incomes by level
// and city, in thousand roubles, as EXAMPLE DATA: they are the article's
// figures of the 2010s, not current pay, and the library uses them for
// nothing. Pay depends on the number and value of closed deals; a bad
// month leaves only the base salary.
//
//	level  Moscow   St Petersburg  Yekaterinburg  Nizhny Novgorod
//	1      25-30    20-23          15-20          12-15
//	2      ≤40      ≤30            ≤25            ≤20
//	3      ≤60      ≤47            ≤38            ≤28
//	4      120      95             75             55
func ArticleIncomes2010s() []Income {
	cities := [4]string{"Moscow", "St Petersburg", "Yekaterinburg", "Nizhny Novgorod"}
	rows := [4][4][2]int64{
		{{25, 30}, {20, 23}, {15, 20}, {12, 15}},
		{{0, 40}, {0, 30}, {0, 25}, {0, 20}},
		{{0, 60}, {0, 47}, {0, 38}, {0, 28}},
		{{120, 120}, {95, 95}, {75, 75}, {55, 55}},
	}
	var out []Income
	for l, row := range rows {
		for c, r := range row {
			in := Income{Level: l + 1, City: cities[c], Max: decimal.NewFromInt(r[1])}
			if r[0] > 0 {
				in.Min = decimal.NewNullDecimal(decimal.NewFromInt(r[0]))
			}
			out = append(out, in)
		}
	}
	return out
}

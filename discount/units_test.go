package discount

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uomPriceList sells screws per piece and per box of 10, and ERPNext's
// test items: "_Test Item" (a box of 5 at 100.00) and "Item Blank UOM"
// (100.00 a piece, a box of 10).
func uomPriceList() PriceList {
	return PriceList{ID: "uom", Currency: "EUR", Items: []Item{
		{SKU: "SCREW", Group: "fasteners", Unit: "piece", UnitPrice: d("1.00"), Cost: nd("0.50"),
			Units: []Unit{{Name: "box", Factor: d("10"), UnitPrice: nd("9.00")}}},
		{SKU: "TEST", Unit: "Nos", UnitPrice: d("20"), Units: []Unit{{Name: "Box", Factor: d("5"), UnitPrice: nd("100")}}},
		{SKU: "BLANK", Unit: "Nos", UnitPrice: d("100"), Units: []Unit{{Name: "Box", Factor: d("10")}}},
	}}
}

func TestUnitsOfMeasure(t *testing.T) {
	t.Run("erpnext test_pricing_rule_for_stock_qty", func(t *testing.T) {
		// min_qty 5 in stock units, 17.5 %: one box of 5 reaches it; the
		// box's rate of 100 becomes 82.50.
		r := baseRules(FirstMatch)
		r.Volume = []VolumeRule{{Header: Header{ID: "stock-qty", Priority: 1, Scope: Scope{SKUs: []string{"TEST"}}},
			Per: PerItem, Basis: BasisQuantity, Mode: AllUnits, Tiers: []Tier{{Min: d("5"), Rate: d("17.5")}}}}
		q := mustQuote(t, uomPriceList(), r, req(LineRequest{SKU: "TEST", Quantity: d("1"), Unit: "Box"}))
		l := q.Lines[0]
		assert.Equal(t, "Box", l.Unit)
		requireDec(t, "100", l.ListPrice)
		requireDec(t, "82.5", l.NetUnitPrice)
		requireDec(t, "5", l.Adjustments[0].Basis, "the volume in stock units")
		// 4 pieces do not reach it.
		q = mustQuote(t, uomPriceList(), r, req(line("TEST", "4")))
		requireDec(t, "20", q.Lines[0].NetUnitPrice)
	})
	t.Run("erpnext test_item_price_with_blank_uom_pricing_rule", func(t *testing.T) {
		// A rule rate of 101 per Nos: 101 × 10 = 1010 for a box of 10.
		r := baseRules(BestForClient)
		r.Prices = []PriceRule{{Header: Header{ID: "rate101", Priority: 1, Scope: Scope{SKUs: []string{"BLANK"}}}, Price: nd("101")}}
		q := mustQuote(t, uomPriceList(), r, req(LineRequest{SKU: "BLANK", Quantity: d("1"), Unit: "Box"}, LineRequest{SKU: "BLANK", Quantity: d("1"), Unit: "Nos"}))
		requireDec(t, "1000", q.Lines[0].ListPrice, "10 × 100, no price of its own")
		requireDec(t, "1010", q.Lines[0].NetUnitPrice)
		requireDec(t, "101", q.Lines[1].NetUnitPrice)
		assert.Empty(t, q.Lines[1].Unit, "the item's own unit")
	})
	t.Run("amounts, floor, hints and gifts per box", func(t *testing.T) {
		r := baseRules(BestForClient)
		r.Floor.MinMarkup = nd("20") // 0.50 × 1.20 = 0.60 a piece, 6.00 a box
		r.HintWithin = nd("50")
		r.Promotions = []PromotionRule{{Header: Header{ID: "off", Priority: 1}, AmountOff: AmountOff{Amount: d("0.35"), Per: AmountPerUnit}}}
		r.Volume = []VolumeRule{{Header: Header{ID: "bulk", Priority: 2}, Per: PerItem, Basis: BasisQuantity, Mode: AllUnits,
			Tiers: []Tier{{Min: d("50"), Rate: d("40")}}}}
		r.FreeItems = []FreeItemRule{{Header: Header{ID: "gift", Priority: 1}, Buy: nd("10"), Get: d("1"), Repeat: true}}
		pl := uomPriceList()
		pl.Items = pl.Items[:1]
		q := mustQuote(t, pl, r, req(LineRequest{SKU: "SCREW", Quantity: d("3"), Unit: "box"}))
		// 0.35 off a piece is 3.50 off a box: 9.00 − 3.50 = 5.50, under
		// the box's floor of 6.00, which holds.
		l := q.Lines[0]
		requireDec(t, "6", l.NetUnitPrice)
		assert.Equal(t, []Kind{KindPromotion, KindFloor}, kindsOf(l))
		// 30 pieces of the 50 the 40 % tier needs: 20 missing, 2 boxes.
		require.Len(t, q.Hints, 1)
		requireDec(t, "2", q.Hints[0].Missing)
		assert.Equal(t, "box", q.Hints[0].Unit)
		assert.Equal(t, "Order 2 more (box) of SCREW to get 40 % (bulk).", q.Hints[0].Text("EUR"))
		// 30 pieces bought, 1 free per 10: 3 pieces free, in pieces.
		require.Len(t, q.Lines, 2)
		requireDec(t, "3", q.Lines[1].Quantity)
		assert.Empty(t, q.Lines[1].Unit)
		requireDec(t, "3", q.Lines[1].Gross)
	})
}

func TestUnitChecks(t *testing.T) {
	pl := uomPriceList()
	pl.Items[0].Units = append(pl.Items[0].Units, Unit{Name: "box", Factor: d("0")}, Unit{Name: "piece", Factor: d("2")})
	err := pl.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	for _, f := range []string{"items[0].units[1].name", "items[0].units[1].factor", "items[0].units[2].name"} {
		assert.Contains(t, err.Error(), f)
	}

	// 0.333 × 0.05 = 0.01665 a unit: finer than cents, so the unit needs
	// a price of its own.
	pl = uomPriceList()
	pl.Items[0].Units = []Unit{{Name: "third", Factor: d("0.333")}}
	_, err = Compile(pl, baseRules(BestForClient))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "price_list.items[0].units[0].unit_price")

	_, err = NewQuote(uomPriceList(), baseRules(BestForClient), req(LineRequest{SKU: "SCREW", Quantity: d("1"), Unit: "pallet"}))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "lines[0].unit = pallet")
}

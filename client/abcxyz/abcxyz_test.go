package client

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCells(t *testing.T) {
	assert.Equal(t, CellAX, CellOf(ABCClassA, XYZClassX))
	assert.Equal(t, CellBZ, CellOf(ABCClassB, XYZClassZ))
	assert.Equal(t, CellCY, CellOf(ABCClassC, XYZClassY))
	assert.Equal(t, ABCXYZCell(0), CellOf(0, XYZClassX))
	for _, c := range ABCXYZCells() {
		assert.Equal(t, c, CellOf(c.ABC(), c.XYZ()))
		assert.Equal(t, c.ABC().String()+c.XYZ().String(), c.String())
	}
	assert.Equal(t, ABCClass(0), ABCXYZCell(10).ABC())
}

func TestABCXYZ(t *testing.T) {
	// ABC by revenue: a 500 (50 %), b 300 (80 %), c 150 (95 %), d 50, e 0
	// -> a A, b A, c B, d C, e C (no value).
	abc, err := ABC(revenues("a", "500", "b", "300", "c", "150", "d", "50", "e", "0"), DefaultABCConfig())
	require.NoError(t, err)
	cfg := DefaultXYZConfig()
	cfg.MinPeriods = 3
	xyz, err := XYZ([]ClientSeries{
		series("a", "100", "100", "100"),       // CV 0 -> X
		series("b", "87", "100", "113", "100"), // CV 9.19 % -> X
		series("c", "0", "0", "30"),            // CV 141 % -> Z
		series("d", "1", "1"),                  // 2 periods: insufficient history
		series("x", "5", "5", "5"),             // not in ABC
	}, cfg)
	require.NoError(t, err)

	res, err := ABCXYZ(abc, xyz, DefaultABCXYZConfig())
	require.NoError(t, err)
	require.Len(t, res.Rows, 3)
	assert.Equal(t, ABCXYZRow{ClientID: "a", ABCRank: 1, Cell: CellAX, Treatment: DefaultABCXYZConfig().Treatments[CellAX]}, res.Rows[0])
	assert.Equal(t, CellAX, res.Rows[1].Cell)
	assert.Equal(t, CellBZ, res.Rows[2].Cell)
	assert.Equal(t, 2, res.Counts[CellAX])
	assert.Equal(t, 1, res.Counts[CellBZ])
	assert.Len(t, res.Counts, 9)
	assert.Equal(t, []ABCXYZUnplaced{{ClientID: "d", ABC: ABCClassC, XYZStatus: XYZInsufficientHistory}}, res.Unplaced)
	assert.Equal(t, []string{"e"}, res.OnlyABC)
	assert.Equal(t, []string{"x"}, res.OnlyXYZ)
}

func TestABCXYZConfig(t *testing.T) {
	require.NoError(t, DefaultABCXYZConfig().Validate())

	var c ABCXYZConfig
	require.NoError(t, json.Unmarshal([]byte(`{"treatments":{"AX":"care","AY":" ","CZ":"minimal"}}`), &c))
	err := c.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"treatments.AY", "treatments.AZ", "treatments.BX", "treatments.BY", "treatments.BZ", "treatments.CX", "treatments.CY"}, problemFields(t, err))
	assert.ErrorContains(t, err, "treatments.AZ: is missing")
	assert.ErrorContains(t, err, "treatments.AY: must not be empty")

	assert.ErrorContains(t, json.Unmarshal([]byte(`{"treatments":{"AW":"x"}}`), &c), `unknown ABC-XYZ cell "AW"`)
	c = DefaultABCXYZConfig()
	c.Treatments[ABCXYZCell(12)] = "x"
	assert.ErrorContains(t, c.Validate(), "treatments = ABCXYZCell(12): unknown cell")

	b, err := json.Marshal(DefaultABCXYZConfig())
	require.NoError(t, err)
	var back ABCXYZConfig
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DefaultABCXYZConfig(), back)
}

func TestABCXYZErrors(t *testing.T) {
	abc, err := ABC(revenues("a", "1"), DefaultABCConfig())
	require.NoError(t, err)
	_, err = ABCXYZ(ABCResult{}, XYZResult{}, DefaultABCXYZConfig())
	assert.ErrorContains(t, err, "abc.rows: is empty")

	bad := XYZResult{Rows: []XYZRow{{ClientID: "a", Status: XYZClassified}, {ClientID: "a", Status: XYZNoDemand}}}
	_, err = ABCXYZ(abc, bad, DefaultABCXYZConfig())
	assert.ErrorContains(t, err, "xyz.rows[0] = a: has status classified and class : not a valid XYZ result")
	assert.ErrorContains(t, err, "xyz.rows[1].client_id = a: repeats xyz.rows[0]")

	_, err = ABCXYZ(abc, XYZResult{}, ABCXYZConfig{})
	assert.ErrorContains(t, err, "config.treatments.AX: is missing")

	// Repeats within each result, found in the one join: b twice in ABC;
	// x twice in XYZ (not in ABC); a in ABC and twice in XYZ; missing IDs.
	twice := ABCResult{Rows: []ABCRow{{ClientID: "a", Class: ABCClassA}, {ClientID: "b", Class: ABCClassB}, {ClientID: "b", Class: ABCClassC}, {Class: ABCClassC}}}
	rows := XYZResult{Rows: []XYZRow{{ClientID: "x", Status: XYZNoDemand}, {ClientID: "a", Status: XYZNoDemand}, {ClientID: "x", Status: XYZNoDemand},
		{ClientID: "a", Status: XYZNoDemand, Class: XYZClassX}, {Status: XYZNoDemand}}}
	_, err = ABCXYZ(twice, rows, DefaultABCXYZConfig())
	for _, want := range []string{
		"abc.rows[2].client_id = b: repeats abc.rows[1]: each client_id appears once",
		"xyz.rows[2].client_id = x: repeats xyz.rows[0]",
		"xyz.rows[3].client_id = a: repeats xyz.rows[1]",
		"abc.rows[3].client_id: is required",
		"xyz.rows[4].client_id: is required",
		"xyz.rows[3] = a: has status no_demand and class X: not a valid XYZ result",
	} {
		assert.ErrorContains(t, err, want)
	}
}

// TestABCXYZAgreesWithMapJoin checks the hash-sorted join against the
// obvious one (maps), on random results where about a third of the
// clients are on one side only and a third have no XYZ class.
func TestABCXYZAgreesWithMapJoin(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	cfg := DefaultABCXYZConfig()
	for range 30 {
		var abc ABCResult
		var xyz XYZResult
		for i, k := range r.Perm(200)[:100+r.IntN(100)] {
			id := fmt.Sprintf("c%03d", k)
			if i%3 != 1 {
				abc.Rows = append(abc.Rows, ABCRow{ClientID: id, Rank: i + 1, Class: ABCClass(1 + r.IntN(3))})
			}
			if i%3 != 2 {
				row := XYZRow{ClientID: id, Status: XYZStatus(1 + r.IntN(3))}
				if row.Status == XYZClassified {
					row.Class = XYZClass(1 + r.IntN(3))
				}
				xyz.Rows = append(xyz.Rows, row)
			}
		}
		r.Shuffle(len(xyz.Rows), func(i, j int) { xyz.Rows[i], xyz.Rows[j] = xyz.Rows[j], xyz.Rows[i] })
		got, err := ABCXYZ(abc, xyz, cfg)
		require.NoError(t, err)

		want := ABCXYZResult{Counts: map[ABCXYZCell]int{}, Rows: []ABCXYZRow{}}
		for _, c := range ABCXYZCells() {
			want.Counts[c] = 0
		}
		byID := map[string]XYZRow{}
		for _, x := range xyz.Rows {
			byID[x.ClientID] = x
		}
		inABC := map[string]bool{}
		for _, a := range abc.Rows {
			inABC[a.ClientID] = true
			x, ok := byID[a.ClientID]
			switch {
			case !ok:
				want.OnlyABC = append(want.OnlyABC, a.ClientID)
			case x.Status != XYZClassified:
				want.Unplaced = append(want.Unplaced, ABCXYZUnplaced{ClientID: a.ClientID, ABC: a.Class, XYZStatus: x.Status})
			default:
				cell := CellOf(a.Class, x.Class)
				want.Counts[cell]++
				want.Rows = append(want.Rows, ABCXYZRow{ClientID: a.ClientID, ABCRank: a.Rank, Cell: cell, Treatment: cfg.Treatments[cell]})
			}
		}
		for _, x := range xyz.Rows {
			if !inABC[x.ClientID] {
				want.OnlyXYZ = append(want.OnlyXYZ, x.ClientID)
			}
		}
		assert.Equal(t, want, got)
	}
}

func FuzzABCXYZConfigJSON(f *testing.F) {
	b, _ := json.Marshal(DefaultABCXYZConfig())
	f.Add(b)
	f.Add([]byte(`{"treatments":{"AX":"a","ZZ":"b"}}`))
	f.Add([]byte(`{"treatments":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c ABCXYZConfig
		if json.Unmarshal(data, &c) != nil || c.Validate() != nil {
			return
		}
		// A valid config has a non-empty text for each of the nine cells.
		for _, cell := range ABCXYZCells() {
			require.NotEmpty(t, c.Treatments[cell])
		}
	})
}

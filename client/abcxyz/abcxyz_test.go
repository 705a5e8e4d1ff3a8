package abcxyz

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCells(t *testing.T) {
	assert.Equal(t, AX, CellOf(abc.ClassA, xyz.ClassX))
	assert.Equal(t, BZ, CellOf(abc.ClassB, xyz.ClassZ))
	assert.Equal(t, CY, CellOf(abc.ClassC, xyz.ClassY))
	assert.Equal(t, Cell(0), CellOf(0, xyz.ClassX))
	for _, c := range Cells() {
		assert.Equal(t, c, CellOf(c.ABC(), c.XYZ()))
		assert.Equal(t, c.ABC().String()+c.XYZ().String(), c.String())
	}
	assert.Equal(t, abc.Class(0), Cell(10).ABC())
}

func TestABCXYZ(t *testing.T) {
	// ABC by revenue: a 500 (50 %), b 300 (80 %), c 150 (95 %), d 50, e 0
	// -> a A, b A, c B, d C, e C (no value).
	byValue, err := abc.Classify(revenues("a", "500", "b", "300", "c", "150", "d", "50", "e", "0"), abc.DefaultConfig())
	require.NoError(t, err)
	cfg := xyz.DefaultConfig()
	cfg.MinPeriods = 3
	steadiness, err := xyz.Classify([]xyz.Series{
		series("a", "100", "100", "100"),       // CV 0 -> X
		series("b", "87", "100", "113", "100"), // CV 9.19 % -> X
		series("c", "0", "0", "30"),            // CV 141 % -> Z
		series("d", "1", "1"),                  // 2 periods: insufficient history
		series("x", "5", "5", "5"),             // not in ABC
	}, cfg)
	require.NoError(t, err)

	res, err := Combine(byValue, steadiness, DefaultConfig())
	require.NoError(t, err)
	require.Len(t, res.Rows, 3)
	assert.Equal(t, Row{ClientID: "a", ABCRank: 1, Cell: AX, Treatment: DefaultConfig().Treatments[AX]}, res.Rows[0])
	assert.Equal(t, AX, res.Rows[1].Cell)
	assert.Equal(t, BZ, res.Rows[2].Cell)
	assert.Equal(t, 2, res.Counts[AX])
	assert.Equal(t, 1, res.Counts[BZ])
	assert.Len(t, res.Counts, 9)
	assert.Equal(t, []Unplaced{{ClientID: "d", ABC: abc.ClassC, XYZStatus: xyz.InsufficientHistory}}, res.Unplaced)
	assert.Equal(t, []string{"e"}, res.OnlyABC)
	assert.Equal(t, []string{"x"}, res.OnlyXYZ)
}

func TestABCXYZConfig(t *testing.T) {
	require.NoError(t, DefaultConfig().Validate())

	var c Config
	require.NoError(t, json.Unmarshal([]byte(`{"treatments":{"AX":"care","AY":" ","CZ":"minimal"}}`), &c))
	err := c.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []string{"treatments.AY", "treatments.AZ", "treatments.BX", "treatments.BY", "treatments.BZ", "treatments.CX", "treatments.CY"}, problemFields(t, err))
	assert.ErrorContains(t, err, "treatments.AZ: is missing")
	assert.ErrorContains(t, err, "treatments.AY: must not be empty")

	assert.ErrorContains(t, json.Unmarshal([]byte(`{"treatments":{"AW":"x"}}`), &c), `unknown ABC-XYZ cell "AW"`)
	c = DefaultConfig()
	c.Treatments[Cell(12)] = "x"
	assert.ErrorContains(t, c.Validate(), "treatments = Cell(12): unknown cell")

	b, err := json.Marshal(DefaultConfig())
	require.NoError(t, err)
	var back Config
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DefaultConfig(), back)
}

func TestABCXYZErrors(t *testing.T) {
	byValue, err := abc.Classify(revenues("a", "1"), abc.DefaultConfig())
	require.NoError(t, err)
	_, err = Combine(abc.Result{}, xyz.Result{}, DefaultConfig())
	assert.ErrorContains(t, err, "abc.rows: is empty")

	bad := xyz.Result{Rows: []xyz.Row{{ClientID: "a", Status: xyz.Classified}, {ClientID: "a", Status: xyz.NoDemand}}}
	_, err = Combine(byValue, bad, DefaultConfig())
	assert.ErrorContains(t, err, "xyz.rows[0] = a: has status classified and class : not a valid XYZ result")
	assert.ErrorContains(t, err, "xyz.rows[1].client_id = a: repeats xyz.rows[0]")

	_, err = Combine(byValue, xyz.Result{}, Config{})
	assert.ErrorContains(t, err, "config.treatments.AX: is missing")

	// Repeats within each result, found in the one join: b twice in ABC;
	// x twice in XYZ (not in ABC); a in ABC and twice in XYZ; missing IDs.
	twice := abc.Result{Rows: []abc.Row{{ClientID: "a", Class: abc.ClassA}, {ClientID: "b", Class: abc.ClassB}, {ClientID: "b", Class: abc.ClassC}, {Class: abc.ClassC}}}
	rows := xyz.Result{Rows: []xyz.Row{{ClientID: "x", Status: xyz.NoDemand}, {ClientID: "a", Status: xyz.NoDemand}, {ClientID: "x", Status: xyz.NoDemand},
		{ClientID: "a", Status: xyz.NoDemand, Class: xyz.ClassX}, {Status: xyz.NoDemand}}}
	_, err = Combine(twice, rows, DefaultConfig())
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
	cfg := DefaultConfig()
	for range 30 {
		var byValue abc.Result
		var steadiness xyz.Result
		for i, k := range r.Perm(200)[:100+r.IntN(100)] {
			id := fmt.Sprintf("c%03d", k)
			if i%3 != 1 {
				byValue.Rows = append(byValue.Rows, abc.Row{ClientID: id, Rank: i + 1, Class: abc.Class(1 + r.IntN(3))})
			}
			if i%3 != 2 {
				row := xyz.Row{ClientID: id, Status: xyz.Status(1 + r.IntN(3))}
				if row.Status == xyz.Classified {
					row.Class = xyz.Class(1 + r.IntN(3))
				}
				steadiness.Rows = append(steadiness.Rows, row)
			}
		}
		r.Shuffle(len(steadiness.Rows), func(i, j int) { steadiness.Rows[i], steadiness.Rows[j] = steadiness.Rows[j], steadiness.Rows[i] })
		got, err := Combine(byValue, steadiness, cfg)
		require.NoError(t, err)

		want := Result{Counts: map[Cell]int{}, Rows: []Row{}}
		for _, c := range Cells() {
			want.Counts[c] = 0
		}
		byID := map[string]xyz.Row{}
		for _, x := range steadiness.Rows {
			byID[x.ClientID] = x
		}
		inABC := map[string]bool{}
		for _, a := range byValue.Rows {
			inABC[a.ClientID] = true
			x, ok := byID[a.ClientID]
			switch {
			case !ok:
				want.OnlyABC = append(want.OnlyABC, a.ClientID)
			case x.Status != xyz.Classified:
				want.Unplaced = append(want.Unplaced, Unplaced{ClientID: a.ClientID, ABC: a.Class, XYZStatus: x.Status})
			default:
				cell := CellOf(a.Class, x.Class)
				want.Counts[cell]++
				want.Rows = append(want.Rows, Row{ClientID: a.ClientID, ABCRank: a.Rank, Cell: cell, Treatment: cfg.Treatments[cell]})
			}
		}
		for _, x := range steadiness.Rows {
			if !inABC[x.ClientID] {
				want.OnlyXYZ = append(want.OnlyXYZ, x.ClientID)
			}
		}
		assert.Equal(t, want, got)
	}
}

func FuzzABCXYZConfigJSON(f *testing.F) {
	b, _ := json.Marshal(DefaultConfig())
	f.Add(b)
	f.Add([]byte(`{"treatments":{"AX":"a","ZZ":"b"}}`))
	f.Add([]byte(`{"treatments":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Config
		if json.Unmarshal(data, &c) != nil || c.Validate() != nil {
			return
		}
		// A valid config has a non-empty text for each of the nine cells.
		for _, cell := range Cells() {
			require.NotEmpty(t, c.Treatments[cell])
		}
	})
}

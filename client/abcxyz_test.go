package client

import (
	"encoding/json"
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
	var list *ValidationError
	require.ErrorAs(t, err, &list)
	var fields []string
	for _, f := range list.Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, []string{"treatments.AY", "treatments.AZ", "treatments.BX", "treatments.BY", "treatments.BZ", "treatments.CX", "treatments.CY"}, fields)
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

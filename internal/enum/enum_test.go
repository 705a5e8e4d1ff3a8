package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type colour uint8

var colourNames = Names{"", "red", "green"}

func TestString(t *testing.T) {
	assert.Equal(t, "red", String(colourNames, "colour", colour(1)))
	assert.Equal(t, "", String(colourNames, "colour", colour(0)))
	assert.Equal(t, "colour(7)", String(colourNames, "colour", colour(7)))
}

func TestParse(t *testing.T) {
	c, err := Parse[colour](colourNames, "colour", "green")
	require.NoError(t, err)
	assert.Equal(t, colour(2), c)

	_, err = Parse[colour](colourNames, "colour", "blue")
	assert.EqualError(t, err, `unknown colour "blue" (want one of [red green])`)
	_, err = Parse[colour](colourNames, "colour", "")
	assert.Error(t, err, "the unset name is not parseable")
}

func TestMarshalRefusesUnsetAndUnknown(t *testing.T) {
	b, err := Marshal(colourNames, "colour", colour(1))
	require.NoError(t, err)
	assert.Equal(t, "red", string(b))
	_, err = Marshal(colourNames, "colour", colour(0))
	assert.Error(t, err)
	_, err = Marshal(colourNames, "colour", colour(3))
	assert.Error(t, err)
	assert.True(t, Valid(colourNames, colour(2)))
	assert.False(t, Valid(colourNames, colour(3)))
}

func TestUnmarshalSetsOnlyValidNames(t *testing.T) {
	c := colour(1)
	require.NoError(t, Unmarshal(colourNames, "colour", &c, []byte("green")))
	assert.Equal(t, colour(2), c)

	err := Unmarshal(colourNames, "colour", &c, []byte("blue"))
	assert.EqualError(t, err, `unknown colour "blue" (want one of [red green])`)
	assert.Equal(t, colour(2), c, "a refused name leaves the value unchanged")
	assert.Error(t, Unmarshal(colourNames, "colour", &c, nil), "empty text is the unset name, not parseable")
}

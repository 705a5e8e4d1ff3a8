// Package enumtest checks, in tests, that an enum keeps the promises of
// internal/enum: names round-trip through text, unknown and unset values
// are refused, the parser and UnmarshalText agree.
package enumtest

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CheckText checks one enum the way its doc promises: every valid
// value marshals to its String and back; the unset value and a value past
// the table do not marshal; an unknown name does not unmarshal and leaves
// the value as it was, with the same error as the parser (when there is one).
func CheckText[E interface {
	~uint8
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}, P interface {
	*E
	encoding.TextUnmarshaler
}](t *testing.T, parse func(string) (E, error)) {
	t.Helper()
	var zero E
	name := fmt.Sprintf("%T", zero)
	valid := 0
	for i := 1; i < 256; i++ {
		v := E(uint8(i))
		if !v.IsValid() {
			b, err := v.MarshalText()
			assert.Error(t, err, "%s(%d) has no name", name, i)
			assert.Nil(t, b)
			assert.Equal(t, fmt.Sprintf("%s(%d)", name[strings.IndexByte(name, '.')+1:], i), v.String(), "a corrupted value prints as such")
			break
		}
		valid++
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(b))
		var back E
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
		if parse != nil {
			p, err := parse(string(b))
			require.NoError(t, err)
			assert.Equal(t, v, p)
		}
	}
	assert.Positive(t, valid, name)
	_, err := zero.MarshalText()
	assert.Error(t, err, "the unset %s does not marshal", name)

	kept := E(1)
	err = P(&kept).UnmarshalText([]byte("no such name"))
	require.Error(t, err, name)
	assert.Equal(t, E(1), kept, "a refused name changes nothing")
	assert.Error(t, P(&kept).UnmarshalText(nil), "the unset name is refused")
	if parse != nil {
		_, perr := parse("no such name")
		assert.EqualError(t, err, perr.Error(), "UnmarshalText and the parser agree")
	}
}

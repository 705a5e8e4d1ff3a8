package validate

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/clientele-go/clientele"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One rule for every ID (issue 8: rule IDs accepted "v\u0000\u001b[31m",
// client IDs refused it).
func TestIDRule(t *testing.T) {
	var p Problems
	for _, ok := range []string{"c-1", "Вост", strings.Repeat("i", MaxIDLen), ".hidden", "a b"} {
		require.True(t, p.ID("id", ok), "%q", ok)
	}
	require.Zero(t, p.Len())
	bad := map[string]string{
		"":                              "id: is required",
		"   ":                           "id: is required",
		"v\x00\x1b[31m":                 `id = "v\x00\x1b[31m": must be printable UTF-8`,
		"\xff":                          `id = "\xff": must be printable UTF-8`,
		strings.Repeat("i", MaxIDLen+1): "id = iiiiiiiiiiiiiiii...: is 129 bytes long, the limit is 128",
		"tab\tinside":                   `id = "tab\tinside": must be printable UTF-8`,
	}
	for id, want := range bad {
		var q Problems
		assert.False(t, q.ID("id", id))
		assert.EqualError(t, q.Err(clientele.ErrInvalid), "invalid input: "+want)
	}
	var q Problems
	assert.True(t, q.OptionalID("id", ""))
	assert.False(t, q.OptionalID("id", "\n"))
}

func TestLabelsReportsRepeatsAndBlanks(t *testing.T) {
	var p Problems
	p.Labels("tags", []string{"vip", "", "retail", "vip", "a\x00"})
	assert.EqualError(t, p.Err(clientele.ErrInvalid), `invalid input: tags[1]: must not be empty; tags[3] = vip: is repeated; tags[4] = "a\x00": must be printable UTF-8`)
}

func TestKindMatchesItsParent(t *testing.T) {
	errPkg := Kind("pkg: invalid input", clientele.ErrInvalid)
	assert.True(t, errors.Is(errPkg, clientele.ErrInvalid))
	assert.Equal(t, "pkg: invalid input", errPkg.Error())
	var p Problems
	p.Add("a", 1, "bad")
	errSKU := Kind("pkg: unknown SKU", clientele.ErrInvalid)
	p.Also(errSKU)
	p.Also(errSKU)
	err := p.Err(errPkg)
	assert.EqualError(t, err, "pkg: invalid input: a = 1: bad", "one prefix, whatever else it matches")
	assert.ErrorIs(t, err, errSKU)
	var outer Problems
	outer.Merge("lines[0]", err)
	assert.ErrorIs(t, outer.Err(errPkg), errSKU, "Merge keeps the extra kinds")
}

// Labels is linear: 100 times the labels should cost about 100 times
// the time (compare the two sizes' ns/op; a quadratic check costs
// 10,000 times).
func BenchmarkLabels(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		labels := make([]string, n)
		for i := range labels {
			labels[i] = fmt.Sprintf("tag-%d", i)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				var p Problems
				p.Labels("tags", labels)
			}
		})
	}
}

// The pairwise check of short lists and the hashed one of long lists
// report the same repeats: each later occurrence, naming the first.
func TestRepeatsShortAndLongAgree(t *testing.T) {
	for _, n := range []int{shortList, shortList + 1, 100} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("o-%d", i%5)
		}
		ids[n-1] = ""
		var p Problems
		p.Repeats("open_orders", "id", n, func(i int) string { return ids[i] })
		err := p.Err(clientele.ErrInvalid)
		require.Error(t, err)
		var ve *clientele.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Len(t, ve.Fields, n-1-5, "n=%d: every ID past the first five repeats, the empty one aside", n)
		assert.Equal(t, "open_orders[5].id", ve.Fields[0].Field)
		assert.Equal(t, "repeats open_orders[0]: each id appears once", ve.Fields[0].Reason)
	}
}

package radix

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sortedByStdlib is the reference: the standard library's stable sort of
// the indices by their strings.
func sortedByStdlib(ids []string) []int32 {
	want := make([]int32, len(ids))
	for i := range want {
		want[i] = int32(i)
	}
	slices.SortStableFunc(want, func(x, y int32) int { return strings.Compare(ids[x], ids[y]) })
	return want
}

func sortStrings(ids []string) ([]uint64, []int32) {
	n := len(ids)
	return SortStrings(ids, make([]uint64, n), make([]uint64, n), make([]int32, n), make([]int32, n))
}

// TestSortStringsMatchesStableSort holds SortStrings against the standard
// library on lists built to reach every path: a shared prefix to skip,
// runs longer than smallRun that need a second and third key, strings
// that differ only in trailing zero bytes or length (which no key tells
// apart), empty strings and repeats (which must keep their input order).
func TestSortStringsMatchesStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 1))
	lists := map[string][]string{
		"empty":                  {},
		"one":                    {"x"},
		"all equal":              {"same", "same", "same"},
		"zero bytes and lengths": {"ab\x00", "ab", "ab\x00\x00", "", "ab", "a", "ab\x00"},
		"numbered":               numbered(r, "CL-%08d", 5000, 5000),
		"numbered with repeats":  numbered(r, "CL-%08d", 3000, 700),
		"no shared prefix":       numbered(r, "%d", 3000, 100000),
	}
	// Groups of 200 IDs sharing 20 bytes, across tenants: every group is a
	// run of equal first keys and of equal second keys.
	var tenants []string
	for i := range 2000 {
		tenants = append(tenants, fmt.Sprintf("tenant-%d/clients/region/%06d", r.IntN(10), r.IntN(1000)+i%3))
	}
	lists["long shared runs"] = tenants
	// Strings that run out inside a long run: "x" followed by 0 to 30
	// zero bytes, and the same with a tail.
	var zeros []string
	for i := range 400 {
		z := "x" + strings.Repeat("\x00", r.IntN(30))
		if i%2 == 0 {
			z += "y"
		}
		zeros = append(zeros, z)
	}
	lists["zeros in long runs"] = zeros
	for name, ids := range adversarial(2000) {
		lists[name] = ids
	}

	for name, ids := range lists {
		keys, got := sortStrings(ids)
		require.Equal(t, sortedByStdlib(ids), got, name)
		for j := 1; j < len(got); j++ {
			if ids[got[j]] == ids[got[j-1]] {
				assert.Equal(t, keys[j-1], keys[j], "%s: equal strings at %d and %d have equal keys", name, j-1, j)
			}
		}
	}
}

// adversarial returns lists a radix level per 8 bytes would sort in time
// proportional to n times the longest string: n short strings beside one
// of 16 KiB, n copies of one 16 KiB string, and n distinct strings alike
// in their first 4 KiB, each with an ID repeated.
func adversarial(n int) map[string][]string {
	long := "x" + strings.Repeat("\x00", 16<<10)
	short := make([]string, n, n+1)
	for i := range short {
		short[i] = "x"
	}
	copies := make([]string, n)
	for i := range copies {
		copies[i] = long
	}
	alike := make([]string, n)
	for i := range alike {
		alike[i] = strings.Repeat("a", 1<<10) + fmt.Sprint(n-i%(n-1))
	}
	return map[string][]string{
		"short beside one long":   append(short, long),
		"one long string n times": copies,
		"long strings alike":      alike,
	}
}

// numbered returns n IDs printed from random numbers below limit (so
// repeats occur when limit is small).
func numbered(r *rand.Rand, format string, n, limit int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf(format, r.IntN(limit))
	}
	return ids
}

// TestSortStringsAdversarial holds the adversarial lists against the
// standard library at a size where a radix level per 8 bytes of the
// longest string would take seconds (BenchmarkSortStringsAdversarial
// measures the time).
func TestSortStringsAdversarial(t *testing.T) {
	for name, ids := range adversarial(20_000) {
		_, got := sortStrings(ids)
		require.Equal(t, sortedByStdlib(ids), got, name)
	}
}

func TestPrefixKey(t *testing.T) {
	// "CL-00000042" after its 3-byte prefix "CL-": "00000042" is
	// 0x3030303030303432 big-endian.
	assert.Equal(t, uint64(0x3030303030303432), PrefixKey("CL-00000042", 3))
	// A short tail pads with zero bytes: "ab" is 0x6162 followed by six
	// zero bytes.
	assert.Equal(t, uint64(0x6162)<<48, PrefixKey("ab", 0))
	assert.Equal(t, uint64(0), PrefixKey("ab", 2))
	assert.Equal(t, uint64(0), PrefixKey("", 0))
}

func TestCommonPrefix(t *testing.T) {
	assert.Equal(t, 3, commonPrefix([]string{"CL-1", "CL-2", "CL-10"}))
	assert.Equal(t, 2, commonPrefix([]string{"abc", "ab"}))
	assert.Equal(t, 0, commonPrefix([]string{"abc", ""}))
	assert.Equal(t, 4, commonPrefix([]string{"same", "same"}))
}

func TestSpare(t *testing.T) {
	a, b := make([]int32, 2), make([]int32, 2)
	assert.Equal(t, &b[0], &Spare(a, a, b)[0])
	assert.Equal(t, &a[0], &Spare(b, a, b)[0])
}

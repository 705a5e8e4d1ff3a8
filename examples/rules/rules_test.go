package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/client"
	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/abcxyz"
	"github.com/clientele-go/clientele/client/complaint"
	"github.com/clientele-go/clientele/client/keyclients"
	"github.com/clientele-go/clientele/client/rating"
	"github.com/clientele-go/clientele/client/rfm"
	"github.com/clientele-go/clientele/client/segment"
	"github.com/clientele-go/clientele/client/solvency"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/contract"
	"github.com/clientele-go/clientele/contract/dunning"
	"github.com/clientele-go/clientele/contract/receivables"
	"github.com/clientele-go/clientele/discount"
	"github.com/clientele-go/clientele/kpi"
	"github.com/clientele-go/clientele/kpi/career"
	"github.com/clientele-go/clientele/onboarding"
)

// TestEveryFileLoadsAndEveryNameHasAFile: each file beside the program
// loads and validates as the type its name says, and each name the
// program knows has its file, so the directory shows every config.
func TestEveryFileLoadsAndEveryNameHasAFile(t *testing.T) {
	names, err := fs.Glob(files, "*.json")
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, checkAll(&out, files, names))
	assert.Len(t, names, len(configs), "one file per known name")
	for name, c := range configs {
		assert.Contains(t, out.String(), "ok   "+name+" ("+c.typeName+")\n")
	}
}

// TestDefaultFilesSayTheDefaults: a file that writes out a package's
// default must say what the default says today; when a default changes,
// this fails until the file is rewritten, so a host copying a file never
// copies stale numbers. Compared as JSON, the form the host edits.
func TestDefaultFilesSayTheDefaults(t *testing.T) {
	defaults := map[string]any{
		"abc.json":              abc.DefaultConfig(),
		"abc-textbook.json":     abc.TextbookConfig(),
		"xyz.json":              xyz.DefaultConfig(),
		"rfm.json":              rfm.DefaultConfig(),
		"abcxyz.json":           abcxyz.DefaultConfig(),
		"key-clients.json":      keyclients.DefaultConfig(),
		"segments.json":         segment.DefaultConfig(),
		"rating.json":           rating.DefaultConfig(),
		"complaints.json":       complaint.DefaultConfig(),
		"access-policy.json":    client.DefaultAccessPolicy(),
		"solvency.json":         solvency.DefaultConfig(),
		"contract-types.json":   contract.DefaultConfig(),
		"ageing.json":           receivables.DefaultAgeingConfig(),
		"dunning.json":          dunning.DefaultConfig(),
		"kpi-b2b-services.json": kpi.DefaultConfig(kpi.ModelB2BServices),
		"kpi-consulting.json":   kpi.DefaultConfig(kpi.ModelConsulting),
		"career.json":           career.DefaultConfig(),
		"onboarding-plan.json":  onboarding.DefaultPlan(),
	}
	for name, want := range defaults {
		t.Run(name, func(t *testing.T) {
			f, err := files.Open(name)
			require.NoError(t, err)
			defer f.Close()
			got, err := configs[name].load(f)
			require.NoError(t, err)
			assert.JSONEq(t, marshal(t, want), marshal(t, got))
		})
	}
}

// TestPriceList: the price list is no default; its numbers are read back
// as written. discount-rules.json is written for it, and the discount
// package's TestERPRulesFile prices an order with both files.
func TestPriceList(t *testing.T) {
	f, err := files.Open("price-list.json")
	require.NoError(t, err)
	defer f.Close()
	pl, err := clientele.LoadConfig[discount.PriceList](f)
	require.NoError(t, err)
	assert.Equal(t, "EUR", pl.Currency)
	require.Len(t, pl.Items, 6)
	screws := pl.Items[3]
	assert.Equal(t, "0.04", screws.UnitPrice.StringFixed(2), "per piece")
	require.Len(t, screws.Units, 1)
	assert.Equal(t, "box", screws.Units[0].Name)
	assert.Equal(t, "200", screws.Units[0].Factor.String())
	assert.Equal(t, "6.40", screws.Units[0].UnitPrice.Decimal.StringFixed(2), "a box of 200 costs less than 200 pieces (8.00)")
}

// TestAHostFileIsCheckedByItsName: a host's directory is checked file by
// file; every failure is reported, each naming the field and the value,
// and the good files still pass.
func TestAHostFileIsCheckedByItsName(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	write("abc.json", `{"measure": "revenue", "a_max_pct": "80", "b_max_pct": "70", "boundary": "crossing_in"}`)
	write("xyz.json", `{"x_max_pct": "10", "y_max_pct": "25", "deviaton": "population", "min_periods": 6}`)
	write("ageing.json", `{"edges": [0, 30, 60, 90]}`)
	write("pricing.json", `{}`)
	fsys, names, err := sources([]string{dir})
	require.NoError(t, err)
	var out bytes.Buffer
	err = checkAll(&out, fsys, names)
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, "abc.json: ")
	assert.Contains(t, msg, "b_max_pct", "the field")
	assert.Contains(t, msg, "70", "the value")
	assert.Contains(t, msg, `"deviaton"`, "a misspelt key is refused, named")
	assert.Contains(t, msg, `no configuration is named "pricing.json"`)
	assert.Contains(t, out.String(), "ok   "+filepath.Join(dir, "ageing.json")+" (receivables.AgeingConfig)")
	assert.Equal(t, 3, strings.Count(out.String(), "FAIL "))
}

// TestAFileNamedOnTheCommandLine: a single file is checked by its base
// name, wherever it lies.
func TestAFileNamedOnTheCommandLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ageing.json")
	require.NoError(t, os.WriteFile(p, []byte(`{"edges": [0, 15, 45]}`), 0o600))
	fsys, names, err := sources([]string{p})
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, checkAll(&out, fsys, names))
	_, _, err = sources([]string{filepath.Join(t.TempDir(), "missing.json")})
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

package abcxyz

import (
	"testing"

	"github.com/clientele-go/clientele/client/abc"
	"github.com/clientele-go/clientele/client/xyz"
	"github.com/clientele-go/clientele/internal/problemtest"
	"github.com/shopspring/decimal"
)

// problemFields returns the field of every problem err lists.
func problemFields(t *testing.T, err error) []string {
	t.Helper()
	return problemtest.Fields(t, err)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// revenues builds ABC totals from client ID and revenue pairs.
func revenues(kv ...string) []abc.Totals {
	out := make([]abc.Totals, 0, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		out = append(out, abc.Totals{ClientID: kv[i], Revenue: dec(kv[i+1])})
	}
	return out
}

// series builds one client's XYZ series from its values.
func series(id string, vals ...string) xyz.Series {
	s := xyz.Series{ClientID: id}
	for _, v := range vals {
		s.Values = append(s.Values, dec(v))
	}
	return s
}

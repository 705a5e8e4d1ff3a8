package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReport checks the figures of the day that can be worked out by
// hand from data.go, so the report cannot drift into printing nonsense.
func TestReport(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out))
	report := out.String()

	// Profit = revenue × margin: vostok 1,202,000 × 12 % = 144,240; neva
	// 855,000 × 15 % = 128,250; ural 47,700; oka 26,200; don 8,300;
	// retail 1,250 (baikal loses money and is left out): 355,940 in all.
	// Vostok alone holds 40.5 %, not more than half; with neva 272,490 =
	// 76.6 %.
	assert.Contains(t, report, "Key clients (more than 50 % of profit): vostok, neva, 76.6 % of 355940 EUR positive profit")
	// Exposure = the November invoice not yet due (102,000) + open orders
	// (100,000) + this order: over the limit, so held, then released by
	// the credit controller. The order is 10,829.15: its graduated screw
	// line is its exact total rounded, 1,310.73, not 250 × 5.24.
	assert.Contains(t, report, "exposure 212829.15 against limit 204822.59: hold")
	assert.Contains(t, report, "released by u-credit-17 (credit_controller): allow")
	// Anna asked for 5 %, above a manager's 3 %.
	assert.Contains(t, report, `authority: "m-anna" (manager) may commit up to 3 (limit of "manager"), asked 5: needs approval by "head_of_sales"`)
	// neva filed k-101, k-103 and k-105 in November: two or more is a
	// repeat.
	assert.Contains(t, report, "Repeated complaints: neva (k-101, k-103, k-105)")
	assert.Contains(t, report, `manager m-boris: refused (client: manager "m-boris" may not read client "vostok")`)

	// The report is a log: personal data stays redacted.
	for _, secret := range []string{"Pavel Smirnov", "Irina Volkova", "+7 831", "irina.v@", "555-00-11"} {
		assert.NotContains(t, report, secret)
	}
}

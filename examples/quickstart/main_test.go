package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

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
	// The generated history makes bad payers rarer as the on-time share
	// grows and commoner as days late grow (learn.go): the learner must
	// find both directions.
	assert.Contains(t, report, "on_time_share: 5 bins, descending")
	assert.Contains(t, report, "avg_days_late_weighted: 5 bins, ascending")
	assert.Contains(t, report, "exposure 212829.15 against limit 204822.59: hold")
	assert.Contains(t, report, "released by u-credit-17 (credit_controller): allow")
	// Anna asked for 5 %, above a manager's 3 %.
	assert.Contains(t, report, "Anna's extra discount of 5 % is beyond a manager's limit of 3 %;\n  head_of_sales must approve it.")
	// The key-account rule reads the rule segment key_accounts that
	// segment.Assign gave Vostok: 2 % of the price after the earlier
	// steps, shown to the client by the rule's name.
	assert.Contains(t, report, "Vostok's segments: A, AX, b2b, key_accounts, loyal, vip; VIP")
	assert.Regexp(t, `Key account\s+-242\.52`, report)
	// neva filed k-101, k-103 and k-105 in November: two or more is a
	// repeat.
	assert.Contains(t, report, "Repeated complaints: neva (k-101, k-103, k-105)")
	assert.Contains(t, report, `manager m-boris: refused (client: manager "m-boris" may not read client "vostok")`)

	// The contract from the offer: 10,829.15 EUR is beyond a manager's
	// 10,000 and within a lead manager's 50,000.
	assert.Contains(t, report, `asked 10829.15:`+"\n"+`    needs approval by "lead_manager"`)
	// Invoiced 3 Dec on the 60 days the credit decision allows: due 3 Dec
	// + 28 = 31 Dec, + 31 = 31 Jan, + 1 = 1 Feb 2027. 4,000 paid leaves
	// 6,829.15; on 15 Feb it is 14 days overdue: 6,829.15 × 8 % × 14 /
	// 365 = 20.955... → 20.96 penalty interest, half up.
	assert.Contains(t, report, "invoiced 10829.15, paid 4000.00, outstanding 6829.15, of which overdue 6829.15")
	assert.Contains(t, report, "INV-2612: 6829.15 ×\n    8 % × 14 / 365 = 20.96")
	// Baikal never paid May (15,000, due 8 May) and June (10,000, due 7
	// June): 202 and 172 days past due on 26 Nov; 15,000 × 8 % × 202 /
	// 365 = 664.109... → 664.11; 10,000 × 8 % × 172 / 365 = 376.986... →
	// 376.99; with the formal claim's 40.00 fee the claim is 26,081.10.
	assert.Regexp(t, `baikal\s+0\.00\s+0\.00\s+0\.00\s+0\.00\s+25000\.00`, report)
	assert.Contains(t, report, "A claim today asks 26081.10 EUR: 25000.00 past due + 1041.10 interest + 40.00 fees.")

	// Dmitry scored 35 of 60 (58.33 %) and then 50 of 60 (83.33 %)
	// against the 80 % pass mark; ready on 7 May, six months from 2 March
	// is 2 September: 24 + 30 + 31 + 31 + 2 = 118 days ahead.
	assert.Contains(t, report, "failed; one more, final chance left")
	assert.Contains(t, report, "118 days ahead of the expected 2026-09-02")
	// November's scorecard, 18 working days (19 weekdays from 2 to 26
	// November less the 4th, a holiday). Meetings in the log: 2+1+2+2+2+2
	// (3rd-13th) + 2+2 (16th, 19th) + 2+2+2 (23rd-26th) = 21; 21 / 18 =
	// 1.1667 a day against 1, 116.67 % of the target.
	assert.Regexp(t, `Meetings\s+1\.17 meetings per working day\s+1\s+meets\s+116\.67`, report)
	// Signed in November: vostok 102,000 + neva 70,000 + oka 11,000 + don
	// 28,000 = 211,000 against the 200,000 plan: 105.50 %, 11,000 over.
	assert.Contains(t, report, "Signed 4 contracts for 211000.00 EUR against a plan of 200000.00 EUR: 105.50% fulfilled,")
	// Open at the month's end: kama 60,000 × 60 % + ural 180,000 × 90 %
	// + baikal 15,000 × 40 % = 36,000 + 162,000 + 6,000 = 204,000. Kama,
	// met on the 9th, 16th and 23rd with no contract, is the prospect
	// whose decision maker was most likely never reached.
	assert.Contains(t, report, "3 are open, weighing 204000.00 EUR by")
	assert.Contains(t, report, "Client kama: 3 meetings from 2026-11-09 to 2026-11-23 and no contract")

	// A report a person reads in a terminal: no line runs past 100
	// characters.
	for i, line := range strings.Split(report, "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(line), 100, "line %d: %q", i+1, line)
	}
	// E-mails appear only where the access policy allowed the reader.
	assert.Contains(t, report, "lead_manager l-olga: allowed to read Vostok Trading; revealed e-mail: purchasing@vostok.example")
	assert.Equal(t, 2, strings.Count(report, "purchasing@vostok.example"))

	// The report is a log: personal data stays redacted.
	for _, secret := range []string{"Pavel Smirnov", "Irina Volkova", "+7 831", "irina.v@", "555-00-11"} {
		assert.NotContains(t, report, secret)
	}
}

package authority

import (
	"testing"
	"time"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The discount chain of the package doc: manager 5 % → head of sales
// 10 % → director 20 %, and one senior manager with 7 % of her own.
var chain = Limits{
	{Holder: "manager", Max: d("5"), ApprovedBy: "head_of_sales"},
	{Holder: "head_of_sales", Max: d("10"), ApprovedBy: "director"},
	{Holder: "director", Max: d("20")},
	{Holder: "m-olga", Max: d("7"), ApprovedBy: "head_of_sales"},
}

func TestCheckWithinAndBeyondTheLimit(t *testing.T) {
	require.NoError(t, chain.Validate())
	anna := Actor{ID: "m-anna", Role: "manager"}
	olga := Actor{ID: "m-olga", Role: "manager"}

	assert.NoError(t, chain.Check(anna, d("5")), "exactly at the limit is within it")
	assert.NoError(t, chain.Check(olga, d("7")), "a personal limit wins over the role's")

	err := chain.Check(anna, d("8"))
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, LimitError{Actor: anna, Holder: "manager", Max: d("5"), Amount: d("8"), Approver: "head_of_sales"}, *le)
	assert.EqualError(t, err, `authority: "m-anna" (manager) may commit up to 5 (limit of "manager"), asked 8: needs approval by "head_of_sales"`)
	assert.ErrorIs(t, err, ErrLimitExceeded)
	assert.ErrorIs(t, err, clientele.ErrForbidden)

	require.ErrorAs(t, chain.Check(anna, d("15")), &le)
	assert.Equal(t, "director", le.Approver, "the lowest holder whose limit covers 15 %")

	require.ErrorAs(t, chain.Check(anna, d("25")), &le)
	assert.Empty(t, le.Approver)
	assert.EqualError(t, le, `authority: "m-anna" (manager) may commit up to 5 (limit of "manager"), asked 25: above every limit of the chain`)

	require.ErrorAs(t, chain.Check(Actor{ID: "u-9", Role: "intern"}, d("1")), &le)
	assert.Empty(t, le.Holder)
	assert.EqualError(t, le, `authority: "u-9" (intern) has no limit, asked 1`)

	var none Limits
	assert.ErrorIs(t, none.Check(anna, d("1")), ErrLimitExceeded, "the zero Limits grants nothing")
	assert.NoError(t, Limits{{Holder: "manager", Max: decimal.Zero}}.Check(anna, decimal.Zero), "asking nothing is within any limit")
}

func TestOutranks(t *testing.T) {
	assert.True(t, chain.Outranks("director", "manager"))
	assert.True(t, chain.Outranks("head_of_sales", "head_of_sales"))
	assert.False(t, chain.Outranks("manager", "director"))
	assert.False(t, chain.Outranks("m-olga", "manager"), "olga's own entry is beside the chain, not above the manager")
	assert.False(t, chain.Outranks("director", "nobody"))
}

func TestValidateReportsEveryProblem(t *testing.T) {
	bad := Limits{
		{Holder: "", Max: d("5")},
		{Holder: "manager", Max: d("-1")},
		{Holder: "manager", Max: decimal.New(1, 99)},
		{Holder: "head\n", Max: d("1")},
	}
	err := bad.Validate()
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, clientele.ErrInvalid)
	assert.EqualError(t, err, `authority: invalid input: [0].holder: is required; [1].max = -1: must not be negative; `+
		`[2].holder = manager: repeats limits[1]: each holder appears once; [2].max = 1e99: is out of range: more than 30 decimal places or a scale above 10^30; `+
		`[3].holder = "head\n": must be printable UTF-8`)

	chainErrs := Limits{
		{Holder: "manager", Max: d("5"), ApprovedBy: "boss"},
		{Holder: "lead", Max: d("10"), ApprovedBy: "head"},
		{Holder: "head", Max: d("10"), ApprovedBy: "lead"},
	}
	assert.EqualError(t, chainErrs.Validate(), `authority: invalid input: [0].approved_by = boss: no limit has this holder; `+
		`[1].approved_by = head: the approver's max 10 must be above this holder's 10; [2].approved_by = lead: the approver's max 10 must be above this holder's 10`)
}

func TestActorAndSignature(t *testing.T) {
	assert.NoError(t, Actor{ID: "u-1", Role: "manager"}.Validate())
	assert.EqualError(t, Actor{}.Validate(), "authority: invalid input: id: is required; role: is required")
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	assert.NoError(t, Signature{By: Actor{ID: "u-1", Role: "manager"}, At: at}.Validate())
	assert.EqualError(t, Signature{}.Validate(), "authority: invalid input: by.id: is required; by.role: is required; at: is required: a signature records when it was given")
}

// A long list is checked through a map (linear), a short one by scans:
// both find the same repeat and the same missing approver.
func TestValidateLongList(t *testing.T) {
	var long Limits
	for i := range 20 {
		long = append(long, Limit{Holder: "h" + string(rune('a'+i)), Max: decimal.NewFromInt(int64(i))})
	}
	long = append(long, Limit{Holder: "ha", Max: d("1"), ApprovedBy: "nobody"})
	assert.EqualError(t, long.Validate(), "authority: invalid input: [20].holder = ha: repeats limits[0]: each holder appears once")
	long[20].Holder = "zz"
	assert.EqualError(t, long.Validate(), "authority: invalid input: [20].approved_by = nobody: no limit has this holder")
	long[20].ApprovedBy = "ht"
	assert.NoError(t, long.Validate(), "ht's max 19 is above 1")
}

package dunning

import (
	"strconv"

	"github.com/clientele-go/clientele"
	"github.com/clientele-go/clientele/internal/currency"
	"github.com/clientele-go/clientele/internal/validate"
	"github.com/shopspring/decimal"
)

// ErrInvalid marks bad input: a config, a debt or a dispute that fails
// validation, as a *clientele.ValidationError naming each field and
// value.
var ErrInvalid = validate.Kind("dunning: invalid input", clientele.ErrInvalid)

// ErrCurrency is matched, beside ErrInvalid, by an invoice in another
// currency than the config's.
var ErrCurrency = validate.Kind("dunning: currency mismatch", clientele.ErrInvalid)

// MaxLevels bounds the dunning levels.
const MaxLevels = 8

// maxLevelDays bounds a level's days past due: ten years.
const maxLevelDays = 3660

// DaysInYear is the day count of penalty interest: outstanding × annual
// rate / 365 × days overdue.
const DaysInYear = 365

// Level is one step of the dunning process: what to do once the oldest
// overdue invoice is AfterDays past due, and the fixed fee the step
// charges.
type Level struct {
	Action    Action          `json:"action"`
	AfterDays int             `json:"after_days"`
	Fee       decimal.Decimal `json:"fee"`
}

// Config is the dunning process: its levels, mildest first, the annual
// rate of penalty interest and the currency fees are in. Load it with
// clientele.LoadConfig.
//
// The zero Config is not valid: Validate names the currency and the
// levels it lacks.
type Config struct {
	Currency string  `json:"currency"`
	Levels   []Level `json:"levels"`
	// AnnualRate is the penalty interest rate, in percent a year (8
	// means 8 %), charged on what is past due for each day past due.
	AnnualRate decimal.Decimal `json:"annual_rate"`
}

// DefaultConfig returns the article's process in euros: a reminder at 3
// days past due, a call at 15, a formal claim at 30 and legal action at
// 60. The formal claim charges 40.00, the fixed compensation for
// recovery costs of the EU Late Payment Directive (2011/7/EU, art. 6);
// the rate is that Directive's 8 percentage points (a host adds the
// central bank's reference rate of its half-year).
func DefaultConfig() Config {
	return Config{
		Currency: "EUR",
		Levels: []Level{
			{Action: ActionReminder, AfterDays: 3, Fee: decimal.Zero},
			{Action: ActionCall, AfterDays: 15, Fee: decimal.Zero},
			{Action: ActionFormalClaim, AfterDays: 30, Fee: decimal.New(4000, -2)},
			{Action: ActionLegal, AfterDays: 60, Fee: decimal.Zero},
		},
		AnnualRate: decimal.NewFromInt(8),
	}
}

// Validate reports every problem at once.
func (c Config) Validate() error {
	var p validate.Problems
	c.check(&p)
	return p.Err(ErrInvalid)
}

func (c Config) check(p *validate.Problems) {
	minor, ok := currency.MinorUnits(c.Currency)
	if !ok {
		p.Add("currency", strconv.Quote(c.Currency), "is not an ISO 4217 currency code")
	}
	p.Percent("annual_rate", c.AnnualRate, 0, 100)
	if len(c.Levels) == 0 || len(c.Levels) > MaxLevels {
		p.Addf("levels", len(c.Levels), "must list 1 to %d levels", MaxLevels)
	}
	seen := map[Action]int{}
	for i, l := range c.Levels {
		f := "levels[" + strconv.Itoa(i) + "]"
		switch j, dup := seen[l.Action]; {
		case !l.Action.IsValid():
			p.Add(f+".action", l.Action, "unknown action")
		case dup:
			p.Addf(f+".action", l.Action, "repeats levels[%d]: each action is one level", j)
		default:
			seen[l.Action] = i
		}
		switch {
		case l.AfterDays < 0 || l.AfterDays > maxLevelDays:
			p.Addf(f+".after_days", l.AfterDays, "must be within 0..%d", maxLevelDays)
		case i > 0 && l.AfterDays <= c.Levels[i-1].AfterDays:
			p.Addf(f+".after_days", l.AfterDays, "must be after the level before it (%d days)", c.Levels[i-1].AfterDays)
		}
		if p.NonNegative(f+".fee", l.Fee) && ok && !l.Fee.Shift(minor).IsInteger() {
			p.Addf(f+".fee", l.Fee, "has more than %d decimal places, the currency's minor unit", minor)
		}
	}
}

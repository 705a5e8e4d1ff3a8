// Package validate collects every problem found in an input before
// reporting them together, so a caller fixes a config or a record in one
// round trip instead of one error at a time. The problems are the public
// clientele.FieldError and clientele.ValidationError, whichever package
// reports them, and the rules for IDs, names and text (text.go) are the
// library's one set.
package validate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/clientele-go/clientele"
	"github.com/shopspring/decimal"
)

// FieldError is the public field problem, clientele.FieldError.
type FieldError = clientele.FieldError

// Error is the public list of problems, clientele.ValidationError.
type Error = clientele.ValidationError

// Problems accumulates field errors. The zero value is ready to use and
// lists every problem; see Limit for inputs of many rows.
type Problems struct {
	fields  []*FieldError
	also    []error // further sentinels the problems match
	limit   int     // the most problems listed; 0 lists all
	list    string  // where Err reports the count of the others
	dropped int     // problems found past the limit
}

// MaxListed is the limit the calculations set with Limit: a hundred
// problems are more than anyone reads in one go, and the count of the
// rest says how bad the input is.
const MaxListed = 100

// Limit makes p list at most n problems (n > 0): the ones found after
// are counted, not kept, and Err reports their number as one more
// problem of the field list (the input they come from, such as
// "totals"). A million bad rows then make one readable error, not a
// hundred megabytes of them. Call it before recording anything.
func (p *Problems) Limit(list string, n int) {
	p.list, p.limit = list, n
}

// full reports whether the next problem is past the limit, and counts it
// if so.
func (p *Problems) full() bool {
	if p.limit > 0 && len(p.fields) >= p.limit {
		p.dropped++
		return true
	}
	return false
}

// Add records a problem with field whose value is value.
func (p *Problems) Add(field string, value any, reason string) {
	if !p.full() {
		p.fields = append(p.fields, &FieldError{Field: field, Value: value, Reason: reason})
	}
}

// Addf records a problem whose reason is formatted (only when it is
// listed: a problem past the limit costs no formatting).
func (p *Problems) Addf(field string, value any, format string, args ...any) {
	if !p.full() {
		p.fields = append(p.fields, &FieldError{Field: field, Value: value, Reason: fmt.Sprintf(format, args...)})
	}
}

// Merge records every problem in err under the prefix (a field path such
// as "tiers[2]"). Errors that are not field problems are recorded as a
// problem of the prefix itself, so nothing is dropped.
func (p *Problems) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	var list *Error
	if errors.As(err, &list) {
		for _, f := range list.Fields {
			p.Add(Path(prefix, f.Field), f.Value, f.Reason)
		}
		for _, s := range list.Also {
			p.Also(s)
		}
		return
	}
	p.Add(prefix, nil, err.Error())
}

// Len reports how many problems were recorded, listed or not.
func (p *Problems) Len() int { return len(p.fields) + p.dropped }

// Err returns nil when no problem was recorded, otherwise an *Error that
// matches kind with errors.Is and each field problem with errors.As.
// Past the limit, its last field problem counts the problems not listed.
func (p *Problems) Err(kind error) error {
	if p.Len() == 0 {
		return nil
	}
	fields := append([]*FieldError(nil), p.fields...)
	if p.dropped > 0 {
		fields = append(fields, &FieldError{Field: p.list, Value: p.dropped,
			Reason: fmt.Sprintf("%d more problems not listed (the first %d are)", p.dropped, p.limit)})
	}
	return &Error{Kind: kind, Also: p.also, Fields: fields}
}

// Also makes the error Err returns match sentinel too (an unknown SKU, a
// currency mismatch), without adding to its message. Repeats are kept
// once.
func (p *Problems) Also(sentinel error) {
	for _, s := range p.also {
		if s == sentinel {
			return
		}
	}
	p.also = append(p.also, sentinel)
}

// Path joins a field path to the path of the record or list it lies in:
// Path("histories[3]", "total") is "histories[3].total", an index joins
// without a dot (Path("tiers", "[2]") is "tiers[2]"), and an empty side
// leaves the other.
func Path(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	case strings.HasPrefix(field, "["):
		return prefix + field
	default:
		return prefix + "." + field
	}
}

// MaxExponent bounds the decimal exponent of every decimal input, amount
// or percentage: more than 30 decimal places, or a scale above 10^30, is
// no money and no rate anyone books. The bound is also what keeps
// arithmetic on untrusted input cheap: shopspring compares and adds two
// decimals by rescaling one to the other's exponent, which costs as many
// digits as the exponents differ, so a single "1e-999999999" would stall
// a comparison with 100; and exact integer sums at a common exponent
// (internal/exactsum) stay within 18 + 60 digits a unit.
const MaxExponent = 30

// RangeReason is the problem reported for a decimal outside MaxExponent.
const RangeReason = "is out of range: more than 30 decimal places or a scale above 10^30"

// InRange reports whether d's exponent lies within ±MaxExponent, as any
// decimal input's must (zero too: a zero's exponent costs the same in a
// comparison). Check it before comparing or adding d.
func InRange(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -MaxExponent && e <= MaxExponent
}

// CheckRange records a problem when v is not InRange, and reports
// whether it is, so the caller compares v only when that is safe.
func (p *Problems) CheckRange(field string, v decimal.Decimal) bool {
	if !InRange(v) {
		p.Add(field, Sci(v), RangeReason)
		return false
	}
	return true
}

// Sci writes d as coefficient "e" exponent ("1e-999999999"): the way to
// print a decimal that is not InRange, whose digits written out could
// run to a billion characters.
func Sci(d decimal.Decimal) string {
	return d.Coefficient().String() + "e" + strconv.Itoa(int(d.Exponent()))
}

// NonNegative records a problem when the amount v is out of range or
// below zero, and reports whether it is fine.
func (p *Problems) NonNegative(field string, v decimal.Decimal) bool {
	if !p.CheckRange(field, v) {
		return false
	}
	if v.Sign() < 0 {
		p.Add(field, v, "must not be negative")
		return false
	}
	return true
}

// Percent records a problem when v, a percentage in percent points (12.5
// means 12.5 %), is out of range or lies outside lo..hi percent, both
// ends allowed, and reports whether it is fine.
func (p *Problems) Percent(field string, v decimal.Decimal, lo, hi int64) bool {
	if !p.CheckRange(field, v) {
		return false
	}
	if v.LessThan(decimal.NewFromInt(lo)) || v.GreaterThan(decimal.NewFromInt(hi)) {
		p.Addf(field, v, "must be a percentage within %d..%d", lo, hi)
		return false
	}
	return true
}

// Share records a problem when v, a share in percent points, is out of
// range or not above 0 and at most 100 (a threshold of cumulative value,
// a profit share that earns full marks), and reports whether it is fine.
func (p *Problems) Share(field string, v decimal.Decimal) bool {
	if !p.CheckRange(field, v) {
		return false
	}
	if v.Sign() <= 0 || v.GreaterThan(decimal.NewFromInt(100)) {
		p.Add(field, v, "must be a percentage above 0 and at most 100")
		return false
	}
	return true
}

// Thresholds records the problems of two class thresholds lo ≤ hi (ABC's
// cumulative shares, XYZ's coefficients of variation), each a percentage
// above 0 and at most 100.
func (p *Problems) Thresholds(loField string, lo decimal.Decimal, hiField string, hi decimal.Decimal) {
	okLo := p.Share(loField, lo)
	okHi := p.Share(hiField, hi)
	if okLo && okHi && lo.GreaterThan(hi) {
		p.Addf(hiField, hi, "must not be below %s (%s)", loField, lo)
	}
}

// Date records a problem when d is unset and required ("is required") or
// invalid (a 30 February built in Go; JSON refuses one already), and
// reports whether d is a day that may be compared or is an allowed unset.
func (p *Problems) Date(field string, d clientele.Date, required bool) bool {
	switch {
	case d.IsZero() && required:
		p.Add(field, nil, "is required")
		return false
	case !d.IsZero() && !d.IsValid():
		p.Add(field, nil, "is not a calendar date in years 1-9999")
		return false
	}
	return true
}

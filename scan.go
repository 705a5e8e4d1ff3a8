package clientele

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Bounds on single values of a config, checked before any value is
// parsed: a number of a million digits costs shopspring seconds and
// gigabytes to parse, and no rate, amount or threshold needs more than a
// few dozen characters, nor any name or ID more than a few hundred.
const (
	maxConfigNumber = 80
	maxConfigString = 4096
)

// maxConfigExponent is validate.MaxExponent, the bound on every decimal
// the library takes, which the root cannot import (validate imports the
// root); a test holds the two equal. outOfRange is validate.RangeReason,
// so a value reads the same whether the loader or a package's Validate
// refuses it.
const (
	maxConfigExponent = 30
	outOfRange        = "is out of range: more than 30 decimal places or a scale above 10^30"
)

// scanConfig walks the JSON document data token by token, once (linear
// in its size), and reports the first of these problems, or nil:
//
//   - a key that appears twice in one object ("limits[0].max"):
//     encoding/json keeps the last of two equal keys, so "max": 25,
//     "max": 90 would load as 90 with nothing said;
//   - a number longer than maxConfigNumber characters or a string longer
//     than maxConfigString bytes (a decimal may be written as either);
//   - a number, or a string that reads as one ("1e9999999999"), whose
//     exponent as a decimal would carry it lies beyond
//     ±maxConfigExponent: shopspring cannot hold an exponent past the
//     int32 range and reports one as "fractional part too long", without
//     the field; a float64 field silently reads 1e-9999999999 as 0; and
//     every package would refuse any other such decimal anyway.
//
// A malformed document returns nil and is left to the decoder to report.
func scanConfig(data []byte) *FieldError {
	var stack []scanFrame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].atKey {
			key, ok := tok.(string)
			if !ok { // the closing brace
				stack = endValue(stack[:n-1])
				continue
			}
			f := &stack[n-1]
			f.key, f.atKey = key, false
			if _, dup := f.keys[key]; dup {
				return &FieldError{Field: scanPath(stack), Reason: "appears twice in one object: JSON keeps the last silently, so a config may not repeat a key"}
			}
			f.keys[key] = struct{}{}
			continue
		}
		if f := badValue(tok); f != nil {
			f.Field = scanPath(stack)
			return f
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, scanFrame{object: true, keys: map[string]struct{}{}, atKey: true})
		case json.Delim('['):
			stack = append(stack, scanFrame{})
		case json.Delim(']'):
			stack = endValue(stack[:len(stack)-1])
		default:
			stack = endValue(stack)
		}
		if len(stack) == 0 && !dec.More() {
			return nil
		}
	}
}

// scanFrame is an object or an array being read.
type scanFrame struct {
	object bool
	keys   map[string]struct{}
	key    string // the object's current key
	index  int    // the array's current index
	atKey  bool   // the object expects a key next
}

// endValue moves the innermost container past the value just read.
func endValue(stack []scanFrame) []scanFrame {
	if n := len(stack); n > 0 {
		if stack[n-1].object {
			stack[n-1].atKey = true
		} else {
			stack[n-1].index++
		}
	}
	return stack
}

// scanPath names the value being read as a field path: "limits[1].max".
func scanPath(stack []scanFrame) string {
	var b strings.Builder
	for _, f := range stack {
		if !f.object {
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(f.key)
	}
	return b.String()
}

// badValue returns a problem, without its field, for a number or a
// string value past the bounds.
func badValue(tok json.Token) *FieldError {
	var text string
	switch v := tok.(type) {
	case json.Number:
		if len(v) > maxConfigNumber {
			return &FieldError{Value: string(v[:20]) + "...", Reason: "is a number of " + strconv.Itoa(len(v)) + " characters, the limit is " + strconv.Itoa(maxConfigNumber)}
		}
		text = string(v)
	case string:
		if len(v) > maxConfigString {
			return &FieldError{Value: v, Reason: "is " + strconv.Itoa(len(v)) + " bytes long, the limit for one value of a config is " + strconv.Itoa(maxConfigString)}
		}
		text = v
	default:
		return nil
	}
	if exp, ok := decimalExponent(text); ok && (exp > maxConfigExponent || exp < -maxConfigExponent) {
		return &FieldError{Value: text, Reason: outOfRange}
	}
	return nil
}

// decimalExponent returns the exponent the decimal written s would carry
// in shopspring (the written exponent less the digits after the point:
// "1.25e3" is 125 × 10^1), and whether s is a decimal at all: a sign,
// digits with at most one point, and an optional exponent "e" or "E"
// with a sign and digits. A written exponent is read saturating at
// 10^12, past any int32 and any string's length, so no input overflows.
func decimalExponent(s string) (int64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	var digits, frac int64
	point := false
	for ; i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' && !point); i++ {
		switch {
		case s[i] == '.':
			point = true
		case point:
			digits++
			frac++
		default:
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i == len(s) {
		return -frac, true
	}
	if s[i] != 'e' && s[i] != 'E' {
		return 0, false
	}
	i++
	negative := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		negative = s[i] == '-'
		i++
	}
	if i == len(s) {
		return 0, false
	}
	var exp int64
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		exp = min(exp*10+int64(c-'0'), 1e12)
	}
	if negative {
		exp = -exp
	}
	return exp - frac, true
}
